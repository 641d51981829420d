package jp.sample.isms.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

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
class AuditLabels {

  static final Map<String, String> OUTCOMES = ordered(
      "FILED", "申請",
      "APPROVED", "承認",
      "REJECTED", "却下",
      "SENT_BACK", "差し戻し",
      "RESUBMITTED", "再申請",
      "WITHDRAWN", "取り下げ",
      "DONE", "完了",
      "REFUSED", "受付拒否 (規程違反)",
      "REMINDED", "督促",
      "ESCALATED", "上位者へ通知",
      "INSTRUCTED", "指示",
      "RECORDED", "記録",
      "LAPSED", "失効",
      "QUERIED", "監査照会",
      "DENIED", "照会拒否",
      "CANCELLED", "取消",
      "TERMINATED", "終了 (決定なし)");

  static final Map<String, String> STEP_KINDS = ordered(
      "FILING", "申請",
      "APPROVAL", "承認",
      "WORK", "作業",
      "CORRECTION", "修正",
      "FOLLOW_UP", "事後報告",
      "WITHDRAWAL", "引き戻し",
      "SYSTEM", "システム",
      "CANCELLATION", "取消",
      AuditAccess.STEP_KIND, "監査照会");

  static final Map<String, String> INSTANCE_STATES = ordered(
      "ACTIVE", "処理中",
      "SUSPENDED", "停止中",
      "COMPLETED", "完了",
      "EXTERNALLY_TERMINATED", "終了 (外部から)",
      "INTERNALLY_TERMINATED", "終了 (内部で)");

  private final Map<String, Map<String, String>> choices;

  AuditLabels() {
    this.choices = Collections.unmodifiableMap(readForms("classpath*:forms/**/*.form"));
  }

  String outcome(String code) {
    return code == null ? null : OUTCOMES.getOrDefault(code, code);
  }

  String stepKind(String code) {
    return code == null ? null : STEP_KINDS.getOrDefault(code, code);
  }

  String instanceState(String code) {
    return code == null ? null : INSTANCE_STATES.getOrDefault(code, code);
  }

  /** 部門責任者, 申請者, システム, … for the role a record says its actor acted as. */
  String role(String code) {
    if (code == null) {
      return null;
    }
    switch (code) {
      case "REQUESTER":
        return "申請者";
      case "SYSTEM":
        return "システム";
      case "ADMINISTRATOR":
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
  String choice(String field, String value) {
    if (value == null) {
      return null;
    }
    return choices.getOrDefault(field, Map.of()).getOrDefault(value, value);
  }

  /** The choices of a form field (value → label), in the form's order. */
  Map<String, String> choices(String field) {
    return choices.getOrDefault(field, Map.of());
  }

  private static Map<String, Map<String, String>> readForms(String pattern) {
    Map<String, Map<String, String>> result = new LinkedHashMap<>();
    ObjectMapper json = new ObjectMapper();
    try {
      for (Resource resource : new PathMatchingResourcePatternResolver().getResources(pattern)) {
        try (InputStream in = resource.getInputStream()) {
          collect(json.readTree(in), result);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return result;
  }

  private static void collect(JsonNode node, Map<String, Map<String, String>> result) {
    JsonNode values = node.get("values");
    JsonNode key = node.get("key");
    if (values != null && values.isArray() && key != null) {
      Map<String, String> labels = result.computeIfAbsent(key.asText(), k -> new LinkedHashMap<>());
      values.forEach(v -> labels.putIfAbsent(v.path("value").asText(), v.path("label").asText()));
    }
    JsonNode components = node.get("components");
    if (components != null) {
      components.forEach(child -> collect(child, result));
    }
  }

  private static Map<String, String> ordered(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return Collections.unmodifiableMap(map);
  }
}
