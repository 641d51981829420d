package jp.sample.isms.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
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

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.organisation.AccountStates;

/**
 * 5.1.8: a password not changed for {@code isms.password.max-age} (P90D) lapses: the user may log in, but everything
 * except changing the password answers 403 {@code PasswordExpired} in Japanese, on /engine-rest, /api and the webapps'
 * REST root, until the password is changed. A password the product had not dated yet never lapses at once. The age
 * is set in the database (no sleeping).
 */
@IsmsSpringBootTest
class PasswordExpiryEnforcementTest {

  private static final String USER = "expiry-probe";
  private static final String PASSWORD = "Kaisha#2026x";
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm")
      .withZone(ZoneId.of("Asia/Tokyo"));

  @Autowired
  TestRestTemplate rest;
  @Autowired
  IdentityService identityService;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  AccountStates accounts;

  @BeforeEach
  void createUser() {
    // saved without a logged-in user, as the organisation import does: no change demanded, the age counts from now
    User user = identityService.newUser(USER);
    user.setFirstName("期限");
    user.setLastName("検証");
    user.setEmail(USER + "@sample-printing.example");
    user.setPassword(PASSWORD);
    identityService.saveUser(user);
    identityService.createMembership(USER, "employees");
  }

  @AfterEach
  void deleteUser() {
    identityService.deleteUser(USER);
    jdbc.update("delete from account_state where user_id = ?", USER);
  }

  private Instant passwordSetDaysAgo(int days) {
    Instant at = Instant.now().minus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    jdbc.update("delete from account_state where user_id = ?", USER);
    jdbc.update("insert into account_state (user_id, disabled, password_changed_at) values (?, false, ?)", USER,
        Timestamp.from(at));
    return at;
  }

  private ResponseEntity<String> tasks(String password) {
    return rest.withBasicAuth(USER, password).getForEntity("/engine-rest/task", String.class);
  }

  private Timestamp changedAt() {
    return jdbc.queryForObject("select password_changed_at from account_state where user_id = ?", Timestamp.class,
        USER);
  }

  @Test
  void anExpiredPasswordIsRefusedEverywhereUntilItIsChanged() {
    // a password set 89 days ago still works; the login is now in the 60 s cache
    passwordSetDaysAgo(89);
    assertThat(tasks(PASSWORD).getStatusCode()).isEqualTo(HttpStatus.OK);
    WebappSession session = new WebappSession(rest);
    assertThat(session.login(USER, PASSWORD, "tasklist").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(session.get("/camunda/api/engine/engine/default/task/count").getStatusCode()).isEqualTo(HttpStatus.OK);

    // one day later it has lapsed: refused at once, the cached login and the open session notwithstanding
    Instant set = passwordSetDaysAgo(91);
    String expiry = SHOWN.format(set.plus(90, ChronoUnit.DAYS));
    ResponseEntity<String> engineRest = tasks(PASSWORD);
    assertThat(engineRest.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(engineRest.getBody()).contains("\"type\":\"PasswordExpired\"")
        .contains("パスワードの有効期限 (" + expiry + ") が切れたため、パスワードは失効しています")
        .contains("Welcome → プロフィール → パスワードを変更");
    ResponseEntity<String> api = rest.withBasicAuth(USER, PASSWORD).getForEntity("/api/substitutes", String.class);
    assertThat(api.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(api.getBody()).contains("PasswordExpired");
    ResponseEntity<String> webappRest = session.get("/camunda/api/engine/engine/default/task/count");
    assertThat(webappRest.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(webappRest.getBody()).contains("PasswordExpired").contains("失効");
    // a fresh webapp login gets in, but only to change the password (Welcome → プロフィール)
    WebappSession fresh = new WebappSession(rest);
    assertThat(fresh.login(USER, PASSWORD, "welcome").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(fresh.get("/camunda/api/engine/engine/default/user/" + USER + "/profile").getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(fresh.get("/camunda/api/engine/engine/default/task/count").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    // a wrong password is still just a wrong password
    assertThat(tasks("Wrong#2026x").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

    // the user changes the password (the one call allowed): the age starts again and everything works
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> changed = rest.withBasicAuth(USER, PASSWORD).exchange(
        "/engine-rest/user/" + USER + "/credentials", HttpMethod.PUT, new HttpEntity<>(Map.of("password",
            "Jibun#2026y", "authenticatedUserPassword", PASSWORD), headers), String.class);
    assertThat(changed.getStatusCode()).as(changed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(changedAt().toInstant()).isAfter(Instant.now().minus(1, ChronoUnit.MINUTES));
    assertThat(tasks("Jibun#2026y").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(session.get("/camunda/api/engine/engine/default/task/count").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(tasks(PASSWORD).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void aNewPasswordSavedThroughTheJavaApiLiftsTheLapse() {
    passwordSetDaysAgo(120);
    assertThat(tasks(PASSWORD).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    User user = identityService.createUserQuery().userId(USER).singleResult();
    user.setPassword("Shinki#2026z");
    identityService.saveUser(user);

    assertThat(changedAt().toInstant()).isAfter(Instant.now().minus(1, ChronoUnit.MINUTES));
    assertThat(tasks("Shinki#2026z").getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void aUserTheProductHasNotSeenBeforeIsNotExpiredAtOnce() {
    // a user of a version before password expiry: no age known
    jdbc.update("delete from account_state where user_id = ?", USER);

    // the first login is served, and dates the password from now
    assertThat(tasks(PASSWORD).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(changedAt()).isNotNull();
    assertThat(changedAt().toInstant()).isAfter(Instant.now().minus(1, ChronoUnit.MINUTES));

    // at start-up, every password not dated yet is dated from then, with or without an account_state row
    jdbc.update("update account_state set password_changed_at = null where user_id = ?", USER);
    Instant startUp = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    assertThat(accounts.startPasswordClocks(startUp)).isPositive();
    assertThat(changedAt().toInstant()).isEqualTo(startUp);
    jdbc.update("delete from account_state where user_id = ?", USER);
    assertThat(accounts.startPasswordClocks(startUp)).isPositive();
    assertThat(changedAt().toInstant()).isEqualTo(startUp);
    assertThat(accounts.startPasswordClocks(startUp)).as("dated once").isZero();
    assertThat(tasks(PASSWORD).getStatusCode()).isEqualTo(HttpStatus.OK);
  }
}
