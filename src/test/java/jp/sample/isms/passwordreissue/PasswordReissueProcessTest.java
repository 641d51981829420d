package jp.sample.isms.passwordreissue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
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
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;
import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.accountrequest.AccountRegister;
import jp.sample.isms.approval.FourEyesViolationException;
import jp.sample.isms.approval.RequestValidationException;
import jp.sample.isms.audit.AuditEntry;
import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.notification.MailDispatcher;
import jp.sample.isms.organisation.AccountStates;
import jp.sample.isms.organisation.OrganisationImporter;
import jp.sample.isms.support.Requests;
import jp.sample.isms.support.TemporaryPersons;
import jp.sample.isms.support.DemoOrganisation;

/**
 * bpmn/passwordReissue.bpmn (5.1.6, 5.1.8): one test per path on the real engine with the demo organisation, the
 * refusals at filing, four eyes on the person's own identity check (also over REST), and the one-time password in no
 * mail (GreenMail). The person is a newcomer of 開発設計部 (head: ito) added for each test.
 */
@IsmsSpringBootTest
class PasswordReissueProcessTest {

  static final String PERSON = "pr-newcomer";
  static final String PASSWORD = DemoOrganisation.PASSWORD;

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(3025, "localhost", "smtp"));

  @Autowired
  ProcessEngine engine;
  @Autowired
  OrganisationImporter importer;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  AuditRecorder audit;
  @Autowired
  AccountStates accounts;
  @Autowired
  AccountRegister register;
  @Autowired
  MailDispatcher dispatcher;
  @Autowired
  TestRestTemplate rest;

  Requests requests;
  private final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void setUp() {
    requests = new Requests(engine);
    TemporaryPersons.add(importer, PERSON, "development");
    // what other test classes queued is not this test's business
    jdbc.update("update mail_outbox set status = 'SENT' where status in ('PENDING', 'SENDING', 'FAILED')");
  }

  @AfterEach
  void tearDown() {
    TemporaryPersons.remove(engine.getIdentityService(), jdbc, PERSON);
  }

  static Map<String, Object> request(String target, String system, String accountId) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("targetUserId", target);
    variables.put("system", system);
    if (accountId != null) {
      variables.put("accountId", accountId);
    }
    variables.put("reason", "パスワードを忘れたため");
    return variables;
  }

  static Map<String, Object> identityConfirmed(String method) {
    return Map.of("identityCheckMethod", method, "identityCheckNote", "社員証を確認", "decision", "APPROVED",
        "decisionComment", "");
  }

  static Map<String, Object> issued() {
    return Map.of("deliveryMethod", "IN_PERSON", "passwordChangeEnforced", true, "comment", "対面で伝えた");
  }

  int registerRows() {
    return jdbc.queryForObject("select count(*) from password_reissue_register", Integer.class);
  }

  long instances() {
    return engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(PasswordReissueProcess.KEY).count();
  }

  @Test
  void theDepartmentHeadFilesTheSystemAdministratorConfirmsAndIssuesAOneTimePasswordThatNoMailCarries()
      throws Exception {
    // given the newcomer forgot the password of this system and cannot log in: their department head files
    ProcessInstance instance = requests.file(DemoOrganisation.DEVELOPMENT_HEAD, PasswordReissueProcess.KEY, request(PERSON, "PRODUCT", null));
    assertThat(instance.getBusinessKey()).matches("PR-\\d{4}-\\d{4}");
    // then the system administrator (not the one who filed) confirms the identity
    assertThat(instance).isWaitingAt(PasswordReissueProcess.TASK_CHECK_IDENTITY);
    assertThat(requests.candidateGroups(instance)).containsExactly("system-administrator");
    requests.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, instance, identityConfirmed("IN_PERSON"));
    assertThat(instance).isWaitingAt(PasswordReissueProcess.TASK_ISSUE_PASSWORD);

    // when the step is completed before any one-time password was issued, it is refused
    int before = registerRows();
    assertThatThrownBy(() -> requests.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, instance, issued()))
        .isInstanceOf(RequestValidationException.class).hasMessageContaining("5.1.6: 本人確認の後にワンタイムパスワード");
    assertThat(instance).isWaitingAt(PasswordReissueProcess.TASK_ISSUE_PASSWORD);
    assertThat(registerRows()).isEqualTo(before);

    // when the system administrator issues the one-time password (shown once) and completes the step
    ResponseEntity<String> otp = rest.withBasicAuth(DemoOrganisation.SYSTEM_ADMINISTRATOR, PASSWORD)
        .postForEntity("/api/accounts/" + PERSON + "/one-time-password", null, String.class);
    assertThat(otp.getStatusCode()).isEqualTo(HttpStatus.OK);
    String password = json.readTree(otp.getBody()).get("oneTimePassword").asText();
    assertThat(accounts.mustChangePassword(PERSON)).isTrue();
    requests.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, instance, issued());

    // then the reissue is recorded with who confirmed the identity and how, and the person is told without it
    assertThat(instance).isEnded().hasPassedInOrder(PasswordReissueProcess.TASK_CHECK_IDENTITY,
        PasswordReissueProcess.TASK_ISSUE_PASSWORD, PasswordReissueProcess.TASK_RECORD_REISSUE,
        PasswordReissueProcess.END_REISSUED);
    Map<String, Object> row = jdbc.queryForMap("select * from password_reissue_register where business_key = ?",
        instance.getBusinessKey());
    assertThat(row).containsEntry("USER_ID", PERSON).containsEntry("SYSTEM_CODE", "PRODUCT")
        .containsEntry("REQUESTER", DemoOrganisation.DEVELOPMENT_HEAD).containsEntry("IDENTITY_CHECKED_BY", DemoOrganisation.SYSTEM_ADMINISTRATOR)
        .containsEntry("IDENTITY_CHECK_METHOD", "IN_PERSON").containsEntry("ISSUED_BY", DemoOrganisation.SYSTEM_ADMINISTRATOR)
        .containsEntry("DELIVERY_METHOD", "IN_PERSON");
    // the auditor reads it in the register
    ResponseEntity<String> registerPage = rest.withBasicAuth(DemoOrganisation.PRODUCTION_CHIEF, PASSWORD)
        .getForEntity("/api/audit/registers/password-reissues?userId=" + PERSON, String.class);
    assertThat(registerPage.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(registerPage.getBody()).contains(instance.getBusinessKey()).doesNotContain(password);
    assertThat(audit.forBusinessKey(instance.getBusinessKey())).extracting(AuditEntry::outcome)
        .containsExactly("FILED", "APPROVED", "DONE", "PASSWORD_REISSUED");
    assertThat(String.valueOf(jdbc.queryForList("select * from audit_record where business_key = ?",
        instance.getBusinessKey()))).doesNotContain(password);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).list()).noneMatch(v -> String.valueOf(v.getValue()).contains(password));

    dispatcher.dispatch();
    MimeMessage[] mails = smtp.getReceivedMessages();
    assertThat(mails).isNotEmpty();
    assertThat(Arrays.stream(mails).map(PasswordReissueProcessTest::decoded)).noneMatch(m -> m.contains(password));
    assertThat(Arrays.stream(mails).map(GreenMailUtil::getWholeMessage)).noneMatch(m -> m.contains(password));
    assertThat(Arrays.stream(mails).filter(m -> to(m).equals(PERSON + "@sample-printing.example"))
        .map(PasswordReissueProcessTest::decoded).toList()).anyMatch(text -> text.contains("パスワード再発行")
            && text.contains("メールでは送りません"));
  }

  @Test
  void aPersonFilesForAnotherSystemTheirDepartmentHeadConfirmsAndTheSystemAdministratorIssues() {
    // given the newcomer has an account on the file server and is still logged in to this system
    register.active(PERSON, "FILE_SERVER").ifPresent(e -> jdbc.update("delete from account_register where id = ?",
        e.id()));
    jdbc.update("insert into account_register (user_id, system_code, account_id, status, created_at) "
        + "values (?, 'FILE_SERVER', ?, 'ACTIVE', current_timestamp)", PERSON, PERSON);
    setPassword(PERSON);
    try {
      ProcessInstance instance = requests.file(PERSON, PasswordReissueProcess.KEY,
          request(PERSON, "FILE_SERVER", PERSON));
      // then their department head confirms their identity
      assertThat(requests.candidateGroups(instance)).containsExactly("department-head.development");
      requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, identityConfirmed("CALLBACK"));
      // and the system administrator issues the password in the file server
      assertThat(requests.candidateGroups(instance)).containsExactly("system-administrator");
      requests.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, instance, Map.of("deliveryMethod", "PHONE", "passwordChangeEnforced", true));

      assertThat(instance).isEnded().hasPassed(PasswordReissueProcess.END_REISSUED);
      Map<String, Object> row = jdbc.queryForMap("select * from password_reissue_register where business_key = ?",
          instance.getBusinessKey());
      assertThat(row).containsEntry("SYSTEM_CODE", "FILE_SERVER").containsEntry("ACCOUNT_ID", PERSON)
          .containsEntry("IDENTITY_CHECKED_BY", DemoOrganisation.DEVELOPMENT_HEAD).containsEntry("IDENTITY_CHECK_METHOD", "CALLBACK")
          .containsEntry("DELIVERY_METHOD", "PHONE");
    } finally {
      jdbc.update("delete from account_register where user_id = ?", PERSON);
    }
  }

  @Test
  void anIdentityThatCannotBeConfirmedEndsWithoutAPassword() {
    ProcessInstance instance = requests.file(DemoOrganisation.DEVELOPMENT_HEAD, PasswordReissueProcess.KEY, request(PERSON, "PRODUCT", null));
    int before = registerRows();

    requests.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, instance, Map.of("identityCheckMethod", "CALLBACK", "identityCheckNote",
        "登録された番号に折り返したが本人が出なかった", "decision", "REJECTED", "decisionComment", "本人と確認できない"));

    assertThat(instance).isEnded().hasPassed(PasswordReissueProcess.END_NOT_CONFIRMED)
        .hasNotPassed(PasswordReissueProcess.TASK_ISSUE_PASSWORD);
    assertThat(registerRows()).isEqualTo(before);
    assertThat(audit.forBusinessKey(instance.getBusinessKey())).extracting(AuditEntry::outcome)
        .containsExactly("FILED", "REJECTED");
  }

  @Test
  void onlyThePersonOrTheirDepartmentHeadFilesAndOnlyForAnAccountThatExistsAndIsNotDisabled() {
    long before = instances();
    // someone of another department
    assertThatThrownBy(() -> requests.file(DemoOrganisation.PRODUCTION_EMPLOYEE, PasswordReissueProcess.KEY, request(PERSON, "PRODUCT", null)))
        .isInstanceOf(RequestValidationException.class)
        .hasMessageContaining("5.1.6: パスワードの再発行は本人又は本人の部門責任者が申請します");
    // an account the register does not know
    assertThatThrownBy(() -> requests.file(DemoOrganisation.DEVELOPMENT_HEAD, PasswordReissueProcess.KEY,
        request(PERSON, "INTERNAL_SYSTEM_A", "nobody")))
        .isInstanceOf(RequestValidationException.class).hasMessageContaining("accountId");
    // a disabled account of this system
    accounts.disable(PERSON, DemoOrganisation.SYSTEM_ADMINISTRATOR, "test");
    assertThatThrownBy(() -> requests.file(DemoOrganisation.DEVELOPMENT_HEAD, PasswordReissueProcess.KEY, request(PERSON, "PRODUCT", null)))
        .isInstanceOf(RequestValidationException.class).hasMessageContaining("5.1.7");
    assertThat(instances()).isEqualTo(before);
    assertThat(jdbc.queryForObject("select count(*) from audit_record where outcome = 'REFUSED' and flow_key = ? "
        + "and requester = 'kobayashi'", Integer.class, PasswordReissueProcess.KEY)).isPositive();
  }

  @Test
  void thePersonNeverConfirmsTheirOwnIdentityNeitherInTheEngineNorOverRest() throws Exception {
    // given the newcomer also holds the security officer's role, to which the check goes when the system
    // administrator is the one who filed
    engine.getIdentityService().createMembership(PERSON, "security-officer");
    engine.getIdentityService().createMembership(DemoOrganisation.GENERAL_AFFAIRS_HEAD, "department-head.development");
    setPassword(PERSON);
    try {
      ProcessInstance instance = requests.file(DemoOrganisation.SYSTEM_ADMINISTRATOR, PasswordReissueProcess.KEY, request(PERSON, "PRODUCT", null));
      Task check = requests.task(instance);
      assertThat(requests.candidateGroups(instance)).containsExactly("security-officer");

      // when the person tries to claim and complete the check of their own identity
      assertThatThrownBy(() -> requests.claim(PERSON, check)).isInstanceOf(FourEyesViolationException.class);
      HttpHeaders headers = new HttpHeaders();
      headers.setContentType(MediaType.APPLICATION_JSON);
      ResponseEntity<String> claim = rest.withBasicAuth(PERSON, PASSWORD).exchange(
          "/engine-rest/task/" + check.getId() + "/claim", HttpMethod.POST,
          new HttpEntity<>(Map.of("userId", PERSON), headers), String.class);
      ResponseEntity<String> submit = rest.withBasicAuth(PERSON, PASSWORD).exchange(
          "/engine-rest/task/" + check.getId() + "/submit-form", HttpMethod.POST,
          new HttpEntity<>(Map.of("variables", Map.of("identityCheckMethod", Map.of("value", "IN_PERSON"),
              "identityCheckNote", Map.of("value", "本人です"), "decision", Map.of("value", "APPROVED"))), headers),
          String.class);

      // then both are refused and nothing changed
      assertThat(claim.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(submit.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(instance).isWaitingAt(PasswordReissueProcess.TASK_CHECK_IDENTITY);
      assertThat(requests.task(instance).getAssignee()).isNull();
      assertThat(audit.forBusinessKey(instance.getBusinessKey())).extracting(AuditEntry::outcome)
          .containsExactly("FILED");
      // the security officer who is not the person confirms
      requests.complete(DemoOrganisation.SECURITY_OFFICER, instance, identityConfirmed("VIDEO_CALL"));
      assertThat(instance).isWaitingAt(PasswordReissueProcess.TASK_ISSUE_PASSWORD);
      engine.getRuntimeService().deleteProcessInstance(instance.getId(), "test");
    } finally {
      engine.getIdentityService().deleteMembership(PERSON, "security-officer");
      engine.getIdentityService().deleteMembership(DemoOrganisation.GENERAL_AFFAIRS_HEAD, "department-head.development");
    }
  }

  private void setPassword(String userId) {
    org.camunda.bpm.engine.identity.User user = engine.getIdentityService().createUserQuery().userId(userId)
        .singleResult();
    user.setPassword(PASSWORD);
    engine.getIdentityService().saveUser(user);
    accounts.passwordSet(userId, true);
  }

  /** Subject and every text part of the mail, decoded. */
  static String decoded(MimeMessage message) {
    try {
      return message.getSubject() + "\n" + text(message.getContent());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String text(Object content) throws Exception {
    if (content instanceof jakarta.mail.Multipart multipart) {
      StringBuilder all = new StringBuilder();
      for (int i = 0; i < multipart.getCount(); i++) {
        all.append(text(multipart.getBodyPart(i).getContent())).append('\n');
      }
      return all.toString();
    }
    return String.valueOf(content);
  }

  private static String to(MimeMessage message) {
    try {
      return message.getAllRecipients()[0].toString();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
