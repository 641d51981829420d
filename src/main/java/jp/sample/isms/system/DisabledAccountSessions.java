package jp.sample.isms.system;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
 * An open webapp session of a user whose account was disabled ends at their next request, at the latest
 * {@code isms.accounts.session-check-interval} (30 s) after the disabling: the session is invalidated, 401.
 */
@Configuration
class DisabledAccountSessions {

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> disabledAccountSessionFilter(AccountStates accounts,
      @org.springframework.beans.factory.annotation.Value("${isms.accounts.session-check-interval:PT30S}")
      java.time.Duration interval) {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
        new Guard(accounts, interval.toMillis()));
    registration.setName("disabled-account-sessions");
    registration.addUrlPatterns("/camunda/*");
    registration.setOrder(Ordered.LOWEST_PRECEDENCE);
    return registration;
  }

  static final class Guard extends OncePerRequestFilter {

    private record State(boolean disabled, long checkedAt) {
    }

    private final AccountStates accounts;
    private final long cacheMillis;
    private final Map<String, State> cache = new ConcurrentHashMap<>();

    Guard(AccountStates accounts, long cacheMillis) {
      this.accounts = accounts;
      this.cacheMillis = cacheMillis;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      HttpSession existing = request.getSession(false);
      Authentications authentications = existing == null ? null : AuthenticationUtil.getAuthsFromSession(existing);
      if (authentications != null) {
        for (UserAuthentication user : authentications.getAuthentications()) {
          if (disabled(user.getName())) {
            HttpSession session = request.getSession(false);
            if (session != null) {
              session.invalidate();
            }
            Authentications.clearCurrent();
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setContentType("application/json;charset=UTF-8");
            response.getOutputStream().write("{\"message\":\"アカウントが停止されています (the account is disabled)\"}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return;
          }
        }
      }
      chain.doFilter(request, response);
    }

    private boolean disabled(String userId) {
      long now = System.currentTimeMillis();
      State state = cache.get(userId);
      if (state == null || now - state.checkedAt() >= cacheMillis) {
        state = new State(accounts.isDisabled(userId), now);
        cache.put(userId, state);
      }
      return state.disabled();
    }
  }
}
