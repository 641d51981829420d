package jp.sample.isms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.dmn.Dmn;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import jp.sample.isms.design.Finding;
import jp.sample.isms.design.ModelConventions;

/**
 * The conventions of STYLE.md, checked on every model the process owner may edit (bpmn/, forms/) by the rules the
 * application itself applies before any deployment ({@link ModelConventions}).
 */
class ModelConventionsTest {

  static Stream<Path> bpmnFiles() throws IOException {
    return files("bpmn", ".bpmn");
  }

  static Stream<Path> dmnFiles() throws IOException {
    return files("bpmn", ".dmn");
  }

  static Stream<Path> formFiles() throws IOException {
    return files("forms", ".form");
  }

  @ParameterizedTest
  @MethodSource("bpmnFiles")
  void processesFollowTheConventions(Path file) {
    assertThat(ModelConventions.bpmn(file.getFileName().toString(), Bpmn.readModelFromFile(file.toFile())))
        .extracting(Finding::describe).as(file.toString()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("dmnFiles")
  void decisionsCiteTheirClausesAndReturnRoleCodes(Path file) {
    assertThat(ModelConventions.dmn(file.getFileName().toString(), Dmn.readModelFromFile(file.toFile())))
        .extracting(Finding::describe).as(file.toString()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("formFiles")
  void formsAreNamedByTheirId(Path file) throws IOException {
    assertThat(ModelConventions.form(file.getFileName().toString(), new ObjectMapper().readTree(file.toFile())))
        .extracting(Finding::describe).as(file.toString()).isEmpty();
  }

  private static Stream<Path> files(String folder, String suffix) throws IOException {
    try (Stream<Path> paths = Files.list(Path.of(folder))) {
      return paths.filter(p -> p.toString().endsWith(suffix)).sorted().toList().stream();
    }
  }
}
