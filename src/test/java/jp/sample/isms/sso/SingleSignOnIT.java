package jp.sample.isms.sso;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.sample.isms.IsmsApplication;
import jp.sample.isms.accounts.AccountDeactivation;
import jp.sample.isms.organisation.AccountStates;
import jp.sample.isms.support.KeycloakServer;
import jp.sample.isms.support.RestCalls;
import jp.sample.isms.support.Requests;
import jp.sample.isms.takeout.TakeOutProcess;
import jp.sample.isms.support.DemoOrganisation;

/**
 * Single sign-on against a real Keycloak with the demo realm (KeycloakServer), the application in the profile sso on
 * H2: bearer tokens from the IdP's token endpoint on /engine-rest, persons created from the token, the group mapping,
 * forged, expired, foreign and URL-borne tokens refused, local passwords off but the break-glass administrator's, the
 * browser login (without a browser: the IdP's login form posted by an HTTP client) and a person disabled at the IdP.
 */
@Tag("sso")
class SingleSignOnIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int APP_PORT = KeycloakServer.freeApplicationPort();
  private static final String APP = "http://localhost:" + APP_PORT;

  static KeycloakServer idp;
  static ConfigurableApplicationContext app;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @BeforeAll
  static void start() {
    idp = KeycloakServer.start(APP_PORT);
    try {
      app = new SpringApplicationBuilder(IsmsApplication.class).profiles("test", "sso").run(
          "--server.port=" + APP_PORT, "--isms.sso.issuer-uri=" + idp.issuer(),
          "--isms.sso.client-secret=" + KeycloakServer.CLIENT_SECRET,
          "--isms.sso.group-mapping.isms-administrators=camunda-admin", "--isms.sso.break-glass-user=suzuki",
          "--isms.sso.session-check-interval=PT1S", "--isms.sso.clock-skew=PT1S",
          "--isms.sso.provisioning-cache-ttl=PT0S");
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

  @Test
  void aPersonFilesATakeOutAndTheApproverApprovesWithBearerTokensFromTheIdp() throws Exception {
    HttpResponse<String> filed = bearer(idp.accessToken("yamamoto"), "POST",
        "/engine-rest/process-definition/key/takeOut/submit-form",
        JSON.writeValueAsString(RestCalls.variables(Requests.internalLaptopTakeOut(DemoOrganisation.DESIGN_EMPLOYEE))));
    assertThat(filed.statusCode()).as(filed.body()).isEqualTo(200);
    String instance = JSON.readTree(filed.body()).get("id").asText();
    assertThat(bean(RuntimeService.class).createProcessInstanceQuery().processInstanceId(instance).singleResult()
        .getBusinessKey()).startsWith("TO-");

    String ito = idp.accessToken("ito");
    HttpResponse<String> tasks = bearer(ito, "GET", "/engine-rest/task?processInstanceId=" + instance, null);
    assertThat(tasks.statusCode()).isEqualTo(200);
    String task = JSON.readTree(tasks.body()).get(0).get("id").asText();
    HttpResponse<String> approved = bearer(ito, "POST", "/engine-rest/task/" + task + "/submit-form",
        "{\"variables\":{\"decision\":{\"value\":\"APPROVED\",\"type\":\"String\"}}}");
    assertThat(approved.statusCode()).as(approved.body()).isIn(200, 204);
    assertThat(bean(TaskService.class).createTaskQuery().processInstanceId(instance).singleResult()
        .getTaskDefinitionKey()).isEqualTo(TakeOutProcess.TASK_REPORT_RETURN);
  }

  @Test
  void aPersonNewToTheProductIsCreatedFromTheTokenWithNameMailDepartmentAndMappedGroups() throws Exception {
    HttpResponse<String> profile = bearer(idp.accessToken("kimura"), "GET", "/engine-rest/user/kimura/profile", null);
    assertThat(profile.statusCode()).as(profile.body()).isEqualTo(200);
    JsonNode person = JSON.readTree(profile.body());
    assertThat(person.get("lastName").asText()).isEqualTo("木村");
    assertThat(person.get("firstName").asText()).isEqualTo("陽子");
    assertThat(person.get("email").asText()).isEqualTo("kimura@sample-printing.example");
    assertThat(bean(JdbcTemplate.class).queryForMap(
        "select department_code, section_code from org_person where user_id = 'kimura'"))
        .containsEntry("DEPARTMENT_CODE", "development").containsEntry("SECTION_CODE", "design");
    assertThat(groupsOf("kimura")).contains("employees", "camunda-admin");
    // the mapped IdP group isms-administrators grants camunda-admin: Cockpit's authorizations are readable
    assertThat(bearer(idp.accessToken("kimura"), "GET", "/engine-rest/authorization", null).statusCode())
        .isEqualTo(200);
  }

  @Test
  void anIdpGroupCalledCamundaAdminGrantsNothingUnlessTheMappingSaysSo() throws Exception {
    // yamamoto is in the IdP's group "camunda-admin", which the mapping does not name
    HttpResponse<String> refused = bearer(idp.accessToken("yamamoto"), "GET", "/engine-rest/authorization", null);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(groupsOf(DemoOrganisation.DESIGN_EMPLOYEE)).doesNotContain("camunda-admin");
  }

  @Test
  void forgedUnsignedForeignExpiredAndUrlBorneTokensAreRefusedAndChangeNothing() throws Exception {
    long users = bean(IdentityService.class).createUserQuery().count();
    String real = idp.accessToken("yamamoto");
    String[] parts = real.split("\\.");
    ObjectMapper mapper = new ObjectMapper();
    @SuppressWarnings("unchecked")
    Map<String, Object> claims = mapper.readValue(Base64.getUrlDecoder().decode(parts[1]), Map.class);
    claims.put("preferred_username", "mallory");
    String forgedPayload = b64(mapper.writeValueAsBytes(claims));

    // the payload changed under the IdP's signature
    assertRefused(parts[0] + "." + forgedPayload + "." + parts[2]);
    // no signature at all
    assertRefused(b64("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "." + forgedPayload + ".");
    // signed with a key of our own under the IdP's key id
    String header = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
    var keys = KeyPairGenerator.getInstance("RSA");
    keys.initialize(2048);
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initSign((RSAPrivateKey) keys.generateKeyPair().getPrivate());
    String signed = b64(header.getBytes(StandardCharsets.UTF_8)) + "." + forgedPayload;
    rsa.update(signed.getBytes(StandardCharsets.US_ASCII));
    assertRefused(signed + "." + b64(rsa.sign()));
    // a token the IdP issued to another of the company's systems (audience not this product)
    assertRefused(idp.tokens("other-app", "other-demo-secret", "yamamoto").get("access_token").asText());
    // an expired token
    idp.setAccessTokenLifespan(2);
    String shortLived;
    try {
      shortLived = idp.accessToken("yamamoto");
    } finally {
      idp.setAccessTokenLifespan(300);
    }
    Thread.sleep(4500);
    HttpResponse<String> expired = assertRefused(shortLived);
    assertThat(expired.headers().firstValue("WWW-Authenticate").orElse("")).contains("invalid_token");
    // a valid token in the URL instead of the Authorization header
    HttpResponse<String> inUrl = send(HttpRequest.newBuilder(URI.create(APP + "/engine-rest/task?access_token="
        + real)).GET().build());
    assertThat(inUrl.statusCode()).isEqualTo(401);

    assertThat(bean(IdentityService.class).createUserQuery().count()).isEqualTo(users);
    assertThat(bean(IdentityService.class).createUserQuery().userId("mallory").count()).isZero();
  }

  @Test
  void localPasswordsAreOffButTheBreakGlassAdministrators() throws Exception {
    assertThat(basic(DemoOrganisation.DESIGN_EMPLOYEE, "/engine-rest/task").statusCode()).isEqualTo(401);
    assertThat(basic(DemoOrganisation.DESIGN_EMPLOYEE, "/api/my/requests").statusCode()).isEqualTo(401);
    assertThat(basic(DemoOrganisation.SYSTEM_ADMINISTRATOR, "/engine-rest/authorization").statusCode()).isEqualTo(200);

    // the webapps' own login form is closed, with or without a single sign-on session
    Browserless browser = new Browserless();
    HttpResponse<String> form = browser.post(APP + "/camunda/api/admin/auth/user/default/login/tasklist",
        Map.of("username", DemoOrganisation.DESIGN_EMPLOYEE, "password", KeycloakServer.PASSWORD));
    assertThat(form.statusCode()).isIn(401, 403);
    assertThat(browser.login(DemoOrganisation.DEVELOPMENT_HEAD)).isTrue();
    HttpResponse<String> asSomeoneElse = browser.post(APP + "/camunda/api/admin/auth/user/default/login/tasklist",
        Map.of("username", DemoOrganisation.SYSTEM_ADMINISTRATOR, "password", KeycloakServer.PASSWORD));
    assertThat(asSomeoneElse.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(browser.get(APP + "/camunda/api/admin/auth/user/default").body()).get("userId").asText())
        .isEqualTo(DemoOrganisation.DEVELOPMENT_HEAD);
  }

  @Test
  void aBrowserSignsInAtTheIdpAndTheWebappsAndPagesKeepTheirCsrfTokens() throws Exception {
    Browserless browser = new Browserless();
    assertThat(browser.login(DemoOrganisation.DESIGN_CHIEF)).isTrue();
    HttpResponse<String> who = browser.get(APP + "/camunda/api/admin/auth/user/default");
    assertThat(who.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(who.body()).get("userId").asText()).isEqualTo(DemoOrganisation.DESIGN_CHIEF);
    // the product's API with the session: reading works, a change without the webapps' CSRF token does not
    assertThat(browser.get(APP + "/api/my/requests").statusCode()).isEqualTo(200);
    HttpResponse<String> withoutToken = browser.post(APP + "/api/substitutes", Map.of());
    assertThat(withoutToken.statusCode()).isEqualTo(403);
    assertThat(withoutToken.body()).contains("CSRF");
    // logout ends the product session and sends the browser to the IdP's logout
    HttpResponse<String> logout = browser.send(HttpRequest.newBuilder(URI.create(APP + "/logout")).GET().build(),
        HttpClient.Redirect.NEVER);
    assertThat(logout.statusCode()).isEqualTo(302);
    assertThat(logout.headers().firstValue("Location").orElse("")).startsWith(idp.issuer()
        + "/protocol/openid-connect/logout");
    assertThat(browser.get(APP + "/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(401);
  }

  @Test
  void aPersonDisabledAtTheIdpLosesTheOpenSessionAndCannotSignInAgain() throws Exception {
    Browserless browser = new Browserless();
    assertThat(browser.login(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE)).isTrue();
    assertThat(browser.get(APP + "/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(200);
    idp.setEnabled("kato", false);
    try {
      assertThat(idp.tokenRequest(KeycloakServer.CLIENT_ID, KeycloakServer.CLIENT_SECRET, "kato").statusCode())
          .isNotEqualTo(200);
      // the session asks the IdP again after the check interval (1 s here) and ends
      Thread.sleep(1500);
      assertThat(browser.get(APP + "/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(401);
      assertThat(new Browserless().login(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE)).isFalse();
    } finally {
      idp.setEnabled("kato", true);
      bean(AccountDeactivation.class).enable(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE,
          DemoOrganisation.SYSTEM_ADMINISTRATOR);
    }
  }

  @Test
  void anApproverDisabledAtTheIdpIsDisabledInTheProductAtTheNextSessionCheckAndTheStepsMoveOn() throws Exception {
    Requests requests = new Requests(bean(ProcessEngine.class));
    ProcessInstance instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, TakeOutProcess.KEY,
        Requests.internalLaptopTakeOut(DemoOrganisation.DESIGN_EMPLOYEE));
    Browserless browser = new Browserless();
    assertThat(browser.login(DemoOrganisation.DEVELOPMENT_HEAD)).isTrue();
    requests.claim(DemoOrganisation.DEVELOPMENT_HEAD, requests.task(instance));
    assertThat(bean(AccountStates.class).isDisabled(DemoOrganisation.DEVELOPMENT_HEAD)).isFalse();
    idp.setEnabled("ito", false);
    try {
      // the next request after the check interval (1 s here): the IdP refuses the refresh as "User disabled"
      Thread.sleep(1500);
      assertThat(browser.get(APP + "/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(401);
      assertThat(bean(AccountStates.class).isDisabled(DemoOrganisation.DEVELOPMENT_HEAD)).isTrue();
      // the claimed approval went back and, with no other active development head, up to the president
      Task step = requests.task(instance);
      assertThat(step.getTaskDefinitionKey()).isEqualTo(TakeOutProcess.TASK_APPROVE);
      assertThat(step.getAssignee()).isNull();
      assertThat(bean(TaskService.class).getIdentityLinksForTask(step.getId()).stream()
          .map(IdentityLink::getGroupId).filter(java.util.Objects::nonNull).toList())
          .contains("department-head.development", "president");
      assertThat(bean(JdbcTemplate.class).queryForObject("select count(*) from audit_record where outcome = "
          + "'ACCOUNT_DISABLED' and requester = 'ito' and comment like '%ID プロバイダ%'", Integer.class)).isOne();
      // and cannot sign in again
      assertThat(new Browserless().login(DemoOrganisation.DEVELOPMENT_HEAD)).isFalse();
    } finally {
      idp.setEnabled("ito", true);
      bean(AccountDeactivation.class).enable(DemoOrganisation.DEVELOPMENT_HEAD, DemoOrganisation.SYSTEM_ADMINISTRATOR);
    }
  }

  @Test
  void aPersonDisabledInTheProductIsRefusedWhateverTheIdpSays() throws Exception {
    AccountStates accounts = bean(AccountStates.class);
    String token = idp.accessToken("kobayashi");
    accounts.disable(DemoOrganisation.PRODUCTION_EMPLOYEE, DemoOrganisation.SYSTEM_ADMINISTRATOR, "5.1.7");
    try {
      assertThat(bearer(token, "GET", "/engine-rest/task", null).statusCode()).isEqualTo(401);
    } finally {
      accounts.enable(DemoOrganisation.PRODUCTION_EMPLOYEE);
    }
  }

  @Test
  void aLapsedOrForcedLocalPasswordDoesNotStopAPersonWhoSignsInAtTheIdp() throws Exception {
    // 5.1.8 is the IdP's with single sign-on: the product's own password age and first-change rule do not apply
    bean(AccountStates.class).loggedIn(DemoOrganisation.HR_HEAD);
    bean(JdbcTemplate.class).update("update account_state set password_changed_at = ?, must_change_password = true "
        + "where user_id = 'sato'", java.sql.Timestamp.from(java.time.Instant.now().minus(Duration.ofDays(400))));
    assertThat(bearer(idp.accessToken("sato"), "GET", "/engine-rest/task", null).statusCode()).isEqualTo(200);
  }

  private HttpResponse<String> assertRefused(String token) throws Exception {
    HttpResponse<String> response = bearer(token, "GET", "/engine-rest/task", null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
    return response;
  }

  private java.util.List<String> groupsOf(String user) {
    return bean(IdentityService.class).createGroupQuery().groupMember(user).list().stream()
        .map(org.camunda.bpm.engine.identity.Group::getId).toList();
  }

  private static <T> T bean(Class<T> type) {
    return app.getBean(type);
  }

  private static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private HttpResponse<String> bearer(String token, String method, String path, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(APP + path))
        .header("Authorization", "Bearer " + token).header("Accept", "application/json");
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body));
    return send(request.build());
  }

  private HttpResponse<String> basic(String user, String path) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(APP + path)).header("Authorization", "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + KeycloakServer.PASSWORD).getBytes(StandardCharsets.UTF_8)))
        .header("Accept", "application/json").GET().build());
  }

  private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Cookies as a browser keeps them for http://localhost: Chromium treats localhost as a secure context and sends
   * the IdP's {@code Secure} cookies there, Java's CookieManager would not.
   */
  static final class LocalhostCookies extends CookieHandler {

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

    @Override
    public Map<String, java.util.List<String>> get(URI uri, Map<String, java.util.List<String>> headers)
        throws IOException {
      return cookies.get(uri, headers);
    }

    @Override
    public void put(URI uri, Map<String, java.util.List<String>> headers) throws IOException {
      Map<String, java.util.List<String>> plain = new java.util.HashMap<>();
      headers.forEach((name, values) -> plain.put(name, name != null && name.toLowerCase().startsWith("set-cookie")
          ? values.stream().map(v -> v.replaceAll("(?i);\\s*Secure(?=;|$)", "")).toList() : values));
      cookies.put(uri, plain);
    }
  }

  /** A browser without a browser: cookies, redirects, the IdP's login form posted. */
  static final class Browserless {

    private static final Pattern FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private final CookieHandler cookies = new LocalhostCookies();

    /** Opens Tasklist, signs in at the IdP; true when the browser is back in the application, signed in. */
    boolean login(String user) throws Exception {
      HttpResponse<String> page = get(APP + "/camunda/app/tasklist/default/");
      Matcher form = FORM.matcher(page.body());
      if (!page.uri().toString().startsWith(idp.issuer()) || !form.find()) {
        keep(user, page);
        return false;
      }
      HttpResponse<String> back = post(form.group(1).replace("&amp;", "&"),
          Map.of("username", user, "password", KeycloakServer.PASSWORD, "credentialId", ""));
      if (!back.uri().toString().startsWith(APP) || back.statusCode() != 200) {
        keep(user, back);
        return false;
      }
      return true;
    }

    /** The page where a login stopped, for whoever reads a failure. */
    private static void keep(String user, HttpResponse<String> page) throws IOException {
      java.nio.file.Files.writeString(java.nio.file.Path.of("target", "sso-login-" + user + ".html"),
          page.statusCode() + " " + page.uri() + "\n" + page.body(), StandardCharsets.UTF_8);
    }

    HttpResponse<String> get(String url) throws Exception {
      return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json, text/html").GET()
          .build(), HttpClient.Redirect.NORMAL);
    }

    HttpResponse<String> post(String url, Map<String, String> form) throws Exception {
      return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(form.entrySet().stream()
              .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
              .collect(Collectors.joining("&")))).build(), HttpClient.Redirect.NORMAL);
    }

    HttpResponse<String> send(HttpRequest request, HttpClient.Redirect redirects) throws Exception {
      return HttpClient.newBuilder().cookieHandler(cookies).followRedirects(redirects)
          .connectTimeout(Duration.ofSeconds(10)).build().send(request, HttpResponse.BodyHandlers.ofString());
    }
  }
}
