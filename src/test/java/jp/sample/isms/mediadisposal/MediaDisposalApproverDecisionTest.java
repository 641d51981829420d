package jp.sample.isms.mediadisposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.DecisionService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.springframework.beans.factory.annotation.Autowired;

import jp.sample.isms.IsmsSpringBootTest;

/** bpmn/mediaDisposalApprover.dmn (3.3.1, 3.1.3): one row per rule, evaluated on the deployed decision. */
@IsmsSpringBootTest
class MediaDisposalApproverDecisionTest {

  @Autowired
  DecisionService decisionService;

  @ParameterizedTest(name = "{0}, registered {1} -> {2}, {3}, {4}")
  // the same rows are the workbench's dry-run samples of this table
  @CsvFileSource(resources = "/design/samples/mediaDisposalApprover.csv", delimiter = '|', numLinesToSkip = 1)
  void routesByTheRegistersClassificationToRoles(String classification, boolean registered, String receiverRole,
      String ownerRole, String approverRole) {
    DmnDecisionTableResult result = decisionService.evaluateDecisionTableByKey(
        MediaDisposalProcess.DECISION_APPROVER, Map.of("classification", classification, "assetsRegistered",
            registered));
    assertThat(result.getSingleResult().getEntryMap()).containsEntry("receiverRole", receiverRole)
        .containsEntry("ownerRole", ownerRole).containsEntry("approverRole", approverRole);
  }
}
