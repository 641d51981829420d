package jp.sample.isms.sso;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A person who acts with bearer tokens only (a script, another system) has no browser session whose refresh the IdP
 * could refuse. With {@code isms.sso.bearer-check: userinfo} the product asks the IdP's userinfo endpoint with the
 * token presented, at most once per {@code bearer-check-interval} per person (the answer is kept per person, not per
 * token): the IdP answers for a person it still lets act and refuses a disabled or deleted person, or a token whose
 * IdP session was ended. A refusal refuses the call (401); a refusal naming one of the
 * {@code disabled-at-idp-errors} also disables the product account, so that the person's open steps move on, as
 * {@link SsoSessionCheck} does for a browser session. An unreachable IdP refuses nothing (logged), as the session
 * check. The token goes to the IdP only, in the Authorization header; it is never logged.
 */
class BearerCheck {

  private static final Logger LOG = LoggerFactory.getLogger(BearerCheck.class);

  private final SsoProperties properties;
  private final IdpMetadata idp;
  private final SsoUsers users;
  private final boolean enabled;
  private final Map<String, Long> checkedAt = new ConcurrentHashMap<>();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  BearerCheck(SsoProperties properties, IdpMetadata idp, SsoUsers users) {
    this.properties = properties;
    this.idp = idp;
    this.users = users;
    this.enabled = properties.checksBearerAtUserinfo();
  }

  /** Refuses ({@link SsoUsers.Refused}) when the IdP no longer lets the person of this token act. */
  void check(String userId, String token) {
    if (!enabled) {
      return;
    }
    long now = System.currentTimeMillis();
    Long last = checkedAt.get(userId);
    if (last != null && now - last < properties.bearerCheckInterval().toMillis()) {
      return;
    }
    Object endpoint = idp.metadata().get("userinfo_endpoint");
    if (endpoint == null) {
      LOG.warn("the IdP has no userinfo endpoint: bearer tokens are not checked at the IdP");
      checkedAt.put(userId, now);
      return;
    }
    HttpResponse<String> answer;
    try {
      answer = http.send(HttpRequest.newBuilder(URI.create(endpoint.toString())).timeout(Duration.ofSeconds(10))
          .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException unreachable) {
      LOG.warn("the IdP could not be asked whether {} may still act: {}", userId,
          unreachable.getClass().getSimpleName());
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    int status = answer.statusCode();
    if (status == 200) {
      checkedAt.put(userId, now);
      return;
    }
    if (status >= 500) {
      LOG.warn("the IdP's userinfo endpoint answered {} for {}: not refused", status, userId);
      return;
    }
    checkedAt.remove(userId);
    String reason = answer.headers().allValues("WWW-Authenticate") + " " + answer.body();
    List<String> disabled = properties.disabledAtIdpErrors();
    boolean disabledAtIdp = disabled.stream().anyMatch(e -> !e.isBlank() && reason.contains(e));
    LOG.info("the IdP refused the bearer token of {} ({}){}", userId, status,
        disabledAtIdp ? ": disabled at the IdP" : "");
    if (disabledAtIdp) {
      users.disabledAtIdp(userId);
    }
    throw new SsoUsers.Refused("ID プロバイダがこの利用者の操作を認めていません (the identity provider no longer lets "
        + "this person act)");
  }
}
