package jp.sample.isms.outsourcing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import jp.sample.isms.IsmsSpringBootTest;

/** bpmn/outsourcingRoute.dmn (8.1.1, 8.1.2): one row per rule, evaluated as deployed. */
@IsmsSpringBootTest
class OutsourcingRouteTest {

  static final List<String> RULES = List.of("Rule_InternalAssets", "Rule_SecretAssets");

  @Autowired
  DecisionService decisionService;
  @Autowired
  RepositoryService repositoryService;

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
    Map<String, Object> result = decisionService.evaluateDecisionTableByKey(OutsourcingProcess.DECISION_ROUTE,
        Variables.createVariables().putValue(OutsourcingProcess.ASSET_CLASSIFICATION, classification))
        .getSingleResult().getEntryMap();
    // then
    assertThat(result).containsEntry(OutsourcingProcess.EVALUATOR_ROLE, evaluatorRole)
        .containsEntry(OutsourcingProcess.APPROVER_ROLE, approverRole);
  }

  @Test
  void everyClassificationOfTheClauseHasExactlyOneRuleCitingIt() {
    assertThat(model().getModelElementsByType(Rule.class)).extracting(Rule::getId)
        .containsExactlyInAnyOrderElementsOf(RULES);
    assertThat(model().getModelElementsByType(Rule.class))
        .allSatisfy(rule -> assertThat(rule.getDescription().getTextContent()).startsWith("8.1.1, 8.1.2: "));
  }

  private String inputEntryOf(String ruleId) {
    Rule rule = model().getModelElementById(ruleId);
    return rule.getInputEntries().iterator().next().getText().getTextContent();
  }

  private DmnModelInstance model() {
    DecisionDefinition definition = repositoryService.createDecisionDefinitionQuery()
        .decisionDefinitionKey(OutsourcingProcess.DECISION_ROUTE).latestVersion().singleResult();
    return repositoryService.getDmnModelInstance(definition.getId());
  }
}
