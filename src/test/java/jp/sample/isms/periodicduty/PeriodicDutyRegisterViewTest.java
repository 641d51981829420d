package jp.sample.isms.periodicduty;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.auditor.AuditClient;
import jp.sample.isms.support.DemoOrganisation;

/**
 * The states of 定期業務の実施記録 and 改善計画 are derived once, by views {@code periodic_duty_occurrence_view} and
 * {@code improvement_item_view}: for each state, the auditors' register and its 期限切れのみ filter show what the view
 * derives.
 */
@IsmsSpringBootTest
class PeriodicDutyRegisterViewTest {

  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));
  static final String DUTY = "VIEW_TEST";
  static final String KEY = "PD-VIEW-0001";

  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  TestRestTemplate rest;

  @AfterEach
  void cleanUp() {
    jdbc.update("delete from improvement_item where business_key = ?", KEY);
    jdbc.update("delete from periodic_duty_occurrence where duty_code = ?", DUTY);
  }

  @ParameterizedTest(name = "{0}, due {1} days from today → {2}")
  @CsvSource({"OPEN, 1, 実施中, false", "OPEN, 0, 実施中, false", "OPEN, -1, 期限切れ, true", "DONE, -1, 完了, false",
      "DONE, 1, 完了, false"})
  void eachStateOfADutyShownIsTheViews(String status, int dueInDays, String state, boolean overdue) {
    jdbc.update("""
        insert into periodic_duty_occurrence (duty_code, duty_name, clauses, duty_cycle, due_date, department_code,
          responsible_role, accepting_role, table_version, status, created_at)
        values (?, '表示の確認', '1.2', 'YEARLY', ?, '-', 'SECURITY_OFFICER', 'AUDITOR', 1, ?, ?)
        """, DUTY, Date.valueOf(TODAY.plusDays(dueInDays)), status, OffsetDateTime.now());

    assertThat(jdbc.queryForObject("select display_status from periodic_duty_occurrence_view where duty_code = ?",
        String.class, DUTY)).isEqualTo(state);
    AuditClient auditor = new AuditClient(rest);
    JsonNode rows = auditor.get(DemoOrganisation.AUDIT_OFFICER, "/api/audit/registers/periodic-duties?dutyCode=" + DUTY).get("rows");
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).get("status").asText()).isEqualTo(state);
    assertThat(auditor.get(DemoOrganisation.AUDIT_OFFICER, "/api/audit/registers/periodic-duties?overdue=true&dutyCode=" + DUTY)
        .get("rows")).hasSize(overdue ? 1 : 0);
  }

  @ParameterizedTest(name = "{0}, due {1} days from today → {2}")
  @CsvSource({"PLANNED, 1, 予定, false", "OPEN, 1, 実施中, false", "CLOSED, 1, 完了報告済み, false",
      "DONE, 1, 完了, false", "PLANNED, -1, 期限切れ, true", "OPEN, -1, 期限切れ, true", "CLOSED, -1, 期限切れ, true",
      "DONE, -1, 完了, false"})
  void eachStateOfAnImprovementItemShownIsTheViews(String status, int dueInDays, String state, boolean overdue) {
    jdbc.update("""
        insert into improvement_item (occurrence_id, business_key, process_instance_id, item_no, description,
          owner_role, due_date, status, created_at)
        values (-1, ?, 'view-test', 1, '手順書の改訂', 'SECURITY_OFFICER', ?, ?, ?)
        """, KEY, Date.valueOf(TODAY.plusDays(dueInDays)), status, OffsetDateTime.now());

    assertThat(jdbc.queryForObject("select display_status from improvement_item_view where business_key = ?",
        String.class, KEY)).isEqualTo(state);
    AuditClient auditor = new AuditClient(rest);
    JsonNode rows = auditor.get(DemoOrganisation.AUDIT_OFFICER, "/api/audit/registers/improvement-items?businessKey=" + KEY).get("rows");
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).get("status").asText()).isEqualTo(state);
    assertThat(auditor.get(DemoOrganisation.AUDIT_OFFICER, "/api/audit/registers/improvement-items?overdue=true&businessKey=" + KEY)
        .get("rows")).hasSize(overdue ? 1 : 0);
  }
}
