package jp.sample.isms.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every answer of {@code /api} names the configured zone, a refusal too: the pages format times in it. Other paths
 * (the pages themselves, the webapps) are not touched.
 */
class ProductTimeZoneHeaderTest {

  @Test
  void everyAnswerOfTheApiNamesTheConfiguredZone() throws Exception {
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new ProductTimeZoneHeader().productTimeZoneHeaderFilter(ZoneId.of("America/New_York"));
    assertThat(registration.getUrlPatterns()).containsExactly("/api/*");

    MockHttpServletResponse refused = new MockHttpServletResponse();
    registration.getFilter().doFilter(new MockHttpServletRequest("GET", "/api/my/requests"), refused,
        (request, response) -> ((MockHttpServletResponse) response).setStatus(401));
    assertThat(refused.getStatus()).isEqualTo(401);
    assertThat(refused.getHeader("Isms-Time-Zone")).isEqualTo("America/New_York");

    MockHttpServletResponse answered = new MockHttpServletResponse();
    registration.getFilter().doFilter(new MockHttpServletRequest("GET", "/api/audit/me"), answered,
        new MockFilterChain());
    assertThat(answered.getHeader(ProductTimeZoneHeader.HEADER)).isEqualTo("America/New_York");
  }
}
