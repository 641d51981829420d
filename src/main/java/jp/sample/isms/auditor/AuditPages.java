package jp.sample.isms.auditor;

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
 * The auditor's pages ({@code /audit/}, static HTML and JavaScript over {@code /api/audit}) and 申請一覧 ({@code /my/},
 * over {@code /api/my}): {@code /audit} opens the search, {@code /my} the list, and the pages are served with a strict
 * content security policy (scripts only from this application, no framing), since they show what the record holds.
 */
@Configuration
class AuditPages implements WebMvcConfigurer {

  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
      // bpmn-js positions the diagram with style attributes
      + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
      + "form-action 'self'; frame-ancestors 'none'";

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/audit", "/audit/index.html");
    registry.addRedirectViewController("/audit/", "/audit/index.html");
    registry.addRedirectViewController("/my", "/my/index.html");
    registry.addRedirectViewController("/my/", "/my/index.html");
  }

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> auditPagesSecurityHeaders() {
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
    registration.setName("audit-pages-security-headers");
    registration.addUrlPatterns("/audit/*", "/my/*");
    return registration;
  }
}
