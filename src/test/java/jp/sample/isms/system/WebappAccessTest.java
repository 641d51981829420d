package jp.sample.isms.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.support.DemoOrganisation;

/** Every demo user logs in to Tasklist; only system administrators (camunda-admin) get Cockpit and Admin. */
@IsmsSpringBootTest
class WebappAccessTest {

  @Autowired
  TestRestTemplate rest;

  @ParameterizedTest(name = "{0} → {1}: {2}")
  @CsvSource({
      "yamamoto,  tasklist, OK",
      "kato,      tasklist, OK",
      "kobayashi, tasklist, OK",
      "ito,       tasklist, OK",
      "watanabe,  tasklist, OK",
      "nakamura,  tasklist, OK",
      "takahashi, tasklist, OK",
      "sato,      tasklist, OK",
      "tanaka,    tasklist, OK",
      "suzuki,    tasklist, OK",
      "yamamoto,  cockpit,  FORBIDDEN",
      "yamamoto,  admin,    FORBIDDEN",
      "ito,       admin,    FORBIDDEN",
      "tanaka,    cockpit,  FORBIDDEN",
      "nakamura,  cockpit,  FORBIDDEN",
      "suzuki,    cockpit,  OK",
      "suzuki,    admin,    OK"})
  void webappLogin(String user, String app, HttpStatus expected) {
    assertThat(login(user, DemoOrganisation.PASSWORD, app).getStatusCode()).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"yamamoto, tasklist", "suzuki, admin"})
  void aWrongPasswordDoesNotLogIn(String user, String app) {
    assertThat(login(user, "not-the-password", app).getStatusCode().is2xxSuccessful()).isFalse();
  }

  private ResponseEntity<String> login(String user, String password, String app) {
    return new WebappSession(rest).login(user, password, app);
  }
}
