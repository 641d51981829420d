package jp.sample.isms.periodicduty;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The nightly scheduler files the duties of the day in the product's zone: at 20:00 UTC on 31 March it is still 31
 * March in UTC and already 1 April in Japan.
 */
class PeriodicDutyDayTest {

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theSchedulersDayIsTheDayInTheProductsZone() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-31T20:00:00Z")));

    assertThat(scheduler(ZoneId.of("UTC")).today()).isEqualTo(LocalDate.of(2026, 3, 31));
    assertThat(scheduler(ZoneId.of("Asia/Tokyo")).today()).isEqualTo(LocalDate.of(2026, 4, 1));
  }

  private static PeriodicDutyScheduler scheduler(ZoneId zone) {
    return new PeriodicDutyScheduler(null, null, null, null, null, null, zone);
  }
}
