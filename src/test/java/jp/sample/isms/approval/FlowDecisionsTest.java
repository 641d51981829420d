package jp.sample.isms.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;

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

  /** Also: the rows a table gives are remembered by its decision definition, so a new deployment's table is seen. */
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

  @Test
  void aTableThatIsAFunctionOfItsInputsGivesTheEnginesRowsAndIsEvaluatedOncePerInputs() {
    String id = decisions.decisionDefinitionId("takeOutMeasures", null);
    List<String> media = List.of("LAPTOP", "SMARTPHONE", "TABLET", "USB_MEMORY", "EXTERNAL_HDD", "PAPER", "OTHER");
    for (String medium : media) {
      for (String classification : new String[] {"PUBLIC", "INTERNAL", "SECRET", null}) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("medium", medium);
        inputs.put("classification", classification);
        List<Map<String, Object>> engine = this.engine.getDecisionService().evaluateDecisionById(id)
            .variables(new HashMap<>(inputs)).evaluate().getResultList();
        DmnDecisionResult first = decisions.evaluate("takeOutMeasures", inputs, null);
        long evaluations = evaluations(id);
        DmnDecisionResult again = decisions.evaluate("takeOutMeasures", inputs, null);
        // the same rows, in the same order with the same outputs, as the engine's own evaluation
        assertThat(first.getResultList()).as(medium + " " + classification).isEqualTo(engine);
        assertThat(again.getResultList()).as(medium + " " + classification).isEqualTo(engine);
        assertThat(again.collectEntries("attestation")).isEqualTo(first.collectEntries("attestation"));
        // the second call did not evaluate the table again, and each caller has rows of its own
        assertThat(evaluations(id)).isEqualTo(evaluations);
        assertThat(again).isNotSameAs(first);
      }
    }
  }

  @Test
  void onlyATableOfFeelWithoutClockChanceOrRequiredDecisionsCountsAsAFunctionOfItsInputs() throws IOException {
    String measures = Files.readString(Path.of("bpmn", "takeOutMeasures.dmn"));
    assertThat(FlowDecisions.isFunctionOfInputs(model(measures), "takeOutMeasures")).isTrue();
    assertThat(FlowDecisions.isFunctionOfInputs(model(Files.readString(Path.of("bpmn", "takeOutApprover.dmn"))),
        "takeOutApprover")).isTrue();
    assertThat(FlowDecisions.isFunctionOfInputs(model(measures), "noSuchDecision")).isFalse();

    String laptop = "<text>\"LAPTOP\"</text>";
    assertThat(measures).contains(laptop);
    String clause = "<text>\"3.2\"</text>";
    assertThat(measures).contains(clause);
    for (String changed : List.of(
        measures.replaceFirst(clause, "<text>string(today())</text>"),
        measures.replaceFirst(clause, "<text>string(now())</text>"),
        measures.replaceFirst(clause, "<text>string(random number())</text>"),
        measures.replaceFirst(clause, "<text>uuid()</text>"),
        measures.replaceFirst(laptop, "<text>date(\"2026-01-01\") &lt; Today ()</text>"))) {
      assertThat(changed).isNotEqualTo(measures);
      assertThat(FlowDecisions.isFunctionOfInputs(model(changed), "takeOutMeasures")).as(changed).isFalse();
    }
    // another expression language than FEEL
    String javascript = measures.replaceFirst("<outputEntry id=\"LiteralExpression_LaptopDiskEncrypted_Clause\">",
        "<outputEntry id=\"LiteralExpression_LaptopDiskEncrypted_Clause\" expressionLanguage=\"javascript\">");
    assertThat(javascript).isNotEqualTo(measures);
    assertThat(FlowDecisions.isFunctionOfInputs(model(javascript), "takeOutMeasures")).isFalse();
    // a decision that requires another decision
    String required = measures.replaceFirst("<decisionTable ", "<informationRequirement id=\"Requirement_1\">"
        + "<requiredDecision href=\"#other\" /></informationRequirement><decisionTable ");
    assertThat(required).isNotEqualTo(measures);
    assertThat(FlowDecisions.isFunctionOfInputs(model(required), "takeOutMeasures")).isFalse();
  }

  private long evaluations(String decisionDefinitionId) {
    return engine.getHistoryService().createHistoricDecisionInstanceQuery().decisionDefinitionId(decisionDefinitionId)
        .count();
  }

  private static DmnModelInstance model(String xml) {
    return Dmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  private String approverRole(String processInstanceId) {
    return decisions.evaluate("takeOutApprover", INTERNAL, processInstanceId).getSingleResult()
        .getEntry("approverRole");
  }
}
