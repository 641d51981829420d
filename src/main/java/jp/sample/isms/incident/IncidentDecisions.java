package jp.sample.isms.incident;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import jp.sample.isms.engine.EngineInternals;

/**
 * Evaluates the incident flow's tables, the latest version: who responds at a level ({@code incidentResponder}, 9.2)
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

  private final DecisionService decisions;

  // lazy: the kernel collects the flows while the engine whose service this is is still being built
  IncidentDecisions(@Lazy DecisionService decisions) {
    this.decisions = decisions;
  }

  List<Responder> responders(int level) {
    return evaluate(IncidentProcess.DECISION_RESPONDER, Map.of(IncidentProcess.LEVEL, level)).stream()
        .map(row -> new Responder((String) row.get("responderRole"), Boolean.TRUE.equals(row.get("lead")))).toList();
  }

  List<ProcedureStep> procedure(String kind, int level, boolean cyberAttack, boolean personalData) {
    return evaluate(IncidentProcess.DECISION_PROCEDURE, Map.of(IncidentProcess.KIND, kind, IncidentProcess.LEVEL,
        level, IncidentProcess.CYBER_ATTACK, cyberAttack, IncidentProcess.PERSONAL_DATA, personalData)).stream()
        .map(row -> new ProcedureStep((String) row.get("step"), (String) row.get("number"), (String) row.get("text"),
            (String) row.get("responderRole"), (String) row.get("filing"), (String) row.get("clause")))
        .toList();
  }

  private List<Map<String, Object>> evaluate(String key, Map<String, Object> variables) {
    Callable<List<Map<String, Object>>> evaluate = () -> decisions
        .evaluateDecisionTableByKey(key, Variables.fromMap(variables)).getResultList();
    // inside a step's command the user is authenticated and may not evaluate decisions directly; the rule is the
    // flow's, not theirs
    return EngineInternals.withoutAuthorization(evaluate);
  }
}
