package jp.sample.isms.accountrequest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
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

/** bpmn/accountRequestRoute.dmn (5.1.5, 5.1.7): one row per rule, evaluated as deployed. */
@IsmsSpringBootTest
class AccountRequestRouteTest {

  static final List<String> RULES = List.of("Rule_CreateApprovedBySecurityOfficer",
      "Rule_ChangeApprovedBySecurityOfficer", "Rule_DeleteDisabledBySystemAdministrator");

  @Autowired
  DecisionService decisionService;
  @Autowired
  RepositoryService repositoryService;

  @ParameterizedTest(name = "{0}: {1} → {2}, {3}, {4}")
  @CsvSource({
      "Rule_CreateApprovedBySecurityOfficer,     CREATE, DEPARTMENT_HEAD, SECURITY_OFFICER, SYSTEM_ADMINISTRATOR",
      "Rule_ChangeApprovedBySecurityOfficer,     CHANGE, DEPARTMENT_HEAD, SECURITY_OFFICER, SYSTEM_ADMINISTRATOR",
      "Rule_DeleteDisabledBySystemAdministrator, DELETE, NONE,            NONE,             SYSTEM_ADMINISTRATOR",
  })
  void routesTheRequestTypeToRoles(String rule, String requestType, String endorserRole, String approverRole,
      String performerRole) {
    // given the rule that matches the request type
    assertThat(inputEntryOf(rule)).isEqualTo("\"" + requestType + "\"");
    // when
    DmnDecisionRuleResult result = decisionService.evaluateDecisionTableByKey(AccountRequestProcess.DECISION_ROUTE,
        Variables.createVariables().putValue(AccountRequestProcess.REQUEST_TYPE, requestType)).getSingleResult();
    // then
    assertThat(result.<String>getEntry(AccountRequestProcess.ENDORSER_ROLE)).isEqualTo(endorserRole);
    assertThat(result.<String>getEntry(AccountRequestProcess.APPROVER_ROLE)).isEqualTo(approverRole);
    assertThat(result.<String>getEntry(AccountRequestProcess.PERFORMER_ROLE)).isEqualTo(performerRole);
  }

  @Test
  void everyRuleHasARowAndCitesItsClause() {
    assertThat(model().getModelElementsByType(Rule.class)).extracting(Rule::getId)
        .containsExactlyInAnyOrderElementsOf(RULES);
    assertThat(model().getModelElementsByType(Rule.class))
        .allSatisfy(rule -> assertThat(rule.getDescription().getTextContent()).matches("5\\.1\\.\\d+: .+"));
  }

  private String inputEntryOf(String ruleId) {
    Rule rule = model().getModelElementById(ruleId);
    return rule.getInputEntries().iterator().next().getText().getTextContent();
  }

  private DmnModelInstance model() {
    DecisionDefinition definition = repositoryService.createDecisionDefinitionQuery()
        .decisionDefinitionKey(AccountRequestProcess.DECISION_ROUTE).latestVersion().singleResult();
    return repositoryService.getDmnModelInstance(definition.getId());
  }
}
