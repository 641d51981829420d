package jp.sample.isms.system;

import java.io.IOException;
import java.time.ZoneId;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Every answer of the product's {@code /api} names the product's zone ({@code isms.time-zone}) in the header
 * {@value #HEADER}: the pages' JavaScript (the audit pages, 申請一覧, 年間計画, 組織体制図, プロセス設計 and the
 * Tasklist extensions) formats every time in that zone, never in the browser's own and never in a zone of its own. The
 * pages learn it from the answer that brings the times, so it needs no call and no inline script of its own. Set
 * before anything else answers, so that a refusal (401, 403) carries it too.
 */
@Configuration(proxyBeanMethods = false)
class ProductTimeZoneHeader {

  /** The header's name; its value is the zone's IANA id, e.g. {@code Asia/Tokyo}. */
  static final String HEADER = "Isms-Time-Zone";

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> productTimeZoneHeaderFilter(ZoneId productZone) {
    String zone = productZone.getId();
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        response.setHeader(HEADER, zone);
        chain.doFilter(request, response);
      }
    });
    registration.setName("product-time-zone-header");
    registration.addUrlPatterns("/api/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }
}
