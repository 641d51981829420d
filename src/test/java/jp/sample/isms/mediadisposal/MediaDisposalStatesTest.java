package jp.sample.isms.mediadisposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;

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
 * The state of a media disposal is a label of its stored status, defined once ({@link MediaDisposalRegister#STATES}):
 * for each status, the flow's register and the auditors' 媒体廃棄台帳 (page, status filter by code, CSV) show the same
 * label, and no SQL view repeats the labels.
 */
@IsmsSpringBootTest
class MediaDisposalStatesTest {

  static final String KEY = "MD-VIEW-0001";

  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  TestRestTemplate rest;
  @Autowired
  MediaDisposalRegister register;

  @AfterEach
  void cleanUp() {
    jdbc.update("delete from media_disposal_register where business_key = ?", KEY);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({"REQUESTED, 申請中", "RECEIVED, 受付済 (承認待ち)", "SENT_BACK, 差し戻し中", "APPROVED, 承認 (実施待ち)",
      "REJECTED, 却下", "WITHDRAWN, 取り下げ", "EXECUTED, 実施済", "RECORDED, 記録 (承認不要)", "CANCELLED, 取消",
      "TERMINATED, 終了 (決定なし)"})
  void eachStateShownIsTheOneLabelOfItsStatus(String status, String state) {
    jdbc.update("""
        insert into media_disposal_register (business_key, process_instance_id, requester, classification,
          media_type, disposal_action, disposal_method, quantity, description, status, filed_at)
        values (?, 'view-test', 'yamamoto', 'INTERNAL', 'PAPER', 'DISPOSE', 'SHRED', 1, '会議資料', ?, ?)
        """, KEY, status, OffsetDateTime.now());

    assertThat(MediaDisposalRegister.STATES).containsEntry(status, state);
    assertThat(register.find(KEY).displayStatus()).isEqualTo(state);

    AuditClient auditor = new AuditClient(rest);
    JsonNode rows = auditor.get(DemoOrganisation.AUDIT_OFFICER, "/api/audit/registers/media-disposal?businessKey=" + KEY).get("rows");
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).get("status").asText()).isEqualTo(state);
    assertThat(auditor.get(DemoOrganisation.AUDIT_OFFICER, "/api/audit/registers/media-disposal?businessKey=" + KEY + "&status=" + status)
        .get("rows")).hasSize(1);
    String csv = new String(auditor.bytes(DemoOrganisation.AUDIT_OFFICER, "/api/audit/registers/media-disposal.csv?businessKey=" + KEY)
        .getBody(), StandardCharsets.UTF_8);
    assertThat(csv.lines().skip(1).findFirst().orElseThrow()).contains("," + state + ",");
  }

  /** The labels live in Java only: no migration that is still in force defines the media disposal states in SQL. */
  @org.junit.jupiter.api.Test
  void noViewRepeatsTheLabels() {
    assertThat(jdbc.queryForObject("select count(*) from information_schema.views "
        + "where lower(table_name) = 'media_disposal_register_view'", Integer.class)).isZero();
  }
}
