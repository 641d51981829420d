package jp.sample.isms.outsourcing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import jp.sample.isms.support.DecisionTables;
import jp.sample.isms.support.DecisionTables.Evaluation;
import jp.sample.isms.support.DecisionTables.Table;

/** bpmn/outsourcingRoute.dmn (8.1.1, 8.1.2): one row per rule, on a standalone DMN engine. */
class OutsourcingRouteTest {

  static final List<String> RULES = List.of("Rule_InternalAssets", "Rule_SecretAssets");

  static final Table TABLE = DecisionTables.table(OutsourcingProcess.DECISION_ROUTE);

  @ParameterizedTest(name = "{0}: {1} → {2}, {3}")
  @CsvSource({
      "Rule_InternalAssets, INTERNAL, DEPARTMENT_HEAD, SECURITY_OFFICER",
      "Rule_SecretAssets,   SECRET,   DEPARTMENT_HEAD, SECURITY_OFFICER",
  })
  void routesTheEvaluationAndTheSelection(String rule, String classification, String evaluatorRole,
      String approverRole) {
    // given the rule of the classification
    assertThat(inputEntryOf(rule)).isEqualTo("\"" + classification + "\"");
    // when
    Evaluation evaluation = TABLE.evaluate(Map.of(OutsourcingProcess.ASSET_CLASSIFICATION, classification));
    // then
    assertThat(evaluation.matchedRules()).containsExactly(rule);
    assertThat(evaluation.outputs()).containsEntry(OutsourcingProcess.EVALUATOR_ROLE, evaluatorRole)
        .containsEntry(OutsourcingProcess.APPROVER_ROLE, approverRole);
  }

  @Test
  void everyClassificationOfTheClauseHasExactlyOneRuleCitingIt() {
    assertThat(TABLE.model().getModelElementsByType(Rule.class)).extracting(Rule::getId)
        .containsExactlyInAnyOrderElementsOf(RULES);
    assertThat(TABLE.model().getModelElementsByType(Rule.class))
        .allSatisfy(rule -> assertThat(rule.getDescription().getTextContent()).startsWith("8.1.1, 8.1.2: "));
  }

  private String inputEntryOf(String ruleId) {
    Rule rule = TABLE.rule(ruleId);
    return rule.getInputEntries().iterator().next().getText().getTextContent();
  }
}
