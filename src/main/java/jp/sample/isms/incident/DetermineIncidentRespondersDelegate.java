package jp.sample.isms.incident;

import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.RequestRecords;
import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.audit.Outcome;
import jp.sample.isms.organisation.Role;

/**
 * {@code ServiceTask_DetermineResponders}, 9.2, 9.3: the responders of the incident's level from decision
 * {@code incidentResponder} (the level proposed by {@code incidentLevel} until a responder confirms or changes it);
 * each of them is then asked to acknowledge, and the lead confirms the level and reports the closure.
 */
@Component
class DetermineIncidentRespondersDelegate implements JavaDelegate {

  private final IncidentDecisions decisions;
  private final IncidentRegister register;
  private final RequestRecords records;
  private final AuditRecorder audit;

  DetermineIncidentRespondersDelegate(IncidentDecisions decisions, IncidentRegister register, RequestRecords records,
      AuditRecorder audit) {
    this.decisions = decisions;
    this.register = register;
    this.records = records;
    this.audit = audit;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String businessKey = records.businessKey(execution);
    if (!execution.hasVariable(IncidentProcess.ROUTED_LEVEL)) {
      int proposed = IncidentLevels.parse(execution.getVariable(IncidentProcess.PROPOSED_LEVEL));
      execution.setVariable(IncidentProcess.LEVEL, String.valueOf(proposed));
      register.proposed(businessKey, proposed);
    }
    int level = Incidents.level(execution);
    List<IncidentDecisions.Responder> responders = decisions.responders(level, execution.getProcessDefinitionId());
    String roles = responders.stream().map(IncidentDecisions.Responder::role).collect(Collectors.joining(","));
    String lead = responders.stream().filter(IncidentDecisions.Responder::lead).map(IncidentDecisions.Responder::role)
        .findFirst().orElse(Role.SYSTEM_ADMINISTRATOR.name());
    execution.setVariable(IncidentProcess.RESPONDER_ROLES, roles);
    execution.setVariable(IncidentProcess.LEAD_ROLE, lead);
    execution.setVariable(IncidentProcess.ROUTED_LEVEL, String.valueOf(level));
    register.routed(businessKey, level, roles);
    audit.record(Incidents.systemEntry(execution, businessKey, records.requester(execution),
        records.department(execution), "対応者を決める", lead, Outcome.ROUTED,
        "事故レベル " + level + ": 対応者 " + responders.stream().map(r -> Role.valueOf(r.role()).nameJa())
            .collect(Collectors.joining("・")),
        "9.2,9.3"));
  }
}
