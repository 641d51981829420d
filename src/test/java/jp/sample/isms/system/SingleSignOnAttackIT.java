package jp.sample.isms.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import jp.sample.isms.IsmsApplication;
import jp.sample.isms.accounts.AccountDeactivation;
import jp.sample.isms.organisation.AccountStates;
import jp.sample.isms.organisation.OrganisationService;
import jp.sample.isms.support.KeycloakServer;
import jp.sample.isms.support.Requests;
import jp.sample.isms.takeout.TakeOutProcess;
import jp.sample.isms.support.DemoOrganisation;

/**
 * The product's authorization matrix and attack tests with single sign-on on: the same classes as with the product's
 * passwords ({@link EngineSurfaceAttacks}, {@link AuthorizationMatrix}, {@link GuardedGroupsAttacks},
 * {@link RestFlowAttacks}, the engine API inventory's refusals), their calls authenticated by access tokens from a real
 * Keycloak's token endpoint (on /engine-rest and /api) and by sessions obtained through its real login page (the
 * webapps' calls, with their CSRF token) — and the attacks single sign-on adds: tokens of another client, expired,
 * signed by another key, of an IdP account that is not the one bound to the person, an IdP group named camunda-admin,
 * a product password; and a person using bearer tokens only who is disabled at the IdP. One Keycloak and one
 * application (profiles test, sso, on H2) for all of them.
 */
@Tag("sso")
class SingleSignOnAttackIT {

  private static final int APP_PORT = KeycloakServer.freeApplicationPort();
  private static final String APP = "http://localhost:" + APP_PORT;
  private static final ObjectMapper JSON = new ObjectMapper();
  /** How often the product asks the IdP about a person who uses bearer tokens only, here. */
  private static final Duration BEARER_CHECK = Duration.ofSeconds(2);

  static KeycloakServer idp;
  static ConfigurableApplicationContext app;

  @BeforeAll
  static void start() {
    idp = KeycloakServer.start(APP_PORT);
    try {
      app = new SpringApplicationBuilder(IsmsApplication.class).profiles("test", "sso").run(
          "--server.port=" + APP_PORT, "--isms.sso.issuer-uri=" + idp.issuer(),
          "--isms.sso.client-secret=" + KeycloakServer.CLIENT_SECRET,
          // the default: no group mapping, the roles (camunda-admin too) are kept in the product; the IdP group
          // called camunda-admin grants nothing (with a mapping row for another IdP group: SingleSignOnIT)
          "--isms.sso.break-glass-user=suzuki",
          "--isms.sso.clock-skew=PT1S", "--isms.sso.bearer-check-interval=" + BEARER_CHECK);
    } catch (RuntimeException e) {
      idp.close();
      throw e;
    }
  }

  @AfterAll
  static void stop() {
    try {
      if (app != null) {
        app.close();
      }
    } finally {
      if (idp != null) {
        idp.close();
      }
    }
  }

  static <T> T bean(Class<T> type) {
    return app.getBean(type);
  }

  /** The logins of the single sign-on work: a bearer call and a session call answer for the right person. */
  static void theLoginsWork(EngineApiClient client, String user) {
    EngineApiClient.Answer bearer = client.call(EngineApiClient.ENGINE_REST, user, "GET", "/user/" + user
        + "/profile", null);
    assertThat(bearer.status()).as(bearer.toString()).isEqualTo(200);
    EngineApiClient.Answer session = client.inSession(user, "GET", "/camunda/api/admin/auth/user/default", null);
    assertThat(session.status()).as(session.toString()).isEqualTo(200);
    assertThat(session.json().get("userId").asText()).isEqualTo(user);
  }

  @Nested
  class EngineSurface extends EngineSurfaceAttacks {

    @BeforeEach
    void signedInThroughTheIdp() {
      theLoginsWork(client, DemoOrganisation.DESIGN_EMPLOYEE);
    }

    @Override
    ProcessEngine engine() {
      return bean(ProcessEngine.class);
    }

    @Override
    JdbcTemplate jdbc() {
      return bean(JdbcTemplate.class);
    }

    @Override
    String baseUrl() {
      return APP;
    }

