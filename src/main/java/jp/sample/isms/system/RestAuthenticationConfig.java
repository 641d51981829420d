package jp.sample.isms.system;

import java.io.IOException;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import jp.sample.isms.organisation.AccountStates;

/**
 * The REST API is open by default in Camunda 7: every call under /engine-rest must carry HTTP Basic credentials.
 * The product's own /api also accepts the session of a user logged in to the webapps (the Tasklist plugins and the
 * pages under /audit/ and /my/ call it), with the webapps' CSRF token on every modifying request.
 */
@Configuration
class RestAuthenticationConfig {

  /**
   * Who sent a call without a session: HTTP Basic with the product's passwords, or with single sign-on (profile sso)
   * the validated bearer token (or the break-glass administrator's Basic login) that Spring Security found.
   */
  private final String provider;

  RestAuthenticationConfig(@org.springframework.beans.factory.annotation.Value("${isms.sso.enabled:false}") boolean sso,
      org.springframework.beans.factory.ObjectProvider<ApiAuthentication> singleSignOn) {
    if (sso) {
      ApiAuthentication api = singleSignOn.getIfAvailable();
      if (api == null) {
        throw new IllegalStateException("isms.sso.enabled is on but single sign-on declares no ApiAuthentication");
      }
      this.provider = api.provider().getName();
    } else {
      this.provider = HttpBasicAuthenticationProvider.class.getName();
    }
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthenticationFilter(LoginCache loginCache,
      org.springframework.beans.factory.ObjectProvider<AccountStates> accounts) {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new CachingAuthenticationFilter(loginCache, accounts::getObject));
    registration.setName("engine-rest-authentication");
    registration.addUrlPatterns("/engine-rest/*");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM, provider);
    registration.setOrder(10);
    return registration;
  }

  @Bean
  FilterRegistrationBean<SessionOrBasicAuthentication> apiAuthenticationFilter(@Lazy IdentityService identityService,
      LoginCache loginCache, org.springframework.beans.factory.ObjectProvider<AccountStates> accounts) {
    FilterRegistrationBean<SessionOrBasicAuthentication> registration =
        new FilterRegistrationBean<>(new SessionOrBasicAuthentication(identityService, loginCache,
            accounts::getObject));
    registration.setName("api-authentication");
    registration.addUrlPatterns("/api/*");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM, provider);
    registration.setOrder(10);
    return registration;
  }

  /**
   * HTTP Basic as on /engine-rest; without an Authorization header, the webapps' login of the default engine in the
   * HTTP session, where a modifying request must carry the session's CSRF token (X-XSRF-TOKEN) as the webapps' own
   * API requires.
   */
  static final class SessionOrBasicAuthentication implements Filter {

    private static final String ENGINE = "default";
    private final ProcessEngineAuthenticationFilter basic;
    private final IdentityService identityService;

    SessionOrBasicAuthentication(IdentityService identityService, LoginCache loginCache,
        java.util.function.Supplier<AccountStates> accounts) {
      this.identityService = identityService;
      this.basic = new CachingAuthenticationFilter(loginCache, accounts);
    }

    @Override
    public void init(FilterConfig config) throws ServletException {
      basic.init(config);
    }

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
        throws IOException, ServletException {
      HttpServletRequest request = (HttpServletRequest) servletRequest;
      HttpServletResponse response = (HttpServletResponse) servletResponse;
      HttpSession session = request.getSession(false);
      UserAuthentication user = null;
      if (request.getHeader("Authorization") == null && session != null) {
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        if (authentications != null
            && authentications.getAuthenticationForProcessEngine(ENGINE) instanceof UserAuthentication u) {
          user = u;
        }
      }
      if (user == null && request.getHeader("Authorization") == null
          && "XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
        // a page of this application asking without a login: no Basic challenge (the browser would hold the call
        // behind its password dialog), the page takes the user to the login instead
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType("application/json;charset=UTF-8");
        response.getOutputStream().write("{\"message\":\"ログインが必要です (login required)\"}"
            .getBytes(StandardCharsets.UTF_8));
        return;
      }
      if (user == null) {
        basic.doFilter(request, response, chain);
        return;
      }
      if (!CsrfConstants.CSRF_NON_MODIFYING_METHODS_PATTERN.matcher(request.getMethod()).matches()
          && !tokenMatches(session, request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME))) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("application/json;charset=UTF-8");
        response.getOutputStream().write("{\"message\":\"CSRF トークンがありません。画面を再読み込みしてください (CSRF token missing)\"}"
            .getBytes(StandardCharsets.UTF_8));
        return;
      }
      identityService.setAuthentication(user.getName(), user.getGroupIds(), user.getTenantIds());
      try {
        chain.doFilter(request, response);
      } finally {
        identityService.clearAuthentication();
      }
    }

    private static boolean tokenMatches(HttpSession session, String header) {
      Object token = session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
      return token instanceof String expected && header != null
          && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), header.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void destroy() {
      basic.destroy();
    }
  }
}
