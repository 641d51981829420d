package jp.sample.isms.sso;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * /engine-rest and /api with single sign-on: who sent this request is the subject of its validated bearer token, or
 * the break-glass administrator's HTTP Basic login of this very request. The IdP browser session is not accepted
 * here: a session call of /api goes through the webapps' login and CSRF token (RestAuthenticationConfig).
 */
public class SsoApiAuthenticationProvider implements AuthenticationProvider {

  @Override
  public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    String header = request.getHeader("Authorization");
    if (authentication != null && authentication.isAuthenticated() && header != null
        && (authentication instanceof JwtAuthenticationToken && header.regionMatches(true, 0, "Bearer ", 0, 7)
            || authentication instanceof UsernamePasswordAuthenticationToken
                && header.regionMatches(true, 0, "Basic ", 0, 6))) {
      return AuthenticationResult.successful(authentication.getName());
    }
    return AuthenticationResult.unsuccessful();
  }

  @Override
  public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
    response.setHeader("WWW-Authenticate", "Bearer");
  }
}
