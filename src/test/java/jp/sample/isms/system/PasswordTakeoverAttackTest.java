package jp.sample.isms.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.organisation.OneTimePasswords;
import jp.sample.isms.organisation.PasswordChanges;
import jp.sample.isms.support.Requests;
import jp.sample.isms.support.DemoOrganisation;

/**
 * 5.1.6, 5.1.8: nobody sets another person's password directly, not even the system administrator. suzuki
 * (camunda-admin), tanaka (security officer) and yamamoto (an employee) try to set someone else's password through
 * both engine REST roots in every path spelling, in Camunda Admin as its pages call it, by creating a user with a
 * password of their choosing, and through the Java API: refused each time, the victim's password unchanged (the old
 * one still logs in, the attacker's does not), nothing recorded. The person's own change and the product's one-time
 * password still work.
 */
@IsmsSpringBootTest
class PasswordTakeoverAttackTest {

  private static final String PASSWORD = DemoOrganisation.PASSWORD;
  private static final String TAKEN_OVER = "Nottaku#2026q";
  private static final String OWNER = "pw-owner";

  @Autowired
  TestRestTemplate rest;
  @Autowired
  ProcessEngine engine;
  @Autowired
  IdentityService identityService;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  OneTimePasswords oneTimePasswords;
  @LocalServerPort
  int port;

  private EngineApiClient client;

  @BeforeEach
  void client() {
    client = new EngineApiClient("http://localhost:" + port);
  }

  @AfterEach
  void removeTemporaryUsers() {
    for (String id : List.of(OWNER, "intruder", "intruder2")) {
      if (identityService.createUserQuery().userId(id).count() > 0) {
        identityService.deleteUser(id);
      }
      jdbc.update("delete from account_state where user_id = ?", id);
    }
  }

  /** The stored passwords of every user, their account states, the engine's operation log and the product's record. */
  private Map<String, Object> state() {
    return Map.of(
        "users", jdbc.queryForList("select ID_, PWD_, SALT_ from ACT_ID_USER order by ID_"),
        "accounts", jdbc.queryForList("select user_id, must_change_password, password_changed_at from account_state "
            + "order by user_id"),
        "operationLog", jdbc.queryForObject("select count(*) from ACT_HI_OP_LOG where ENTITY_TYPE_ = 'User'",
            Integer.class),
        "record", jdbc.queryForObject("select count(*) from audit_record", Integer.class));
  }

