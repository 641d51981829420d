package jp.sample.isms.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import jp.sample.isms.organisation.AccountStates;

/**
 * 5.1.8: a user whose password was set by someone else (new account, reset) may do nothing but change it, on the REST
 * API and in the webapps (Welcome → プロフィール → パスワードの変更), until they have.
 */
@Configuration
class PasswordChangeRequired {

  /** What a user who must change the password may still call: their profile, the policy, the change itself, login. */
  private static final Pattern ALLOWED = Pattern.compile(
      ".*/user/[^/]+/(credentials|profile)$|.*/identity/password-policy$|/camunda/api/admin/auth/.*|/camunda/app/.*"
          + "|/camunda/assets/.*|/camunda/lib/.*|/camunda/api/engine/engine/?$|/engine-rest/engine/?$");

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> passwordChangeRequiredFilter(AccountStates accounts,
      IdentityService identityService) {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
        new Guard(accounts, identityService));
    registration.setName("password-change-required");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*", "/api/*");
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 1);
    return registration;
  }

  static final class Guard extends OncePerRequestFilter {

    private final AccountStates accounts;
    private final IdentityService identityService;

    Guard(AccountStates accounts, IdentityService identityService) {
      this.accounts = accounts;
      this.identityService = identityService;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String path = request.getRequestURI().substring(request.getContextPath().length());
      String user = user(request);
      if (user != null && !ALLOWED.matcher(path).matches() && accounts.mustChangePassword(user)) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("application/json;charset=UTF-8");
        response.getOutputStream().write(("{\"type\":\"PasswordChangeRequired\",\"message\":\"パスワードを変更してから"
            + "ご利用ください (5.1.8: 初回ログイン・再設定後のパスワード変更)。Welcome のプロフィールから変更できます\"}")
            .getBytes(StandardCharsets.UTF_8));
        return;
      }
      chain.doFilter(request, response);
    }

    private String user(HttpServletRequest request) {
      var engine = identityService.getCurrentAuthentication();
      if (engine != null) {
        return engine.getUserId();
      }
      HttpSession session = request.getSession(false);
      Authentications webapp = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
      if (webapp != null) {
        for (UserAuthentication authentication : webapp.getAuthentications()) {
          return authentication.getName();
        }
      }
      return null;
    }
  }
}
