package jp.sample.isms.sso;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the single sign-on ({@code isms.sso.*}, application-sso.yaml; docs/sso.md).
 *
 * @param enabled            on with the {@code sso} profile; off in the first run
 * @param issuerUri          the IdP's issuer; tokens must carry exactly this {@code iss}
 * @param metadataUri        where the application reads the IdP's OpenID configuration; empty: the issuer's
 *                           {@code /.well-known/openid-configuration} (differs only when the application reaches the
 *                           IdP under another address than the browsers, e.g. inside docker compose)
 * @param clientId           the application's client at the IdP
 * @param clientSecret       its secret
 * @param scopes             scopes of the browser login
 * @param audiences          a bearer token must name one of these in {@code aud}; empty: the client id
 * @param userIdClaim        the claim that carries the product's user id
 * @param stripDomain        {@code yamamoto@example.co.jp} → {@code yamamoto} (Entra ID's UPN, Google's e-mail)
 * @param groupsClaim        the claim that carries the IdP's groups
 * @param departmentClaim    the claim that carries the department code of the organisation
 * @param sectionClaim       the claim that carries the section code
 * @param groupMapping       IdP group → product groups. Only the product groups named here follow the IdP; every
 *                           other group (the roles by default) is kept in the product. Nothing is mapped by name:
 *                           an IdP group called {@code camunda-admin} grants nothing unless mapped here.
 * @param breakGlassUser     a user id that may still log in with its local password (HTTP Basic, /break-glass);
 *                           empty: none, local passwords are off
 * @param sessionCheckInterval how often a browser session asks the IdP (refresh token) whether the person may still
 *                           act; a person disabled at the IdP loses the session at the next check
 * @param clockSkew          tolerance of {@code exp} and {@code nbf}
 * @param provisioningCacheTtl a bearer token's claims are written to the person at most this often
 * @param disabledAtIdpErrors the IdP's {@code error_description}s (or parts of them) that refuse a session's refresh
 *                           because the person is disabled there; the product account is then disabled as well and
 *                           the person's steps move on. Keycloak: "User disabled"; Entra ID: AADSTS50057.
 *                           Also the answers of the bearer check's userinfo call that mean the same.
 * @param bearerCheck        {@code userinfo}: a person who acts with bearer tokens only is asked about at the IdP's
 *                           userinfo endpoint with the token presented, at most once per {@code bearer-check-interval}
 *                           per person; a refusal refuses the call, a refusal naming one of the
 *                           {@code disabled-at-idp-errors} disables the product account as well. {@code none}: no
 *                           check, a token works until it expires (for IdPs whose userinfo endpoint does not take the
 *                           product's access tokens, e.g. Entra ID).
 * @param bearerCheckInterval how often per person the bearer check asks the IdP
 */
@ConfigurationProperties(prefix = "isms.sso")
public record SsoProperties(
    @DefaultValue("false") boolean enabled,
    String issuerUri,
    @DefaultValue("") String metadataUri,
    String clientId,
    String clientSecret,
    @DefaultValue({"openid", "profile", "email"}) List<String> scopes,
    @DefaultValue({}) List<String> audiences,
    @DefaultValue("preferred_username") String userIdClaim,
    @DefaultValue("false") boolean stripDomain,
    @DefaultValue("groups") String groupsClaim,
    @DefaultValue("department") String departmentClaim,
    @DefaultValue("section") String sectionClaim,
    @DefaultValue({}) Map<String, List<String>> groupMapping,
    @DefaultValue("") String breakGlassUser,
    @DefaultValue("PT1M") Duration sessionCheckInterval,
    @DefaultValue("PT30S") Duration clockSkew,
    @DefaultValue("PT1M") Duration provisioningCacheTtl,
    @DefaultValue({"User disabled", "AADSTS50057"}) List<String> disabledAtIdpErrors,
    @DefaultValue("userinfo") String bearerCheck,
    @DefaultValue("PT5M") Duration bearerCheckInterval) {

  static final String REGISTRATION_ID = "isms";

  /** The audiences a bearer token may name: the configured ones, or else the client id. */
  List<String> acceptedAudiences() {
    List<String> named = audiences == null ? List.of() : audiences.stream().filter(a -> !a.isBlank()).toList();
    return named.isEmpty() ? List.of(clientId) : named;
  }

  /** Where the OpenID configuration is read. */
  String metadataLocation() {
    if (metadataUri != null && !metadataUri.isBlank()) {
      return metadataUri;
    }
    return issuerUri.replaceAll("/+$", "") + "/.well-known/openid-configuration";
  }

  /** Whether bearer tokens are checked at the IdP's userinfo endpoint. */
  boolean checksBearerAtUserinfo() {
    if (bearerCheck == null || bearerCheck.isBlank() || bearerCheck.equalsIgnoreCase("none")) {
      return false;
    }
    if (bearerCheck.equalsIgnoreCase("userinfo")) {
      return true;
    }
    throw new IllegalStateException("isms.sso.bearer-check must be userinfo or none, not " + bearerCheck);
  }

  boolean hasBreakGlassUser() {
    return breakGlassUser != null && !breakGlassUser.isBlank();
  }
}
