package jp.sample.isms.takeout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.sample.isms.asset.Classification;

/**
 * The take-out forms ask for exactly the measures of 3.2 the server enforces ({@link TakeOutFlow#required}), medium by
 * medium: a measure the server demands whatever the asset's classification is shown and required by the form (the
 * browser refuses to submit without it); a measure that depends on the register's classification (encrypted
 * connections, not for 公開 assets) is shown, not required, and checked by the server at filing; no other measure is
 * shown. The forms' {@code conditional.hide} expressions are evaluated as FEEL, as form-js does.
 */
class TakeOutFormMeasuresTest {

  private static final FeelEngineApi FEEL = FeelEngineBuilder.forJava().build();

  @ParameterizedTest
  @ValueSource(strings = { "takeOutStart.form", "takeOutCorrection.form" })
  void theFormShowsAndRequiresWhatTheServerEnforcesForEveryMedium(String form) throws IOException {
    JsonNode attestations = attestationFields(form);
    for (Medium medium : Medium.values()) {
      Set<String> shown = new LinkedHashSet<>();
      Set<String> requiredByForm = new LinkedHashSet<>();
      for (JsonNode field : attestations) {
        if (!hidden(field, medium.name())) {
          shown.add(field.get("key").asText());
          if (field.path("validate").path("required").asBoolean(false)) {
            requiredByForm.add(field.get("key").asText());
          }
        }
      }
      Set<String> sometimes = Arrays.stream(Classification.values())
          .flatMap(classification -> TakeOutFlow.required(medium, classification).stream())
          .map(Medium.Attestation::field).collect(Collectors.toCollection(LinkedHashSet::new));
      Set<String> always = Arrays.stream(Medium.Attestation.values()).map(Medium.Attestation::field)
          .filter(field -> Arrays.stream(Classification.values()).allMatch(classification ->
              TakeOutFlow.required(medium, classification).stream().anyMatch(a -> a.field().equals(field))))
          .collect(Collectors.toCollection(LinkedHashSet::new));

      assertThat(shown).as("%s: measures shown for %s", form, medium).containsExactlyInAnyOrderElementsOf(sometimes);
      assertThat(requiredByForm).as("%s: measures required for %s", form, medium)
          .containsExactlyInAnyOrderElementsOf(always);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = { "takeOutStart.form", "takeOutCorrection.form" })
  void beforeAMediumIsChosenOnlyTheMeasureOfEveryMediumIsShown(String form) throws IOException {
    Set<String> shown = new LinkedHashSet<>();
    for (JsonNode field : attestationFields(form)) {
      if (!hidden(field, null)) {
        shown.add(field.get("key").asText());
      }
    }
    assertThat(shown).containsExactly(Medium.Attestation.KEPT_IN_SIGHT.field());
  }

  private static JsonNode attestationFields(String form) throws IOException {
    JsonNode schema = new ObjectMapper().readTree(Path.of("forms", form).toFile());
    com.fasterxml.jackson.databind.node.ArrayNode fields = new ObjectMapper().createArrayNode();
    Set<String> known = Arrays.stream(Medium.Attestation.values()).map(Medium.Attestation::field)
        .collect(Collectors.toSet());
    for (JsonNode component : schema.path("components")) {
      if (known.contains(component.path("key").asText())) {
        fields.add(component);
      }
    }
    assertThat(fields).as("%s offers every measure of 3.2", form).hasSize(known.size());
    return fields;
  }

  private static boolean hidden(JsonNode field, String medium) {
    String hide = field.path("conditional").path("hide").asText("");
    if (hide.isEmpty()) {
      return false;
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put("medium", medium);
    EvaluationResult result = FEEL.evaluateExpression(hide.replaceFirst("^=", ""), variables);
    assertThat(result.isSuccess()).as("FEEL %s", hide).isTrue();
    return Boolean.TRUE.equals(result.result());
  }
}