    @Override
    ApiLogin apiLogin() {
      return ApiLogin.sso(idp);
    }
  }

  @Nested
  class RestFlow extends RestFlowAttacks {

    @Override
    ProcessEngine engine() {
      return bean(ProcessEngine.class);
    }

    @Override
    String baseUrl() {
      return APP;
    }

    @Override
    ApiLogin apiLogin() {
      return ApiLogin.sso(idp);
    }
  }

  @Nested
  class Matrix extends AuthorizationMatrix {

    final EngineApiClient client = new EngineApiClient(APP, ApiLogin.sso(idp));

    @BeforeEach
    void signedInThroughTheIdp() {
      theLoginsWork(client, DemoOrganisation.HR_HEAD);
    }

    @Override
    ProcessEngine engine() {
      return bean(ProcessEngine.class);
    }

    @Override
    EngineApiClient.Answer api(String user, HttpMethod method, String path, Object body) {
      return client.call("", user, method.name(), path, body);
    }

    @Override
    EngineApiClient.Answer webapp(String user, HttpMethod method, String path, Object body) {
      return client.inSession(user, method.name(), path, body);
    }
  }

  @Nested
  class RoleGroups extends GuardedGroupsAttacks {

    final EngineApiClient client = new EngineApiClient(APP, ApiLogin.sso(idp));

    @Override
    ProcessEngine engine() {
      return bean(ProcessEngine.class);
    }

    @Override
    OrganisationService organisation() {
      return bean(OrganisationService.class);
    }

    @Override
    EngineApiClient.Answer asSuzuki(HttpMethod method, String path, String json) {
      return client.call("", DemoOrganisation.SYSTEM_ADMINISTRATOR, method.name(), path, json);
    }

    @Override
    boolean suzukiSignsInToCamundaAdmin() {
      EngineApiClient.Answer who = client.inSession(DemoOrganisation.SYSTEM_ADMINISTRATOR, "GET",
          "/camunda/api/admin/auth/user/default", null);
      return who.status() == 200 && who.json().get("userId").asText().equals(DemoOrganisation.SYSTEM_ADMINISTRATOR)
          && who.json().get("authorizedApps").toString().contains("admin");
    }

    @Override
    EngineApiClient.Answer inCamundaAdmin(HttpMethod method, String path, String json) {
      return client.inSession(DemoOrganisation.SYSTEM_ADMINISTRATOR, method.name(), path, json);
    }
  }

  @Nested
  class EngineApiInventory {

    final EngineApiClient client = new EngineApiClient(APP, ApiLogin.sso(idp));
    ProcessInstance request;
    Map<String, String> ids;

    @BeforeEach
    void katosRequestWaitsForSuzuki() {
      theLoginsWork(client, DemoOrganisation.PRODUCTION_CHIEF);
      ProcessEngine engine = bean(ProcessEngine.class);
      request = new Requests(engine).file(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, "takeOut",
          Requests.internalLaptopTakeOut(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE));
      ids = EngineApiInventoryTest.ids(engine, request);
    }

    @Test
    void everyRefusedOperationIsRefusedToEveryRoleOnBothRoots() throws IOException {
      EngineApiInventoryTest.everyRefusedOperationIsRefused(client, bean(JdbcTemplate.class), request, ids);
    }

    @Test
    void whatIsForProcessOwnersIsRefusedToEveryoneElse() {
      EngineApiInventoryTest.processOwnersOperationsAreRefusedToEveryoneElse(client, ids);
    }
  }

  /** What single sign-on adds: every token that must not work, refused on both API roots, and nothing changed. */
  @Nested
  class Tokens {

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    final EngineApiClient client = new EngineApiClient(APP, ApiLogin.sso(idp));
    ProcessInstance request;
    String task;

    @BeforeEach
    void yamamotosTakeOutWaitsForIto() {
      request = new Requests(bean(ProcessEngine.class)).file(DemoOrganisation.DESIGN_EMPLOYEE, "takeOut",
          Requests.internalLaptopTakeOut(DemoOrganisation.DESIGN_EMPLOYEE));
      task = bean(ProcessEngine.class).getTaskService().createTaskQuery().processInstanceId(request.getId())
          .singleResult().getId();
    }

