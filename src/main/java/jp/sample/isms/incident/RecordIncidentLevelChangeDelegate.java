package jp.sample.isms.incident;

import java.time.format.DateTimeFormatter;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.RequestRecords;
import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.audit.Outcome;

/**
 * {@code ServiceTask_RecordLevelChange}, 9.2: a responder changed the level, at the confirmation or later; the change,
 * who made it and the reason go into the decision record and the register before the incident is routed again.
 */
@Component
class RecordIncidentLevelChangeDelegate implements JavaDelegate {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final IncidentRegister register;
  private final RequestRecords records;
  private final AuditRecorder audit;

  RecordIncidentLevelChangeDelegate(IncidentRegister register, RequestRecords records, AuditRecorder audit) {
    this.register = register;
    this.records = records;
    this.audit = audit;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String businessKey = records.businessKey(execution);
    String from = Incidents.string(execution, IncidentProcess.ROUTED_LEVEL);
    int to = Incidents.level(execution);
    String reason = Incidents.string(execution, IncidentProcess.LEVEL_REASON);
    String by = Incidents.actor() != null ? Incidents.actor()
        : Incidents.string(execution, IncidentProcess.LEVEL_CHANGED_BY);
    String change = "事故レベル " + from + " → " + to + ": " + reason;
    audit.record(Incidents.systemEntry(execution, businessKey, records.requester(execution),
        records.department(execution), "事故レベルの変更を記録する", null, Outcome.RELEVELLED,
        change + " (" + by + ")", "9.2"));
    register.levelChanged(businessKey, TIME.format(audit.now()) + " " + from + "→" + to + " " + by + ": " + reason);
  }
}
