package jp.sample.isms.outsourcing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** {@code isms.outsourcing.evaluation-interval} (8.1.4): an ISO-8601 duration, checked when the application starts. */
class OutsourcingSettingsTest {

  static final ZonedDateTime START = ZonedDateTime.of(2026, 1, 31, 9, 0, 0, 0, ZoneId.of("Asia/Tokyo"));

  @Test
  void addsTheIntervalInCalendarTerms() {
    assertThat(new OutsourcingSettings("P6M").after(START)).isEqualTo(START.withMonth(7));
    assertThat(new OutsourcingSettings("P1Y").after(START)).isEqualTo(START.withYear(2027));
    assertThat(new OutsourcingSettings(" P90D ").evaluationInterval()).isEqualTo("P90D");
  }

  @ParameterizedTest
  @ValueSource(strings = {"6 months", "", "P0D", "-P6M"})
  void refusesWhatIsNotAPositiveIsoDuration(String interval) {
    assertThatThrownBy(() -> new OutsourcingSettings(interval)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(OutsourcingSettings.PROPERTY);
  }
}
