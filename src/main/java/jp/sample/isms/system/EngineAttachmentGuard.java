package jp.sample.isms.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import jp.sample.isms.organisation.OrganisationGroups;

/**
 * The engine's attachment API checks no ownership and no format: anyone who may update a task could replace or delete
 * another person's certificate through it. Writing attachments through the engine REST API (both roots) is left to
 * administrators; everybody else uses {@code /api/requests/{request}/attachments}, which checks both.
 */
@Configuration
class EngineAttachmentGuard {

  private static final Pattern ATTACHMENT = Pattern.compile(".*/task/[^/]+/attachment(/.*)?");

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> engineAttachmentGuardFilter(@Lazy IdentityService identityService) {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())
            && ATTACHMENT.matcher(path).matches() && !isAdministrator(identityService)) {
          response.setStatus(HttpServletResponse.SC_FORBIDDEN);
          response.setContentType("application/json;charset=UTF-8");
          response.getOutputStream().write(("{\"type\":\"AuthorizationException\",\"message\":\"添付ファイルの追加・削除は"
              + " /api/requests/{申請}/attachments から行ってください (attachments are written through the product API)\"}")
              .getBytes(StandardCharsets.UTF_8));
          return;
        }
        chain.doFilter(request, response);
      }
    });
    registration.setName("engine-attachment-guard");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    // after the authentication filters: the user is known
    registration.setOrder(Ordered.LOWEST_PRECEDENCE);
    return registration;
  }

  private static boolean isAdministrator(IdentityService identityService) {
    var engineAuthentication = identityService.getCurrentAuthentication();
    if (engineAuthentication != null && engineAuthentication.getGroupIds() != null) {
      return engineAuthentication.getGroupIds().contains(OrganisationGroups.CAMUNDA_ADMIN);
    }
    Authentications webapp = Authentications.getCurrent();
    if (webapp != null) {
      for (UserAuthentication user : webapp.getAuthentications()) {
        if (user.getGroupIds() != null && user.getGroupIds().contains(OrganisationGroups.CAMUNDA_ADMIN)) {
          return true;
        }
      }
    }
    return false;
  }
}
