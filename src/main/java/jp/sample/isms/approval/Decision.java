package jp.sample.isms.approval;

import jp.sample.isms.audit.Outcome;

/** What an approver decides on a step; recorded as the outcome of the same name. */
public enum Decision {
  APPROVED(Outcome.APPROVED),
  REJECTED(Outcome.REJECTED),
  SENT_BACK(Outcome.SENT_BACK);

  private final Outcome outcome;

  Decision(Outcome outcome) {
    this.outcome = outcome;
  }

  /** The outcome the record shows for this decision. */
  public Outcome outcome() {
    return outcome;
  }

  public String label() {
    return outcome.label();
  }
}
