package jp.sample.isms.periodicduty;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.model.dmn.HitPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import jp.sample.isms.support.DecisionTables;
import jp.sample.isms.support.DecisionTables.Evaluation;
import jp.sample.isms.support.DecisionTables.Table;

/** bpmn/periodicDutyBackupTargets.dmn (4.1.1): the backup targets, one row per rule, on a standalone DMN engine. */
class PeriodicDutyBackupTargetsDecisionTest {

  /** The rules the rows below exercise, in table order: a new rule needs a new row. */
  static final List<String> RULES = List.of("Rule_FileServer", "Rule_DatabaseA", "Rule_SystemA");

  static final Table TABLE = DecisionTables.table("periodicDutyBackupTargets");

  @ParameterizedTest(name = "{0}: {1} {4}, kept {5}")
  @CsvSource(delimiter = '|', textBlock = """
      Rule_FileServer | FILE_SERVER | ファイルコピー | 外付 HDD                | DAILY  | 4 週間
      Rule_DatabaseA  | DATABASE_A  | ファイルコピー | ミラーサーバー・外付 HDD | DAILY  | 4 週間
      Rule_SystemA    | SYSTEM_A    | ファイルコピー | ミラーサーバー・外付 HDD | WEEKLY | 3 か月
      """)
  void eachTargetHasItsMethodStorageScheduleAndRetention(String rule, String code, String method, String storage,
      String schedule, String retention) {
    Evaluation evaluation = evaluateAll();
    int index = evaluation.matchedRules().indexOf(rule);
    assertThat(index).as(rule).isNotNegative();
    Map<String, Object> row = evaluation.allOutputs().get(index);
    assertThat(row).containsEntry("targetCode", code).containsEntry("method", method)
        .containsEntry("storage", storage).containsEntry("schedule", schedule).containsEntry("retention", retention);
    assertThat((String) row.get("targetName")).isNotBlank();
  }

  @Test
  void everyRuleHasARow() {
    assertThat(TABLE.decisionTable().getHitPolicy()).isEqualTo(HitPolicy.COLLECT);
    assertThat(TABLE.ruleIds()).containsExactlyElementsOf(RULES);
    assertThat(evaluateAll().matchedRules()).containsExactlyElementsOf(RULES);
  }

  private static Evaluation evaluateAll() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("targetCode", null);
    return TABLE.evaluate(variables);
  }
}
