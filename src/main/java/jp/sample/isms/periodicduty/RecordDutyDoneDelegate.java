package jp.sample.isms.periodicduty;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

import jp.sample.isms.audit.AuditEntry;
import jp.sample.isms.audit.AuditRecorder;
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
    String acceptor = Context.getCommandContext().getAuthenticatedUserId();
    occurrences.done(execution.getProcessInstanceId(), acceptor, audit.now());
    // 1.2: the accepted audit's improvement plan is tracked from now on, item by item
    improvements.track(execution.getProcessInstanceId());
    Occurrences.Occurrence occurrence = occurrences.byProcessInstance(execution.getProcessInstanceId()).orElseThrow();
    audit.record(new AuditEntry(null, occurrence.businessKey(), execution.getProcessInstanceId(),
        PeriodicDutyProcess.KEY, null, "ServiceTask_RecordDutyDone", "定期業務の完了", "SYSTEM", acceptor,
        organisation.displayName(acceptor), occurrence.acceptingRole(), null, occurrence.performedBy(),
        occurrence.department(), null, "DONE", occurrence.dutyName() + " (期限 " + occurrence.dueDate() + ", 実施 "
            + organisation.displayName(occurrence.performedBy()) + ")", occurrence.clauses(), null, null));
  }
}
