package jp.sample.isms.outsourcing;

import java.time.ZonedDateTime;
import java.util.GregorianCalendar;

import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code isms.outsourcing.evaluation-interval}: how often the contractor is evaluated while the contract runs (8.1.4),
 * an ISO-8601 duration as the engine's timers read it ({@code P6M}, {@code P1Y}, {@code P90D}). Checked at start, so
 * that a typo stops the application instead of every running contract's timer.
 */
@Component
class OutsourcingSettings {

  static final String PROPERTY = "isms.outsourcing.evaluation-interval";

  private final String evaluationInterval;
  private final Duration duration;

  OutsourcingSettings(@Value("${" + PROPERTY + ":P6M}") String evaluationInterval) {
    this.evaluationInterval = evaluationInterval == null ? "" : evaluationInterval.trim();
    this.duration = parse(this.evaluationInterval);
  }

  /** The interval as configured, e.g. {@code P6M}. */
  String evaluationInterval() {
    return evaluationInterval;
  }

  /** {@code from} plus one interval. */
  ZonedDateTime after(ZonedDateTime from) {
    GregorianCalendar calendar = GregorianCalendar.from(from);
    duration.addTo(calendar);
    return calendar.toZonedDateTime();
  }

  static Duration parse(String text) {
    Duration parsed;
    try {
      parsed = DatatypeFactory.newInstance().newDuration(text);
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      throw new IllegalStateException(PROPERTY + " must be an ISO-8601 duration such as P6M, not '" + text + "'", e);
    } catch (DatatypeConfigurationException e) {
      throw new IllegalStateException(e);
    }
    if (parsed.getSign() <= 0) {
      throw new IllegalStateException(PROPERTY + " must be a positive duration, not '" + text + "'");
    }
    return parsed;
  }
}