    /** The request's state plus every person and every group membership. */
    Map<String, Object> state() {
      JdbcTemplate jdbc = bean(JdbcTemplate.class);
      return Map.of("request", EngineSurfaceState.of(jdbc, request.getId(), request.getBusinessKey()),
          "users", jdbc.queryForList("select id_, first_, last_, email_ from act_id_user order by id_").toString(),
          "memberships", jdbc.queryForList("select user_id_, group_id_ from act_id_membership order by user_id_, "
              + "group_id_").toString(),
          "substitutes", jdbc.queryForList("select * from approval_substitute").toString());
    }

    /** Calls that would change something, each with the given Authorization header: all refused with 401. */
    void refused(String what, String authorization) {
      Map<String, Object> before = state();
      List<String> answers = new ArrayList<>();
      for (String[] call : List.of(
          new String[] {"POST", "/engine-rest/task/" + task + "/claim", "{\"userId\":\"ito\"}"},
          new String[] {"POST", "/engine-rest/task/" + task + "/submit-form",
              "{\"variables\":{\"decision\":{\"value\":\"APPROVED\",\"type\":\"String\"}}}"},
          new String[] {"PUT", "/engine-rest/group/camunda-admin/members/yamamoto", null},
          new String[] {"GET", "/engine-rest/task?processInstanceId=" + request.getId(), null},
          new String[] {"POST", "/api/requests/" + request.getBusinessKey() + "/withdraw", "{}"},
          new String[] {"GET", "/api/my/requests", null})) {
        HttpResponse<String> answer = send(call[0], call[1], call[2], authorization);
        if (answer.statusCode() != 401) {
          answers.add(call[0] + " " + call[1] + " → " + answer.statusCode() + " " + answer.body());
        }
      }
      assertThat(answers).as(what).isEmpty();
      assertThat(state()).as(what).isEqualTo(before);
    }

