package jp.sample.isms.approval;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.camunda.bpm.engine.delegate.VariableScope;

/** Reading the variables of a request as the forms submit them: trimmed text, check boxes, dates ({@code 2026-11-30}). */
public final class RequestValues {

  private RequestValues() {
  }

  /** The trimmed text of a variable; null when absent or blank. */
  public static String string(VariableScope scope, String name) {
    return string(scope.getVariable(name));
  }

  public static String string(Object value) {
    return value == null || value.toString().isBlank() ? null : value.toString().trim();
  }

  /** A check box: true, or the text "true". */
  public static boolean isTrue(Object value) {
    return Boolean.TRUE.equals(value) || "true".equalsIgnoreCase(String.valueOf(value));
  }

  /** A date as the form's date picker submits it (a date-time is cut to its day); null when absent or unreadable. */
  public static LocalDate date(Object value) {
    String text = string(value);
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
