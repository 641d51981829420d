package jp.sample.isms.auditor;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.regex.Pattern;


/** Reads and checks the parameters of an auditor query; a wrong one is a 400 with a Japanese message. */
final class AuditQueryParameters {

  static final int DEFAULT_PAGE_SIZE = 50;
  static final int MAX_PAGE_SIZE = 500;

  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.\\-]{1,64}");
  private static final Pattern CLAUSE = Pattern.compile("[0-9]{1,2}(\\.[0-9]{1,2}){0,4}");

  /** A parameter the auditor got wrong. */
  static class BadQuery extends RuntimeException {
    BadQuery(String message) {
      super(message);
    }
  }

  private final Map<String, String> values;
  private final ZoneId zone;

  /** {@code zone}: the product's, in which a day given as {@code YYYY-MM-DD} begins and ends. */
  AuditQueryParameters(Map<String, String> values, ZoneId zone) {
    this.values = values;
    this.zone = zone;
  }

  /** A trimmed value, null when absent or blank. */
  String text(String name) {
    String value = values.get(name);
    return value == null || value.isBlank() ? null : value.trim();
  }

  /** A code (user id, flow key, outcome, …): letters, digits, {@code _ . -}. */
  String code(String name, String label) {
    String value = text(name);
    if (value != null && !CODE.matcher(value).matches()) {
      throw new BadQuery(label + "の値が正しくありません: " + value);
    }
    return value;
  }

  /** A clause of the regulation such as {@code 3.2} or {@code 5.1.4}. */
  String clause(String name) {
    String value = text(name);
    if (value != null && !CLAUSE.matcher(value).matches()) {
      throw new BadQuery("条項は 3.2 や 5.1.4 の形で指定してください: " + value);
    }
    return value;
  }

  LocalDate date(String name, String label) {
    String value = text(name);
    LocalDate date;
    try {
      date = value == null ? null : LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new BadQuery(label + "は YYYY-MM-DD の形で指定してください: " + value);
    }
    // LocalDate reads years up to +999999999, which no database timestamp holds
    if (date != null && (date.getYear() < MIN_YEAR || date.getYear() > MAX_YEAR)) {
      throw new BadQuery(label + "は " + MIN_YEAR + "〜" + MAX_YEAR + " 年の日付で指定してください: " + value);
    }
    return date;
  }

  private static final int MIN_YEAR = 1900;
  private static final int MAX_YEAR = 9999;

  /** The start of the day {@code name} in the product's zone (inclusive lower bound). */
  OffsetDateTime startOfDay(String name, String label) {
    LocalDate date = date(name, label);
    return date == null ? null : date.atStartOfDay(zone).toOffsetDateTime();
  }

  /**
   * The start of the day after {@code name} in the product's zone (exclusive upper bound of a range ending that
   * day).
   */
  OffsetDateTime endOfDay(String name, String label) {
    LocalDate date = date(name, label);
    return date == null ? null : date.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
  }

  boolean flag(String name) {
    String value = text(name);
    return "true".equalsIgnoreCase(value) || "1".equals(value) || "yes".equalsIgnoreCase(value);
  }

  /** A positive whole number identifying a record, null when absent. */
  Long id(String name, String label) {
    String value = text(name);
    try {
      Long id = value == null ? null : Long.valueOf(value);
      if (id != null && id < 1) {
        throw new NumberFormatException();
      }
      return id;
    } catch (NumberFormatException e) {
      throw new BadQuery(label + "は 1 以上の数字で指定してください: " + value);
    }
  }

  int page() {
    return number("page", 0, 0, 1_000_000, "ページ");
  }

  int size() {
    return number("size", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE, "件数");
  }

  private int number(String name, int fallback, int min, int max, String label) {
    String value = text(name);
    if (value == null) {
      return fallback;
    }
    try {
      int number = Integer.parseInt(value);
      if (number < min || number > max) {
        throw new BadQuery(label + "は " + min + "〜" + max + " で指定してください: " + value);
      }
      return number;
    } catch (NumberFormatException e) {
      throw new BadQuery(label + "は数字で指定してください: " + value);
    }
  }
}
