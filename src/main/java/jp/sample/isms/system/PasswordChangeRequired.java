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
import jp.sample.isms.organisation.PasswordExpiry;

/**
 * 5.1.8: a user whose password was set by someone else (new account, reset), or whose password has expired
 * ({@code isms.password.max-age} without a change), may do nothing but change it, on the REST API and in the webapps
 * (Welcome → プロフィール → パスワードを変更), until they have. Checked on every request against the database, so
 * neither the verified-login cache of {@link IsmsIdentityProvider} nor an open webapp session lets a lapsed password
 * through, and a change lifts the lapse at once on every node.
 */
@Configuration
class PasswordChangeRequired {

  /** What a user who must change the password may still call: their profile, the policy, the change itself, login. */
  private static final Pattern ALLOWED = Pattern.compile(
      ".*/user/[^/]+/(credentials|profile)$|.*/identity/password-policy$|/camunda/api/admin/auth/.*|/camunda/app/.*"
          + "|/camunda/assets/.*|/camunda/lib/.*|/camunda/api/engine/engine/?$|/engine-rest/engine/?$");

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> passwordChangeRequiredFilter(AccountStates accounts,
      PasswordExpiry expiry, IdentityService identityService,
      @org.springframework.beans.factory.annotation.Value("${isms.sso.enabled:false}") boolean sso,
      @org.springframework.beans.factory.annotation.Value("${isms.sso.break-glass-user:}") String breakGlassUser) {
    // with single sign-on the IdP's password rules apply (docs/sso.md); a local password is only the break-glass
    // administrator's, whose age and first change are still enforced here
    java.util.function.Predicate<String> localPassword = sso ? breakGlassUser::equals : user -> true;
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
        new Guard(accounts, expiry, identityService, localPassword));
    registration.setName("password-change-required");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*", "/api/*");
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 1);
    return registration;
  }

  static final class Guard extends OncePerRequestFilter {

    private final AccountStates accounts;
    private final PasswordExpiry expiry;
    private final IdentityService identityService;
    private final java.util.function.Predicate<String> localPassword;

    Guard(AccountStates accounts, PasswordExpiry expiry, IdentityService identityService,
        java.util.function.Predicate<String> localPassword) {
      this.accounts = accounts;
      this.expiry = expiry;
      this.identityService = identityService;
      this.localPassword = localPassword;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String path = request.getRequestURI().substring(request.getContextPath().length());
      String user = user(request);
      if (user != null && localPassword.test(user) && !ALLOWED.matcher(path).matches()) {
        AccountStates.PasswordState password = accounts.password(user);
        if (expiry.isExpired(password.changedAt(), java.time.Instant.now())) {
          refuse(response, "PasswordExpired", "パスワードの有効期限 ("
              + expiry.format(expiry.expiresAt(password.changedAt())) + ") が切れたため、パスワードは失効しています"
              + " (5.1.8: 一定期間更新のないパスワードの失効)。パスワードを変更するまで、ほかの操作はできません。"
              + "Welcome → プロフィール → パスワードを変更 から変更してください (Your password has expired: change it in "
              + "Welcome → Profile → Change password)");
          return;
        }
        if (password.mustChange()) {
          refuse(response, "PasswordChangeRequired", "パスワードを変更してからご利用ください (5.1.8: 初回ログイン・"
              + "再設定後のパスワード変更)。Welcome のプロフィールから変更できます");
          return;
        }
      }
      chain.doFilter(request, response);
    }

    private static void refuse(HttpServletResponse response, String type, String message) throws IOException {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      response.setContentType("application/json;charset=UTF-8");
      // no quotes or backslashes in the messages: plain concatenation is valid JSON
      response.getOutputStream().write(("{\"type\":\"" + type + "\",\"message\":\"" + message + "\"}")
          .getBytes(StandardCharsets.UTF_8));
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
