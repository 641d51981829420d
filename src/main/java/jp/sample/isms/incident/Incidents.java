package jp.sample.isms.incident;

import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;

import jp.sample.isms.approval.RequestValues;
import jp.sample.isms.audit.AuditEntry;
import jp.sample.isms.audit.Outcome;
import jp.sample.isms.engine.EngineInternals;

/** Reading an incident's variables, and the flow's own records in the decision record. */
final class Incidents {

  private Incidents() {
  }

  static String string(VariableScope scope, String name) {
    return RequestValues.string(scope, name);
  }

  static boolean isTrue(VariableScope scope, String name) {
    return RequestValues.isTrue(scope.getVariable(name));
  }

  static int level(VariableScope scope) {
    Integer level = IncidentLevels.parse(scope.getVariable(IncidentProcess.LEVEL));
    return level == null ? 0 : level;
  }

  /** A list variable kept as comma-separated text (no serialized objects in the engine). */
  static List<String> list(VariableScope scope, String name) {
    String text = string(scope, name);
    return text == null ? List.of() : Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty())
        .toList();
  }

  /** The user who completed the step or sent the message in this command; null for the system (a timer). */
  static String actor() {
    return EngineInternals.commandUser();
  }

  /** An event of the flow itself (routing, planning, escalation, closing), recorded as the system's. */
  static AuditEntry systemEntry(DelegateExecution execution, String businessKey, String requester,
      String department, String stepName, String actingRole, Outcome outcome, String comment, String clauses) {
    return AuditEntry.systemStep(businessKey, execution.getProcessInstanceId(), IncidentProcess.KEY,
            execution.getCurrentActivityId(), stepName)
        .actingAs(actingRole).requester(requester, department).outcome(outcome).comment(comment).clauses(clauses)
        .build();
  }
}
