package jp.sample.isms.periodicduty;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.engine.EngineInternals;
import jp.sample.isms.organisation.OrganisationService;

/**
 * {@code ServiceTask_RecordPerformance}: who did the duty, which the acceptance excludes (four eyes). After an account
 * review the filing of its requests ran as a job of its own; the reviewer was recorded with the review.
 */
@Component
class RecordPerformanceDelegate implements JavaDelegate {

  private final Occurrences occurrences;
  private final OrganisationService organisation;
  private final AuditRecorder audit;

  RecordPerformanceDelegate(Occurrences occurrences, OrganisationService organisation, AuditRecorder audit) {
    this.occurrences = occurrences;
    this.organisation = organisation;
    this.audit = audit;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String actor = EngineInternals.commandUser();
    if (actor != null) {
      occurrences.performed(execution.getProcessInstanceId(), actor, audit.now());
    }
    String performer = occurrences.byProcessInstance(execution.getProcessInstanceId())
        .map(Occurrences.Occurrence::performedBy).orElse(actor);
    execution.setVariable(PeriodicDutyProcess.PERFORMED_BY, performer);
    execution.setVariable(PeriodicDutyProcess.PERFORMED_BY_NAME, performer == null ? null
        : organisation.displayName(performer));
  }
}
