package jp.sample.isms.sso;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The demo realm carries 5.1.8 at the IdP as docs/sso.md describes it (the Keycloak column): length, character
 * classes, not the user name, no reuse, expiry; no self-registration (no guest accounts); lock-out on.
 */
class KeycloakRealmTest {

  @Test
  void theDemoRealmCarriesThePasswordRulesOf518() throws IOException {
    JsonNode realm = new ObjectMapper().readTree(Path.of("keycloak", "isms-realm.json").toFile());
    assertThat(realm.get("passwordPolicy").asText()).contains("length(8)", "upperCase(1)", "lowerCase(1)",
        "digits(1)", "specialChars(1)", "notUsername", "passwordHistory(3)", "forceExpiredPasswordChange(90)");
    assertThat(realm.get("registrationAllowed").asBoolean()).isFalse();
    assertThat(realm.get("bruteForceProtected").asBoolean()).isTrue();
  }
}
