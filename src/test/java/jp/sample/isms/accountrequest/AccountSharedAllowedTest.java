package jp.sample.isms.accountrequest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

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

/** bpmn/accountSharedAllowed.dmn, the table of 5.1.4: one row per rule, evaluated as deployed. */
@IsmsSpringBootTest
class AccountSharedAllowedTest {

  static final List<String> RULES = List.of("Rule_FileServerSharingAllowed", "Rule_InternalSystemASharingForbidden",
      "Rule_InternalDatabaseASharingForbidden", "Rule_InternalMailSharingForbidden", "Rule_ExternalMailSharingAllowed");

  @Autowired
  DecisionService decisionService;
  @Autowired
  RepositoryService repositoryService;
  @Autowired
  AccountRequestFlow flow;

  @ParameterizedTest(name = "{0}: {1} → {2}")
  @CsvSource({
      "Rule_FileServerSharingAllowed,          FILE_SERVER,       true",
      "Rule_InternalSystemASharingForbidden,   INTERNAL_SYSTEM_A, false",
      "Rule_InternalDatabaseASharingForbidden, INTERNAL_DB_A,     false",
      "Rule_InternalMailSharingForbidden,      INTERNAL_MAIL,     false",
      "Rule_ExternalMailSharingAllowed,        EXTERNAL_MAIL,     true",
  })
  void tellsWhetherASystemAllowsSharedAccounts(String rule, String system, boolean allowed) {
    // given the rule of the system's row in 5.1.4
    assertThat(inputEntryOf(rule)).isEqualTo("\"" + system + "\"");
    // when
    Object result = decisionService.evaluateDecisionTableByKey(AccountRequestProcess.DECISION_SHARED_ALLOWED,
        Variables.createVariables().putValue(AccountRequestProcess.SYSTEM, system)).getSingleEntry();
    // then, and the flow's rules read the same answer
    assertThat(result).isEqualTo(allowed);
    assertThat(flow.sharedAllowed(AccountSystem.valueOf(system))).isEqualTo(allowed);
  }

  @Test
  void everySystemHasExactlyOneRuleCitingTheClause() {
    assertThat(model().getModelElementsByType(Rule.class)).extracting(Rule::getId)
        .containsExactlyInAnyOrderElementsOf(RULES);
    assertThat(RULES).hasSize(AccountSystem.values().length);
    assertThat(model().getModelElementsByType(Rule.class))
        .allSatisfy(rule -> assertThat(rule.getDescription().getTextContent()).startsWith("5.1.4: "));
  }

  private String inputEntryOf(String ruleId) {
    Rule rule = model().getModelElementById(ruleId);
    return rule.getInputEntries().iterator().next().getText().getTextContent();
  }

  private DmnModelInstance model() {
    DecisionDefinition definition = repositoryService.createDecisionDefinitionQuery()
        .decisionDefinitionKey(AccountRequestProcess.DECISION_SHARED_ALLOWED).latestVersion().singleResult();
    return repositoryService.getDmnModelInstance(definition.getId());
  }
}
