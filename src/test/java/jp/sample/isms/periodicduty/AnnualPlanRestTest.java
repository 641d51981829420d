package jp.sample.isms.periodicduty;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.support.Requests;
import jp.sample.isms.support.DemoOrganisation;

/**
 * {@code /api/periodic-duties/plan} (年間計画) for the security officer and the audit officer: statuses, filters, CSV,
 * 400 for a bad query, 403 for everyone else; and the occurrences cannot be started or faked through the engine's REST
 * API.
 */
@IsmsSpringBootTest
class AnnualPlanRestTest {

  private static final String PASSWORD = DemoOrganisation.PASSWORD;

  @Autowired
  TestRestTemplate rest;
  @Autowired
  ProcessEngine engine;
  @Autowired
  JdbcTemplate jdbc;

  private final ObjectMapper json = new ObjectMapper();
  Requests requests;
  PeriodicDuties duties;

  @BeforeEach
  void setUp() {
    requests = new Requests(engine);
    duties = new PeriodicDuties(engine, jdbc);
    duties.cleanUp();
  }

  @AfterEach
  void cleanUp() {
    duties.cleanUp();
  }

  private ResponseEntity<String> get(String user, String path) {
    return rest.withBasicAuth(user, PASSWORD).getForEntity(path, String.class);
  }

  private JsonNode plan(String user, String query) throws Exception {
    ResponseEntity<String> response = get(user, "/api/periodic-duties/plan?" + query);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return json.readTree(response.getBody());
  }

  private static List<String> lines(JsonNode plan) {
    List<String> lines = new java.util.ArrayList<>();
    plan.get("entries").forEach(e -> lines.add(e.get("dueDate").asText() + " " + e.get("dutyCode").asText() + " "
        + e.get("statusLabel").asText() + (e.get("departmentName").isNull() ? "" : " " + e.get("departmentName").asText())));
    return lines;
  }

  @Test
  void theSecurityOfficerSeesEveryDutyOfTheYearWithItsStatus() throws Exception {
    // given the occurrences of April 2026 are filed, the log review of 3 April is done, the rest are not
    duties.scheduleOn(LocalDate.of(2026, 4, 1));
    ProcessInstance logReview = duties.occurrence("LOG_REVIEW", LocalDate.of(2026, 4, 3), null);
    requests.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, logReview, PeriodicDuties.performed(false));
    requests.complete(DemoOrganisation.SECURITY_OFFICER, logReview, PeriodicDuties.decision("APPROVED", ""));
    Requests.resetClock();

    // when the security officer reads the plan of business year 2026 (today is later in the year)
    JsonNode plan = plan(DemoOrganisation.SECURITY_OFFICER, "year=2026");

