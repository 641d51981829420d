package jp.sample.isms.sso;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The webapps' container-based authentication (ContainerBasedAuthenticationFilter) reads who logged in from Spring
 * Security: a person signed in through the IdP, or the break-glass administrator. A bearer token is not a webapp
 * login (the webapps' session and CSRF token are for browsers).
 */
public class SsoWebappAuthenticationProvider implements AuthenticationProvider {

  @Override
  public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null && authentication.isAuthenticated()
        && (authentication instanceof OAuth2AuthenticationToken
            || authentication instanceof UsernamePasswordAuthenticationToken)) {
      return AuthenticationResult.successful(authentication.getName());
    }
    return AuthenticationResult.unsuccessful();
  }

  @Override
  public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
    // no challenge: the browser is sent to the IdP by Spring Security before it gets here
  }
}
