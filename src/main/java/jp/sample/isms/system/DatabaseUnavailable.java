package jp.sample.isms.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The database is away (restart, failover, network) or saturated (pool timeout): the client gets 503 with
 * Retry-After and a Japanese message, never a 500 it cannot act on. {@link RestErrorMapping} answers so inside the
 * REST API; the filter here answers so for what fails before it, e.g. the HTTP Basic check of the engine's
 * authentication filter, and for the product's own /api.
 */
@Configuration
class DatabaseUnavailable {

  static final String RETRY_AFTER_SECONDS = "5";
  static final String MESSAGE = "一時的に混み合っているか、データベースに接続できません。しばらくしてから再度お試しください"
      + " (service temporarily unavailable)";

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseUnavailable.class);

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> databaseUnavailableFilter() {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Answer503());
    registration.setName("database-unavailable");
    registration.addUrlPatterns("/engine-rest/*", "/api/*", "/camunda/api/*");
    // outside the login throttle (5) and the REST authentication (10), which ask the database first
    registration.setOrder(1);
    return registration;
  }

  /**
   * Whether {@code failure} or one of its causes says the database cannot be reached or gave no connection: the
   * pool's timeout, a refused or broken connection (SQL state class 08), the server shutting down or starting
   * (57P01–57P03), or out of resources (class 53); also behind a failed rollback, which overrides the exception
   * that made the transaction fail.
   */
  static boolean causedBy(Throwable failure) {
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    Deque<Throwable> todo = new ArrayDeque<>();
    todo.add(failure);
    while (!todo.isEmpty()) {
      Throwable cause = todo.poll();
      if (seen.put(cause, true) != null) {
        continue;
      }
      if (unavailable(cause)) {
        return true;
      }
      if (cause.getCause() != null) {
        todo.add(cause.getCause());
      }
      // a failed rollback hides why the transaction failed: the application exception it overrode
      if (cause instanceof TransactionSystemException system && system.getApplicationException() != null) {
        todo.add(system.getApplicationException());
      }
      if (cause instanceof SQLException sql && sql.getNextException() != null) {
        todo.add(sql.getNextException());
      }
      todo.addAll(Arrays.asList(cause.getSuppressed()));
    }
    return false;
  }

  private static boolean unavailable(Throwable cause) {
    if (cause instanceof java.sql.SQLTransientConnectionException
        || cause instanceof java.sql.SQLNonTransientConnectionException
        || cause instanceof org.springframework.transaction.CannotCreateTransactionException
        || cause instanceof org.springframework.jdbc.CannotGetJdbcConnectionException
        || cause instanceof java.net.ConnectException) {
      return true;
    }
    if (cause instanceof SQLException sql) {
      String state = sql.getSQLState();
      if (state == null) {
        // the pool's stand-in for a connection it has already evicted as broken (HikariCP, no SQL state)
        return "Connection is closed".equals(sql.getMessage());
      }
      return state.startsWith("08") || state.startsWith("53") || state.equals("57P01") || state.equals("57P02")
          || state.equals("57P03");
    }
    return false;
  }

  static final class Answer503 extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      try {
        chain.doFilter(request, response);
      } catch (ServletException | RuntimeException e) {
        if (!causedBy(e) || response.isCommitted()) {
          throw e;
        }
        LOG.warn("database unavailable, 503 for {} {}: {}", request.getMethod(), request.getRequestURI(),
            rootMessage(e));
        response.reset();
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        response.setContentType("application/json;charset=UTF-8");
        response.getOutputStream().write(("{\"type\":\"DatabaseUnavailable\",\"message\":\"" + MESSAGE + "\"}")
            .getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  private static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.toString();
  }
}
