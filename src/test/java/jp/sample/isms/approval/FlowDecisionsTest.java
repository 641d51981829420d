package jp.sample.isms.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.support.Requests;
import jp.sample.isms.support.DemoOrganisation;

/**
 * Which version of a decision table the flows' Java evaluates: a running request's own (the deployment its process
 * was deployed with, as the models' business rule tasks bind it), the latest before anything is filed. Shown with
 * {@code takeOutApprover}: a later version sends 社外秘 take-outs to the president; a request filed before it is still
 * judged by the table it was filed under.
 */
@IsmsSpringBootTest
class FlowDecisionsTest {

  private static final Map<String, Object> INTERNAL = Map.of("assetsRegistered", true, "classification", "INTERNAL");

  @Autowired
  ProcessEngine engine;
  @Autowired
  FlowDecisions decisions;

  Requests requests;

  @BeforeEach
  void setUp() {
    requests = new Requests(engine);
  }

  @Test
  void aRunningRequestIsJudgedByTheTableOfItsOwnDeploymentAFilingByTheLatest() throws IOException {
    // given a request filed under the deployed rules
    ProcessInstance filed = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, "takeOut", Requests.internalLaptopTakeOut());
    assertThat(approverRole(filed.getId())).isEqualTo("DEPARTMENT_HEAD");

    // when a later version of the table alone is deployed
    String table = Files.readString(Path.of("bpmn", "takeOutApprover.dmn"));
    String changed = table.replace("<text>\"DEPARTMENT_HEAD\"</text>\n        </outputEntry>\n      </rule>\n"
        + "      <rule id=\"Rule_SecretByPresident\">", "<text>\"PRESIDENT\"</text>\n        </outputEntry>\n"
        + "      </rule>\n      <rule id=\"Rule_SecretByPresident\">");
    assertThat(changed).as("the test changes the 社外秘 row").isNotEqualTo(table);
    Deployment later = engine.getRepositoryService().createDeployment().name("takeOutApprover, later rules")
        .addString("takeOutApprover.dmn", changed).deploy();
    try {
      // then the running request keeps its rules, in Java as in the model; a new filing is judged by the latest
      assertThat(approverRole(filed.getId())).isEqualTo("DEPARTMENT_HEAD");
      assertThat(decisions.evaluateInDefinition("takeOutApprover", INTERNAL, filed.getProcessDefinitionId())
          .getSingleResult().<String>getEntry("approverRole")).isEqualTo("DEPARTMENT_HEAD");
      assertThat(approverRole(null)).isEqualTo("PRESIDENT");
      // the latest is the later deployment's table
      assertThat(decisions.decisionDefinitionId("takeOutApprover", null))
          .isEqualTo(engine.getRepositoryService().createDecisionDefinitionQuery()
              .decisionDefinitionKey("takeOutApprover").deploymentId(later.getId()).singleResult().getId());
    } finally {
      engine.getRepositoryService().deleteDeployment(later.getId(), true);
    }
    assertThat(approverRole(null)).isEqualTo("DEPARTMENT_HEAD");
  }

  @Test
  void aTableThatIsNotDeployedIsAnErrorNotAnEmptyAnswer() {
    assertThatThrownBy(() -> decisions.evaluate("noSuchTable", Map.of(), null))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("noSuchTable");
  }

  private String approverRole(String processInstanceId) {
    return decisions.evaluate("takeOutApprover", INTERNAL, processInstanceId).getSingleResult()
        .getEntry("approverRole");
  }
}
