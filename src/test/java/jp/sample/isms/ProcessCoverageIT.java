package jp.sample.isms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Runs after the unit tests (failsafe) and reads what camunda-process-test-coverage recorded for every test class
 * (target/process-test-coverage/*&#47;report.json): every flow node and sequence flow of the flows below must have been
 * passed by some test.
 */
class ProcessCoverageIT {

  private static final Path REPORTS = Path.of("target", "process-test-coverage");

  @ParameterizedTest
  @ValueSource(strings = {"takeOut", "mediaDisposal", "accountRequest", "cloudUse", "outsourcing", "resubcontracting",
      "accountInactivityReview", "passwordExpiryReview", "assetRegistration", "periodicDuty", "periodicDutySchedule"})
  void everyFlowNodeAndSequenceFlowIsCovered(String processKey) throws IOException {
    Path model = Path.of("bpmn", processKey + ".bpmn");
    assertThat(model).as("the flow's BPMN").exists();
    Set<String> elements = elements(Bpmn.readModelFromFile(model.toFile()), processKey);
    Set<String> covered = covered().getOrDefault(processKey, Set.of());

    Set<String> missing = new TreeSet<>(elements);
    missing.removeAll(covered);
    System.out.printf("process test coverage of %s: %d of %d flow nodes and sequence flows (%.1f %%)%n", processKey,
        elements.size() - missing.size(), elements.size(), 100.0 * (elements.size() - missing.size()) / elements.size());
    assertThat(missing).as("elements of %s no test passes", processKey).isEmpty();
  }

  private static Set<String> elements(BpmnModelInstance model, String processKey) {
    Process process = model.getModelElementById(processKey);
    assertThat(process).isNotNull();
    Set<String> ids = new HashSet<>();
    model.getModelElementsByType(FlowNode.class).forEach(node -> ids.add(node.getId()));
    model.getModelElementsByType(SequenceFlow.class).forEach(flow -> ids.add(flow.getId()));
    return ids;
  }

  private static Map<String, Set<String>> covered() throws IOException {
    Map<String, Set<String>> covered = new HashMap<>();
    ObjectMapper json = new ObjectMapper();
    if (!Files.isDirectory(REPORTS)) {
      return covered;
    }
    List<Path> reports;
    try (Stream<Path> files = Files.walk(REPORTS)) {
      reports = files.filter(p -> p.getFileName().toString().equals("report.json")).toList();
    }
    for (Path report : reports) {
      for (JsonNode suite : json.readTree(report.toFile()).path("suites")) {
        for (JsonNode run : suite.path("runs")) {
          for (JsonNode event : run.path("events")) {
            covered.computeIfAbsent(event.path("modelKey").asText(), k -> new HashSet<>())
                .add(event.path("definitionKey").asText());
          }
        }
      }
    }
    return covered;
  }
}
