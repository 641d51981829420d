package jp.sample.isms.approval;

import java.time.LocalDate;
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
    return RequestValues.string(variables.get(name));
  }

  public boolean isTrue(String name) {
    return RequestValues.isTrue(variables.get(name));
  }

  /** A date field ({@code 2026-11-30}, as the form's date picker submits it); null when absent or unreadable. */
  public LocalDate date(String name) {
    return RequestValues.date(variables.get(name));
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
