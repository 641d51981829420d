package jp.sample.isms.periodicduty;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

import jp.sample.isms.organisation.Role;

/**
 * The table of periodic duties as the process owner last deployed it (decision {@code periodicDuties}, COLLECT with
 * no condition: every rule is a duty). Each rule is read in one place: here.
 */
@Component
public class PeriodicDutyTable {

  /** The duties of one version of the table. */
  public record Version(int version, List<Duty> duties) {
  }

  private final RepositoryService repository;
  private final DecisionService decisions;

  PeriodicDutyTable(RepositoryService repository, DecisionService decisions) {
    this.repository = repository;
    this.decisions = decisions;
  }

  /** The latest deployed version of the table. */
  public Version latest() {
    DecisionDefinition definition = repository.createDecisionDefinitionQuery()
        .decisionDefinitionKey(PeriodicDutyProcess.DECISION_DUTIES).latestVersion().singleResult();
    Map<String, Object> noCondition = new HashMap<>();
    noCondition.put(PeriodicDutyProcess.DUTY_CODE, null);
    List<Duty> duties = decisions.evaluateDecisionTableById(definition.getId()).variables(noCondition).evaluate()
        .getResultList().stream().map(PeriodicDutyTable::duty).toList();
    return new Version(definition.getVersion(), duties);
  }

  private static Duty duty(Map<String, Object> row) {
    return new Duty((String) row.get("dutyCode"), (String) row.get("dutyName"), (String) row.get("clauses"),
        DutyCycle.valueOf((String) row.get("dutyCycle")), LocalDate.parse((String) row.get("firstDue")),
        Role.valueOf((String) row.get("responsibleRole")), Role.valueOf((String) row.get("acceptingRole")),
        (String) row.get("dutyKind"), (String) row.get("checklist"), Boolean.TRUE.equals(row.get("evidenceRequired")));
  }
}
