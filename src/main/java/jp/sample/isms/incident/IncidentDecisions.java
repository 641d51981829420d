package jp.sample.isms.incident;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import jp.sample.isms.approval.FlowDecisions;

/**
 * Evaluates the incident flow's tables, in the version {@link FlowDecisions} chooses (a running incident's own): who responds at a level ({@code incidentResponder}, 9.2)
 * and the procedure of a kind and level ({@code incidentProcedure}, 9.4). The rules are the tables'; Java only reads
 * them.
 */
@Component
class IncidentDecisions {

  /** A responder of a level; the lead confirms the level and reports the closure. */
  record Responder(String role, boolean lead) {
  }

  /** A step of the procedure. */
  record ProcedureStep(String step, String number, String text, String responderRole, String filing,
      String clause) {
  }

  private final FlowDecisions decisions;

  IncidentDecisions(FlowDecisions decisions) {
    this.decisions = decisions;
  }

  List<Responder> responders(int level) {
    return responders(level, null);
  }

  /** The responders of a level, from the table of process definition {@code processDefinitionId}'s deployment. */
  List<Responder> responders(int level, String processDefinitionId) {
    return evaluate(IncidentProcess.DECISION_RESPONDER, Map.of(IncidentProcess.LEVEL, level), processDefinitionId)
        .stream().map(row -> new Responder((String) row.get("responderRole"), Boolean.TRUE.equals(row.get("lead"))))
        .toList();
  }

  List<ProcedureStep> procedure(String kind, int level, boolean cyberAttack, boolean personalData) {
    return procedure(kind, level, cyberAttack, personalData, null);
  }

  List<ProcedureStep> procedure(String kind, int level, boolean cyberAttack, boolean personalData,
      String processDefinitionId) {
    return evaluate(IncidentProcess.DECISION_PROCEDURE, Map.of(IncidentProcess.KIND, kind, IncidentProcess.LEVEL,
        level, IncidentProcess.CYBER_ATTACK, cyberAttack, IncidentProcess.PERSONAL_DATA, personalData),
        processDefinitionId).stream()
        .map(row -> new ProcedureStep((String) row.get("step"), (String) row.get("number"), (String) row.get("text"),
            (String) row.get("responderRole"), (String) row.get("filing"), (String) row.get("clause")))
        .toList();
  }

  private List<Map<String, Object>> evaluate(String key, Map<String, Object> variables, String processDefinitionId) {
    return decisions.evaluateInDefinition(key, variables, processDefinitionId).getResultList();
  }
}
