package jp.sample.isms;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import jp.sample.isms.mediadisposal.MediaDisposalRegister;
import jp.sample.isms.support.PostgresApplication;
import jp.sample.isms.takeout.TakeOutRegister;

/**
 * The register views of V140 on a real PostgreSQL: the session counts days in Japan, so the states derived from
 * today's date are the same as on H2 (the default profile's tests of each register), and the flows read them.
 */
@Tag("postgres")
class RegisterViewsPostgresIT {

  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));

  static PostgresApplication application;
  static JdbcTemplate jdbc;

  @BeforeAll
  static void start() {
    application = PostgresApplication.start();
    jdbc = application.context().getBean(JdbcTemplate.class);
  }

  @AfterAll
  static void stop() {
    if (application != null) {
      application.close();
    }
  }

  @Test
  void theSessionsDayIsTheDayInJapan() {
    assertThat(jdbc.queryForObject("show timezone", String.class)).isEqualTo("Asia/Tokyo");
    assertThat(jdbc.queryForObject("select current_date", LocalDate.class)).isEqualTo(TODAY);
  }

  @Test
  void takeOutStatesFollowTodaysDate() {
    Map<String, Object[]> rows = Map.of(
        "TO-PGVIEW-1", new Object[] {"APPROVED", TODAY.plusDays(1), TODAY.plusDays(2), null, "承認", false},
        "TO-PGVIEW-2", new Object[] {"APPROVED", TODAY, TODAY, null, "持ち出し中", false},
        "TO-PGVIEW-3", new Object[] {"APPROVED", TODAY.minusDays(3), TODAY.minusDays(1), null, "返却遅延", true},
        "TO-PGVIEW-4", new Object[] {"RETURNED", TODAY.minusDays(3), TODAY.minusDays(2), TODAY.minusDays(1), "返却済",
            true},
        "TO-PGVIEW-5", new Object[] {"TERMINATED", TODAY, TODAY, null, "終了 (決定なし)", false});
    TakeOutRegister register = application.context().getBean(TakeOutRegister.class);
    rows.forEach((key, row) -> jdbc.update("""
        insert into takeout_register (business_key, process_instance_id, requester, asset_description, medium,
          start_date, planned_return_date, status, filed_at, returned_on)
        values (?, 'view-test', 'yamamoto', 'ノートPC', 'LAPTOP', ?, ?, ?, ?, ?)
        """, key, Date.valueOf((LocalDate) row[1]), Date.valueOf((LocalDate) row[2]), row[0], OffsetDateTime.now(),
        row[3] == null ? null : Date.valueOf((LocalDate) row[3])));
    rows.forEach((key, row) -> {
      Map<String, Object> view = jdbc.queryForMap(
          "select display_status, late from takeout_register_view where business_key = ?", key);
      assertThat(view.get("display_status")).as(key).isEqualTo(row[4]);
      assertThat(view.get("late")).as(key).isEqualTo(row[5]);
      assertThat(register.find(key).displayStatus()).as(key).isEqualTo(row[4]);
    });
  }

  @Test
  void mediaDisposalAndPeriodicStatesOnPostgres() {
    jdbc.update("""
        insert into media_disposal_register (business_key, process_instance_id, requester, classification,
          media_type, disposal_action, disposal_method, quantity, description, status, filed_at)
        values ('MD-PGVIEW-1', 'view-test', 'yamamoto', 'INTERNAL', 'PAPER', 'DISPOSE', 'SHRED', 1, '資料',
          'RECEIVED', ?)
        """, OffsetDateTime.now());
    assertThat(application.context().getBean(MediaDisposalRegister.class).find("MD-PGVIEW-1").displayStatus())
        .isEqualTo("受付済 (承認待ち)");

    jdbc.update("""
        insert into periodic_duty_occurrence (duty_code, duty_name, clauses, duty_cycle, due_date, department_code,
          responsible_role, accepting_role, table_version, status, created_at)
        values ('PGVIEW', '表示の確認', '1.2', 'YEARLY', ?, '-', 'SECURITY_OFFICER', 'AUDITOR', 1, 'OPEN', ?)
        """, Date.valueOf(TODAY.minusDays(1)), OffsetDateTime.now());
    assertThat(jdbc.queryForMap("select display_status, overdue from periodic_duty_occurrence_view "
        + "where duty_code = 'PGVIEW'")).containsEntry("display_status", "期限切れ").containsEntry("overdue", true);

    jdbc.update("""
        insert into improvement_item (occurrence_id, business_key, process_instance_id, item_no, description,
          owner_role, due_date, status, created_at)
        values (-1, 'PD-PGVIEW-1', 'view-test', 1, '手順書の改訂', 'SECURITY_OFFICER', ?, 'CLOSED', ?)
        """, Date.valueOf(TODAY), OffsetDateTime.now());
    assertThat(jdbc.queryForMap("select display_status, overdue from improvement_item_view "
        + "where business_key = 'PD-PGVIEW-1'")).containsEntry("display_status", "完了報告済み")
        .containsEntry("overdue", false);
  }
}
