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
  void aGatewayThatForksWithoutConditionsAndAnUnnamedTaskAreFound() {
    BpmnModelInstance model = Bpmn.createExecutableProcess("probe").startEvent("StartEvent_A").name("開始")
        .exclusiveGateway("Gateway_A").name("どちら").userTask("UserTask_A").endEvent("EndEvent_A").name("終了")
        .moveToNode("Gateway_A").userTask("UserTask_B").name("確認する").endEvent("EndEvent_B").name("終了").done();
    List<Finding> findings = BpmnLintRules.check("probe.bpmn", model);
    assertThat(findings).extracting(Finding::rule).contains("bpmnlint/conditional-flows", "bpmnlint/label-required");
    assertThat(findings).filteredOn(f -> f.rule().equals("bpmnlint/label-required")).extracting(Finding::element)
        .containsExactly("UserTask_A");
  }

  @Test
  void variablesOfAConditionAreTheNamesItReads() {
    assertThat(ModelChecks.variables("${decision == 'APPROVED' && !empty approverRole}"))
        .containsExactly("decision", "approverRole");
    assertThat(ModelChecks.variables("${approvalRouting.needs(execution, 'X') and count gt 2}"))
        .containsExactly("approvalRouting", "count");
  }
}
