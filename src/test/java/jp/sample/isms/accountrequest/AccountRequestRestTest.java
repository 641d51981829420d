package jp.sample.isms.accountrequest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
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

import com.fasterxml.jackson.databind.ObjectMapper;

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.support.DemoOrganisation;

/**
 * Attacks on account requests through the engine REST API (5.1.5, 5.1.7, 5.1.1): a request from outside the
 * 利用部門, for an account the register does not know, or for assets outside the holder's scope is answered 400 with
 * the field and the clause, and nothing is started or written.
 */
@IsmsSpringBootTest
class AccountRequestRestTest {

  private static final String PASSWORD = DemoOrganisation.PASSWORD;
  private static final String SUBMIT = "/engine-rest/process-definition/key/accountRequest/submit-form";
  private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));

  @Autowired
  TestRestTemplate rest;
  @Autowired
  HistoryService history;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  AccountRegister register;
  @Autowired
  AuditRecorder audit;

  private final ObjectMapper json = new ObjectMapper();

  private static Map<String, Object> variables(Map<String, Object> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value,
        "type", value instanceof Boolean ? "Boolean" : "String")));
    return Map.of("variables", variables);
  }

  private ResponseEntity<String> file(String user, Map<String, Object> values) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, PASSWORD).exchange(SUBMIT, HttpMethod.POST,
        new HttpEntity<>(variables(values), headers), String.class);
  }

  private long requests() {
    return history.createHistoricProcessInstanceQuery().processDefinitionKey(AccountRequestProcess.KEY).count();
  }

  private String state() {
    return jdbc.queryForList("select id, status from account_register order by id").toString();
  }

  private String message(ResponseEntity<String> response) throws Exception {
    return json.readTree(response.getBody()).get("message").asText();
  }

  /** The person has exactly this active account on the system. */
  private void activeAccount(String userId, String system, String accountId) {
    register.active(userId, system).ifPresent(entry -> register.disabled(entry.id(), TODAY, "test", null,
        audit.now()));
    register.created(userId, system, accountId, "全フォルダー 読み取り", false, false, DemoOrganisation.SECURITY_OFFICER, DemoOrganisation.SYSTEM_ADMINISTRATOR, null,
        audit.now());
  }

  @Test
  void anotherDepartmentsDeletionOfThePresidentsAccountIsRefused() throws Exception {
    // given tanaka's file server account
    activeAccount(DemoOrganisation.SECURITY_OFFICER, "FILE_SERVER", DemoOrganisation.SECURITY_OFFICER);
    long before = requests();
    String register = state();
    // when kobayashi (製造部) asks to have it disabled
    ResponseEntity<String> response = file(DemoOrganisation.PRODUCTION_EMPLOYEE, AccountRequestProcessTest.delete(DemoOrganisation.SECURITY_OFFICER, "FILE_SERVER",
        DemoOrganisation.SECURITY_OFFICER, TODAY));
    // then 400 citing 5.1.7, and nothing is started: no step for the system administrator, the account untouched
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(message(response)).contains("5.1.7: アカウントの削除は利用部門", "(targetUserId)");
    assertThat(requests()).isEqualTo(before);
    assertThat(state()).isEqualTo(register);
    assertThat(this.register.active(DemoOrganisation.SECURITY_OFFICER, "FILE_SERVER")).isPresent();
  }

  @Test
  void aDeletionOfAnAccountTheRegisterDoesNotKnowIsRefused() throws Exception {
    register.active(DemoOrganisation.PRODUCTION_EMPLOYEE, "INTERNAL_DB_A").ifPresent(entry -> register.disabled(entry.id(), TODAY, "test",
        null, audit.now()));
    long before = requests();
    ResponseEntity<String> response = file(DemoOrganisation.PRODUCTION_EMPLOYEE, AccountRequestProcessTest.delete(DemoOrganisation.PRODUCTION_EMPLOYEE,
        "INTERNAL_DB_A", DemoOrganisation.PRODUCTION_EMPLOYEE, TODAY));
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(message(response)).contains("accountId: システムアカウント及び付帯情報管理台帳に kobayashi の");
    assertThat(requests()).isEqualTo(before);
  }

  @Test
  void accessRightsForAnAssetOutsideTheHoldersScopeAreRefused() throws Exception {
    register.active(DemoOrganisation.PRODUCTION_EMPLOYEE, "FILE_SERVER").ifPresent(entry -> register.disabled(entry.id(), TODAY, "test",
        null, audit.now()));
    long before = requests();
    Map<String, Object> create = AccountRequestProcessTest.create(DemoOrganisation.PRODUCTION_EMPLOYEE, "FILE_SERVER", DemoOrganisation.PRODUCTION_EMPLOYEE);
    create.put("assetIds", "IA-0020");
    ResponseEntity<String> response = file(DemoOrganisation.PRODUCTION_EMPLOYEE, create);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(message(response)).contains("3.1.4: 情報資産 IA-0020", "(assetIds)");
    // the summary the approvers read is the register's, never the requester's
    Map<String, Object> forged = AccountRequestProcessTest.create(DemoOrganisation.PRODUCTION_EMPLOYEE, "FILE_SERVER", DemoOrganisation.PRODUCTION_EMPLOYEE);
    forged.put("assetSummary", "IA-0008 公開");
    assertThat(message(file(DemoOrganisation.PRODUCTION_EMPLOYEE, forged))).contains("assetSummary: このフォームにない項目です");
    assertThat(requests()).isEqualTo(before);
  }
}
