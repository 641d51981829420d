package jp.sample.isms.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.support.DemoOrganisation;

/**
 * Same answer, same time: a wrong password for an existing user and any password for an unknown user both answer 401
 * after one bcrypt comparison, so the time of the answer does not tell which user names exist. Medians of repeated
 * logins over HTTP Basic, each from an address of its own (the login throttle slows an address after three failures).
 */
@IsmsSpringBootTest
class LoginTimingTest {

  private static final int LOGINS = 15;

  @Autowired
  TestRestTemplate rest;

  private int address;

  private long login(String user, String password) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, password);
    address++;
    headers.set("X-Forwarded-For", "198.18." + (address / 250) + "." + (1 + address % 250));
    long start = System.nanoTime();
    ResponseEntity<String> response = rest.exchange("/engine-rest/task/count", HttpMethod.GET,
        new HttpEntity<>(headers), String.class);
    long nanos = System.nanoTime() - start;
    assertThat(response.getStatusCode().value()).isEqualTo(401);
    return nanos;
  }

  private static double medianMillis(List<Long> nanos) {
    List<Long> sorted = nanos.stream().sorted().toList();
    return sorted.get(sorted.size() / 2) / 1_000_000.0;
  }

  @Test
  void unknownAndKnownUsersCostTheSame() {
    // warm up both paths (class loading, the first bcrypt)
    login(DemoOrganisation.DESIGN_EMPLOYEE, "wrong-warm-up");
    login("no-such-user", "wrong-warm-up");
    List<Long> known = new ArrayList<>();
    List<Long> unknown = new ArrayList<>();
    // interleaved, so that load from elsewhere on the machine falls on both alike
    for (int i = 0; i < LOGINS; i++) {
      known.add(login(DemoOrganisation.DESIGN_EMPLOYEE, "wrong-" + i));
      unknown.add(login("nobody-" + i, "wrong-" + i));
    }
    double knownMedian = medianMillis(known);
    double unknownMedian = medianMillis(unknown);
    System.out.printf("login 401 medians of %d: existing user %.1f ms, unknown user %.1f ms%n", LOGINS, knownMedian,
        unknownMedian);
    assertThat(Math.max(knownMedian, unknownMedian) / Math.min(knownMedian, unknownMedian)).isLessThanOrEqualTo(2.0);
  }
}