    HttpResponse<String> send(String method, String path, String body, String authorization) {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(APP + path)).header("Accept", "application/json")
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(body));
      if (body != null) {
        request.header("Content-Type", "application/json");
      }
      if (authorization != null) {
        request.header("Authorization", authorization);
      }
      try {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        throw new IllegalStateException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    @Test
    void aTokenTheIdpIssuedToAnotherClientIsRefused() {
      String foreign = idp.tokens("other-app", "other-demo-secret", "ito").get("access_token").asText();
      refused("a token of another client (audience)", "Bearer " + foreign);
    }

    @Test
    void aTokenOfAnotherIssuerIsRefused() throws Exception {
      // the same Keycloak, keys and client, asked under 127.0.0.1: the token names another issuer
      String otherIssuer = idp.issuer().replace("localhost", "127.0.0.1");
      String token = idp.accessTokenIssuedAs(otherIssuer, "ito");
      Map<?, ?> claims = JSON.readValue(Base64.getUrlDecoder().decode(token.split("\\.")[1]), Map.class);
      assertThat(claims.get("iss")).isEqualTo(otherIssuer);
      refused("a token of another issuer", "Bearer " + token);
    }

    @Test
    @org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
    void noTokenIsWrittenToTheLog(org.springframework.boot.test.system.CapturedOutput output) {
      String good = idp.accessToken("ito");
      String foreign = idp.tokens("other-app", "other-demo-secret", "ito").get("access_token").asText();
      assertThat(send("GET", "/engine-rest/task?processInstanceId=" + request.getId(), null, "Bearer " + good)
          .statusCode()).isEqualTo(200);
      refused("a token of another client", "Bearer " + foreign);
      assertThat(send("GET", "/engine-rest/task?access_token=" + good, null, null).statusCode()).isEqualTo(401);
      // the application's log is captured here: the refusal of an engine call by the person is in it
      assertThat(send("DELETE", "/engine-rest/tenant/x-1/user-members/yamamoto", null, "Bearer " + good)
          .statusCode()).isEqualTo(403);
      assertThat(output.getAll()).contains("engine API refused", "by ito");
      String[] goodParts = good.split("\\.");
      String[] foreignParts = foreign.split("\\.");
      assertThat(output.getAll()).doesNotContain(goodParts[1], goodParts[2], foreignParts[1], foreignParts[2]);
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
      idp.setAccessTokenLifespan(2);
      String shortLived;
      try {
        shortLived = idp.accessToken("ito");
      } finally {
        idp.setAccessTokenLifespan(300);
      }
      Thread.sleep(4_000);
      refused("an expired token", "Bearer " + shortLived);
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() throws Exception {
      String[] parts = idp.accessToken("ito").split("\\.");
      var keys = KeyPairGenerator.getInstance("RSA");
      keys.initialize(2048);
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(keys.generateKeyPair().getPrivate());
      // the IdP's header (its key id) and the IdP's claims, signed by a key of our own
      String signed = parts[0] + "." + parts[1];
      rsa.update(signed.getBytes(StandardCharsets.US_ASCII));
      refused("a token signed by another key", "Bearer " + signed + "."
          + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign()));
    }

    @Test
    void anIdpAccountThatIsNotTheOneBoundToThePersonIsRefused() throws Exception {
      // takahashi signs in once: the IdP account (its sub) is bound to the product's takahashi
      String first = idp.accessToken("takahashi");
      assertThat(send("GET", "/engine-rest/user/takahashi/profile", null, "Bearer " + first).statusCode())
          .isEqualTo(200);
      String bound = bean(JdbcTemplate.class).queryForObject("select subject from sso_subject where user_id = "
          + "'takahashi'", String.class);
      assertThat(bound).isEqualTo(idp.subject("takahashi"));
      // the IdP account is deleted and another one created under the same user name: a correctly signed token whose
      // user-id claim says takahashi, whose sub is another account
      idp.recreate("takahashi");
      String other = idp.accessToken("takahashi");
      assertThat(idp.subject("takahashi")).isNotEqualTo(bound);
      refused("another IdP account under a bound person's name", "Bearer " + other);
      HttpResponse<String> profile = send("GET", "/engine-rest/user/takahashi/profile", null, "Bearer " + other);
      assertThat(profile.statusCode()).isEqualTo(401);
      assertThat(profile.body()).doesNotContain("別人");
      assertThat(bean(ProcessEngine.class).getIdentityService().createUserQuery().userId(DemoOrganisation.MANUFACTURING_HEAD).singleResult()
          .getLastName()).isNotEqualTo("別人");
    }

    @Test
    void anIdpGroupCalledCamundaAdminGrantsNoAdministration() throws Exception {
      // yamamoto is in the IdP's group camunda-admin, which the group mapping does not name
      Map<String, Object> before = state();
      for (String root : EngineSurfaceAttacks.ROOTS) {
        assertThat(client.call(root, DemoOrganisation.DESIGN_EMPLOYEE, "GET", "/authorization",
            null).status()).as(root).isEqualTo(403);
        assertThat(client.call(root, DemoOrganisation.DESIGN_EMPLOYEE, "POST", "/authorization/create", Map.of("type",
            1,
            "permissions", List.of("ALL"), "userId", DemoOrganisation.DESIGN_EMPLOYEE, "resourceType", 0, "resourceId",
                "*")).status())
            .as(root).isEqualTo(403);
        assertThat(client.call(root, DemoOrganisation.DESIGN_EMPLOYEE, "PUT", "/group/camunda-admin/members/yamamoto",
            null).status())
            .as(root).isEqualTo(403);
      }
      EngineApiClient.Answer who = client.inSession(DemoOrganisation.DESIGN_EMPLOYEE, "GET",
          "/camunda/api/admin/auth/user/default", null);
      assertThat(who.json().get("authorizedApps").toString()).doesNotContain("admin", "cockpit");
      assertThat(bean(ProcessEngine.class).getIdentityService().createUserQuery().userId(DemoOrganisation.DESIGN_EMPLOYEE)
          .memberOfGroup("camunda-admin").count()).isZero();
      assertThat(state()).isEqualTo(before);
    }

    @Test
    void aProductPasswordIsRefusedButTheBreakGlassAdministrators() {
      Map<String, Object> before = state();
      for (String user : List.of(DemoOrganisation.DESIGN_EMPLOYEE, DemoOrganisation.DEVELOPMENT_HEAD,
          DemoOrganisation.PRESIDENT, DemoOrganisation.PRODUCTION_CHIEF)) {
        refused("HTTP Basic of " + user, "Basic " + Base64.getEncoder().encodeToString((user + ":"
            + KeycloakServer.PASSWORD).getBytes(StandardCharsets.UTF_8)));
      }
      // the webapps' login form with the demo password
      HttpResponse<String> form;
      try {
        form = http.send(HttpRequest.newBuilder(URI.create(APP + "/camunda/api/admin/auth/user/default/login/tasklist"))
            .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(
                "username=yamamoto&password=" + java.net.URLEncoder.encode(KeycloakServer.PASSWORD,
                    StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
      } catch (IOException | InterruptedException e) {
        throw new IllegalStateException(e);
      }
      assertThat(form.statusCode()).isIn(401, 403);
      // the break-glass administrator's local password works, on the API only
      assertThat(send("GET", "/engine-rest/authorization", null, "Basic " + Base64.getEncoder().encodeToString(
          ("suzuki:" + KeycloakServer.PASSWORD).getBytes(StandardCharsets.UTF_8))).statusCode()).isEqualTo(200);
      assertThat(state()).isEqualTo(before);
    }
  }

  /**
   * A person who acts with bearer tokens only and is disabled at the IdP: the next call after the bearer check's
   * interval is refused, the product account is disabled and the person's open steps move on.
   */
  @Nested
  class BearerOnlyPersonDisabledAtTheIdp {

    @Test
    void theNextCallAfterTheCheckIntervalIsRefusedTheAccountDisabledAndTheStepsMoveOn() throws Exception {
      Requests requests = new Requests(bean(ProcessEngine.class));
      ProcessInstance instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, TakeOutProcess.KEY,
          Requests.internalLaptopTakeOut(DemoOrganisation.DESIGN_EMPLOYEE));
      EngineApiClient client = new EngineApiClient(APP, ApiLogin.sso(idp));
      String task = requests.task(instance).getId();
      EngineApiClient.Answer claimed = client.call(EngineApiClient.ENGINE_REST, DemoOrganisation.DEVELOPMENT_HEAD,
          "POST", "/task/" + task
          + "/claim", Map.of("userId", DemoOrganisation.DEVELOPMENT_HEAD));
      assertThat(claimed.status()).as(claimed.toString()).isEqualTo(204);
      assertThat(bean(AccountStates.class).isDisabled(DemoOrganisation.DEVELOPMENT_HEAD)).isFalse();
      idp.setEnabled("ito", false);
      try {
        Thread.sleep(BEARER_CHECK.toMillis() + 500);
        // the same token, still valid by its signature and expiry
        EngineApiClient.Answer refused = client.call(EngineApiClient.ENGINE_REST, DemoOrganisation.DEVELOPMENT_HEAD,
            "GET", "/task/" + task,
            null);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
        assertThat(bean(AccountStates.class).isDisabled(DemoOrganisation.DEVELOPMENT_HEAD)).isTrue();
        // the claimed approval went back and, with no other active development head, up to the president
        Task step = requests.task(instance);
        assertThat(step.getTaskDefinitionKey()).isEqualTo(TakeOutProcess.TASK_APPROVE);
        assertThat(step.getAssignee()).isNull();
        assertThat(bean(ProcessEngine.class).getTaskService().getIdentityLinksForTask(step.getId()).stream()
            .map(IdentityLink::getGroupId).filter(java.util.Objects::nonNull).toList())
            .contains("department-head.development", "president");
        assertThat(bean(JdbcTemplate.class).queryForObject("select count(*) from audit_record where outcome = "
            + "'ACCOUNT_DISABLED' and requester = 'ito' and comment like '%ID プロバイダ%'", Integer.class)).isOne();
        // and stays refused on the other root as well
        assertThat(client.call("", DemoOrganisation.DEVELOPMENT_HEAD, "GET", "/api/my/requests",
            null).status()).isEqualTo(401);
      } finally {
        idp.setEnabled("ito", true);
        bean(AccountDeactivation.class).enable(DemoOrganisation.DEVELOPMENT_HEAD,
            DemoOrganisation.SYSTEM_ADMINISTRATOR);
      }
    }
  }
}
