package jp.sample.isms.design;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The server's bpmnlint rules pass every flow of the repository (which bpmnlint itself passes in the build), and
 * each refuses the model it is about.
 */
class ModelRulesTest {

  static Stream<Path> bpmnFiles() throws IOException {
    try (Stream<Path> paths = Files.list(Path.of("bpmn"))) {
      return paths.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("bpmnFiles")
  void theRepositorysFlowsPassTheLintRules(Path file) {
    assertThat(BpmnLintRules.check(file.getFileName().toString(), Bpmn.readModelFromFile(file.toFile())))
        .filteredOn(Finding::isError).extracting(Finding::describe).isEmpty();
  }

  @Test
  void aGatewayThatForksWithoutConditionsAndAnUnnamedTaskAreFound() throws IOException {
    String flow = Files.readString(Path.of("bpmn", "roleChange.bpmn"))
        .replace(" name=\"承認者と対象のグループを決める\"", "")
        .replace("<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\">${decision == 'REJECTED'}"
            + "</bpmn:conditionExpression>", "");
    BpmnModelInstance model = Bpmn.readModelFromStream(new java.io.ByteArrayInputStream(
        flow.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    List<Finding> findings = BpmnLintRules.check("roleChange.bpmn", model);
    assertThat(findings).extracting(f -> f.rule() + "@" + f.element()).containsExactlyInAnyOrder(
        "bpmnlint/label-required@ServiceTask_PrepareChange", "bpmnlint/conditional-flows@SequenceFlow_Rejected");
  }

  @Test
  void variablesOfAConditionAreTheNamesItReads() {
    assertThat(ModelChecks.variables("${decision == 'APPROVED' && !empty approverRole}"))
        .containsExactly("decision", "approverRole");
    assertThat(ModelChecks.variables("${approvalRouting.needs(execution, 'X') and count gt 2}"))
        .containsExactly("approvalRouting", "count");
  }
}
