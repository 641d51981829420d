package jp.sample.isms.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.sample.isms.organisation.Role;

/**
 * Japanese words for the codes in the record and the registers. The choices of request fields (機密性, 媒体, システム, …)
 * are read from the flows' Camunda Forms, so that a new flow's codes get the labels its form shows without a change
 * here; outcomes, roles and kinds of step are the kernel's.
 */
@Component
public class AuditLabels {

  /** Outcome code → Japanese label, in the order of {@link Outcome}. */
  public static final Map<String, String> OUTCOMES = labels(Outcome.values());

  /** Step kind code → Japanese label, in the order of {@link AuditStepKind}. */
  public static final Map<String, String> STEP_KINDS = labels(AuditStepKind.values());

  /** Flag code → Japanese label. */
  public static final Map<String, String> FLAGS = labels(RecordFlag.values());

  public static final Map<String, String> INSTANCE_STATES = ordered(
      "ACTIVE", "処理中",
      "SUSPENDED", "停止中",
      "COMPLETED", "完了",
      "EXTERNALLY_TERMINATED", "終了 (外部から)",
      "INTERNALLY_TERMINATED", "終了 (内部で)");

  /** The kinds of element of the engine's history (the path a request took), as an auditor reads them. */
  public static final Map<String, String> ACTIVITY_TYPES = ordered(
      "startEvent", "開始",
      "messageStartEvent", "開始 (メッセージ)",
      "timerStartEvent", "開始 (定時)",
      "noneEndEvent", "終了",
      "endEvent", "終了",
      "terminateEndEvent", "終了 (強制)",
      "errorEndEvent", "終了 (エラー)",
      "userTask", "担当者のステップ",
      "serviceTask", "自動処理",
      "sendTask", "通知",
      "receiveTask", "受信待ち",
      "scriptTask", "自動処理",
      "businessRuleTask", "判定 (決定表)",
      "manualTask", "手作業",
      "callActivity", "呼び出し",
      "subProcess", "サブフロー",
      "multiInstanceBody", "繰り返し",
      "exclusiveGateway", "分岐 (いずれか一つ)",
      "inclusiveGateway", "分岐 (該当するすべて)",
      "parallelGateway", "並行分岐・合流",
      "eventBasedGateway", "分岐 (先に起きた事象)",
      "intermediateTimer", "待機 (期限)",
      "intermediateMessageCatch", "待機 (メッセージ)",
      "intermediateNoneThrowEvent", "中間イベント",
      "boundaryTimer", "期限超過",
      "boundaryMessage", "メッセージ受信",
      "boundaryError", "エラー",
      "boundaryEscalation", "エスカレーション",
      "boundaryConditional", "条件成立");

  /** How the audit pages show a field of a request: the form's label and its choices' labels. */
  public record Field(String label, String type, Map<String, String> choices) {
  }

  private final Map<String, Map<String, String>> choices;
  /** The fields of each form, by form id (takeOutStart, …), in the forms' order. */
  private final Map<String, Map<String, Field>> formFields;

  AuditLabels() {
    Map<String, Map<String, String>> choices = new LinkedHashMap<>();
    Map<String, Map<String, Field>> forms = new TreeMap<>();
    readForms("classpath*:forms/**/*.form", choices, forms);
    this.choices = Collections.unmodifiableMap(choices);
    this.formFields = Collections.unmodifiableMap(forms);
  }

  /**
   * The label and choices the flow's forms show for each of these fields: its start form's first, then its other
   * forms' (forms are named after their flow: takeOutStart, takeOutApproval, …), then any form's; fields no form
   * offers are left out.
   */
  public Map<String, Field> fields(String flowKey, Collection<String> keys) {
    List<Map<String, Field>> search = new ArrayList<>();
    if (flowKey != null) {
      search.add(formFields.getOrDefault(flowKey + "Start", Map.of()));
      formFields.forEach((formId, fields) -> {
        if (formId.startsWith(flowKey)) {
          search.add(fields);
        }
      });
    }
    search.addAll(formFields.values());
    Map<String, Field> result = new LinkedHashMap<>();
    for (String key : keys) {
      search.stream().map(fields -> fields.get(key)).filter(Objects::nonNull).findFirst()
          .ifPresent(field -> result.put(key, field));
    }
    return result;
  }

