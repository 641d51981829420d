package jp.sample.isms.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.support.DemoOrganisation;

/** Failed logins slow the address they come from, never the victim elsewhere (no lock-out of the president). */
@IsmsSpringBootTest
class LoginThrottleTest {

  @Autowired
  TestRestTemplate rest;

  private int call(String address, String user, String password) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, password);
    headers.set("X-Forwarded-For", address);
    ResponseEntity<String> response = rest.exchange("/engine-rest/task/count", HttpMethod.GET,
        new HttpEntity<>(headers), String.class);
    return response.getStatusCode().value();
  }

  @Test
  void tenBadCallsAgainstThePresidentDoNotLockHimOut() {
    String attacker = "198.51.100.7";
    int refused = 0;
    int throttled = 0;
    for (int i = 0; i < 10; i++) {
      int status = call(attacker, DemoOrganisation.PRESIDENT, "guess-" + i);
      if (status == 401) {
        refused++;
      } else if (status == 429) {
        throttled++;
      }
    }
    System.out.printf("10 bad logins for tanaka from one address: %d answered 401, %d answered 429%n", refused,
        throttled);
    // the attacker's address is slowed after three failures
    assertThat(refused).isEqualTo(3);
    assertThat(throttled).isEqualTo(7);
    assertThat(call(attacker, DemoOrganisation.PRESIDENT, DemoOrganisation.PASSWORD)).isEqualTo(429);
    // the president, from his own desk, logs in at once
    assertThat(call("203.0.113.10", DemoOrganisation.PRESIDENT, DemoOrganisation.PASSWORD)).isEqualTo(200);
  }
}
