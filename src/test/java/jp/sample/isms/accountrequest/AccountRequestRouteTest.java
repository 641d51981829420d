package jp.sample.isms.accountrequest;

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

/** bpmn/accountRequestRoute.dmn (5.1.5, 5.1.7): one row per rule, on a standalone DMN engine. */
class AccountRequestRouteTest {

  static final List<String> RULES = List.of("Rule_CreateApprovedBySecurityOfficer",
      "Rule_ChangeApprovedBySecurityOfficer", "Rule_DeleteDisabledBySystemAdministrator");

  static final Table TABLE = DecisionTables.table(AccountRequestProcess.DECISION_ROUTE);

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
    Evaluation evaluation = TABLE.evaluate(Map.of(AccountRequestProcess.REQUEST_TYPE, requestType));
    // then
    assertThat(evaluation.matchedRules()).containsExactly(rule);
    assertThat(evaluation.outputs()).containsEntry(AccountRequestProcess.ENDORSER_ROLE, endorserRole)
        .containsEntry(AccountRequestProcess.APPROVER_ROLE, approverRole)
        .containsEntry(AccountRequestProcess.PERFORMER_ROLE, performerRole);
  }

  @Test
  void everyRuleHasARowAndCitesItsClause() {
    assertThat(TABLE.model().getModelElementsByType(Rule.class)).extracting(Rule::getId)
        .containsExactlyInAnyOrderElementsOf(RULES);
    assertThat(TABLE.model().getModelElementsByType(Rule.class))
        .allSatisfy(rule -> assertThat(rule.getDescription().getTextContent()).matches("5\\.1\\.\\d+: .+"));
  }

  private String inputEntryOf(String ruleId) {
    Rule rule = TABLE.rule(ruleId);
    return rule.getInputEntries().iterator().next().getText().getTextContent();
  }
}
