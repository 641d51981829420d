package jp.sample.isms.assetregistration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import jp.sample.isms.support.DecisionTables;
import jp.sample.isms.support.DecisionTables.Evaluation;
import jp.sample.isms.support.DecisionTables.Table;

/** bpmn/assetRegistrationApprover.dmn (3.1.1, 3.1.3): one row per rule, on a standalone DMN engine. */
class AssetRegistrationApproverDecisionTest {

  /** The rules the rows below exercise, in table order: a new rule needs a new row. */
  static final List<String> RULES = List.of("Rule_SecretRegisteredOrRaised", "Rule_SecretLoweredOrChanged",
      "Rule_OwnerAlone");

  static final Table TABLE = DecisionTables.table(AssetRegistrationProcess.DECISION_APPROVER);

  @ParameterizedTest(name = "{0}: {1} -> {2} = {3}")
  @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
      Rule_SecretRegisteredOrRaised | SECRET   | null     | true
      Rule_SecretRegisteredOrRaised | SECRET   | INTERNAL | true
      Rule_SecretLoweredOrChanged   | PUBLIC   | SECRET   | true
      Rule_SecretLoweredOrChanged   | null     | SECRET   | true
      Rule_OwnerAlone               | INTERNAL | null     | false
      Rule_OwnerAlone               | PUBLIC   | INTERNAL | false
      Rule_OwnerAlone               | null     | INTERNAL | false
      """)
  void theSecurityOfficerApprovesWhateverTouchesSecret(String rule, String classification, String current,
      boolean securityOfficerRequired) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(AssetRegistrationProcess.CLASSIFICATION, classification);
    variables.put(AssetRegistrationProcess.CURRENT_CLASSIFICATION, current);
    Evaluation evaluation = TABLE.evaluate(variables);
    assertThat(evaluation.matchedRules()).first().isEqualTo(rule);
    assertThat(evaluation.outputs()).as(rule).containsEntry("securityOfficerRequired", securityOfficerRequired);
  }

  @Test
  void everyRuleHasARow() {
    assertThat(TABLE.ruleIds()).containsExactlyElementsOf(RULES);
  }
}