  public String activityType(String code) {
    return code == null ? null : ACTIVITY_TYPES.getOrDefault(code, code);
  }

  public String outcome(String code) {
    return code == null ? null : OUTCOMES.getOrDefault(code, code);
  }

  public String stepKind(String code) {
    return code == null ? null : STEP_KINDS.getOrDefault(code, code);
  }

  /** The labels of a record's flags (exceptions to four eyes), each flag as is when no label is known. */
  public java.util.List<String> flags(java.util.List<String> codes) {
    return codes == null ? null : codes.stream().map(code -> FLAGS.getOrDefault(code, code)).toList();
  }

  public String instanceState(String code) {
    return code == null ? null : INSTANCE_STATES.getOrDefault(code, code);
  }

  /** 部門責任者, 申請者, システム, … for the role a record says its actor acted as. */
  public String role(String code) {
    if (code == null) {
      return null;
    }
    switch (code) {
      case AuditEntry.REQUESTER:
        return "申請者";
      case AuditEntry.SYSTEM:
        return "システム";
      case AuditEntry.ADMINISTRATOR:
        return "管理者 (camunda-admin)";
      default:
        try {
          return Role.valueOf(code).nameJa();
        } catch (IllegalArgumentException unknown) {
          return code;
        }
    }
  }

  /** The label a form shows for {@code value} of field {@code field}; the value itself when no form knows it. */
  public String choice(String field, String value) {
    if (value == null) {
      return null;
    }
    return choices.getOrDefault(field, Map.of()).getOrDefault(value, value);
  }

  /** The choices of a form field (value → label), in the form's order. */
  public Map<String, String> choices(String field) {
    return choices.getOrDefault(field, Map.of());
  }

  private static void readForms(String pattern, Map<String, Map<String, String>> choices,
      Map<String, Map<String, Field>> forms) {
    ObjectMapper json = new ObjectMapper();
    try {
      for (Resource resource : new PathMatchingResourcePatternResolver().getResources(pattern)) {
        try (InputStream in = resource.getInputStream()) {
          JsonNode form = json.readTree(in);
          Map<String, Field> fields = forms.computeIfAbsent(form.path("id").asText(""), id -> new LinkedHashMap<>());
          collect(form, choices, fields);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void collect(JsonNode node, Map<String, Map<String, String>> choices, Map<String, Field> fields) {
    JsonNode values = node.get("values");
    JsonNode key = node.get("key");
    Map<String, String> own = new LinkedHashMap<>();
    if (values != null && values.isArray() && key != null) {
      Map<String, String> labels = choices.computeIfAbsent(key.asText(), k -> new LinkedHashMap<>());
      values.forEach(v -> {
        labels.putIfAbsent(v.path("value").asText(), v.path("label").asText());
        own.put(v.path("value").asText(), v.path("label").asText());
      });
    }
    if (key != null) {
      // dates carry their label as dateLabel
      String label = node.path("label").asText(node.path("dateLabel").asText(""));
      if (!label.isBlank()) {
        fields.putIfAbsent(key.asText(), new Field(label, node.path("type").asText(),
            Collections.unmodifiableMap(own)));
      }
    }
    JsonNode components = node.get("components");
    if (components != null) {
      components.forEach(child -> collect(child, choices, fields));
    }
  }

  /** Code → Japanese label of labelled codes, in their order. */
  public static Map<String, String> labels(Labelled[] codes) {
    Map<String, String> map = new LinkedHashMap<>();
    for (Labelled code : codes) {
      map.put(code.code(), code.label());
    }
    return Collections.unmodifiableMap(map);
  }

  private static Map<String, String> ordered(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return Collections.unmodifiableMap(map);
  }
}
