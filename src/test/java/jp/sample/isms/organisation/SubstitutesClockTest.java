package jp.sample.isms.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** The day a substitution is judged on is the product's day (isms.time-zone), not the host's. */
class SubstitutesClockTest {

  @Test
  void todayIsTheDayInTheProductsZone() {
    // 2026-03-31 20:00 UTC is already 1 April in Japan
    Instant instant = Instant.parse("2026-03-31T20:00:00Z");
    assertThat(new Substitutes(null, Clock.fixed(instant, ZoneId.of("Asia/Tokyo"))).today())
        .isEqualTo(LocalDate.of(2026, 4, 1));
    assertThat(new Substitutes(null, Clock.fixed(instant, ZoneId.of("UTC"))).today())
        .isEqualTo(LocalDate.of(2026, 3, 31));
  }
}
