package jp.sample.isms.incident;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.RequestRecords;
import jp.sample.isms.approval.RequestValues;
import jp.sample.isms.audit.AuditRecorder;

/**
 * {@code ServiceTask_RecordReport}, 9.3: enters the report in the インシデント管理台帳 the moment it is made. The answers
 * the reporter left out count as "no" for the level table (a report is never refused for them), and the escalation
 * period of the acknowledgements is fixed for this incident.
 */
@Component
class RecordIncidentReportDelegate implements JavaDelegate {

  static final List<String> ANSWERS = List.of(IncidentProcess.PERSONAL_DATA, IncidentProcess.CUSTOMERS_AFFECTED,
      IncidentProcess.BUSINESS_AFFECTED, IncidentProcess.EMPLOYEES_AFFECTED, IncidentProcess.CYBER_ATTACK);

  private final IncidentRegister register;
  private final RequestRecords records;
  private final AuditRecorder audit;
  private final IncidentProperties properties;

  RecordIncidentReportDelegate(IncidentRegister register, RequestRecords records, AuditRecorder audit,
      IncidentProperties properties) {
    this.register = register;
    this.records = records;
    this.audit = audit;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    for (String answer : ANSWERS) {
      if (execution.getVariable(answer) == null) {
        execution.setVariable(answer, false);
      }
    }
    if (!execution.hasVariable(IncidentProcess.KIND)) {
      execution.setVariable(IncidentProcess.KIND, null);
    }
    for (IncidentProperties.RecoveryTarget target : properties.recoveryTargets()) {
      if (execution.getVariable(target.formField()) == null) {
        execution.setVariable(target.formField(), false);
      }
    }
    // the closure's answers exist from the start: the gateways read them, and a send-back shows them again
    execution.setVariable(IncidentProcess.PUBLICATION_DONE, false);
    execution.setVariable(IncidentProcess.VIOLATION_FOUND, false);
    execution.setVariable(IncidentProcess.ESCALATION_CYCLE, properties.escalationCycle());
    String businessKey = records.businessKey(execution);
    register.reported(new IncidentRegister.Entry(businessKey, execution.getProcessInstanceId(),
        kind(execution), Incidents.string(execution, IncidentProcess.SUMMARY),
        RequestValues.date(execution.getVariable(IncidentProcess.DISCOVERED_AT)), records.requester(execution),
        records.department(execution), Incidents.isTrue(execution, IncidentProcess.PERSONAL_DATA),
        Incidents.isTrue(execution, IncidentProcess.CUSTOMERS_AFFECTED),
        Incidents.isTrue(execution, IncidentProcess.CYBER_ATTACK),
        Incidents.string(execution, IncidentProcess.ASSET_IDS), 0, 0, null, null, audit.now(), null, null, null, null,
        null, null, null, null, null, null, IncidentRegister.REPORTED));
  }

  /** The kind as reported; {@code UNKNOWN} when the reporter could not tell. */
  static String kind(DelegateExecution execution) {
    String kind = Incidents.string(execution, IncidentProcess.KIND);
    return kind == null ? "UNKNOWN" : kind;
  }
}
