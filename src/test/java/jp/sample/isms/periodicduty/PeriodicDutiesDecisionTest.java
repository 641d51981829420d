package jp.sample.isms.periodicduty;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.model.dmn.HitPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import jp.sample.isms.support.DecisionTables;
import jp.sample.isms.support.DecisionTables.Evaluation;
import jp.sample.isms.support.DecisionTables.Table;

/**
 * bpmn/periodicDuties.dmn (1.2, 1.3, 2.4, 4.1, 5.1, 7, 9): the duties of the year, one row per rule, on a standalone
 * DMN engine. Every rule is a duty; the table collects them all.
 */
class PeriodicDutiesDecisionTest {

  /** The rules the rows below exercise, in table order: a new rule needs a new row. */
  static final List<String> RULES = List.of("Rule_AuditInspection", "Rule_ThreatSharing", "Rule_Education",
      "Rule_AccessReview", "Rule_BackupCheck", "Rule_LogReview", "Rule_SoftwareUpdates", "Rule_NetworkCheck",
      "Rule_BcpTest");

  static final Table TABLE = DecisionTables.table("periodicDuties");

  @ParameterizedTest(name = "{0}: {1} {2}, {4} does, {5} accepts")
  @CsvSource(delimiter = '|', textBlock = """
      Rule_AuditInspection | AUDIT_INSPECTION | YEARLY      | 2027-03-31 | AUDIT_OFFICER        | SECURITY_OFFICER     | AUDIT             | true  | 1.2
      Rule_ThreatSharing   | THREAT_SHARING   | MONTHLY     | 2026-04-30 | SECURITY_OFFICER     | SYSTEM_ADMINISTRATOR | COMMITTEE_SHARING | false | 1.3
      Rule_Education       | EDUCATION        | YEARLY      | 2027-03-31 | EDUCATION_OFFICER    | SECURITY_OFFICER     | EDUCATION         | true  | 2.4,2.5
      Rule_AccessReview    | ACCESS_REVIEW    | HALF_YEARLY | 2026-09-30 | DEPARTMENT_HEAD      | SYSTEM_ADMINISTRATOR | ACCOUNT_REVIEW    | false | 5.1.5,5.1.7
      Rule_BackupCheck     | BACKUP_CHECK     | MONTHLY     | 2026-04-30 | SYSTEM_ADMINISTRATOR | SECURITY_OFFICER     | BACKUP            | true  | 4.1.1,4.1.4
      Rule_LogReview       | LOG_REVIEW       | WEEKLY      | 2026-04-03 | SYSTEM_ADMINISTRATOR | SECURITY_OFFICER     | GENERAL           | false | 7.2,7.7,9.4.4
      Rule_SoftwareUpdates | SOFTWARE_UPDATES | MONTHLY     | 2026-04-30 | SYSTEM_ADMINISTRATOR | SECURITY_OFFICER     | GENERAL           | true  | 7.5,7.7,7.11
      Rule_NetworkCheck    | NETWORK_CHECK    | QUARTERLY   | 2026-06-30 | SYSTEM_ADMINISTRATOR | SECURITY_OFFICER     | GENERAL           | true  | 7.24
      Rule_BcpTest         | BCP_TEST         | YEARLY      | 2027-03-31 | SECURITY_OFFICER     | AUDIT_OFFICER        | GENERAL           | true  | 9.5.2
      """)
  void eachDutyHasItsCycleAndRoles(String rule, String dutyCode, String cycle, String firstDue, String responsible,
      String accepting, String kind, boolean evidence, String clauses) {
    // when the table is evaluated
    Evaluation evaluation = evaluateAll();
    // then the rule is among the matched ones and its row says so
    int index = evaluation.matchedRules().indexOf(rule);
    assertThat(index).as(rule).isNotNegative();
    Map<String, Object> row = evaluation.allOutputs().get(index);
    assertThat(row).containsEntry("dutyCode", dutyCode).containsEntry("dutyCycle", cycle)
        .containsEntry("firstDue", firstDue).containsEntry("responsibleRole", responsible)
        .containsEntry("acceptingRole", accepting).containsEntry("dutyKind", kind)
        .containsEntry("evidenceRequired", evidence).containsEntry("clauses", clauses);
    assertThat((String) row.get("dutyName")).isNotBlank();
    assertThat((String) row.get("checklist")).isNotBlank();
  }

  @Test
  void everyRuleHasARowAndEveryDutyItsOwnCode() {
    assertThat(TABLE.decisionTable().getHitPolicy()).isEqualTo(HitPolicy.COLLECT);
    assertThat(TABLE.ruleIds()).containsExactlyElementsOf(RULES);
    Evaluation evaluation = evaluateAll();
    assertThat(evaluation.matchedRules()).containsExactlyElementsOf(RULES);
    assertThat(evaluation.allOutputs()).extracting(row -> row.get("dutyCode")).doesNotHaveDuplicates();
  }

  private static Evaluation evaluateAll() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("dutyCode", null);
    return TABLE.evaluate(variables);
  }
}
