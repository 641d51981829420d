package jp.sample.isms.takeout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.model.dmn.HitPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import jp.sample.isms.support.DecisionTables;
import jp.sample.isms.support.DecisionTables.Evaluation;
import jp.sample.isms.support.DecisionTables.Table;

/**
 * bpmn/takeOutMeasures.dmn (3.2): the measures the requester attests for a medium and classification, on a
 * standalone DMN engine. Each row names every rule that must match; TakeOutFormMeasuresTest checks the form against it.
 */
class TakeOutMeasuresDecisionTest {

  /** The rules the rows below exercise, in table order: a new rule needs a new row. */
  static final List<String> RULES = List.of("Rule_LaptopDiskEncrypted", "Rule_MobileScreenLock",
      "Rule_ElectronicMediaErased", "Rule_ElectronicMediaDataEncrypted", "Rule_SmallMediaTagged",
      "Rule_NetworkDeviceEncryptedChannel", "Rule_KeptInSight");

  static final Table TABLE = DecisionTables.table("takeOutMeasures");

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(delimiter = '|', textBlock = """
      LAPTOP       | PUBLIC   | Rule_LaptopDiskEncrypted+Rule_KeptInSight
      LAPTOP       | SECRET   | Rule_LaptopDiskEncrypted+Rule_NetworkDeviceEncryptedChannel+Rule_KeptInSight
      SMARTPHONE   | INTERNAL | Rule_MobileScreenLock+Rule_NetworkDeviceEncryptedChannel+Rule_KeptInSight
      TABLET       | PUBLIC   | Rule_MobileScreenLock+Rule_KeptInSight
      USB_MEMORY   | INTERNAL | Rule_ElectronicMediaErased+Rule_ElectronicMediaDataEncrypted+Rule_SmallMediaTagged+Rule_KeptInSight
      EXTERNAL_HDD | SECRET   | Rule_ElectronicMediaErased+Rule_ElectronicMediaDataEncrypted+Rule_KeptInSight
      PAPER        | SECRET   | Rule_KeptInSight
      """)
  void eachMediumAttestsItsMeasures(String medium, String classification, String rules) {
    Evaluation evaluation = TABLE.evaluate(Map.of("medium", medium, "classification", classification));
    assertThat(evaluation.matchedRules()).containsExactly(rules.split("\\+"));
    assertThat(evaluation.allOutputs()).allSatisfy(row -> {
      assertThat((String) row.get("attestation")).startsWith("attest");
      assertThat(row.get("clause")).isEqualTo("3.2");
      assertThat((String) row.get("text")).isNotBlank();
    });
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      Rule_LaptopDiskEncrypted           | attestDiskEncrypted
      Rule_MobileScreenLock              | attestScreenLock
      Rule_ElectronicMediaErased         | attestMediaErased
      Rule_ElectronicMediaDataEncrypted  | attestDataEncrypted
      Rule_SmallMediaTagged              | attestMediaTagged
      Rule_NetworkDeviceEncryptedChannel | attestEncryptedChannel
      Rule_KeptInSight                   | attestKeptInSight
      """)
  void eachRuleAsksItsOwnAttestation(String rule, String attestation) {
    Evaluation evaluation = TABLE.evaluate(Map.of("medium", "LAPTOP", "classification", "SECRET"));
    Evaluation usb = TABLE.evaluate(Map.of("medium", "USB_MEMORY", "classification", "SECRET"));
    Evaluation phone = TABLE.evaluate(Map.of("medium", "SMARTPHONE", "classification", "SECRET"));
    Map<String, Object> row = rowOf(rule, evaluation, usb, phone);
    assertThat(row).containsEntry("attestation", attestation);
  }

  @Test
  void everyRuleHasARow() {
    assertThat(TABLE.decisionTable().getHitPolicy()).isEqualTo(HitPolicy.COLLECT);
    assertThat(TABLE.ruleIds()).containsExactlyElementsOf(RULES);
  }

  private static Map<String, Object> rowOf(String rule, Evaluation... evaluations) {
    for (Evaluation evaluation : evaluations) {
      int index = evaluation.matchedRules().indexOf(rule);
      if (index >= 0) {
        return evaluation.allOutputs().get(index);
      }
    }
    throw new AssertionError(rule + " matched none of the evaluations");
  }
}
