package jp.sample.isms.administration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
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
import jp.sample.isms.organisation.AccountStates;
import jp.sample.isms.organisation.OrganisationImporter;
import jp.sample.isms.system.WebappSession;
import jp.sample.isms.support.DemoOrganisation;

/**
 * 5.1.6, 5.1.8: an imported person cannot log in until the system administrator issues a one-time password; it is
 * shown once, never logged, must be changed at the first login, and its issue is recorded without it. Nobody but a
 * system administrator gets one — whatever the role, the login, the path spelling or the API root.
 */
@IsmsSpringBootTest
@ExtendWith(OutputCaptureExtension.class)
class OneTimePasswordTest {

  private static final String PERSON = "otp-newcomer";
  private static final String PATH = "/api/accounts/" + PERSON + "/one-time-password";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired
  TestRestTemplate rest;
  @Autowired
  OrganisationImporter importer;
  @Autowired
  IdentityService identityService;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  AccountStates accounts;

  @BeforeEach
  void importPerson() {
    NewPerson.importInto(importer, PERSON, "development");
  }

  @AfterEach
  void removePerson() {
    NewPerson.remove(identityService, jdbc, PERSON);
  }

  @Test
  void theSystemAdministratorIssuesAOneTimePasswordThatMustBeChangedAtTheFirstLogin(CapturedOutput output)
      throws Exception {
    // given a person imported without a password: no login at all
    assertThat(storedPassword()).isNull();
    assertThat(rest.withBasicAuth(PERSON, "").getForEntity("/engine-rest/task", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);

    // when the system administrator issues a one-time password
    ResponseEntity<String> issued = rest.withBasicAuth(DemoOrganisation.SYSTEM_ADMINISTRATOR,
        DemoOrganisation.PASSWORD).postForEntity(PATH, null, String.class);

    // then it is shown once, not cached, and follows the password policy (5.1.8)
    assertThat(issued.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(issued.getHeaders().getCacheControl()).contains("no-store");
    String password = JSON.readTree(issued.getBody()).get("oneTimePassword").asText();
    assertThat(password).hasSize(16).matches(".*[A-Z].*").matches(".*[a-z].*").matches(".*[0-9].*")
        .matches(".*[^A-Za-z0-9].*");
    // and the person logs in with it, but may do nothing before changing it
    ResponseEntity<String> beforeChange = rest.withBasicAuth(PERSON, password).getForEntity("/engine-rest/task",
        String.class);
    assertThat(beforeChange.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(beforeChange.getBody()).contains("PasswordChangeRequired");
    HttpHeaders json = new HttpHeaders();
    json.setContentType(MediaType.APPLICATION_JSON);
    assertThat(rest.withBasicAuth(PERSON, password).exchange("/engine-rest/user/" + PERSON + "/credentials",
        HttpMethod.PUT, new HttpEntity<>(Map.of("password", "Shinjin-2026!", "authenticatedUserPassword", password),
            json), String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(rest.withBasicAuth(PERSON, "Shinjin-2026!").getForEntity("/engine-rest/task", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
    // and who issued it for whom is recorded, the password nowhere: not in the record, not in the log
    assertThat(jdbc.queryForObject("select count(*) from audit_record where step = 'OneTimePasswordIssued' "
        + "and actor = 'suzuki' and comment like ?", Integer.class, "%" + PERSON + "%")).isEqualTo(1);
    assertThat(jdbc.queryForObject("select count(*) from audit_record where comment like ?", Integer.class,
        "%" + password + "%")).isZero();
    assertThat(output.getAll()).doesNotContain(password);
  }

  @Test
  void nobodyButASystemAdministratorGetsOneWhateverTheLoginPathOrRoot() {
    int records = issuedRecords();
    // another role, HTTP Basic: a department head and an employee
    for (String user : List.of(DemoOrganisation.DEVELOPMENT_HEAD, DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE,
        DemoOrganisation.PRODUCTION_CHIEF)) {
      ResponseEntity<String> refused = rest.withBasicAuth(user, DemoOrganisation.PASSWORD).postForEntity(PATH, null, String.class);
      assertThat(refused.getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(refused.getBody()).contains("システム管理者");
    }
    // no login
    assertThat(rest.postForEntity(PATH, null, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    // another spelling of the path
    for (String spelling : List.of(PATH + "/", "/api/accounts/" + PERSON + "/./one-time-password",
        "/api//accounts/" + PERSON + "/one-time-password", "/api/accounts/" + PERSON + "/ONE-TIME-PASSWORD",
        "/api/accounts/" + PERSON + "/one-time-password;x=1", "/api/accounts/%6Ftp-newcomer/one-time-password")) {
      assertThat(rest.withBasicAuth(DemoOrganisation.DEVELOPMENT_HEAD,
          DemoOrganisation.PASSWORD).postForEntity(spelling, null, String.class)
          .getStatusCode().is2xxSuccessful()).as(spelling).isFalse();
    }
    // the webapps' session: another role with the CSRF token, and the administrator without it
    WebappSession ito = new WebappSession(rest);
    ito.login(DemoOrganisation.DEVELOPMENT_HEAD, DemoOrganisation.PASSWORD, "tasklist");
    assertThat(ito.post(PATH, Map.of(), true).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    WebappSession suzuki = new WebappSession(rest);
    suzuki.login(DemoOrganisation.SYSTEM_ADMINISTRATOR, DemoOrganisation.PASSWORD, "tasklist");
    assertThat(suzuki.post(PATH, Map.of(), false).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    // the engine's own password change, on both API roots, for someone else's account
    HttpHeaders json = new HttpHeaders();
    json.setContentType(MediaType.APPLICATION_JSON);
    Map<String, String> credentials = Map.of("password", "Attacker-2026!", "authenticatedUserPassword", DemoOrganisation.PASSWORD);
    assertThat(rest.withBasicAuth(DemoOrganisation.DEVELOPMENT_HEAD,
        DemoOrganisation.PASSWORD).exchange("/engine-rest/user/" + PERSON + "/credentials",
        HttpMethod.PUT, new HttpEntity<>(credentials, json), String.class).getStatusCode().is2xxSuccessful())
        .isFalse();
    assertThat(ito.exchange(HttpMethod.PUT, "/camunda/api/engine/engine/default/user/" + PERSON + "/credentials",
        credentials).getStatusCode().is2xxSuccessful()).isFalse();

    // then nothing changed: still no password, nothing recorded
    assertThat(storedPassword()).isNull();
    assertThat(issuedRecords()).isEqualTo(records);
  }

  @Test
  void anUnknownUserIs404AndADisabledAccountIs409() throws Exception {
    ResponseEntity<String> unknown = rest.withBasicAuth(DemoOrganisation.SYSTEM_ADMINISTRATOR,
        DemoOrganisation.PASSWORD)
        .postForEntity("/api/accounts/nobody-here/one-time-password", null, String.class);
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    accounts.disable(PERSON, DemoOrganisation.SYSTEM_ADMINISTRATOR, "休職");
    ResponseEntity<String> disabled = rest.withBasicAuth(DemoOrganisation.SYSTEM_ADMINISTRATOR,
        DemoOrganisation.PASSWORD).postForEntity(PATH, null,
        String.class);
    assertThat(disabled.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    JsonNode body = JSON.readTree(disabled.getBody());
    assertThat(body.get("field").asText()).isEqualTo("userId");
    assertThat(body.get("message").asText()).contains("停止中", "5.1.7");
    assertThat(storedPassword()).isNull();
  }

  private String storedPassword() {
    return jdbc.queryForObject("select PWD_ from ACT_ID_USER where ID_ = ?", String.class, PERSON);
  }

  private int issuedRecords() {
    return jdbc.queryForObject("select count(*) from audit_record where step = 'OneTimePasswordIssued'",
        Integer.class);
  }
}
