package jp.sample.isms.system;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jp.sample.isms.support.KeycloakServer;

/**
 * How the attack and matrix tests authenticate their calls: the product's own passwords ({@link #BASIC}: HTTP Basic
 * on /engine-rest and /api, the webapps' login form for a session), or single sign-on ({@link #sso}: an access token
 * from the IdP's token endpoint on /engine-rest and /api, a session obtained through the IdP's real login for the
 * webapps' calls, which keep their CSRF token).
 */
interface ApiLogin {

  /** The Authorization header of a call on /engine-rest or /api. */
  String authorization(String user);

  /**
   * The application's cookies of a signed-in webapp session of the user; {@code null}: sign in with the webapps'
   * own login form and the demo password.
   */
  Map<String, String> session(String base, String user);

  ApiLogin BASIC = new ApiLogin() {
    @Override
    public String authorization(String user) {
      return "Basic " + Base64.getEncoder().encodeToString((user + ":" + EngineApiClient.PASSWORD)
          .getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Map<String, String> session(String base, String user) {
      return null;
    }

    @Override
    public String toString() {
      return "HTTP Basic";
    }
  };

  /** Single sign-on at the IdP; access tokens are kept per person for half the realm's lifespan (5 minutes). */
  static ApiLogin sso(KeycloakServer idp) {
    return new ApiLogin() {
      private record Token(String value, long at) {
      }

      private final Map<String, Token> tokens = new ConcurrentHashMap<>();

      @Override
      public String authorization(String user) {
        long now = System.currentTimeMillis();
        Token token = tokens.compute(user, (u, known) -> known != null && now - known.at() < 150_000 ? known
            : new Token(idp.accessToken(u), now));
        return "Bearer " + token.value();
      }

      @Override
      public Map<String, String> session(String base, String user) {
        return idp.signIn(base, user);
      }

      @Override
      public String toString() {
        return "single sign-on";
      }
    };
  }
}
