package jp.sample.isms.takeout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The take-out forms ask for exactly the measures of 3.2 that decision {@code takeOutMeasures} lists (the table the
 * server enforces at filing), medium by medium: a measure the table demands whatever the asset's classification is
 * shown and required by the form (the browser refuses to submit without it); a measure that depends on the register's
 * classification (encrypted connections, not for 公開 assets) is shown, not required, and checked by the server at
 * filing; no other measure is shown. The approver's form, which knows the classification, shows exactly the table's
 * rows. The forms' {@code conditional.hide} expressions are evaluated as FEEL, as form-js does; the table by a
 * standalone DMN engine, as deployed.
 */
class TakeOutFormMeasuresTest {

  private static final Path TABLE = Path.of("bpmn", "takeOutMeasures.dmn");
  private static final FeelEngineApi FEEL = FeelEngineBuilder.forJava().build();
  private static final List<String> CLASSIFICATIONS = List.of("PUBLIC", "INTERNAL", "SECRET");

  private static DmnEngine dmn;
  private static DmnDecision decision;
  private static List<String> media;
  private static Set<String> measures;

  @BeforeAll
  static void readTheTable() throws IOException {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = Files.newInputStream(TABLE)) {
      decision = dmn.parseDecision(TakeOutProcess.DECISION_MEASURES, in);
    }
    var model = Dmn.readModelFromFile(TABLE.toFile());
    media = model.getModelElementsByType(Input.class).stream()
        .filter(input -> "Input_Medium".equals(input.getId())).findFirst().orElseThrow()
        .getInputValues().getText().getTextContent().transform(TakeOutFormMeasuresTest::unquotedList);
    measures = model.getModelElementsByType(OutputEntry.class).stream()
        .filter(entry -> entry.getId().endsWith("_Attestation"))
        .map(entry -> entry.getText().getTextContent().replace("\"", "")).collect(Collectors.toSet());
  }

  @ParameterizedTest
  @ValueSource(strings = { "takeOutStart.form", "takeOutCorrection.form", "takeOutApproval.form" })
  void theFormOffersEveryMediumAndEveryMeasureOfTheTableAndNoOther(String form) throws IOException {
    JsonNode schema = schema(form);
    Set<String> offered = new LinkedHashSet<>();
    for (JsonNode component : schema.path("components")) {
      if (TakeOutProcess.MEDIUM.equals(component.path("key").asText())) {
        component.path("values").forEach(option -> offered.add(option.path("value").asText()));
      }
    }
    assertThat(offered).as("%s: media", form).containsExactlyElementsOf(media);
    assertThat(attestationFields(form)).extracting(field -> field.get("key").asText())
        .containsExactlyInAnyOrderElementsOf(measures);
  }

  @ParameterizedTest
  @ValueSource(strings = { "takeOutStart.form", "takeOutCorrection.form" })
  void theRequestersFormShowsAndRequiresWhatTheTableDemandsForEveryMedium(String form) throws IOException {
    List<JsonNode> attestations = attestationFields(form);
    for (String medium : media) {
      Set<String> shown = new LinkedHashSet<>();
      Set<String> requiredByForm = new LinkedHashSet<>();
      for (JsonNode field : attestations) {
        if (!hidden(field, medium, null)) {
          shown.add(field.get("key").asText());
          if (field.path("validate").path("required").asBoolean(false)) {
            requiredByForm.add(field.get("key").asText());
          }
        }
      }
      Set<String> sometimes = new LinkedHashSet<>();
      Set<String> always = new LinkedHashSet<>(measures);
      for (String classification : CLASSIFICATIONS) {
        Set<String> rows = table(medium, classification);
        sometimes.addAll(rows);
        always.retainAll(rows);
      }

      assertThat(shown).as("%s: measures shown for %s", form, medium).containsExactlyInAnyOrderElementsOf(sometimes);
      assertThat(requiredByForm).as("%s: measures required for %s", form, medium)
          .containsExactlyInAnyOrderElementsOf(always);
    }
  }

  @Test
  void theApproversFormShowsExactlyTheRowsOfTheTableForEveryMediumAndClassification() throws IOException {
    List<JsonNode> attestations = attestationFields("takeOutApproval.form");
    for (String medium : media) {
      for (String classification : CLASSIFICATIONS) {
        Set<String> shown = attestations.stream().filter(field -> !hidden(field, medium, classification))
            .map(field -> field.get("key").asText()).collect(Collectors.toSet());
        assertThat(shown).as("measures shown for %s, %s", medium, classification)
            .containsExactlyInAnyOrderElementsOf(table(medium, classification));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = { "takeOutStart.form", "takeOutCorrection.form" })
  void beforeAMediumIsChosenOnlyTheMeasureOfEveryMediumIsShown(String form) throws IOException {
    Set<String> shown = new LinkedHashSet<>();
    for (JsonNode field : attestationFields(form)) {
      if (!hidden(field, null, null)) {
        shown.add(field.get("key").asText());
      }
    }
    assertThat(shown).containsExactlyInAnyOrderElementsOf(table(null, null)).containsExactly("attestKeptInSight");
  }

  @Test
  void theTableCitesTheClauseAndExplainsEveryMeasure() {
    for (String medium : media) {
      for (String classification : CLASSIFICATIONS) {
        assertThat(dmn.evaluateDecisionTable(decision, variables(medium, classification)).getResultList())
            .allSatisfy(row -> {
              assertThat(row.get("clause")).isEqualTo(TakeOutFlow.CLAUSE);
              assertThat((String) row.get("text")).isNotBlank();
            });
      }
    }
  }

  private static Set<String> table(String medium, String classification) {
    return dmn.evaluateDecisionTable(decision, variables(medium, classification)).getResultList().stream()
        .map(row -> (String) row.get("attestation")).collect(Collectors.toCollection(LinkedHashSet::new));
  }

  private static Map<String, Object> variables(String medium, String classification) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(TakeOutProcess.MEDIUM, medium);
    variables.put(TakeOutProcess.CLASSIFICATION, classification);
    return variables;
  }

  private static JsonNode schema(String form) throws IOException {
    return new ObjectMapper().readTree(Path.of("forms", form).toFile());
  }

  private static List<JsonNode> attestationFields(String form) throws IOException {
    List<JsonNode> fields = new ArrayList<>();
    for (JsonNode component : schema(form).path("components")) {
      if (component.path("key").asText().startsWith("attest")) {
        fields.add(component);
      }
    }
    return fields;
  }

  private static boolean hidden(JsonNode field, String medium, String classification) {
    String hide = field.path("conditional").path("hide").asText("");
    if (hide.isEmpty()) {
      return false;
    }
    EvaluationResult result = FEEL.evaluateExpression(hide.replaceFirst("^=", ""),
        variables(medium, classification));
    assertThat(result.isSuccess()).as("FEEL %s", hide).isTrue();
    return Boolean.TRUE.equals(result.result());
  }

  private static List<String> unquotedList(String text) {
    return Arrays.stream(text.split(",")).map(value -> value.trim().replace("\"", "")).toList();
  }
}
