package jp.sample.isms.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Camunda Admin's set-up of a first administrator is not offered. On a database without users Camunda Admin would let
 * anybody who reaches the server first create a user with a password of their choosing in {@code camunda-admin}
 * ({@code POST /camunda/api/admin/setup/{engine}/user/create}, and the page {@code /camunda/app/admin/{engine}/setup/}
 * that sends it). The product makes its first system administrator only with {@code isms.bootstrap.administrator}
 * ({@code administration.FirstAdministrator}: a person of the imported organisation, with a one-time password), and
 * nobody sets another person's password ({@code organisation.PasswordChanges}). So every request below Camunda Admin
 * whose path names the set-up resource is 403 for everybody, before the CSRF check and before Camunda sees it; the
 * path is read both as the servlet container mapped it and as the REST API decodes it (path parameters {@code ;x}
 * dropped, each segment percent-decoded once, doubled slashes collapsed, the fixed segments in any case), and a
 * spelling only an attacker uses (dot segments, double encoding, encoded separators) is 400.
 */
@Configuration
class CamundaAdminSetupRefusal {

  private static final Logger LOG = LoggerFactory.getLogger(CamundaAdminSetupRefusal.class);

  /** What a refusal says. */
  static final String REFUSED = "Camunda Admin の初期管理者設定は使えません。最初のシステム管理者は設定 "
      + "isms.bootstrap.administrator (ISMS_BOOTSTRAP_ADMINISTRATOR) で作ります (運用手順 docs/operations.md 3) "
      + "(Camunda Admin's set-up of a first administrator is not offered: the first system administrator is made with "
      + "the setting isms.bootstrap.administrator, see docs/operations.md section 3)";

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> camundaAdminSetupRefusalFilter() {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Refusal());
    registration.setName("camunda-admin-setup-refusal");
    // every request the servlet container hands to Camunda Admin's REST API or pages
    registration.addUrlPatterns("/camunda/api/admin/*", "/camunda/app/admin/*");
    // before the webapps' CSRF check: the answer is the same with or without a token
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  static final class Refusal extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      boolean setup;
      try {
        setup = isSetup(EngineApiPath.segments(request.getContextPath(), request.getRequestURI()))
            || isSetup(mappedSegments(request));
      } catch (EngineApiPath.Unacceptable e) {
        answer(response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException",
            "このパスの表記は受け付けられません (path refused: " + e.getMessage() + ")");
        return;
      }
      if (setup) {
        String uri = request.getRequestURI();
        LOG.warn("refused Camunda Admin's set-up of a first administrator: {} {} from {}", request.getMethod(),
            uri.length() > 200 ? uri.substring(0, 200) + "…" : uri, request.getRemoteAddr());
        answer(response, HttpServletResponse.SC_FORBIDDEN, "AuthorizationException", REFUSED);
        return;
      }
      chain.doFilter(request, response);
    }

    /** The path as the servlet container mapped it (decoded, path parameters and dot segments removed). */
    private static List<String> mappedSegments(HttpServletRequest request) {
      String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
      List<String> segments = new ArrayList<>();
      for (String segment : path.split("/")) {
        if (!segment.isEmpty()) {
          segments.add(segment);
        }
      }
      return segments;
    }
  }

  /**
   * Whether {@code segments} name Camunda Admin's set-up: {@code camunda/api/admin/setup/…} (the REST resource) or
   * {@code camunda/app/admin/{engine}/setup…} (its page), in any case.
   */
  static boolean isSetup(List<String> segments) {
    if (segments.size() < 4 || !segments.get(0).equalsIgnoreCase("camunda")
        || !segments.get(2).equalsIgnoreCase("admin")) {
      return false;
    }
    if (segments.get(1).equalsIgnoreCase("api")) {
      return segments.get(3).equalsIgnoreCase("setup");
    }
    return segments.get(1).equalsIgnoreCase("app") && segments.size() >= 5
        && segments.get(4).equalsIgnoreCase("setup");
  }

  private static void answer(HttpServletResponse response, int status, String type, String message)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/json;charset=UTF-8");
    response.getOutputStream().write(("{\"type\":\"" + type + "\",\"message\":\"" + message.replace("\"", "\\\"")
        + "\"}").getBytes(StandardCharsets.UTF_8));
  }
}
