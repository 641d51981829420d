package jp.sample.isms.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 5.1.8: the one rule for guest-like account ids, as account requests, onboarding and the identity provider use it. */
class GuestAccountIdsTest {

  @ParameterizedTest(name = "{0}: guest-like {1}, refused as a user in production {2}, elsewhere {3}")
  @CsvSource({
      "guest,                         true,  true,  true",
      "Guest01,                       true,  true,  true",
      "GUEST2,                        true,  true,  true",
      "guest-kiosk,                   true,  true,  true",
      "guest@sample-printing.example, true,  true,  true",
      "' guest ',                     true,  true,  true",
      "anonymous,                     true,  true,  true",
      "Anonymous3,                    true,  true,  true",
      "test,                          true,  true,  false",
      "test1,                         true,  true,  false",
      "Demo,                          true,  true,  false",
      "demo@sample-printing.example,  true,  true,  false",
      "yamamoto,                      false, false, false",
      "yamamoto@sample-printing.example, false, false, false",
      "tester,                        false, false, false",
      "demonstration,                 false, false, false",
      "anonymous-user,                false, false, false",
      "myguest,                       false, false, false",
  })
  void tellsWhichIdsNameNobody(String id, boolean guestLike, boolean refusedInProduction, boolean refusedElsewhere) {
    assertThat(GuestAccountIds.isGuestLike(id)).isEqualTo(guestLike);
    assertThat(GuestAccountIds.refusedAsUser(id, true)).isEqualTo(refusedInProduction);
    assertThat(GuestAccountIds.refusedAsUser(id, false)).isEqualTo(refusedElsewhere);
  }

  @ParameterizedTest
  @CsvSource({ "true", "false" })
  void noIdIsNoGuest(boolean production) {
    assertThat(GuestAccountIds.isGuestLike(null)).isFalse();
    assertThat(GuestAccountIds.refusedAsUser(null, production)).isFalse();
  }
}
