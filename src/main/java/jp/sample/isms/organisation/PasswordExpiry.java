package jp.sample.isms.organisation;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * 5.1.8 「パスワードは、一定期間更新がなければ警告を行い、警告に従わない場合はパスワードは失効するものとする」: a password
 * lapses {@code isms.password.max-age} (ISO-8601 period, default P90D) after it was set; {@code isms.password
 * .expiry-warning} (default P14D) before that its user is warned by mail. {@code P0D} or empty switches expiry off.
 * Periods are counted in the calendar of the product's zone, {@code isms.time-zone} (P3M from 31 January ends on 30
 * April).
 */
@Component
public class PasswordExpiry {

  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm");

  private final Period maxAge;
  private final Period warning;
  private final ZoneId zone;

  public PasswordExpiry(@Value("${isms.password.max-age:P90D}") String maxAge,
      @Value("${isms.password.expiry-warning:P14D}") String warning, ZoneId zone) {
    this.zone = zone;
    this.maxAge = parse("isms.password.max-age", maxAge);
    Period parsedWarning = parse("isms.password.expiry-warning", warning);
    this.warning = parsedWarning == null ? Period.ZERO : parsedWarning;
  }

  private static Period parse(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      Period period = Period.parse(value.strip());
      if (period.isNegative()) {
        throw new IllegalStateException(name + " must not be negative: " + value);
      }
      return period.isZero() ? null : period;
    } catch (DateTimeParseException e) {
      throw new IllegalStateException(name + " is not an ISO-8601 period (P90D, P3M): " + value, e);
    }
  }

  /** Whether passwords expire at all. */
  public boolean enabled() {
    return maxAge != null;
  }

  /** When a password set at {@code changedAt} lapses; null if passwords do not expire or the age is not known. */
  public Instant expiresAt(Instant changedAt) {
    if (maxAge == null || changedAt == null) {
      return null;
    }
    return changedAt.atZone(zone).plus(maxAge).toInstant();
  }

  /** Whether a password set at {@code changedAt} has lapsed at {@code now}. */
  public boolean isExpired(Instant changedAt, Instant now) {
    Instant expiresAt = expiresAt(changedAt);
    return expiresAt != null && !now.isBefore(expiresAt);
  }

  /** When the warning about a password set at {@code changedAt} is due; null if passwords do not expire. */
  public Instant warnAt(Instant changedAt) {
    Instant expiresAt = expiresAt(changedAt);
    return expiresAt == null ? null : expiresAt.atZone(zone).minus(warning).toInstant();
  }

  /**
   * The latest time a password may have been set at to be due for its warning at {@code now} (its expiry lies within
   * the warning period, or has passed); null if passwords do not expire.
   */
  public Instant warnIfSetBefore(Instant now) {
    return maxAge == null ? null : now.atZone(zone).plus(warning).minus(maxAge).toInstant();
  }

  /**
   * An instant as shown in mails and messages: {@code 2026/07/01 09:30} in the product's zone, as the other mails show
   * times.
   */
  public String format(Instant instant) {
    return SHOWN.format(instant.atZone(zone));
  }
}
