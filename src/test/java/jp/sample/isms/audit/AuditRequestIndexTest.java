package jp.sample.isms.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.support.DemoOrganisation;

/**
 * The search index keeps the set of every outcome a request's records carry, however many: a long request that
 * collects more than 500 characters of outcome codes is indexed whole, and the column holds the whole vocabulary.
 */
@IsmsSpringBootTest
class AuditRequestIndexTest {

  @Autowired
  AuditRecorder audit;
  @Autowired
  JdbcTemplate jdbc;

  static String vocabulary() {
    return Arrays.stream(Outcome.values()).map(Outcome::code).collect(Collectors.joining(",", ",", ","));
  }

  @Test
  void theOutcomesColumnHoldsTheWholeVocabulary() {
    Integer width = jdbc.queryForObject("select character_maximum_length from information_schema.columns "
        + "where lower(table_name) = 'audit_request' and lower(column_name) = 'outcomes'", Integer.class);
    assertThat(width).isGreaterThanOrEqualTo(vocabulary().length());
  }

  @Test
  void aRequestWithManyStepsKeepsEveryOutcomeInTheIndex() {
    String key = "IX-" + Long.toString(System.nanoTime(), 36).toUpperCase();
    int step = 0;
    // two rounds: a long request repeats outcomes, the set keeps each once
    for (int round = 0; round < 2; round++) {
      for (Outcome outcome : Outcome.values()) {
        audit.record(AuditEntry.systemStep(key, null, "indexTest", "ServiceTask_Step" + step++, "長い申請のステップ")
            .requester(DemoOrganisation.DESIGN_EMPLOYEE, "D100").outcome(outcome).build());
      }
    }
    String outcomes = jdbc.queryForObject("select outcomes from audit_request where business_key = ?", String.class,
        key);
    assertThat(outcomes).hasSizeGreaterThan(500).isEqualTo(vocabulary());
    assertThat(jdbc.queryForObject("select record_count from audit_request where business_key = ?", Integer.class,
        key)).isEqualTo(2 * Outcome.values().length);
    Outcome last = Outcome.values()[Outcome.values().length - 1];
    assertThat(jdbc.queryForList("select business_key from audit_request where outcomes like ?", String.class,
        "%," + last.code() + ",%")).contains(key);
    assertThat(audit.forBusinessKey(key)).hasSize(2 * Outcome.values().length);
  }
}
