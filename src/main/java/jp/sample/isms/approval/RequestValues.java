package jp.sample.isms.approval;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.TypedValue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reading the variables of a request as the forms submit them: trimmed text, check boxes, dates ({@code 2026-11-30}). */
public final class RequestValues {

  private RequestValues() {
  }

  /**
   * The request number of the instance {@code scope} belongs to: the business key the kernel gave the instance at
   * filing, never the {@code businessKey} variable (kept for display only, and writable by a variable update).
   */
  public static String businessKey(VariableScope scope) {
    if (scope instanceof org.camunda.bpm.engine.delegate.DelegateExecution execution) {
      return execution.getProcessBusinessKey();
    }
    if (scope instanceof org.camunda.bpm.engine.delegate.DelegateTask task) {
      return task.getExecution().getProcessBusinessKey();
    }
    return null;
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

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * What a user submitted, as the audit record keeps it: a JSON object of the submitted variables by name (sorted),
   * text, numbers and booleans as they are, dates as ISO-8601, anything else as its text; null when nothing was.
   */
  public static String json(Map<String, Object> submitted) {
    if (submitted == null || submitted.isEmpty()) {
      return null;
    }
    Map<String, Object> values = new TreeMap<>();
    submitted.forEach((name, value) -> {
      Object plain = value instanceof TypedValue typed ? typed.getValue() : value;
      values.put(name, plain == null || plain instanceof String || plain instanceof Number
          || plain instanceof Boolean ? plain : plain instanceof Date date ? date.toInstant().toString()
          : plain.toString());
    });
    try {
      return JSON.writeValueAsString(values);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The fields of a {@link #json} text, by name; empty for null. */
  static Map<String, com.fasterxml.jackson.databind.JsonNode> fields(String json) {
    Map<String, com.fasterxml.jackson.databind.JsonNode> fields = new TreeMap<>();
    if (json != null) {
      try {
        JSON.readTree(json).fields().forEachRemaining(field -> fields.put(field.getKey(), field.getValue()));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
    return fields;
  }

  /** {@code base} with the fields of {@code update} put over it, as a {@link #json} text. */
  static String merged(String base, String update) {
    Map<String, com.fasterxml.jackson.databind.JsonNode> fields = fields(base);
    fields.putAll(fields(update));
    try {
      return fields.isEmpty() ? null : JSON.writeValueAsString(fields);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
