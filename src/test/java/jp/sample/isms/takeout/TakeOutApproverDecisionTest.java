package jp.sample.isms.takeout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import jp.sample.isms.support.DecisionTables;
import jp.sample.isms.support.DecisionTables.Evaluation;
import jp.sample.isms.support.DecisionTables.Table;

/**
 * bpmn/takeOutApprover.dmn (3.2, 3.1): one row per rule on a standalone DMN engine. The classification is the
 * register's; an unregistered asset goes to the requester's department head first, whatever was declared.
 */
class TakeOutApproverDecisionTest {

  /** The rules the rows below exercise, in table order: a new rule needs a new row. */
  static final List<String> RULES = List.of("Rule_UnregisteredByDepartmentHead", "Rule_PublicNeedsNoApproval",
      "Rule_InternalByDepartmentHead", "Rule_SecretByPresident");

  static final Table TABLE = DecisionTables.table(TakeOutProcess.DECISION_APPROVER);

  @ParameterizedTest(name = "{0}: registered={1}, {2} -> {3}")
  @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
      Rule_UnregisteredByDepartmentHead | false | null     | DEPARTMENT_HEAD
      Rule_UnregisteredByDepartmentHead | false | PUBLIC   | DEPARTMENT_HEAD
      Rule_UnregisteredByDepartmentHead | false | INTERNAL | DEPARTMENT_HEAD
      Rule_UnregisteredByDepartmentHead | false | SECRET   | DEPARTMENT_HEAD
      Rule_PublicNeedsNoApproval        | true  | PUBLIC   | NONE
      Rule_InternalByDepartmentHead     | true  | INTERNAL | DEPARTMENT_HEAD
      Rule_SecretByPresident            | true  | SECRET   | PRESIDENT
      """)
  void routesByTheRegistersClassification(String rule, boolean registered, String classification,
      String approverRole) {
    // when the table is evaluated
    Map<String, Object> variables = new HashMap<>();
    variables.put(TakeOutProcess.ASSETS_REGISTERED, registered);
    variables.put(TakeOutProcess.CLASSIFICATION, classification);
    Evaluation evaluation = TABLE.evaluate(variables);
    // then exactly this rule answers, with its role
    assertThat(evaluation.matchedRules()).containsExactly(rule);
    assertThat(evaluation.outputs()).containsExactly(Map.entry("approverRole", approverRole));
  }

  @Test
  void aRegisteredAssetWithoutAClassificationMatchesNoRule() {
    Map<String, Object> variables = new HashMap<>();
    variables.put(TakeOutProcess.ASSETS_REGISTERED, true);
    variables.put(TakeOutProcess.CLASSIFICATION, null);
    Evaluation evaluation = TABLE.evaluate(variables);
    assertThat(evaluation.matchedRules()).isEmpty();
    assertThat(evaluation.result().getResultList()).isEmpty();
  }

  @Test
  void everyRuleHasARowAndCitesItsClause() {
    assertThat(TABLE.decisionTable().getHitPolicy()).isEqualTo(HitPolicy.UNIQUE);
    assertThat(TABLE.ruleIds()).containsExactlyElementsOf(RULES);
    assertThat(TABLE.decisionTable().getRules())
        .allSatisfy(rule -> assertThat(rule.getDescription().getTextContent()).matches("3\\.\\d(\\.\\d)?[,:].+"));
  }

  @Test
  void theWorkbenchSamplesAreRowsOfThisTest() throws Exception {
    // the workbench's dry-run samples of this table name only rules of the table, and name them all
    List<String> lines = java.nio.file.Files.readAllLines(
        java.nio.file.Path.of("src/main/resources/design/samples/takeOutApprover.csv"));
    assertThat(lines.subList(1, lines.size()).stream().map(line -> line.split("\\|")[0]).distinct())
        .containsExactlyInAnyOrderElementsOf(RULES);
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split("\\|");
      Map<String, Object> variables = new HashMap<>();
      variables.put(TakeOutProcess.ASSETS_REGISTERED, Boolean.parseBoolean(cells[1]));
      variables.put(TakeOutProcess.CLASSIFICATION, "null".equals(cells[2]) ? null : cells[2]);
      Evaluation evaluation = TABLE.evaluate(variables);
      assertThat(evaluation.matchedRules()).as(line).containsExactly(cells[0]);
      assertThat(evaluation.outputs()).as(line).containsEntry("approverRole", cells[3]);
    }
  }

  static Rule rule(String id) {
    return TABLE.rule(id);
  }
}
