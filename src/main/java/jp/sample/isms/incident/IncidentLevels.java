package jp.sample.isms.incident;

import jp.sample.isms.approval.ValidationErrors;

/**
 * The rule of a change of an incident's level (9.2, 9.4.1), wherever it is made (the first responder's confirmation,
 * a later re-levelling): a level 0–3; a change needs its reason, recorded with it; a leak stays at level 2 or higher.
 */
final class IncidentLevels {

  static final String CLAUSE_LEVEL = "9.2";
  static final String CLAUSE_LEAK = "9.4.1";

  private IncidentLevels() {
  }

  /** Parses a level as the form or an API sends it; null if it is not 0–3. */
  static Integer parse(Object value) {
    if (value == null) {
      return null;
    }
    try {
      int level = Integer.parseInt(value.toString().trim());
      return level >= 0 && level <= 3 ? level : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static void checkChange(String kind, Integer current, Object requested, String reason, ValidationErrors errors) {
    Integer level = parse(requested);
    if (level == null) {
      errors.field(IncidentProcess.LEVEL, "事故レベルは 0〜3 で指定してください");
      return;
    }
    if ("LEAK".equals(kind) && level < 2) {
      errors.refuse(IncidentProcess.LEVEL, CLAUSE_LEAK, "情報漏えい・流出は全て事故レベル 2 以上です");
    }
    if (current != null && level.intValue() != current.intValue() && (reason == null || reason.isBlank())) {
      errors.refuse(IncidentProcess.LEVEL_REASON, CLAUSE_LEVEL,
          "事故レベルを変更する (" + current + " → " + level + ") には理由が必要です");
    }
  }
}
