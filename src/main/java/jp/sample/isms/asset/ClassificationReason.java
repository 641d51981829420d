package jp.sample.isms.asset;

/** The criteria of the table in 3.1.1, each belonging to one classification. */
public enum ClassificationReason {
  LEGAL_SAFEGUARDS(Classification.SECRET, "法律で安全管理措置が義務付けられている"),
  CONFIDENTIALITY_OBLIGATION(Classification.SECRET, "守秘義務の対象として指定されている"),
  MAJOR_IMPACT_ON_PARTNERS(Classification.SECRET, "漏えいすると取引先や顧客に大きな影響がある"),
  MAJOR_IMPACT_ON_BUSINESS(Classification.INTERNAL, "漏えいすると事業に大きな影響がある"),
  NO_IMPACT(Classification.PUBLIC, "漏えいしても事業に影響はない (その他の情報)");

  private final Classification classification;
  private final String label;

  ClassificationReason(Classification classification, String label) {
    this.classification = classification;
    this.label = label;
  }

  public Classification classification() {
    return classification;
  }

  public String label() {
    return label;
  }

  static ClassificationReason of(String code) {
    for (ClassificationReason reason : values()) {
      if (reason.name().equals(code)) {
        return reason;
      }
    }
    return null;
  }
}
