package jp.sample.isms.mediadisposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.model.dmn.HitPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;

import jp.sample.isms.support.DecisionTables;
import jp.sample.isms.support.DecisionTables.Evaluation;
import jp.sample.isms.support.DecisionTables.Table;

/** bpmn/mediaDisposalApprover.dmn (3.3.1, 3.1.3): one row per rule, on a standalone DMN engine. */
class MediaDisposalApproverDecisionTest {

  /** The rules the rows below exercise, in table order: a new rule needs a new row. */
  static final List<String> RULES = List.of("Rule_PublicNeedsNoApproval",
      "Rule_InternalBySectionChiefOwnerAndSystemAdministrator",
      "Rule_SecretBySectionChiefPresidentAndSystemAdministrator", "Rule_UnregisteredByOwnDepartmentHead");

  static final Table TABLE = DecisionTables.table(MediaDisposalProcess.DECISION_APPROVER);

  @ParameterizedTest(name = "{0}, registered {1} -> {2}, {3}, {4}")
  // the same rows are the workbench's dry-run samples of this table
  @CsvFileSource(resources = "/design/samples/mediaDisposalApprover.csv", delimiter = '|', numLinesToSkip = 1)
  void routesByTheRegistersClassificationToRoles(String classification, boolean registered, String receiverRole,
      String ownerRole, String approverRole) {
    Evaluation evaluation = TABLE.evaluate(Map.of("classification", classification, "assetsRegistered", registered));
    assertThat(evaluation.outputs()).containsEntry("receiverRole", receiverRole).containsEntry("ownerRole", ownerRole)
        .containsEntry("approverRole", approverRole);
  }

  @ParameterizedTest(name = "{0}: {1}, registered {2}")
  @CsvSource(delimiter = '|', textBlock = """
      Rule_PublicNeedsNoApproval                               | PUBLIC   | true
      Rule_InternalBySectionChiefOwnerAndSystemAdministrator   | INTERNAL | true
      Rule_SecretBySectionChiefPresidentAndSystemAdministrator | SECRET   | true
      Rule_UnregisteredByOwnDepartmentHead                     | SECRET   | false
      Rule_UnregisteredByOwnDepartmentHead                     | INTERNAL | false
      Rule_UnregisteredByOwnDepartmentHead                     | PUBLIC   | false
      """)
  void exactlyThisRuleAnswers(String rule, String classification, boolean registered) {
    Evaluation evaluation = TABLE.evaluate(Map.of("classification", classification, "assetsRegistered", registered));
    assertThat(evaluation.matchedRules()).containsExactly(rule);
  }

  @Test
  void everyRuleHasARowAndCitesItsClause() {
    assertThat(TABLE.decisionTable().getHitPolicy()).isEqualTo(HitPolicy.UNIQUE);
    assertThat(TABLE.ruleIds()).containsExactlyElementsOf(RULES);
    assertThat(TABLE.decisionTable().getRules())
        .allSatisfy(rule -> assertThat(rule.getDescription().getTextContent()).matches("3\\.\\d.*: .+"));
  }
}
