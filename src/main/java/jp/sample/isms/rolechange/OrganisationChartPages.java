package jp.sample.isms.rolechange;

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
 * The 組織体制図 page ({@code /organisation-chart/}, static HTML and JavaScript over {@code /api/organisation-chart}),
 * served with the audit pages' strict content security policy. The page holds no data.
 */
@Configuration
class OrganisationChartPages implements WebMvcConfigurer {

  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
      + "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/organisation-chart", "/organisation-chart/index.html");
    registry.addRedirectViewController("/organisation-chart/", "/organisation-chart/index.html");
  }

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> organisationChartSecurityHeaders() {
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
    registration.setName("organisation-chart-security-headers");
    registration.addUrlPatterns("/organisation-chart/*");
    return registration;
  }
}
