package jp.sample.isms.incident;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.RequestRecords;
import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.audit.Outcome;

/**
 * {@code ServiceTask_CloseIncident}, 9.4: the incident is closed with its cause, measures and recurrence prevention as
 * reported and approved; the register shows it closed.
 */
@Component
class CloseIncidentDelegate implements JavaDelegate {

  private final IncidentRegister register;
  private final RequestRecords records;
  private final AuditRecorder audit;

  CloseIncidentDelegate(IncidentRegister register, RequestRecords records, AuditRecorder audit) {
    this.register = register;
    this.records = records;
    this.audit = audit;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String businessKey = records.businessKey(execution);
    register.closureReported(businessKey, Incidents.string(execution, IncidentProcess.CAUSE),
        Incidents.string(execution, IncidentProcess.MEASURES_TAKEN),
        Incidents.string(execution, IncidentProcess.RECURRENCE_PREVENTION),
        Incidents.level(execution) == 3 ? Incidents.isTrue(execution, IncidentProcess.PUBLICATION_DONE) : null);
    register.closed(businessKey, audit.now());
    audit.record(Incidents.systemEntry(execution, businessKey, records.requester(execution),
        records.department(execution), "インシデントを終結する", null, Outcome.CLOSED,
        "事故レベル " + Incidents.level(execution) + " のインシデントを終結", "9.4"));
  }
}
