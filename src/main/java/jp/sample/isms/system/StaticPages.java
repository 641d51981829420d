package jp.sample.isms.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jp.sample.isms.organisation.Role;

/**
 * The product's static pages that hold no data themselves (HTML and JavaScript over the product's {@code /api}):
 * 年間計画 ({@code /plan/}), 組織体制図 ({@code /organisation-chart/}) and プロセス設計 ({@code /design/}). Each is
 * opened by its folder, served with a strict content security policy (scripts only from this application, no inline
 * script, no framing), and a page for one audience answers everybody else with a 403 page in Japanese before any file
 * of it is sent: プロセス設計 is for the process owners (情報セキュリティ委員会, 1.4) only.
 */
@Configuration
public class StaticPages implements WebMvcConfigurer {

  /** Scripts and styles only from this application. */
  static final String STRICT_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
      + "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  /**
   * The editors of bpmn.io (bpmn-js, dmn-js, form-js) position and size their elements with style attributes:
   * inline styles are allowed, inline script is not.
   */
  static final String EDITOR_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
      + "img-src 'self' data:; font-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; "
      + "frame-ancestors 'none'";

  /**
   * A page: its folder, its content security policy, and the engine group a user must be in to open it (null: anybody
   * may load the page, its API decides what they see).
   */
  record Page(String folder, String policy, String group, String forbiddenJa, String forbiddenEn) {

    boolean contains(String path) {
      return path.equals(folder) || path.startsWith(folder + "/");
    }
  }

  static final List<Page> PAGES = List.of(
      new Page("/plan", STRICT_POLICY, null, null, null),
      new Page("/organisation-chart", STRICT_POLICY, null, null, null),
      new Page("/design", EDITOR_POLICY, Role.PROCESS_OWNER.groupId(null),
          "プロセス設計はプロセスオーナー (情報セキュリティ委員会: 情報セキュリティ責任者とシステム管理者) のみが利用できます (1.4)。",
          "The process design workbench is for the process owners only (1.4)."));

  private static final String ENGINE = "default";

  private final IdentityService identityService;

  StaticPages(@Lazy IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    for (Page page : PAGES) {
      registry.addRedirectViewController(page.folder(), page.folder() + "/index.html");
      registry.addRedirectViewController(page.folder() + "/", page.folder() + "/index.html");
    }
  }

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> staticPagesSecurityHeaders() {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
        new OncePerRequestFilter() {
          @Override
          protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
              FilterChain chain) throws ServletException, IOException {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            Page page = PAGES.stream().filter(p -> p.contains(path)).findFirst().orElse(null);
            if (page == null) {
              chain.doFilter(request, response);
              return;
            }
            response.setHeader("Content-Security-Policy", page.policy());
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("X-Frame-Options", "DENY");
            response.setHeader("Referrer-Policy", "no-referrer");
            if (page.group() != null && !mayOpen(request, page.group())) {
              forbidden(response, page);
              return;
            }
            chain.doFilter(request, response);
          }
        });
    registration.setName("static-pages-security-headers");
    registration.addUrlPatterns(PAGES.stream().flatMap(p -> java.util.stream.Stream.of(p.folder(), p.folder() + "/*"))
        .toArray(String[]::new));
    return registration;
  }

  /**
   * Whether the caller may open a page of the group: a user logged in to the webapps (or sending HTTP Basic
   * credentials) who is a member. Without any login the page is sent: it holds no data, and its first API call takes
   * the browser to the login; a wrong password or a user outside the group is refused.
   */
  private boolean mayOpen(HttpServletRequest request, String group) {
    String authorization = request.getHeader("Authorization");
    if (authorization != null) {
      String user = basicUser(authorization);
      return user != null && identityService.createGroupQuery().groupMember(user).list().stream()
          .map(Group::getId).anyMatch(group::equals);
    }
    HttpSession session = request.getSession(false);
    Authentications authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
    if (authentications != null
        && authentications.getAuthenticationForProcessEngine(ENGINE) instanceof UserAuthentication user) {
      return user.getGroupIds() != null && user.getGroupIds().contains(group);
    }
    return true;
  }

  /** The user of valid HTTP Basic credentials; null for anything else. */
  private String basicUser(String authorization) {
    if (!authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
          StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      if (colon <= 0) {
        return null;
      }
      String user = decoded.substring(0, colon);
      return identityService.checkPassword(user, decoded.substring(colon + 1)) ? user : null;
    } catch (IllegalArgumentException malformed) {
      return null;
    }
  }

  private static void forbidden(HttpServletResponse response, Page page) throws IOException {
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    response.setContentType("text/html;charset=UTF-8");
    response.setHeader("Cache-Control", "no-store");
    String html = "<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\"><title>アクセスできません (403)</title>"
        + "</head><body><h1>アクセスできません (403 Forbidden)</h1><p>" + page.forbiddenJa() + "</p><p lang=\"en\">"
        + page.forbiddenEn() + "</p><p><a href=\"/camunda/app/tasklist/default/\">Tasklist に戻る</a></p></body></html>";
    response.getOutputStream().write(html.getBytes(StandardCharsets.UTF_8));
  }
}
