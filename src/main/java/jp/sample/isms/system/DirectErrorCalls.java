package jp.sample.isms.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Spring's error page {@code /error} is reached by the container's error dispatch only; called directly it has no
 * status to report and would answer 500 ("status 999"): such a call is 404.
 */
@Configuration
class DirectErrorCalls {

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> directErrorCallsFilter() {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws IOException {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        response.setContentType("application/json;charset=UTF-8");
        response.getOutputStream().write("{\"type\":\"NotFound\",\"message\":\"ページが見つかりません (not found)\"}"
            .getBytes(StandardCharsets.UTF_8));
      }
    });
    registration.setName("direct-error-calls");
    registration.addUrlPatterns("/error", "/error/*");
    // the container's own error dispatch (DispatcherType.ERROR) passes; only a client's request is answered here
    registration.setDispatcherTypes(DispatcherType.REQUEST);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }
}
