package jp.sample.isms.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

import jp.sample.isms.IsmsSpringBootTest;

/** The webapps send the security headers and cookie flags listed in SECURITY.md (HSTS: production profile). */
@IsmsSpringBootTest
class HeaderSecurityTest {

  @Autowired
  TestRestTemplate rest;

  @Test
  void webappPagesCarryTheSecurityHeaders() {
    ResponseEntity<String> page = rest.getForEntity("/camunda/app/tasklist/default/", String.class);
    HttpHeaders headers = page.getHeaders();
    assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(headers.getFirst("Content-Security-Policy")).contains("default-src 'self'").contains("object-src 'none'");
    assertThat(headers.getFirst("X-XSS-Protection")).isNotNull();
  }

  @Test
  void theSessionCookieIsHttpOnlyAndSameSite() {
    ResponseEntity<String> page = rest.getForEntity("/camunda/app/welcome/default/", String.class);
    String cookies = String.join("\n", page.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE));
    assertThat(cookies).contains("XSRF-TOKEN");
    assertThat(cookies).containsIgnoringCase("SameSite=Lax");
  }
}
