package jp.sample.isms.mediadisposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import jp.sample.isms.support.DecisionTables;
import jp.sample.isms.support.DecisionTables.Evaluation;
import jp.sample.isms.support.DecisionTables.Table;

/** bpmn/mediaDisposalMethod.dmn (3.3.1, 3.3.2): one row per rule, on a standalone DMN engine. */
class MediaDisposalMethodDecisionTest {

  /** The rules the rows below exercise, in table order: a new rule needs a new row. */
  static final List<String> RULES = List.of("Rule_OsDeleteFormatNeverForReuse", "Rule_OsDeleteFormatNeverForDisposal",
      "Rule_PaperReuseForbidden", "Rule_WriteOnceDiscReuseForbidden", "Rule_RewritableReuseAfterErasure",
      "Rule_RewritableReuseOnlyAfterErasure", "Rule_ObjectReuseNotProvided", "Rule_PaperByShredder",
      "Rule_PaperOnlyByShredder", "Rule_WriteOnceDiscByDestruction", "Rule_WriteOnceDiscOnlyByDestruction",
      "Rule_PortableMediaByDestructionOrErasure", "Rule_PortableMediaOnlyByDestructionOrErasure",
      "Rule_ObjectByDestruction", "Rule_ObjectOnlyByDestruction", "Rule_OtherwiseRefused");

  static final Table TABLE = DecisionTables.table(MediaDisposalProcess.DECISION_METHOD);

  @ParameterizedTest(name = "{3}: {0} {1} {2} -> {4} ({5})")
  @CsvSource(delimiter = '|', textBlock = """
      PAPER             | REUSE   | OS_DELETE_FORMAT       | Rule_OsDeleteFormatNeverForReuse             | false | 3.3.2
      USB_MEMORY        | DISPOSE | OS_DELETE_FORMAT       | Rule_OsDeleteFormatNeverForDisposal          | false | 3.3.1
      PAPER             | REUSE   | SHREDDER               | Rule_PaperReuseForbidden                     | false | 3.3.2
      DVD_R             | REUSE   | ERASURE_SOFTWARE       | Rule_WriteOnceDiscReuseForbidden             | false | 3.3.2
      DVD_RW            | REUSE   | ERASURE_SOFTWARE       | Rule_RewritableReuseAfterErasure             | true  | 3.3.2
      HDD               | REUSE   | PHYSICAL_DESTRUCTION   | Rule_RewritableReuseOnlyAfterErasure         | false | 3.3.2
      PRODUCT_SAMPLE    | REUSE   | ERASURE_SOFTWARE       | Rule_ObjectReuseNotProvided                  | false | 3.3.2
      PAPER             | DISPOSE | SHREDDER               | Rule_PaperByShredder                         | true  | 3.3.1
      PAPER             | DISPOSE | PHYSICAL_DESTRUCTION   | Rule_PaperOnlyByShredder                     | false | 3.3.1
      CD_R              | DISPOSE | OUTSOURCED_DESTRUCTION | Rule_WriteOnceDiscByDestruction              | true  | 3.3.1
      DVD_R             | DISPOSE | ERASURE_SOFTWARE       | Rule_WriteOnceDiscOnlyByDestruction          | false | 3.3.1
      SMARTPHONE_TABLET | DISPOSE | ERASURE_SOFTWARE       | Rule_PortableMediaByDestructionOrErasure     | true  | 3.3.1
      CD_RW             | DISPOSE | SHREDDER               | Rule_PortableMediaOnlyByDestructionOrErasure | false | 3.3.1
      OTHER             | DISPOSE | PHYSICAL_DESTRUCTION   | Rule_ObjectByDestruction                     | true  | 3.3.1
      PRODUCT_SAMPLE    | DISPOSE | SHREDDER               | Rule_ObjectOnlyByDestruction                 | false | 3.3.1
      FLOPPY            | DISPOSE | PHYSICAL_DESTRUCTION   | Rule_OtherwiseRefused                        | false | 3.3
      """)
  void eachRuleDecides(String mediaType, String action, String method, String rule, boolean allowed, String clause) {
    // when
    Evaluation evaluation = TABLE.evaluate(Map.of("mediaType", mediaType, "action", action, "method", method));
    // then the first matching rule is the expected one, with its verdict, clause and a Japanese reason
    assertThat(evaluation.result().getResultList()).hasSize(1);
    assertThat(evaluation.matchedRules()).containsExactly(rule);
    Map<String, Object> outputs = evaluation.outputs();
    assertThat(outputs).containsEntry("allowed", allowed).containsEntry("clause", clause);
    assertThat((String) outputs.get("reason")).isNotBlank();
  }

  @Test
  void everyRuleHasARowAnIdAndADescriptionCitingItsClause() {
    DecisionTable table = TABLE.decisionTable();
    assertThat(table.getHitPolicy()).isEqualTo(HitPolicy.FIRST);
    Collection<Rule> rules = table.getRules();
    assertThat(rules).extracting(Rule::getId).containsExactlyElementsOf(RULES);
    assertThat(rules).allSatisfy(rule -> assertThat(rule.getDescription().getTextContent()).matches("3\\.3(\\.[12])?: .+"));
    // the last rule is the catch-all refusal
    Rule last = List.copyOf(rules).get(rules.size() - 1);
    assertThat(last.getInputEntries()).allSatisfy(entry -> assertThat(entry.getTextContent()).isBlank());
    assertThat(last.getOutputEntries().iterator().next().getTextContent()).isEqualTo("false");
  }
}
