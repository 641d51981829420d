package jp.sample.isms.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Login throttling that slows the attacker, not the victim (SECURITY.md): wrong passwords are counted per source
 * address and user, and per source address; from {@code threshold} failures on, that address waits (base, doubling,
 * at most max) before it may try again (429). Another address — the president at their desk — is not affected; the
 * engine's own per-user delay and permanent lock are off. Counts live in each node's memory and reset on success.
 */
@Configuration
class LoginThrottle {

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> loginThrottleFilter(
      @Value("${isms.login.throttle.threshold:3}") int threshold,
      @Value("${isms.login.throttle.address-threshold:20}") int addressThreshold,
      @Value("${isms.login.throttle.base:PT1S}") Duration base,
      @Value("${isms.login.throttle.max:PT5M}") Duration max,
      @Value("${isms.login.throttle.window:PT15M}") Duration window) {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
        new Throttle(threshold, addressThreshold, base.toMillis(), max.toMillis(), window.toMillis()));
    registration.setName("login-throttle");
    registration.addUrlPatterns("/engine-rest/*", "/api/*", "/camunda/api/admin/auth/user/*");
    // before the REST authentication, so that it sees the answer to the credentials
    registration.setOrder(5);
    return registration;
  }

  static final class Throttle extends OncePerRequestFilter {

    private record Failures(int count, long last) {
    }

    private final int threshold;
    private final int addressThreshold;
    private final long base;
    private final long max;
    /** Failures older than this are forgotten: an office behind one address is not slowed by last month's typos. */
    private final long window;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    Throttle(int threshold, int addressThreshold, long base, long max, long window) {
      this.threshold = threshold;
      this.addressThreshold = addressThreshold;
      this.base = base;
      this.max = max;
      this.window = window;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String user = user(request);
      if (user == null) {
        chain.doFilter(request, response);
        return;
      }
      String address = request.getRemoteAddr();
      long wait = Math.max(wait(address + "|" + user, threshold), wait(address, addressThreshold));
      if (wait > 0) {
        response.setStatus(429);
        response.setHeader("Retry-After", String.valueOf((wait + 999) / 1000));
        response.setContentType("application/json;charset=UTF-8");
        response.getOutputStream().write(("{\"message\":\"ログインの失敗が続いたため、" + ((wait + 999) / 1000)
            + "秒後に再度お試しください (too many failed logins from this address)\"}").getBytes(StandardCharsets.UTF_8));
        return;
      }
      chain.doFilter(request, response);
      if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
        fail(address + "|" + user);
        fail(address);
      } else if (response.getStatus() < 400) {
        failures.remove(address + "|" + user);
      }
    }

    private long wait(String key, int limit) {
      Failures f = failures.get(key);
      if (f != null && System.currentTimeMillis() - f.last() > window) {
        failures.remove(key, f);
        return 0;
      }
      if (f == null || f.count() < limit) {
        return 0;
      }
      long delay = Math.min(max, base << Math.min(f.count() - limit, 20));
      return f.last() + delay - System.currentTimeMillis();
    }

    private void fail(String key) {
      failures.merge(key, new Failures(1, System.currentTimeMillis()),
          (old, one) -> one.last() - old.last() > window ? one : new Failures(old.count() + 1, one.last()));
    }

    /** The user of Basic credentials, or of the webapps' login form; null for a request without credentials. */
    private static String user(HttpServletRequest request) {
      String header = request.getHeader("Authorization");
      if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
        try {
          String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
          int colon = decoded.indexOf(':');
          return colon < 0 ? decoded : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
          return "?";
        }
      }
      if ("POST".equals(request.getMethod()) && request.getRequestURI().contains("/login/")) {
        String name = request.getParameter("username");
        return name == null ? "?" : name;
      }
      return null;
    }
  }
}
