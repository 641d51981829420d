package jp.sample.isms.sso;

import java.util.Map;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.web.client.RestClient;

/**
 * The IdP's OpenID configuration, read at the first login or token rather than at start-up (the application starts
 * while the IdP is away, e.g. both started by docker compose), and kept once read. Its issuer is not compared with the
 * address it was read from: inside docker compose the application reads it from the IdP's internal address, while
 * tokens carry the issuer that browsers see ({@code isms.sso.issuer-uri}), which every token must name.
 */
class IdpMetadata {

  private final SsoProperties properties;
  private volatile Map<String, Object> metadata;
  private volatile ClientRegistration registration;

  IdpMetadata(SsoProperties properties) {
    this.properties = properties;
  }

  Map<String, Object> metadata() {
    Map<String, Object> known = metadata;
    if (known == null) {
      known = RestClient.create().get().uri(properties.metadataLocation()).retrieve()
          .body(new ParameterizedTypeReference<Map<String, Object>>() {
          });
      if (known == null || known.get("jwks_uri") == null || known.get("authorization_endpoint") == null
          || known.get("token_endpoint") == null) {
        throw new IllegalStateException("no OpenID configuration at " + properties.metadataLocation());
      }
      metadata = known;
    }
    return known;
  }

  String jwksUri() {
    return metadata().get("jwks_uri").toString();
  }

  ClientRegistration registration() {
    ClientRegistration known = registration;
    if (known == null) {
      Map<String, Object> m = metadata();
      ClientRegistration.Builder builder = ClientRegistration.withRegistrationId(SsoProperties.REGISTRATION_ID)
          .clientName("ID プロバイダ (identity provider)")
          .clientId(properties.clientId())
          .clientSecret(properties.clientSecret())
          .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
          .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
          .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
          .scope(properties.scopes())
          .authorizationUri(m.get("authorization_endpoint").toString())
          .tokenUri(m.get("token_endpoint").toString())
          .jwkSetUri(m.get("jwks_uri").toString())
          .issuerUri(properties.issuerUri())
          .userNameAttributeName(properties.userIdClaim())
          // PKCE (S256) for this confidential client too: an intercepted authorization code is useless
          .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
          .providerConfigurationMetadata(m);
      if (m.get("userinfo_endpoint") != null) {
        builder.userInfoUri(m.get("userinfo_endpoint").toString());
      }
      known = builder.build();
      registration = known;
    }
    return known;
  }
}