  /**
   * Nothing changed, and the victim's old password still logs in over HTTP while the attacker's does not (one wrong
   * login, followed by a right one that resets the login throttle's count).
   */
  private void assertUntouched(String victim, Map<String, Object> before, String what) {
    assertThat(state()).as(what).isEqualTo(before);
    assertThat(rest.withBasicAuth(victim, TAKEN_OVER).getForEntity("/engine-rest/task", String.class)
        .getStatusCode()).as(what + ": the attacker's password does not log in").isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.withBasicAuth(victim, PASSWORD).getForEntity("/engine-rest/task", String.class)
        .getStatusCode()).as(what + ": the old password still logs in").isEqualTo(HttpStatus.OK);
    assertThat(state()).as(what).isEqualTo(before);
  }

  private static Map<String, String> credentials() {
    return Map.of("password", TAKEN_OVER, "authenticatedUserPassword", PASSWORD);
  }

  /** {@code tanaka} → {@code %74anaka}. */
  private static String encodedFirst(String id) {
    return String.format("%%%02X", (int) id.charAt(0)) + id.substring(1);
  }

  /** The spellings of another user's credentials below one API root. */
  private static List<String> spellings(String root, String victim) {
    List<String> paths = new ArrayList<>(List.of(
        root + "/user/" + victim + "/credentials",
        root + "/user/" + victim + "/credentials/",
        root + "//user/" + victim + "/credentials",
        root + "/user//" + victim + "//credentials",
        root + "/./user/" + victim + "/credentials",
        root + "/user/x/../" + victim + "/credentials",
        root + "/user/" + victim + "/credentials;x=1",
        root + "/user/" + victim + ";x=1/credentials",
        root + "/user/" + encodedFirst(victim) + "/credentials",
        root + "/user/" + victim + "%2Fcredentials",
        root + "/user/" + victim + "/%63redentials",
        root + "/user/" + victim + "/CREDENTIALS",
        root + "/USER/" + victim + "/credentials",
        root + "/user/" + victim.toUpperCase(Locale.ROOT) + "/credentials"));
    if (root.equals(EngineApiClient.ENGINE_REST)) {
      paths.add(root + "/engine/default/user/" + victim + "/credentials");
    }
    return paths;
  }

  @ParameterizedTest(name = "{0} sets the password of {1}")
  @CsvSource({"suzuki, tanaka", "suzuki, yamamoto", "tanaka, suzuki", "yamamoto, tanaka"})
  void nobodySetsAnotherPersonsPasswordOnEitherRootInAnySpelling(String attacker, String victim) {
    Map<String, Object> before = state();
    for (String root : List.of(EngineApiClient.ENGINE_REST, EngineApiClient.WEBAPP)) {
      for (String path : spellings(root, victim)) {
        String relative = path.substring(root.length());
        EngineApiClient.Answer answer = client.call(root, attacker, "PUT", relative, credentials());
        assertThat(answer.status()).as("%s PUT %s: %s", attacker, path, answer).isIn(400, 403, 404, 405);
        // the stored hash and salt, the account state, the operation log and the record, after every call
        assertThat(state()).as("%s PUT %s", attacker, path).isEqualTo(before);
      }
      // the canonical spelling: 403 naming the way that exists, and the clause
      EngineApiClient.Answer canonical = client.call(root, attacker, "PUT", "/user/" + victim + "/credentials",
          credentials());
      assertThat(canonical.status()).as(canonical.toString()).isEqualTo(HttpStatus.FORBIDDEN.value());
      assertThat(canonical.body()).contains("パスワード再発行申請").contains("passwordReissue").contains("5.1.8");
      // another method on the same resource does not slip through either
      assertThat(client.call(root, attacker, "POST", "/user/" + victim + "/credentials", credentials()).status())
          .isIn(403, 405);
    }
    assertUntouched(victim, before, attacker);
  }

  @Test
  void theSystemAdministratorCannotSetAPasswordInCamundaAdmin() {
    Map<String, Object> before = state();
    WebappSession admin = new WebappSession(rest);
    assertThat(admin.login(DemoOrganisation.SYSTEM_ADMINISTRATOR, PASSWORD,
        "admin").getStatusCode()).isEqualTo(HttpStatus.OK);
    String api = "/camunda/api/engine/engine/default";
    // the "Change password" of another user's account page
    ResponseEntity<String> changed = admin.exchange(HttpMethod.PUT, api + "/user/tanaka/credentials", credentials());
    assertThat(changed.getStatusCode()).as(changed.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(changed.getBody()).contains("passwordReissue");
    // "Add user" with a password of the administrator's choosing
    ResponseEntity<String> created = admin.postJson(api + "/user/create", "{\"profile\":{\"id\":\"intruder\","
        + "\"firstName\":\"侵\",\"lastName\":\"入\",\"email\":\"intruder@example.com\"},\"credentials\":{\"password\":"
        + "\"" + TAKEN_OVER + "\"}}");
    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(created.getBody()).contains("onboarding");
    assertThat(identityService.createUserQuery().userId("intruder").count()).isZero();
    assertUntouched(DemoOrganisation.PRESIDENT, before, "Camunda Admin");
  }

  @Test
  void noUserIsCreatedWithAPasswordChosenBySomeoneElse() {
    Map<String, Object> before = state();
    String body = "{\"profile\":{\"id\":\"intruder\",\"firstName\":\"侵\",\"lastName\":\"入\","
        + "\"email\":\"intruder@example.com\"},\"credentials\":{\"password\":\"" + TAKEN_OVER + "\"}}";
    for (String root : List.of(EngineApiClient.ENGINE_REST, EngineApiClient.WEBAPP)) {
      for (String path : List.of("/user/create", "/user/create/", "//user/create", "/user/create;x=1",
          "/USER/create", "/user/%63reate", "/user/CREATE")) {
        for (String attacker : List.of(DemoOrganisation.SYSTEM_ADMINISTRATOR, DemoOrganisation.PRESIDENT,
            DemoOrganisation.DESIGN_EMPLOYEE)) {
          EngineApiClient.Answer answer = client.call(root, attacker, "POST", path, body);
          assertThat(answer.status()).as("%s POST %s%s: %s", attacker, root, path, answer).isIn(400, 403, 404, 405);
        }
      }
      assertThat(client.call(root, DemoOrganisation.SYSTEM_ADMINISTRATOR, "POST", "/user/create",
          body).body()).contains("onboarding");
      // a body the guard cannot read is refused rather than guessed; a body that is not JSON is not read as JSON
      assertThat(client.call(root, DemoOrganisation.SYSTEM_ADMINISTRATOR, "POST", "/user/create",
          "{\"profile\":{\"id\":\"intruder\"}, oops",
          "application/json").status()).isEqualTo(403);
      assertThat(client.call(root, DemoOrganisation.SYSTEM_ADMINISTRATOR, "POST", "/user/create", body,
          "text/plain").status() / 100)
          .isEqualTo(4);
    }
    assertThat(identityService.createUserQuery().userId("intruder").count()).isZero();
    assertThat(state()).isEqualTo(before);

    // a profile without a password can be made: it cannot log in until a one-time password is issued
    EngineApiClient.Answer profileOnly = client.call(EngineApiClient.ENGINE_REST, DemoOrganisation.SYSTEM_ADMINISTRATOR,
        "POST", "/user/create",
        Map.of("profile", Map.of("id", "intruder2", "firstName", "侵", "lastName", "入", "email", "i2@example.com")));
    assertThat(profileOnly.status()).as(profileOnly.toString()).isEqualTo(204);
    assertThat(jdbc.queryForObject("select PWD_ from ACT_ID_USER where ID_ = 'intruder2'", String.class)).isNull();
    assertThat(rest.withBasicAuth("intruder2", "").getForEntity("/engine-rest/task", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void theJavaApiRefusesTooWhoeverIsLoggedIn() {
    Map<String, Object> before = state();
    Requests requests = new Requests(engine);
    for (String attacker : List.of(DemoOrganisation.SYSTEM_ADMINISTRATOR, DemoOrganisation.PRESIDENT,
        DemoOrganisation.DESIGN_EMPLOYEE)) {
      User victim = identityService.createUserQuery().userId(attacker.equals(DemoOrganisation.PRESIDENT) ? DemoOrganisation.SYSTEM_ADMINISTRATOR : DemoOrganisation.PRESIDENT)
          .singleResult();
      victim.setPassword(TAKEN_OVER);
      assertThatThrownBy(() -> requests.as(attacker, () -> {
        identityService.saveUser(victim);
        return null;
      })).as(attacker).isInstanceOf(AuthorizationException.class).hasMessageContaining("passwordReissue");
      assertThatThrownBy(() -> requests.as(attacker, () -> {
        User intruder = identityService.newUser("intruder");
        intruder.setPassword(TAKEN_OVER);
        identityService.saveUser(intruder);
        return null;
      })).as(attacker).isInstanceOf(AuthorizationException.class);
    }
    assertThat(identityService.createUserQuery().userId("intruder").count()).isZero();
    assertUntouched(DemoOrganisation.PRESIDENT, before, "Java API");
    assertUntouched(DemoOrganisation.SYSTEM_ADMINISTRATOR, before, "Java API");
  }

  @Test
  void aModelThatSetsAPasswordIsRefusedAtDeployment() {
    Map<String, Object> before = state();
    String expression = "${task.getProcessEngineServices().getIdentityService().createUserQuery().userId('tanaka')"
        + ".singleResult().setPassword('" + TAKEN_OVER + "')}";
    String model = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" "
        + "xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" targetNamespace=\"http://example.com\">"
        + "<bpmn:process id=\"passwordTakeover\" isExecutable=\"true\" camunda:historyTimeToLive=\"1\">"
        + "<bpmn:startEvent id=\"StartEvent_1\" />"
        + "<bpmn:sequenceFlow id=\"Flow_1\" sourceRef=\"StartEvent_1\" targetRef=\"UserTask_1\" />"
        + "<bpmn:userTask id=\"UserTask_1\" name=\"確認する\"><bpmn:extensionElements>"
        + "<camunda:taskListener expression=\"" + expression.replace("'", "&apos;") + "\" event=\"create\" />"
        + "</bpmn:extensionElements></bpmn:userTask>"
        + "<bpmn:sequenceFlow id=\"Flow_2\" sourceRef=\"UserTask_1\" targetRef=\"EndEvent_1\" />"
        + "<bpmn:endEvent id=\"EndEvent_1\" /></bpmn:process></bpmn:definitions>";
    MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    body.add("deployment-name", "passwordTakeover");
    body.add("data", new ByteArrayResource(model.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return "passwordTakeover.bpmn";
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    ResponseEntity<String> answer = rest.withBasicAuth(DemoOrganisation.DEPARTMENT_PROCESS_OWNER,
        PASSWORD).exchange("/engine-rest/deployment/create",
        HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getBody()).contains("許可されていない式").contains("UserTask_1");
    assertThat(engine.getRepositoryService().createDeploymentQuery().deploymentName("passwordTakeover").count())
        .isZero();
    assertUntouched(DemoOrganisation.PRESIDENT, before, "model");
  }

  @Test
  void thePersonChangesTheirOwnPasswordOnBothRoots() {
    createOwner();
    // HTTP Basic on /engine-rest, with the current password
    EngineApiClient.Answer changed = client.call(EngineApiClient.ENGINE_REST, OWNER, "PUT",
        "/user/" + OWNER + "/credentials", Map.of("password", "Jibun#2026y", "authenticatedUserPassword", PASSWORD));
    assertThat(changed.status()).as(changed.toString()).isEqualTo(204);
    assertThat(identityService.checkPassword(OWNER, "Jibun#2026y")).isTrue();
    assertThat(identityService.checkPassword(OWNER, PASSWORD)).isFalse();
    // without the current password it is still refused (the engine's own check)
    EngineApiClient.Answer wrong = client.call(EngineApiClient.ENGINE_REST, OWNER, "PUT", "/user/" + OWNER
        + "/credentials", Map.of("password", "Fremd#2026y", "authenticatedUserPassword", "Wrong#2026x"));
    assertThat(wrong.status() / 100).as(wrong.toString()).isEqualTo(4);
    assertThat(identityService.checkPassword(OWNER, "Jibun#2026y")).isTrue();
  }

  @Test
  void theOwnPasswordChangeWorksInTheWebappsSession() {
    createOwner();
    EngineApiClient.Answer changed = client.call(EngineApiClient.WEBAPP, OWNER, "PUT",
        "/user/" + OWNER + "/credentials", Map.of("password", "Jibun#2026y", "authenticatedUserPassword", PASSWORD));
    assertThat(changed.status()).as(changed.toString()).isEqualTo(204);
    assertThat(identityService.checkPassword(OWNER, "Jibun#2026y")).isTrue();
  }

  @Test
  void theProductsOneTimePasswordIsTheWayToSetSomeoneElsesPassword() {
    createOwner();
    int recorded = jdbc.queryForObject("select count(*) from audit_record where step = 'OneTimePasswordIssued'",
        Integer.class);
    // the system administrator's issue (administration page): a one-time password the person must change
    ResponseEntity<String> issued = rest.withBasicAuth(DemoOrganisation.SYSTEM_ADMINISTRATOR, PASSWORD)
        .postForEntity("/api/accounts/" + OWNER + "/one-time-password", null, String.class);
    assertThat(issued.getStatusCode()).as(issued.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(jdbc.queryForObject("select count(*) from audit_record where step = 'OneTimePasswordIssued'",
        Integer.class)).isEqualTo(recorded + 1);
    assertThat(identityService.checkPassword(OWNER, PASSWORD)).isFalse();
    // the product's issue in code, as whoever is logged in: only for the user it was asked for
    String password = new Requests(engine).as(DemoOrganisation.SYSTEM_ADMINISTRATOR,
        () -> oneTimePasswords.issue(OWNER));
    assertThat(identityService.checkPassword(OWNER, password)).isTrue();
    assertThat(jdbc.queryForObject("select must_change_password from account_state where user_id = ?",
        Boolean.class, OWNER)).isTrue();
    Map<String, Object> before = state();
    User other = identityService.createUserQuery().userId(DemoOrganisation.PRESIDENT).singleResult();
    other.setPassword(TAKEN_OVER);
    assertThatThrownBy(() -> new Requests(engine).as(DemoOrganisation.SYSTEM_ADMINISTRATOR,
        () -> PasswordChanges.reissue(OWNER, () -> {
      identityService.saveUser(other);
      return null;
    }))).isInstanceOf(AuthorizationException.class);
    assertUntouched(DemoOrganisation.PRESIDENT, before, "reissue of another user");
  }

  /** A person with the demo password set by the system (no change demanded). */
  private void createOwner() {
    User user = identityService.newUser(OWNER);
    user.setFirstName("本人");
    user.setLastName("検証");
    user.setEmail(OWNER + "@sample-printing.example");
    user.setPassword(PASSWORD);
    identityService.saveUser(user);
    identityService.createMembership(OWNER, "employees");
  }
}
