package jp.sample.isms.periodicduty;

import java.io.IOException;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The 年間計画 page ({@code /plan/}, static HTML and JavaScript over {@code /api/periodic-duties}), served with the
 * auditor pages' strict content security policy (scripts only from this application, no framing).
 */
@Configuration
class PlanPages implements WebMvcConfigurer {

  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
      + "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/plan", "/plan/index.html");
    registry.addRedirectViewController("/plan/", "/plan/index.html");
  }

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> planPageSecurityHeaders() {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
        new OncePerRequestFilter() {
          @Override
          protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
              FilterChain chain) throws ServletException, IOException {
            response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("X-Frame-Options", "DENY");
            response.setHeader("Referrer-Policy", "no-referrer");
            chain.doFilter(request, response);
          }
        });
    registration.setName("plan-page-security-headers");
    registration.addUrlPatterns("/plan/*");
    return registration;
  }
}
