package jp.sample.isms.auditor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.support.Requests;
import jp.sample.isms.support.DemoOrganisation;

import jp.sample.isms.audit.AuditChain;

/**
 * Only the 監査・点検責任者 (nakamura), the 情報セキュリティ責任者 (tanaka) and administrators (suzuki, camunda-admin) read
 * the record and the registers; every other employee gets 403 in Japanese, no credentials 401; every query, allowed
 * or denied, is itself a record of kind AUDIT_QUERY.
 */
@IsmsSpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditAccessTest {

  @Autowired
  TestRestTemplate rest;
  @Autowired
  ProcessEngine engine;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  AuditChain chain;

  AuditClient client;
  String businessKey;

  /** Once per class, in the first test (the coverage listener wants processes run inside a test). */
  @BeforeEach
  void aRequest() {
    if (client != null) {
      return;
    }
    client = new AuditClient(rest);
    ProcessInstance instance = new Requests(engine).file(DemoOrganisation.DESIGN_EMPLOYEE, "takeOut", Requests.internalLaptopTakeOut());
    businessKey = instance.getBusinessKey();
  }

  static List<String> endpoints() {
    return List.of("/api/audit/me", "/api/audit/options", "/api/audit/verification", "/api/audit/retention",
        "/api/audit/requests", "/api/audit/requests/count", "/api/audit/requests/{key}",
        "/api/audit/requests/{key}/diagram", "/api/audit/records", "/api/audit/records/count",
        "/api/audit/registers", "/api/audit/registers/takeout", "/api/audit/registers/takeout.csv",
        "/api/audit/registers/media-disposal.csv", "/api/audit/registers/accounts.csv");
  }

  @ParameterizedTest
  @MethodSource("endpoints")
  void anEmployeeGets403InJapanese(String endpoint) {
    endpoint = endpoint.replace("{key}", businessKey);
    ResponseEntity<String> response = client.call(DemoOrganisation.DESIGN_EMPLOYEE, endpoint);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(client.read(response.getBody()).get("message").asText())
        .isEqualTo("監査記録と台帳は監査・点検責任者、情報セキュリティ責任者およびシステム管理者のみが参照できます");
    // a department head is no auditor either
    assertThat(client.call(DemoOrganisation.DEVELOPMENT_HEAD, endpoint).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @ParameterizedTest
  @MethodSource("endpoints")
  void withoutCredentialsItIs401(String endpoint) {
    endpoint = endpoint.replace("{key}", businessKey);
    ResponseEntity<String> response = client.call(null, endpoint);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    // the challenge makes the browser ask for user and password on the audit pages
    assertThat(response.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
  }

  @ParameterizedTest
  @MethodSource("endpoints")
  void theAuditOfficerTheSecurityOfficerAndTheAdministratorRead(String endpoint) {
    endpoint = endpoint.replace("{key}", businessKey);
    for (String user : List.of(DemoOrganisation.AUDIT_OFFICER, DemoOrganisation.PRESIDENT, DemoOrganisation.SYSTEM_ADMINISTRATOR)) {
      ResponseEntity<String> response = client.call(user, endpoint);
      assertThat(response.getStatusCode()).as(user + " " + endpoint).isEqualTo(HttpStatus.OK);
      assertThat(response.getHeaders().getCacheControl()).isEqualTo("no-store");
    }
  }

  @Test
  void aWrongPasswordIs401() {
    assertThat(rest.withBasicAuth(DemoOrganisation.AUDIT_OFFICER, "wrong").getForEntity("/api/audit/requests", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void theEndpointsAreReadOnly() {
    for (String user : List.of(DemoOrganisation.AUDIT_OFFICER, DemoOrganisation.PRESIDENT)) {
      assertThat(rest.withBasicAuth(user, AuditClient.PASSWORD)
          .postForEntity("/api/audit/requests/" + businessKey, Map.of(), String.class).getStatusCode().value())
          .isEqualTo(405);
    }
  }

  @Test
  void theRoleTheReaderActsAsIsTheirAuditRole() {
    JsonNode nakamura = client.get(DemoOrganisation.AUDIT_OFFICER, "/api/audit/me");
    assertThat(nakamura.get("name").asText()).isEqualTo("中村 学");
    assertThat(nakamura.get("role").asText()).isEqualTo("AUDIT_OFFICER");
    assertThat(nakamura.get("roleLabel").asText()).isEqualTo("監査・点検責任者");
    assertThat(client.get(DemoOrganisation.SECURITY_OFFICER, "/api/audit/me").get("role").asText()).isEqualTo("SECURITY_OFFICER");
    assertThat(client.get(DemoOrganisation.SYSTEM_ADMINISTRATOR, "/api/audit/me").get("role").asText()).isEqualTo("ADMINISTRATOR");
  }

  @Test
  void everyQueryIsLoggedAsAnAuditRecord() {
    long before = lastId();
    client.get(DemoOrganisation.AUDIT_OFFICER, "/api/audit/requests?flow=takeOut&requester=yamamoto&clause=3.2");

    List<Map<String, Object>> logged = jdbc.queryForList("select * from audit_record where id > ? order by id",
        before);
    assertThat(logged).hasSize(1);
    Map<String, Object> record = logged.get(0);
    assertThat(record.get("STEP_KIND")).isEqualTo("AUDIT_QUERY");
    assertThat(record.get("STEP")).isEqualTo("AuditQuery_SearchRequests");
    assertThat(record.get("STEP_NAME")).isEqualTo("申請の検索");
    assertThat(record.get("OUTCOME")).isEqualTo("QUERIED");
    assertThat(record.get("ACTOR")).isEqualTo(DemoOrganisation.AUDIT_OFFICER);
    assertThat(record.get("ACTOR_NAME")).isEqualTo("中村 学");
    assertThat(record.get("ACTING_ROLE")).isEqualTo("AUDIT_OFFICER");
    assertThat(record.get("FLOW_KEY")).isEqualTo("audit");
    assertThat(record.get("CLAUSES")).isEqualTo("1.2");
    assertThat(record.get("BUSINESS_KEY")).isNull();
    assertThat(record.get("COMMENT"))
        .isEqualTo("GET /api/audit/requests?flow=takeOut&requester=yamamoto&clause=3.2");
    // it is chained like every other record
    assertThat(chain.verify().intact()).isTrue();
  }

  @Test
  void aCsvExportAndATimelineAreLoggedWithTheirQuery() {
    long before = lastId();
    client.call(DemoOrganisation.PRESIDENT, "/api/audit/registers/takeout.csv?classification=SECRET&from=2026-01-01");
    client.call(DemoOrganisation.PRESIDENT, "/api/audit/requests/" + businessKey);

    assertThat(jdbc.queryForList("select comment from audit_record where id > ? and step_kind = 'AUDIT_QUERY' "
        + "and actor = 'tanaka' order by id", String.class, before)).containsExactly(
            "GET /api/audit/registers/takeout.csv?classification=SECRET&from=2026-01-01",
            "GET /api/audit/requests/" + businessKey);
  }

  @Test
  void aDeniedAttemptIsLoggedToo() {
    long before = lastId();
    client.call(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, "/api/audit/registers/accounts.csv");

    Map<String, Object> record = jdbc.queryForMap("select * from audit_record where id > ? and actor = 'kato'",
        before);
    assertThat(record.get("OUTCOME")).isEqualTo("DENIED");
    assertThat(record.get("ACTING_ROLE")).isNull();
    assertThat(record.get("COMMENT")).isEqualTo("GET /api/audit/registers/accounts.csv");
  }

  @Test
  void theQueryLogIsSearchableAsRecords() {
    client.get(DemoOrganisation.AUDIT_OFFICER, "/api/audit/registers/media-disposal?status=EXECUTED");

    JsonNode page = client.get(DemoOrganisation.PRESIDENT, "/api/audit/records?stepKind=AUDIT_QUERY&actor=nakamura&size=5");
    JsonNode newest = page.get("items").get(0);
    assertThat(newest.get("comment").asText()).isEqualTo("GET /api/audit/registers/media-disposal?status=EXECUTED");
    assertThat(newest.get("stepKindLabel").asText()).isEqualTo("監査照会");
    assertThat(newest.get("outcomeLabel").asText()).isEqualTo("監査照会");
    assertThat(newest.get("actingRoleLabel").asText()).isEqualTo("監査・点検責任者");
  }

  @Test
  void thePagesAreStaticAndServedWithAStrictContentSecurityPolicy() {
    for (String page : List.of("/audit/index.html", "/audit/records.html", "/audit/request.html",
        "/audit/registers.html")) {
      ResponseEntity<String> response = rest.getForEntity(page, String.class);
      assertThat(response.getStatusCode()).as(page).isEqualTo(HttpStatus.OK);
      assertThat(response.getBody()).contains("<html lang=\"ja\">", "audit.js").doesNotContain("<script>");
      assertThat(response.getHeaders().getFirst("Content-Security-Policy")).contains("script-src 'self'",
          "frame-ancestors 'none'");
    }
    assertThat(rest.getForEntity("/audit/vendor/bpmn-js/LICENSE", String.class).getBody())
        .contains("bpmn.io project watermark");
    assertThat(rest.getForEntity("/audit", String.class).getBody()).contains("申請の検索");
  }

  @Test
  void theRequestersPagesAreServedWithTheSameContentSecurityPolicy() {
    for (String page : List.of("/my/index.html", "/my/request.html")) {
      ResponseEntity<String> response = rest.getForEntity(page, String.class);
      assertThat(response.getStatusCode()).as(page).isEqualTo(HttpStatus.OK);
      assertThat(response.getBody()).contains("<html lang=\"ja\">").doesNotContain("<script>");
      assertThat(response.getHeaders().getFirst("Content-Security-Policy")).as(page).contains("script-src 'self'",
          "frame-ancestors 'none'");
    }
  }

  private long lastId() {
    return jdbc.queryForObject("select coalesce(max(id), 0) from audit_record", Long.class);
  }
}
