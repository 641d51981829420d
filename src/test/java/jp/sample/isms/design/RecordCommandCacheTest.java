package jp.sample.isms.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import jp.sample.isms.support.EngineCommands;
import jp.sample.isms.support.EngineCommands.RollBack;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.audit.AuditEntry;
import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.audit.Outcome;
import jp.sample.isms.support.DemoOrganisation;

/**
 * What the decision record reads for each record is read once per engine command: the regulation revision and the
 * request's row of the search index. A new revision recorded in the command is carried by the command's later records;
 * the next command reads the database again. Commands that would leave a revision end by throwing (rolled back).
 */
@IsmsSpringBootTest
class RecordCommandCacheTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  AuditRecorder audit;
  @Autowired
  RegulationRevisions revisions;
  @Autowired
  JdbcTemplate jdbc;


  private CommandExecutor commands() {
    return EngineCommands.of(engine);
  }

  private static String key() {
    return "RC-" + Long.toString(System.nanoTime(), 36).toUpperCase();
  }

  private static AuditEntry entry(String key, int step, Outcome outcome, String clauses) {
    return AuditEntry.systemStep(key, null, "cacheTest", "ServiceTask_Step" + step, "キャッシュの試験")
        .requester(DemoOrganisation.DESIGN_EMPLOYEE, "D100").outcome(outcome).clauses(clauses).build();
  }

  private String revisionOf(String key, int step) {
    return jdbc.queryForObject("select regulation_revision from audit_record where business_key = ? and step = ?",
        String.class, key, "ServiceTask_Step" + step);
  }

  @Test
  void aCommandReadsTheRevisionOnceAndItsLaterRecordsCarryARevisionRecordedInIt() {
    String before = audit.regulationRevision();
    String key = key();
    List<String> seen = new ArrayList<>();
    assertThatThrownBy(() -> commands().execute(context -> {
      seen.add(audit.regulationRevision());
      // a revision written behind the recorder's back is not seen: the command already read it
      jdbc.update("insert into regulation_revision (revision, business_key, approved_by, approved_at) "
          + "values ('1999-01', 'BEHIND', 'nobody', current_timestamp)");
      audit.record(entry(key, 1, Outcome.APPROVED, null));
      seen.add(revisionOf(key, 1));
      // a revision recorded through its owner is carried by the rest of the command's records
      String recorded = revisions.record("RC-REVISION", DemoOrganisation.SYSTEM_ADMINISTRATOR,
          OffsetDateTime.of(2031, 7, 1, 9, 0, 0, 0, ZoneOffset.ofHours(9)));
      seen.add(recorded);
      audit.record(entry(key, 2, Outcome.APPROVED, null));
      seen.add(revisionOf(key, 2));
      seen.add(audit.regulationRevision());
      throw new RollBack();
    })).isInstanceOf(RollBack.class);

    assertThat(seen.get(0)).isEqualTo(before);
    assertThat(seen.get(1)).isEqualTo(before);
    assertThat(seen.get(2)).startsWith("2031-07");
    assertThat(seen.get(3)).isEqualTo(seen.get(2));
    assertThat(seen.get(4)).isEqualTo(seen.get(2));
    // rolled back; the next command reads the database
    String after = commands().execute(context -> audit.regulationRevision());
    assertThat(after).isEqualTo(before);
  }

  @Test
  void twoCommandsDoNotShareTheRevision() {
    String before = audit.regulationRevision();
    String first = commands().execute(context -> audit.regulationRevision());
    assertThat(first).isEqualTo(before);
    try {
      jdbc.update("insert into regulation_revision (revision, business_key, approved_by, approved_at) "
          + "values ('2099-12', 'RC-NEXT', 'nobody', current_timestamp)");
      String next = commands().execute(context -> audit.regulationRevision());
      assertThat(next).isEqualTo("2099-12");
      assertThat(audit.regulationRevision()).isEqualTo("2099-12");
    } finally {
      jdbc.update("delete from regulation_revision where business_key = 'RC-NEXT'");
    }
    String last = commands().execute(context -> audit.regulationRevision());
    assertThat(last).isEqualTo(before);
  }

  @Test
  void aCommandReadsTheRequestsIndexRowOnceAndAddsEachRecordToWhatItWrote() {
    String key = key();
    commands().execute(context -> {
      audit.record(entry(key, 1, Outcome.APPROVED, "5.10"));
      // a change behind the index's back is not read again: the command keeps what it wrote
      jdbc.update("update audit_request set clauses = ',9.9,' where business_key = ?", key);
      audit.record(entry(key, 2, Outcome.REJECTED, "8.10"));
      audit.record(entry(key, 3, Outcome.APPROVED, "5.10,7.7"));
      return null;
    });
    assertThat(jdbc.queryForMap("select outcomes, clauses, record_count from audit_request where business_key = ?",
        key)).containsEntry("OUTCOMES", ",APPROVED,REJECTED,").containsEntry("CLAUSES", ",5.10,8.10,7.7,")
        .containsEntry("RECORD_COUNT", 3);

    // the next command reads the row again
    jdbc.update("update audit_request set clauses = ',9.9,' where business_key = ?", key);
    commands().execute(context -> {
      audit.record(entry(key, 4, Outcome.APPROVED, "6.1"));
      return null;
    });
    assertThat(jdbc.queryForObject("select clauses from audit_request where business_key = ?", String.class, key))
        .isEqualTo(",9.9,6.1,");
  }
}