    // then done, overdue (filed or never filed), in progress and planned duties are all there
    assertThat(plan.get("from").asText()).isEqualTo("2026-04-01");
    assertThat(plan.get("to").asText()).isEqualTo("2027-03-31");
    assertThat(lines(plan)).contains("2026-04-03 LOG_REVIEW 完了", "2026-04-10 LOG_REVIEW 期限切れ",
        "2026-04-30 BACKUP_CHECK 期限切れ", "2026-09-30 ACCESS_REVIEW 期限切れ 開発設計部",
        "2026-12-31 NETWORK_CHECK 予定", "2027-03-31 EDUCATION 実施中", "2027-03-31 ACCESS_REVIEW 予定 総務部");
    assertThat(lines(plan)).filteredOn(l -> l.contains(" LOG_REVIEW ")).hasSize(52);
    JsonNode done = plan.get("entries").get(0);
    assertThat(done.get("businessKey").asText()).isEqualTo(logReview.getBusinessKey());
    assertThat(done.get("performedBy").asText()).isEqualTo("鈴木 花子");
    assertThat(done.get("acceptedBy").asText()).isEqualTo("田中 一郎");
    assertThat(plan.get("clauses").toString()).contains("1.2", "5.1.5", "7.18", "8.1.4", "9.5.2");
  }

  @Test
  void theAuditOfficerFiltersByRoleClauseAndStatus() throws Exception {
    JsonNode education = plan(DemoOrganisation.PRODUCTION_CHIEF, "year=2026&clause=2.4");
    assertThat(lines(education)).containsExactly("2027-03-31 EDUCATION 予定");

    JsonNode heads = plan(DemoOrganisation.PRODUCTION_CHIEF, "year=2026&role=DEPARTMENT_HEAD");
    assertThat(heads.get("entries")).allSatisfy(e -> assertThat(List.of(e.get("responsibleRole").asText(),
        e.get("acceptingRole").asText())).contains("DEPARTMENT_HEAD"));
    assertThat(lines(heads)).contains("2026-09-30 ACCESS_REVIEW 期限切れ 製造部", "2027-03-31 ACCESS_REVIEW 予定 総務部");

    JsonNode planned = plan(DemoOrganisation.PRODUCTION_CHIEF, "year=2026&status=PLANNED&role=SYSTEM_ADMINISTRATOR");
    assertThat(planned.get("entries")).allSatisfy(e -> assertThat(e.get("status").asText()).isEqualTo("PLANNED"));
  }

  @Test
  void theAuditorsRegistersListTheOccurrencesTheEducationAndTheAccountReviews() throws Exception {
    duties.scheduleOn(LocalDate.of(2026, 4, 1));
    Requests.resetClock();

    ResponseEntity<String> occurrences = get(DemoOrganisation.AUDIT_OFFICER, "/api/audit/registers/periodic-duties?dutyCode=LOG_REVIEW");
    assertThat(occurrences.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode row = json.readTree(occurrences.getBody()).get("rows").get(0);
    assertThat(row.toString()).contains("ログの確認", "2026-04-03", "期限切れ");
    for (String register : List.of("education", "account-reviews", "improvement-items", "backup-checks")) {
      assertThat(get(DemoOrganisation.AUDIT_OFFICER, "/api/audit/registers/" + register).getStatusCode()).as(register)
          .isEqualTo(HttpStatus.OK);
      assertThat(get(DemoOrganisation.DESIGN_EMPLOYEE, "/api/audit/registers/" + register).getStatusCode()).as(register)
          .isEqualTo(HttpStatus.FORBIDDEN);
    }
  }

  @Test
  void theImprovementPlanAndTheBackupWeeksAreAuditorRegistersWithCsv() throws Exception {
    // given the audit of 2026 accepted with one improvement item, and the April backup check filed
    duties.scheduleOn(LocalDate.of(2026, 4, 1));
    ProcessInstance auditInspection = duties.occurrence("AUDIT_INSPECTION", LocalDate.of(2027, 3, 31), null);
    java.util.Map<String, Object> audited = PeriodicDuties.performed(true);
    audited.put(PeriodicDutyProcess.REPORTED_ON, "2026-04-02");
    audited.put(PeriodicDutyProcess.IMPROVEMENTS, "ログの保管期間を見直す | SYSTEM_ADMINISTRATOR | "
        + LocalDate.now(PeriodicDuties.ZONE).plusDays(30));
    requests.complete(DemoOrganisation.AUDIT_OFFICER, auditInspection, audited);
    requests.complete(DemoOrganisation.SECURITY_OFFICER, auditInspection, PeriodicDuties.decision("APPROVED", ""));
    Requests.resetClock();

    // then the audit officer reads each item with its owner, due date and status, also as CSV
    ResponseEntity<String> items = get(DemoOrganisation.AUDIT_OFFICER, "/api/audit/registers/improvement-items?businessKey="
        + auditInspection.getBusinessKey());
    assertThat(items.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(json.readTree(items.getBody()).get("rows")).hasSize(1);
    assertThat(items.getBody()).contains("ログの保管期間を見直す", "実施中");
    ResponseEntity<byte[]> csv = rest.withBasicAuth(DemoOrganisation.PRODUCTION_CHIEF, PASSWORD).getForEntity(
        "/api/audit/registers/improvement-items.csv", byte[].class);
    assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(new String(csv.getBody(), java.nio.charset.StandardCharsets.UTF_8)).contains("ログの保管期間を見直す");
    // and every row of every week of April's backup check, not recorded yet
    ResponseEntity<String> backups = get(DemoOrganisation.AUDIT_OFFICER, "/api/audit/registers/backup-checks?notRecorded=true");
    assertThat(backups.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(json.readTree(backups.getBody()).get("rows").toString()).contains("未記録", "2026-04-20",
        "ファイルサーバー");
    // and the plan shows the item under 1.2
    assertThat(lines(plan(DemoOrganisation.SECURITY_OFFICER, "year=2026&clause=1.2"))).anySatisfy(l -> assertThat(l)
        .contains("IMPROVEMENT_ITEM 実施中"));
  }

  @Test
  void theContractorEvaluationsAndTheCloudReviewsAreInTheSameCalendar() throws Exception {
    // given a running outsourcing contract evaluated every six months (8.1.4) and a cloud service to review (7.18)
    jdbc.update("""
        insert into contractor_register (business_key, process_instance_id, requester, department_code, contractor,
          scope_of_work, asset_classification, asset_description, contract_start, contract_end, status, evaluator,
          approver, selected_at, contract_concluded_on, evaluation_interval)
        values ('OS-2026-9001', 'plan-test', 'ito', 'development', '株式会社テスト委託', '設計データの入力', 'INTERNAL',
          '設計図面', date '2026-04-01', date '2028-03-31', 'RUNNING', 'ito', 'tanaka', current_timestamp,
          date '2026-04-15', 'P6M')
        """);
    jdbc.update("""
        insert into cloud_service_register (approval_number, process_instance_id, service_name, provider, purpose,
          classification, registration_email, requester, evaluated_by, approved_by, approved_on, nda_signed_on,
          nda_confirmed_by, review_date, status, registered_at, department_code)
        values ('CU-2026-9001', 'plan-test', 'テスト用ストレージ', 'テスト社', '図面の共有', 'INTERNAL', 'it@example.jp', 'ito',
          'suzuki', 'tanaka', date '2026-04-10', date '2026-04-10', 'suzuki', date '2026-11-30', 'IN_USE',
          current_timestamp, 'development')
        """);
    try {
      // when the security officer reads the plan of 2026
      JsonNode plan = plan(DemoOrganisation.SECURITY_OFFICER, "year=2026");

      // then both are there, by their own dates, with their clauses, and filter by them
      assertThat(lines(plan)).contains("2026-10-15 CONTRACTOR_EVALUATION 期限切れ 開発設計部",
          "2026-11-30 CLOUD_REVIEW 期限切れ 開発設計部");
      assertThat(lines(plan(DemoOrganisation.SECURITY_OFFICER, "year=2026&clause=8.1.4"))).containsExactly(
          "2026-10-15 CONTRACTOR_EVALUATION 期限切れ 開発設計部");
      assertThat(lines(plan(DemoOrganisation.SECURITY_OFFICER, "year=2026&clause=7.18"))).containsExactly(
          "2026-11-30 CLOUD_REVIEW 期限切れ 開発設計部");
    } finally {
      jdbc.update("delete from cloud_service_register where approval_number = 'CU-2026-9001'");
      jdbc.update("delete from contractor_register where business_key = 'OS-2026-9001'");
    }
  }

  @Test
  void nobodyClosesTheirOwnAcknowledgementAsAFormerMemberThroughTheEngineApi() {
    // given the threat sharing waits for the members' acknowledgements
    duties.scheduleOn(LocalDate.of(2026, 4, 1));
    ProcessInstance sharing = duties.occurrence("THREAT_SHARING", LocalDate.of(2026, 4, 30), null);
    requests.complete(DemoOrganisation.SECURITY_OFFICER, sharing, PeriodicDuties.performed(false));
    Requests.resetClock();
    int open = requests.tasks(sharing).size();
    String execution = engine.getRuntimeService().createEventSubscriptionQuery().processInstanceId(sharing.getId())
        .eventName(PeriodicDutyProcess.MESSAGE_MEMBER_LEFT).list().get(0).getExecutionId();
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);

    // when a member sends the message that closes an acknowledgement, by correlation or on the execution
    for (String user : List.of(DemoOrganisation.SYSTEM_ADMINISTRATOR, DemoOrganisation.DEVELOPMENT_HEAD, DemoOrganisation.SECURITY_OFFICER)) {
      ResponseEntity<String> correlated = rest.withBasicAuth(user, PASSWORD).exchange("/engine-rest/message",
          HttpMethod.POST, new HttpEntity<>(Map.of("messageName", PeriodicDutyProcess.MESSAGE_MEMBER_LEFT,
              "processInstanceId", sharing.getId(), "all", true), headers), String.class);
      assertThat(correlated.getStatusCode().value()).as(user).isIn(400, 403, 404);
      ResponseEntity<String> triggered = rest.withBasicAuth(user, PASSWORD).exchange("/engine-rest/execution/"
          + execution + "/messageSubscriptions/" + PeriodicDutyProcess.MESSAGE_MEMBER_LEFT + "/trigger",
          HttpMethod.POST, new HttpEntity<>(Map.of(), headers), String.class);
      assertThat(triggered.getStatusCode().value()).as(user).isIn(400, 403, 404);
    }

    // then nothing was closed
    assertThat(requests.tasks(sharing)).hasSize(open);
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(sharing.getId())
        .activityId(PeriodicDutyProcess.END_MEMBER_LEFT).count()).isZero();
  }

  @Test
  void thePlanPageCarriesTheAuditPagesContentSecurityPolicy() {
    ResponseEntity<String> page = rest.getForEntity("/plan/index.html", String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getHeaders().getFirst("Content-Security-Policy")).contains("script-src 'self'")
        .contains("frame-ancestors 'none'");
    assertThat(page.getHeaders().getFirst("X-Frame-Options")).isEqualTo("DENY");
    assertThat(page.getBody()).contains("年間計画").doesNotContain("LOG_REVIEW");
  }

  @Test
  void thePlanIsExportedAsCsv() {
    ResponseEntity<byte[]> response = rest.withBasicAuth(DemoOrganisation.SECURITY_OFFICER, PASSWORD)
        .getForEntity("/api/periodic-duties/plan.csv?year=2026&clause=9.5.2", byte[].class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getHeaders().getContentType().toString()).startsWith("text/csv");
    String csv = new String(response.getBody(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(csv).startsWith("\uFEFF\"期限\",\"業務\",\"条項\"");
    assertThat(csv).contains("\"2027-03-31\",\"事業継続計画の検証\",\"9.5.2\",\"毎年\",\"情報セキュリティ責任者\","
        + "\"監査・点検責任者\",\"\",\"予定\"");
  }

  @Test
  void aBadQueryIs400NamingTheField() throws Exception {
    for (Map.Entry<String, String> bad : Map.of("year=abc", "year", "year=1800", "year", "role=KING", "role",
        "clause=x';--", "clause", "status=LATE", "status").entrySet()) {
      ResponseEntity<String> response = get(DemoOrganisation.SECURITY_OFFICER, "/api/periodic-duties/plan?" + bad.getKey());
      assertThat(response.getStatusCode()).as(bad.getKey()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(json.readTree(response.getBody()).get("field").asText()).isEqualTo(bad.getValue());
    }
  }

  @Test
  void nobodyElseReadsThePlan() {
    // employees, department heads, the system administrator who does most duties, the education officer: 403
    for (String user : List.of(DemoOrganisation.DESIGN_EMPLOYEE, DemoOrganisation.PRODUCTION_EMPLOYEE, DemoOrganisation.DEVELOPMENT_HEAD, DemoOrganisation.SYSTEM_ADMINISTRATOR, DemoOrganisation.HR_HEAD, DemoOrganisation.MANUFACTURING_HEAD)) {
      for (String path : List.of("/api/periodic-duties/plan", "/api/periodic-duties/plan.csv",
          "/api/periodic-duties/plan?year=2026", "/api/periodic-duties//plan", "/api/periodic-duties/plan.json")) {
        ResponseEntity<String> response = get(user, path);
        assertThat(response.getStatusCode()).as(user + " " + path).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND,
            HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).as(user + " " + path).doesNotContain("LOG_REVIEW");
      }
    }
    assertThat(rest.getForEntity("/api/periodic-duties/plan", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void anOccurrenceCannotBeStartedThroughTheEngineApi() {
    long before = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(PeriodicDutyProcess.KEY).count();
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    Map<String, Object> message = Map.of("messageName", PeriodicDutyProcess.MESSAGE_DUE,
        "processVariables", Map.of("dutyCode", Map.of("value", "LOG_REVIEW", "type", "String")));
    for (String user : List.of(DemoOrganisation.SECURITY_OFFICER, DemoOrganisation.PRODUCTION_CHIEF, DemoOrganisation.DESIGN_EMPLOYEE)) {
      ResponseEntity<String> byMessage = rest.withBasicAuth(user, PASSWORD).exchange("/engine-rest/message",
          HttpMethod.POST, new HttpEntity<>(message, headers), String.class);
      assertThat(byMessage.getStatusCode().value()).as(user).isIn(400, 403, 404);
      ResponseEntity<String> byKey = rest.withBasicAuth(user, PASSWORD).exchange(
          "/engine-rest/process-definition/key/periodicDuty/start", HttpMethod.POST,
          new HttpEntity<>(Map.of("variables", Map.of()), headers), String.class);
      assertThat(byKey.getStatusCode().value()).as(user).isIn(400, 403, 404);
    }
    assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(PeriodicDutyProcess.KEY).count()).isEqualTo(before);
    assertThat(duties.rows()).isEmpty();
  }
}
