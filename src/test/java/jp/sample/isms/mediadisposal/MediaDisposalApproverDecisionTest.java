package jp.sample.isms.mediadisposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.DecisionService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import jp.sample.isms.IsmsSpringBootTest;

/** bpmn/mediaDisposalApprover.dmn (3.3.1): one row per rule, evaluated on the deployed decision. */
@IsmsSpringBootTest
class MediaDisposalApproverDecisionTest {

  @Autowired
  DecisionService decisionService;

  @ParameterizedTest(name = "{0} -> {1}, {2}")
  @CsvSource(delimiter = '|', textBlock = """
      PUBLIC   | NONE          | NONE
      INTERNAL | SECTION_CHIEF | SYSTEM_ADMINISTRATOR
      SECRET   | SECTION_CHIEF | SYSTEM_ADMINISTRATOR
      """)
  void routesByClassificationToRoles(String classification, String receiverRole, String approverRole) {
    DmnDecisionTableResult result = decisionService.evaluateDecisionTableByKey(
        MediaDisposalProcess.DECISION_APPROVER, Map.of("classification", classification));
    assertThat(result.getSingleResult().getEntryMap()).containsEntry("receiverRole", receiverRole)
        .containsEntry("approverRole", approverRole);
  }
}
