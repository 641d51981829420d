package jp.sample.isms.approval;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

import jp.sample.isms.organisation.Person;

/**
 * The data of a request as a flow's rules see it: the variables after the submission (what was there, overwritten by
 * what was submitted), the requester as the organisation knows them, and the process instance (null at filing, when
 * nothing is persisted yet).
 */
public record RequestInput(Map<String, Object> variables, Person requester, LocalDate today,
    String processInstanceId) {

  public String string(String name) {
    Object value = variables.get(name);
    return value == null || value.toString().isBlank() ? null : value.toString().trim();
  }

  public boolean isTrue(String name) {
    Object value = variables.get(name);
    return Boolean.TRUE.equals(value) || "true".equalsIgnoreCase(String.valueOf(value));
  }

  /** A date field ({@code 2026-11-30}, as the form's date picker submits it); null when absent or unreadable. */
  public LocalDate date(String name) {
    String value = string(name);
    if (value == null) {
      return null;
    }
    try {
      return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  public Long number(String name) {
    Object value = variables.get(name);
    if (value instanceof Number n) {
      return n.longValue();
    }
    try {
      return value == null ? null : Long.valueOf(value.toString().trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
