package jp.sample.isms.takeout;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.auditor.AuditClient;
import jp.sample.isms.support.DemoOrganisation;

/**
 * The state of a take-out is derived once, by view {@code takeout_register_view}: for each state, the flow's register
 * ({@link TakeOutRegister}) and the auditors' 持ち出し台帳 (page and status filter) show what the view derives, and the
 * 返却遅延あり flag is the view's.
 */
@IsmsSpringBootTest
class TakeOutRegisterViewTest {

  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));
  static final String KEY = "TO-VIEW-0001";

  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  TestRestTemplate rest;
  @Autowired
  TakeOutRegister register;

  static Stream<Arguments> states() {
    LocalDate past = TODAY.minusDays(3);
    LocalDate yesterday = TODAY.minusDays(1);
    LocalDate tomorrow = TODAY.plusDays(1);
    return Stream.of(
        Arguments.of("REQUESTED", TODAY, tomorrow, null, "申請中", false),
        Arguments.of("SENT_BACK", TODAY, tomorrow, null, "差し戻し中", false),
        Arguments.of("APPROVED", tomorrow, tomorrow.plusDays(1), null, "承認", false),
        Arguments.of("APPROVED", TODAY, TODAY, null, "持ち出し中", false),
        Arguments.of("APPROVED", past, yesterday, null, "返却遅延", true),
        Arguments.of("RETURNED", past, yesterday, yesterday, "返却済", false),
        Arguments.of("RETURNED", past, past, yesterday, "返却済", true),
        Arguments.of("REJECTED", TODAY, tomorrow, null, "却下", false),
        Arguments.of("WITHDRAWN", past, yesterday, null, "取り下げ", false),
        Arguments.of("RECORDED", TODAY, tomorrow, null, "記録 (承認不要)", false),
        Arguments.of("CANCELLED", TODAY, tomorrow, null, "取消", false),
        Arguments.of("TERMINATED", TODAY, tomorrow, null, "終了 (決定なし)", false));
  }

  @AfterEach
  void cleanUp() {
    jdbc.update("delete from takeout_register where business_key = ?", KEY);
  }

  @ParameterizedTest(name = "{0} {1}–{2} → {4}")
  @MethodSource("states")
  void eachStateShownIsTheViews(String status, LocalDate start, LocalDate plannedReturn, LocalDate returnedOn,
      String state, boolean late) {
    jdbc.update("""
        insert into takeout_register (business_key, process_instance_id, requester, department_code, asset_description,
          classification, medium, start_date, planned_return_date, status, filed_at, returned_on)
        values (?, 'view-test', 'yamamoto', null, 'ノートPC', 'INTERNAL', 'LAPTOP', ?, ?, ?, ?, ?)
        """, KEY, Date.valueOf(start), Date.valueOf(plannedReturn), status, OffsetDateTime.now(),
        returnedOn == null ? null : Date.valueOf(returnedOn));

    String view = jdbc.queryForObject("select display_status from takeout_register_view where business_key = ?",
        String.class, KEY);
    Boolean viewLate = jdbc.queryForObject("select late from takeout_register_view where business_key = ?",
        Boolean.class, KEY);
    assertThat(view).isEqualTo(state);
    assertThat(viewLate).isEqualTo(late);
    assertThat(register.find(KEY).displayStatus()).isEqualTo(view);

    AuditClient auditor = new AuditClient(rest);
    JsonNode rows = auditor.get(DemoOrganisation.AUDIT_OFFICER, "/api/audit/registers/takeout?businessKey=" + KEY).get("rows");
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).get("status").asText()).isEqualTo(view);
    assertThat(rows.get(0).get("late").asText()).isEqualTo(late ? "はい" : "いいえ");
    JsonNode filtered = auditor.get(DemoOrganisation.AUDIT_OFFICER, "/api/audit/registers/takeout?businessKey=" + KEY + "&status=" + state)
        .get("rows");
    assertThat(filtered).hasSize(1);
    String csv = new String(auditor.bytes(DemoOrganisation.AUDIT_OFFICER, "/api/audit/registers/takeout.csv?businessKey=" + KEY)
        .getBody(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(csv.lines().skip(1).findFirst().orElseThrow()).contains("," + state + ",");
  }
}
