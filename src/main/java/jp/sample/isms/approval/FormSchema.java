package jp.sample.isms.approval;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The input fields of a Camunda Form (form-js JSON) and their constraints, so that the server enforces what the
 * browser only suggests: required, lengths, ranges, patterns, the choices of selects and radios, read-only fields.
 */
public final class FormSchema {

  /** One input field of the form. */
  public record Field(String key, String label, String type, boolean required, Integer minLength, Integer maxLength,
      BigDecimal min, BigDecimal max, String pattern, Set<String> values, boolean readonly, boolean conditional) {
  }

  private static final Set<String> INPUT_TYPES = Set.of("textfield", "textarea", "number", "select", "radio",
      "checkbox", "checklist", "taglist", "datetime");

  private final String id;
  private final Map<String, Field> fields;

  private FormSchema(String id, Map<String, Field> fields) {
    this.id = id;
    this.fields = fields;
  }

  public static FormSchema parse(JsonNode form) {
    Map<String, Field> fields = new LinkedHashMap<>();
    collect(form.path("components"), fields);
    return new FormSchema(form.path("id").asText(), fields);
  }

  public String id() {
    return id;
  }

  public Map<String, Field> fields() {
    return fields;
  }

  /**
   * Checks a submission against the form. Unknown variables are refused, so that a client cannot slip in variables
   * the form does not offer (or the kernel's own). Read-only fields must come back unchanged.
   *
   * @param submitted what the client sent
   * @param current   the variables the instance has now (empty at filing)
   */
  public void validate(Map<String, Object> submitted, Map<String, Object> current, ValidationErrors errors) {
    for (String name : submitted.keySet()) {
      if (!fields.containsKey(name)) {
        errors.field(name, "このフォームにない項目です");
      }
    }
    for (Field field : fields.values()) {
      Object value = submitted.get(field.key());
      boolean present = submitted.containsKey(field.key());
      if (field.readonly()) {
        if (present && !sameValue(value, current.get(field.key()))) {
          errors.field(field.key(), "「" + field.label() + "」は変更できません");
        }
        continue;
      }
      if (isBlank(value)) {
        // conditionally shown fields are required only when shown: the flow's own rules decide those
        if (field.required() && !field.conditional() && isBlank(current.get(field.key()))) {
          errors.field(field.key(), "「" + field.label() + "」は必須です");
        }
        continue;
      }
      check(field, value, errors);
    }
  }

  private static void check(Field field, Object value, ValidationErrors errors) {
    String label = "「" + field.label() + "」";
    switch (field.type()) {
      case "checkbox" -> {
        if (!(value instanceof Boolean) && !"true".equals(value.toString()) && !"false".equals(value.toString())) {
          errors.field(field.key(), label + "は真偽値で指定してください");
        } else if (field.required() && !field.conditional() && !Boolean.parseBoolean(value.toString())) {
          errors.field(field.key(), label + "を確認してください");
        }
      }
      case "number" -> {
        BigDecimal number;
        try {
          number = new BigDecimal(value.toString().trim());
        } catch (NumberFormatException e) {
          errors.field(field.key(), label + "は数値で入力してください");
          return;
        }
        if (field.min() != null && number.compareTo(field.min()) < 0) {
          errors.field(field.key(), label + "は" + field.min().toPlainString() + "以上にしてください");
        }
        if (field.max() != null && number.compareTo(field.max()) > 0) {
          errors.field(field.key(), label + "は" + field.max().toPlainString() + "以下にしてください");
        }
      }
      case "select", "radio" -> {
        if (!field.values().isEmpty() && !field.values().contains(value.toString())) {
          errors.field(field.key(), label + "の値「" + value + "」は選択肢にありません (選択肢: "
              + String.join(", ", field.values()) + ")");
        }
      }
      case "datetime" -> {
        // a day that exists (2026-02-30 does not), not only the shape of one
        if (!value.toString().matches("\\d{4}-\\d{2}-\\d{2}.*") || RequestValues.date(value) == null) {
          errors.field(field.key(), label + "は存在する日付 (YYYY-MM-DD) で入力してください");
        }
      }
      default -> {
        String text = value.toString();
        if (!(value instanceof String)) {
          errors.field(field.key(), label + "は文字列で入力してください");
          return;
        }
        if (field.minLength() != null && text.trim().length() < field.minLength()) {
          errors.field(field.key(), label + "は" + field.minLength() + "文字以上で入力してください");
        }
        if (field.maxLength() != null && text.length() > field.maxLength()) {
          errors.field(field.key(), label + "は" + field.maxLength() + "文字以内で入力してください");
        }
        if (field.pattern() != null) {
          try {
            if (!Pattern.compile(field.pattern()).matcher(text).matches()) {
              errors.field(field.key(), label + "の形式が正しくありません");
            }
          } catch (PatternSyntaxException e) {
            // a broken pattern in the form is the form's problem, not the requester's
          }
        }
      }
    }
  }

  private static boolean isBlank(Object value) {
    return value == null || value.toString().isBlank();
  }

  private static boolean sameValue(Object submitted, Object current) {
    if (isBlank(submitted) && isBlank(current)) {
      return true;
    }
    return submitted != null && current != null && Objects.equals(submitted.toString(), current.toString());
  }

  private static void collect(JsonNode components, Map<String, Field> fields) {
    for (JsonNode component : components) {
      String type = component.path("type").asText();
      if (component.has("components")) {
        collect(component.path("components"), fields);
      }
      if (!INPUT_TYPES.contains(type) || !component.hasNonNull("key")) {
        continue;
      }
      JsonNode validate = component.path("validate");
      Set<String> values = new LinkedHashSet<>();
      for (JsonNode option : component.path("values")) {
        values.add(option.path("value").asText());
      }
      boolean readonly = component.path("readonly").asBoolean(false) || component.path("disabled").asBoolean(false);
      fields.put(component.get("key").asText(), new Field(
          component.get("key").asText(),
          // a date's label is its dateLabel
          component.path("label").asText(component.path("dateLabel").asText(component.get("key").asText())),
          type,
          validate.path("required").asBoolean(false),
          validate.hasNonNull("minLength") ? validate.get("minLength").asInt() : null,
          validate.hasNonNull("maxLength") ? validate.get("maxLength").asInt() : null,
          validate.hasNonNull("min") ? new BigDecimal(validate.get("min").asText()) : null,
          validate.hasNonNull("max") ? new BigDecimal(validate.get("max").asText()) : null,
          validate.hasNonNull("pattern") ? validate.get("pattern").asText() : null,
          values,
          readonly,
          component.has("conditional")));
    }
  }

  /** Keys of all input fields, in form order. */
  public List<String> keys() {
    return new ArrayList<>(fields.keySet());
  }
}
