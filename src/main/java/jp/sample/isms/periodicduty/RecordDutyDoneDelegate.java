package jp.sample.isms.periodicduty;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import jp.sample.isms.audit.AuditEntry;
import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.audit.AuditStepKind;
import jp.sample.isms.audit.Outcome;
import jp.sample.isms.engine.EngineInternals;
import jp.sample.isms.organisation.OrganisationService;

/**
 * {@code ServiceTask_RecordDutyDone}: the occurrence is done, accepted by whoever accepted it; the decision record
 * holds it under the duty's own clauses; an audit's improvement items are tracked from now on.
 */
@Component
class RecordDutyDoneDelegate implements JavaDelegate {

  private final Occurrences occurrences;
  private final AuditRecorder audit;
  private final OrganisationService organisation;
  private final ImprovementItems improvements;

  RecordDutyDoneDelegate(Occurrences occurrences, AuditRecorder audit, OrganisationService organisation,
      ImprovementItems improvements) {
    this.improvements = improvements;
    this.occurrences = occurrences;
    this.audit = audit;
    this.organisation = organisation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String acceptor = EngineInternals.commandUser();
    occurrences.done(execution.getProcessInstanceId(), acceptor, audit.now());
    // 1.2: the accepted audit's improvement plan is tracked from now on, item by item
    improvements.track(execution.getProcessInstanceId());
    Occurrences.Occurrence occurrence = occurrences.byProcessInstance(execution.getProcessInstanceId()).orElseThrow();
    audit.record(AuditEntry.step(occurrence.businessKey(), execution.getProcessInstanceId(), PeriodicDutyProcess.KEY,
            "ServiceTask_RecordDutyDone", "定期業務の完了", AuditStepKind.SYSTEM)
        .by(acceptor, organisation.displayName(acceptor)).actingAs(occurrence.acceptingRole())
        .requester(occurrence.performedBy(), occurrence.department()).outcome(Outcome.DONE)
        .comment(occurrence.dutyName() + " (期限 " + occurrence.dueDate() + ", 実施 "
            + organisation.displayName(occurrence.performedBy()) + ")")
        .clauses(occurrence.clauses()).build());
  }
}
