package jp.sample.isms.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import jp.sample.isms.approval.Decision;
import jp.sample.isms.approval.StepKind;
import jp.sample.isms.support.DemoOrganisation;

/**
 * The words of the decision record: every outcome, kind of step and flag carries a Japanese and an English label (so
 * none can reach an auditor as a raw code), the stored codes are the constants' names, and an entry cannot be built
 * without an outcome or with a non-clause in the clause column.
 */
class AuditVocabularyTest {

  static List<Labelled> everyCode() {
    List<Labelled> codes = new ArrayList<>();
    codes.addAll(Arrays.asList(Outcome.values()));
    codes.addAll(Arrays.asList(AuditStepKind.values()));
    codes.addAll(Arrays.asList(RecordFlag.values()));
    return codes;
  }

  @Test
  void everyCodeHasAJapaneseAndAnEnglishLabelThatIsNotTheCode() {
    for (Labelled code : everyCode()) {
      assertThat(code.label()).as(code.code()).isNotBlank().isNotEqualTo(code.code())
          .matches(label -> label.codePoints().anyMatch(c -> c > 0x3000), "is Japanese");
      assertThat(code.labelEn()).as(code.code()).isNotBlank().isNotEqualTo(code.code())
          .matches(label -> label.chars().allMatch(c -> c < 0x80), "is English");
      assertThat(code.code()).as("stored code").isEqualTo(((Enum<?>) code).name()).matches("[A-Z][A-Z_]*");
    }
  }

  @Test
  void theLabelsOfOneKindOfCodeAreDistinct() {
    for (Labelled[] codes : List.of(Outcome.values(), AuditStepKind.values(), RecordFlag.values())) {
      Set<String> labels = new HashSet<>();
      Set<String> english = new HashSet<>();
      for (Labelled code : codes) {
        assertThat(labels.add(code.label())).as("Japanese label of " + code.code()).isTrue();
        assertThat(english.add(code.labelEn())).as("English label of " + code.code()).isTrue();
      }
    }
  }

  @Test
  void theAuditorPagesReadTheLabelsFromTheConstants() {
    assertThat(AuditLabels.OUTCOMES).hasSize(Outcome.values().length);
    assertThat(AuditLabels.STEP_KINDS).hasSize(AuditStepKind.values().length);
    AuditLabels labels = new AuditLabels();
    for (Outcome outcome : Outcome.values()) {
      assertThat(labels.outcome(outcome.code())).isEqualTo(outcome.label());
    }
    for (AuditStepKind kind : AuditStepKind.values()) {
      assertThat(labels.stepKind(kind.code())).isEqualTo(kind.label());
    }
    assertThat(labels.flags(List.of("SELF_APPROVAL", "REPEATED_APPROVER")))
        .containsExactly(RecordFlag.SELF_APPROVAL.label(), RecordFlag.REPEATED_APPROVER.label());
  }

  @Test
  void theKernelsDecisionsAndKindsOfStepAreRecordedUnderTheirOwnCodes() {
    for (Decision decision : Decision.values()) {
      assertThat(decision.outcome().code()).isEqualTo(decision.name());
      assertThat(decision.label()).isEqualTo(decision.outcome().label());
    }
    for (StepKind kind : StepKind.values()) {
      assertThat(kind.recorded().code()).isEqualTo(kind.name());
    }
  }

  @Test
  void anEntryIsBuiltFromItsKindWithTheStoredCodes() {
    AuditEntry entry = AuditEntry.systemStep("TO-2026-0001", "pi-1", "takeOut", "ServiceTask_Remind", "督促する")
        .requester(DemoOrganisation.DESIGN_EMPLOYEE, "D100").outcome(Outcome.REMINDED).comment("返却予定日超過").clauses("3.2").build();
    assertThat(entry.stepKind()).isEqualTo("SYSTEM");
    assertThat(entry.actor()).isEqualTo("system");
    assertThat(entry.actorName()).isEqualTo("システム");
    assertThat(entry.outcome()).isEqualTo("REMINDED");
    assertThat(entry.typedOutcome()).contains(Outcome.REMINDED);
    assertThat(entry.departmentCode()).isEqualTo("D100");
    assertThat(entry.flags()).isNull();

    AuditEntry decision = AuditEntry.step("TO-2026-0001", "pi-1", "takeOut", "UserTask_Approve", "承認する",
            AuditStepKind.APPROVAL).by(DemoOrganisation.PRESIDENT, "田中 一郎").actingAs(AuditEntry.REQUESTER)
        .outcome(Outcome.APPROVED).flag(RecordFlag.SELF_APPROVAL).clauses("3.2,5.1.1").build();
    assertThat(decision.flags()).isEqualTo("SELF_APPROVAL");
    assertThat(decision.clauses()).isEqualTo("3.2,5.1.1");

    AuditEntry filing = AuditEntry.filing(null, null, "takeOut", 3, DemoOrganisation.DESIGN_EMPLOYEE, "山本 さくら", "D100")
        .outcome(Outcome.REFUSED).build();
    assertThat(filing.step()).isEqualTo(AuditEntry.FILING_STEP);
    assertThat(filing.stepKind()).isEqualTo("FILING");
    assertThat(filing.actor()).isEqualTo(DemoOrganisation.DESIGN_EMPLOYEE);
    assertThat(filing.requester()).isEqualTo(DemoOrganisation.DESIGN_EMPLOYEE);
    assertThat(filing.flowVersion()).isEqualTo(3);
  }

  @Test
  void anEntryNeedsAnOutcome() {
    assertThatThrownBy(() -> AuditEntry.event("organisation", "OrganisationChange", "人事異動",
        AuditStepKind.ORGANISATION).by(DemoOrganisation.SYSTEM_ADMINISTRATOR, "鈴木").build()).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("outcome");
  }

  @Test
  void theClauseColumnTakesClausesOnly() {
    AuditEntry.Builder builder = AuditEntry.event("substitute", "Substitution", "代理の指名", AuditStepKind.SUBSTITUTION);
    for (String notAClause : List.of("SPEC 4", "§4", "4 (代理)", "3.2, SPEC 4", "see docs")) {
      assertThatThrownBy(() -> builder.clauses(notAClause)).as(notAClause)
          .isInstanceOf(IllegalArgumentException.class);
    }
    for (String clauses : List.of("1.1", "5.1.6,5.1.8", "3.1.1, 3.1.2", "8.1.1–8.1.6")) {
      assertThat(builder.clauses(clauses).outcome(Outcome.SUBSTITUTE_NAMED).build().clauses()).isEqualTo(clauses);
    }
  }
}
