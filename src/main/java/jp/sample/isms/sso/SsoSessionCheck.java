package jp.sample.isms.sso;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientRefreshTokenTokenResponseClient;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * A browser session signed in through the IdP asks the IdP every {@code isms.sso.session-check-interval} whether the
 * person may still act, by refreshing its tokens. When the IdP refuses (the person was disabled or deleted there, or
 * the IdP session was ended), the product session ends at once: the request goes on without a login (the browser to
 * the IdP's login page, which refuses a disabled person; a page's API call gets 401). Without a refresh token the
 * session lasts as long as the IdP's access token. An unreachable IdP ends no session (logged). When the IdP says the
 * person is disabled there ({@code isms.sso.disabled-at-idp-errors}), the product account is disabled as well, so that
 * the person's open steps move on at once ({@link SsoUsers#disabledAtIdp}).
 */
class SsoSessionCheck extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(SsoSessionCheck.class);
  static final String CHECKED_AT = SsoSessionCheck.class.getName() + ".checkedAt";

  private final OAuth2AuthorizedClientRepository clients;
  private final long intervalMillis;
  private final SsoUsers users;
  private final java.util.List<String> disabledErrors;
  private final RestClientRefreshTokenTokenResponseClient refresh = new RestClientRefreshTokenTokenResponseClient();

  SsoSessionCheck(OAuth2AuthorizedClientRepository clients, SsoProperties properties, SsoUsers users) {
    this.clients = clients;
    this.users = users;
    this.disabledErrors = properties.disabledAtIdpErrors();
    this.intervalMillis = properties.sessionCheckInterval().toMillis();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    if (session != null
        && SecurityContextHolder.getContext().getAuthentication() instanceof OAuth2AuthenticationToken login) {
      long now = System.currentTimeMillis();
      Object checkedAt = session.getAttribute(CHECKED_AT);
      if (!(checkedAt instanceof Long at)) {
        session.setAttribute(CHECKED_AT, now);
      } else if (now - at >= intervalMillis) {
        if (stillAllowed(login, request, response)) {
          session.setAttribute(CHECKED_AT, now);
        } else {
          LOG.info("the IdP no longer lets {} act: the session ends", login.getName());
          session.invalidate();
          SecurityContextHolder.clearContext();
        }
      }
    }
    chain.doFilter(request, response);
  }

  private boolean stillAllowed(OAuth2AuthenticationToken login, HttpServletRequest request,
      HttpServletResponse response) {
    OAuth2AuthorizedClient client = clients.loadAuthorizedClient(login.getAuthorizedClientRegistrationId(), login,
        request);
    if (client == null) {
      return false;
    }
    if (client.getRefreshToken() == null) {
      return client.getAccessToken().getExpiresAt() == null
          || client.getAccessToken().getExpiresAt().isAfter(java.time.Instant.now());
    }
    try {
      OAuth2AccessTokenResponse tokens = refresh.getTokenResponse(new OAuth2RefreshTokenGrantRequest(
          client.getClientRegistration(), client.getAccessToken(), client.getRefreshToken()));
      clients.saveAuthorizedClient(new OAuth2AuthorizedClient(client.getClientRegistration(), login.getName(),
          tokens.getAccessToken(), tokens.getRefreshToken() != null ? tokens.getRefreshToken()
              : client.getRefreshToken()), login, request, response);
      return true;
    } catch (OAuth2AuthorizationException refused) {
      String description = refused.getError().getDescription();
      LOG.info("the IdP refused to refresh the session of {}: {} {}", login.getName(),
          refused.getError().getErrorCode(), description);
      if (description != null && disabledErrors.stream().anyMatch(e -> !e.isBlank() && description.contains(e))) {
        users.disabledAtIdp(login.getName());
      }
      return false;
    } catch (RuntimeException unreachable) {
      LOG.warn("the IdP could not be asked whether {} may still act: {}", login.getName(),
          unreachable.getClass().getSimpleName());
      return true;
    }
  }
}
