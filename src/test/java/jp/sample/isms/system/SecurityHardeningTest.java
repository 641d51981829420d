package jp.sample.isms.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.digest.Sha512HashDigest;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.camunda.bpm.engine.repository.Deployment;
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

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.support.Requests;
import jp.sample.isms.support.DemoOrganisation;

/**
 * Hardening of the engine: password policy, bcrypt, guest ids, model safety, expressions. The attacks through the REST
 * API (query expressions, client mistakes) are {@link RestFlowAttacks}, run with both logins.
 */
@IsmsSpringBootTest
class SecurityHardeningTest {

  @Autowired
  TestRestTemplate rest;
  @Autowired
  IdentityService identityService;
  @Autowired
  RepositoryService repositoryService;
  @Autowired
  ProcessEngine engine;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  jp.sample.isms.organisation.OneTimePasswords oneTimePasswords;

  private ResponseEntity<String> post(String user, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, DemoOrganisation.PASSWORD).exchange("/engine-rest" + path, HttpMethod.POST,
        new HttpEntity<>(body, headers), String.class);
  }

  /** A user saved by the system (no one logged in), as the organisation import does: no change demanded. */
  private void createBySystem(String id, String password) {
    User user = identityService.newUser(id);
    user.setFirstName("新人");
    user.setLastName("テスト");
    user.setEmail(id + "@example.com");
    user.setPassword(password);
    identityService.saveUser(user);
    identityService.createMembership(id, "employees");
  }

  private ResponseEntity<String> changeOwnPassword(String id, String current, String password) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(id, current).exchange("/engine-rest/user/" + id + "/credentials", HttpMethod.PUT,
        new HttpEntity<>(Map.of("password", password, "authenticatedUserPassword", current), headers), String.class);
  }

  @Test
  void passwordsFollowThePolicyOf518() {
    createBySystem("newbie", "Kaisha#2026x");
    try {
      for (String weak : List.of("Short1!", "alllowercase1!", "ALLUPPERCASE1!", "NoDigitsHere!", "NoSymbols123",
          "Newbie-2026!x")) {
        ResponseEntity<String> response = changeOwnPassword("newbie", "Kaisha#2026x", weak);
        assertThat(response.getStatusCode()).as(weak).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).as(weak).contains("パスワードがポリシーを満たしていません");
        assertThat(identityService.checkPassword("newbie", weak)).as(weak).isFalse();
      }
      assertThat(identityService.checkPassword("newbie", "Kaisha#2026x")).isTrue();

      ResponseEntity<String> strong = changeOwnPassword("newbie", "Kaisha#2026x", "Jibun#2026y");
      assertThat(strong.getStatusCode()).as(strong.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
      assertThat(identityService.checkPassword("newbie", "Jibun#2026y")).isTrue();
    } finally {
      identityService.deleteUser("newbie");
    }
  }

  @Test
  void aPasswordSetBySomeoneElseMustBeChangedBeforeAnythingElse() {
    // a person without a password gets a one-time password from the system administrator (the product's path)
    createBySystem("newcomer", null);
    Requests requests = new Requests(engine);
    try {
      String oneTime = requests.as(DemoOrganisation.SYSTEM_ADMINISTRATOR, () -> oneTimePasswords.issue("newcomer"));
      ResponseEntity<String> blocked = rest.withBasicAuth("newcomer", oneTime)
          .getForEntity("/engine-rest/task", String.class);
      assertThat(blocked.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(blocked.getBody()).contains("パスワードを変更してから");

      // the user changes it (the only call allowed), then works normally
      ResponseEntity<String> changed = changeOwnPassword("newcomer", oneTime, "Jibun#2026y");
      assertThat(changed.getStatusCode()).as(changed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
      assertThat(rest.withBasicAuth("newcomer", "Jibun#2026y").getForEntity("/engine-rest/task", String.class)
          .getStatusCode()).isEqualTo(HttpStatus.OK);

      // a new one-time password asks for a change again
      String again = requests.as(DemoOrganisation.SYSTEM_ADMINISTRATOR, () -> oneTimePasswords.issue("newcomer"));
      assertThat(rest.withBasicAuth("newcomer", again).getForEntity("/engine-rest/task", String.class)
          .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    } finally {
      identityService.deleteUser("newcomer");
    }
  }

  @Test
  void guestAccountsCannotBeCreated() {
    for (String id : List.of("guest", "Guest2", "anonymous")) {
      ResponseEntity<String> response = post(DemoOrganisation.SYSTEM_ADMINISTRATOR, "/user/create", Map.of("profile",
          Map.of("id", id,
          "firstName", "新人", "lastName", "テスト", "email", id + "@example.com")));
      assertThat(response.getStatusCode()).as(id).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(response.getBody()).contains("5.1.8");
      assertThat(identityService.createUserQuery().userId(id).count()).isZero();
    }
  }

  @Test
  void passwordsAreStoredWithBcryptAndLegacyHashesAreUpgradedAtLogin() {
    assertThat(jdbc.queryForObject("select PWD_ from ACT_ID_USER where ID_ = 'yamamoto'", String.class))
        .startsWith("{BCRYPT}$2a$10$");

    // given a user whose password was stored by the engine's default SHA-512
    User legacy = identityService.newUser("legacy");
    legacy.setPassword("Kaisha#2026x");
    identityService.saveUser(legacy);
    try {
      String salt = jdbc.queryForObject("select SALT_ from ACT_ID_USER where ID_ = 'legacy'", String.class);
      String sha512 = "{SHA-512}" + new Sha512HashDigest().encrypt(EncryptionUtil.saltPassword("Kaisha#2026x", salt));
      jdbc.update("update ACT_ID_USER set PWD_ = ? where ID_ = 'legacy'", sha512);
      // when they log in
      assertThat(identityService.checkPassword("legacy", "Kaisha#2026x")).isTrue();
      // then the hash is bcrypt, and the password still works
      assertThat(jdbc.queryForObject("select PWD_ from ACT_ID_USER where ID_ = 'legacy'", String.class))
          .startsWith("{BCRYPT}");
      assertThat(identityService.checkPassword("legacy", "Kaisha#2026x")).isTrue();
      assertThat(identityService.checkPassword("legacy", "wrong")).isFalse();
    } finally {
      identityService.deleteUser("legacy");
    }
  }

  @Test
  void modelsThatRunCodeAreRefused() {
    String script = bpmn("<bpmn:scriptTask id=\"ScriptTask_Evil\" scriptFormat=\"javascript\">"
        + "<bpmn:script>java.lang.Runtime.getRuntime()</bpmn:script></bpmn:scriptTask>");
    assertThatThrownBy(() -> deploy(script)).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("script task ScriptTask_Evil");

    String javaClass = bpmn("<bpmn:serviceTask id=\"ServiceTask_Evil\" camunda:class=\"java.lang.Runtime\" />");
    assertThatThrownBy(() -> deploy(javaClass)).hasMessageContaining("camunda:class java.lang.Runtime");

    String scriptListener = bpmn("<bpmn:userTask id=\"UserTask_Listened\"><bpmn:extensionElements>"
        + "<camunda:taskListener event=\"create\"><camunda:script scriptFormat=\"groovy\">1</camunda:script>"
        + "</camunda:taskListener></bpmn:extensionElements></bpmn:userTask>");
    assertThatThrownBy(() -> deploy(scriptListener)).hasMessageContaining("camunda:script");
  }

  @Test
  void expressionsReachOnlyTheBeansTheFlowsNeed() {
    // refused at deployment by the expression grammar; the engine's own refusal is in ModelExpressionAttackTest
    String probe = bpmn("<bpmn:serviceTask id=\"ServiceTask_Probe\" "
        + "camunda:expression=\"${organisationService.members('camunda-admin')}\" />");
    assertThatThrownBy(() -> deploy(probe)).isInstanceOf(org.camunda.bpm.engine.BadUserRequestException.class)
        .hasMessageContaining("ServiceTask_Probe").hasMessageContaining("organisationService");
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("securityProbe").count()).isZero();
  }

  private Deployment deploy(String xml) {
    return repositoryService.createDeployment().addString("securityProbe.bpmn", xml).deploy();
  }

  private static String bpmn(String element) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" "
        + "xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" targetNamespace=\"http://example.com\">"
        + "<bpmn:process id=\"securityProbe\" isExecutable=\"true\" camunda:historyTimeToLive=\"1\">"
        + "<bpmn:startEvent id=\"StartEvent_Probe\" />" + element.replaceFirst("id=\"(\\w+)\"", "id=\"$1\"")
        + "<bpmn:sequenceFlow id=\"SequenceFlow_Probe\" sourceRef=\"StartEvent_Probe\" targetRef=\""
        + element.replaceAll("(?s).*?id=\"(\\w+)\".*", "$1") + "\" />"
        + "</bpmn:process></bpmn:definitions>";
  }
}
