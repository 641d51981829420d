package jp.sample.isms.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

/** {@code isms.password.max-age} and {@code expiry-warning}: periods in Japan's calendar, P0D or empty = off. */
class PasswordExpirySettingsTest {

  private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

  private static Instant japan(String local) {
    return ZonedDateTime.parse(local + "+09:00[Asia/Tokyo]").toInstant();
  }

  @Test
  void aPasswordLapsesMaxAgeAfterItWasSetAndIsWarnedOfBefore() {
    PasswordExpiry expiry = new PasswordExpiry("P90D", "P14D", JAPAN);
    Instant set = japan("2026-04-01T09:30:00");
    assertThat(expiry.enabled()).isTrue();
    assertThat(expiry.expiresAt(set)).isEqualTo(japan("2026-06-30T09:30:00"));
    assertThat(expiry.warnAt(set)).isEqualTo(japan("2026-06-16T09:30:00"));
    assertThat(expiry.isExpired(set, japan("2026-06-30T09:29:59"))).isFalse();
    assertThat(expiry.isExpired(set, japan("2026-06-30T09:30:00"))).isTrue();
    assertThat(expiry.warnIfSetBefore(japan("2026-06-16T09:30:00"))).isEqualTo(set);
    assertThat(expiry.format(expiry.expiresAt(set))).isEqualTo("2026/06/30 09:30");
    // not dated yet: never expired
    assertThat(expiry.isExpired(null, Instant.now())).isFalse();
  }

  @Test
  void monthsCountInJapansCalendar() {
    PasswordExpiry expiry = new PasswordExpiry("P3M", "P1M", JAPAN);
    assertThat(expiry.expiresAt(japan("2026-01-31T00:30:00"))).isEqualTo(japan("2026-04-30T00:30:00"));
    assertThat(expiry.warnAt(japan("2026-01-31T00:30:00"))).isEqualTo(japan("2026-03-30T00:30:00"));
  }

  @Test
  void zeroOrEmptySwitchesExpiryOff() {
    for (String off : new String[] {"P0D", "", " ", null}) {
      PasswordExpiry expiry = new PasswordExpiry(off, "P14D", JAPAN);
      assertThat(expiry.enabled()).as(off).isFalse();
      assertThat(expiry.isExpired(Instant.EPOCH, Instant.now())).as(off).isFalse();
      assertThat(expiry.warnIfSetBefore(Instant.now())).as(off).isNull();
    }
  }

  @Test
  void nonsenseIsRefusedAtStart() {
    assertThatThrownBy(() -> new PasswordExpiry("90 days", "P14D", JAPAN)).hasMessageContaining("isms.password.max-age");
    assertThatThrownBy(() -> new PasswordExpiry("P-1D", "P14D", JAPAN)).hasMessageContaining("negative");
    assertThatThrownBy(() -> new PasswordExpiry("P90D", "PT1H", JAPAN)).hasMessageContaining("isms.password.expiry-warning");
  }
}
