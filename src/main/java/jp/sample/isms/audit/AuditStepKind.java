package jp.sample.isms.audit;

import java.util.Arrays;
import java.util.Optional;

/**
 * What kind of step a record is of (column {@code step_kind} of {@code audit_record}): the kinds of a request's user
 * tasks as its BPMN declares them, and the kinds of what happens around and outside requests. The stored code is the
 * constant's name and never changes (records are hash-chained over it).
 */
public enum AuditStepKind implements Labelled {
  FILING("申請", "Filing"),
  APPROVAL("承認", "Approval"),
  WORK("作業", "Work"),
  CORRECTION("修正", "Correction"),
  FOLLOW_UP("事後報告", "Follow-up"),
  WITHDRAWAL("引き戻し", "Withdrawal"),
  SYSTEM("システム", "System"),
  CANCELLATION("取消", "Cancellation"),
  ATTACHMENT("添付ファイル", "Attachment"),
  HAND_OVER("引き継ぎ", "Hand-over"),
  HISTORY("コメント・履歴", "Comments and history"),
  ORGANISATION("組織・人事", "Organisation"),
  ACCOUNT("アカウント", "Account"),
  SUBSTITUTION("代理", "Substitution"),
  REGISTER("台帳", "Register"),
  AUDIT_QUERY("監査照会", "Audit query");

  private final String label;
  private final String labelEn;

  AuditStepKind(String label, String labelEn) {
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

  public static Optional<AuditStepKind> of(String code) {
    return Arrays.stream(values()).filter(k -> k.name().equals(code)).findFirst();
  }
}
