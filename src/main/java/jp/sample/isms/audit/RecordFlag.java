package jp.sample.isms.audit;

import java.util.Arrays;
import java.util.Optional;

/**
 * A documented exception to four eyes (5.1.1) a decision was taken under (column {@code flags} of
 * {@code audit_record}), for the auditor to look at. The stored code is the constant's name.
 */
public enum RecordFlag implements Labelled {
  /** Nobody else holds the role: the requester's own request went to them. */
  SELF_APPROVAL("本人承認 (他に承認できる者なし)", "Self-approval (nobody else can approve)"),
  /** Everybody else has approved another step of the request already. */
  REPEATED_APPROVER("同一人による複数承認 (他に承認できる者なし)", "Repeated approver (nobody else left)");

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
