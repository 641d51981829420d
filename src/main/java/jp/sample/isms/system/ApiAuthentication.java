package jp.sample.isms.system;

import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;

/**
 * Who sent a call of {@code /engine-rest} or {@code /api} without a session, when the product's own passwords (HTTP
 * Basic) do not decide it: single sign-on declares a bean of this type ({@code sso}), and the REST API's
 * authentication ({@link RestAuthenticationConfig}) uses its provider. With {@code isms.sso.enabled} and no such bean
 * the application does not start.
 */
public interface ApiAuthentication {

  /** The provider the engine's authentication filter instantiates; it needs a public constructor without arguments. */
  Class<? extends AuthenticationProvider> provider();
}
