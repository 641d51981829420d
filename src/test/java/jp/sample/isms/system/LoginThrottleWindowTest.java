package jp.sample.isms.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The throttle's count per source address: from its threshold on, an address whose wrong passwords pile up waits;
 * failures older than the window are forgotten, so an office behind one address is not slowed by old typos.
 */
class LoginThrottleWindowTest {

  private static final String OFFICE = "192.0.2.50";

  @Test
  void anAddressWithManyRecentFailuresWaitsAndOldFailuresAreForgotten() throws Exception {
    // per person 3, per address 5, waits of 1 minute, failures forgotten after 300 ms
    LoginThrottle.Throttle throttle = new LoginThrottle.Throttle(3, 5, 60_000, 300_000, 300);
    // five people behind the office's address each mistype once
    for (int i = 0; i < 5; i++) {
      assertThat(call(throttle, "person" + i, 401)).isEqualTo(401);
    }
    // the sixth is slowed: the address has had five failures just now
    assertThat(call(throttle, "person5", 200)).isEqualTo(429);

    Thread.sleep(400);
    // past the window the office's old failures no longer count
    assertThat(call(throttle, "person5", 200)).isEqualTo(200);
    assertThat(call(throttle, "person6", 401)).isEqualTo(401);
    assertThat(call(throttle, "person7", 200)).isEqualTo(200);
  }

  /** One login attempt from the office as {@code user}; the application answers {@code answer} if it is reached. */
  private static int call(LoginThrottle.Throttle throttle, String user, int answer) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/engine-rest/task/count");
    request.setRequestURI("/engine-rest/task/count");
    request.setRemoteAddr(OFFICE);
    request.addHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":x")
        .getBytes(StandardCharsets.UTF_8)));
    MockHttpServletResponse response = new MockHttpServletResponse();
    throttle.doFilter(request, response, (req, res) -> ((MockHttpServletResponse) res).setStatus(answer));
    return response.getStatus();
  }
}
