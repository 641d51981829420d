package jp.sample.isms.audit;

import java.util.Arrays;
import java.util.Optional;

/**
 * What the auditor is to look at in a record (column {@code flags} of {@code audit_record}): a documented exception to
 * four eyes (5.1.1) a decision was taken under, an emergency deployment of a model (1.4), or why an approved revision
 * was not deployed. The stored code is the constant's name.
 */
public enum RecordFlag implements Labelled {
  /** Nobody else holds the role: the requester's own request went to them. */
  SELF_APPROVAL("本人承認 (他に承認できる者なし)", "Self-approval (nobody else can approve)"),
  /** Everybody else has approved another step of the request already. */
  REPEATED_APPROVER("同一人による複数承認 (他に承認できる者なし)", "Repeated approver (nobody else left)"),
  /** The revision's files were deployed before its approval (an administrator's emergency deployment). */
  EMERGENCY("緊急配備 (承認前に配備済み)", "Emergency deployment (deployed before the approval)"),
  /** A stored file of the revision changed after its filing: nothing deployed. */
  CHANGED_AFTER_FILING("申請後にファイルが変更された", "Files changed after the filing"),
  /** The checks at deployment found errors: nothing deployed. */
  CHECKS_FAILED("配備時の検査でエラー", "Checks failed at deployment");

  private final String label;
  private final String labelEn;

  RecordFlag(String label, String labelEn) {
    this.label = label;
    this.labelEn = labelEn;
  }

  @Override
  public String code() {
    return name();
  }

  @Override
  public String label() {
    return label;
  }

  @Override
  public String labelEn() {
    return labelEn;
  }

  public static Optional<RecordFlag> of(String code) {
    return Arrays.stream(values()).filter(f -> f.name().equals(code)).findFirst();
  }
}
