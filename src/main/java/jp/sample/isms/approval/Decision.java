package jp.sample.isms.approval;

/** What an approver decides on a step. */
public enum Decision {
  APPROVED("承認"),
  REJECTED("却下"),
  SENT_BACK("差し戻し");

  private final String label;

  Decision(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
