package jp.sample.isms.assetregistration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import jp.sample.isms.IsmsSpringBootTest;

/** bpmn/assetRegistrationApprover.dmn (3.1.1, 3.1.3): one row per rule, evaluated on the deployed decision. */
@IsmsSpringBootTest
class AssetRegistrationApproverDecisionTest {

  @Autowired
  DecisionService decisionService;

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
    assertThat(decisionService.evaluateDecisionTableByKey(AssetRegistrationProcess.DECISION_APPROVER, variables)
        .getSingleResult().getEntryMap()).as(rule).containsEntry("securityOfficerRequired", securityOfficerRequired);
  }
}
