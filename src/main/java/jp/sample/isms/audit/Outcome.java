package jp.sample.isms.audit;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a record says happened (column {@code outcome} of {@code audit_record}). The stored code is the constant's
 * name and never changes: records are hash-chained over it (see {@link AuditChain}). Every outcome carries its
 * Japanese and English label, so none reaches an auditor as a raw code.
 */
public enum Outcome implements Labelled {
  // requests and their steps
  FILED("申請", "Filed"),
  APPROVED("承認", "Approved"),
  REJECTED("却下", "Rejected"),
  SENT_BACK("差し戻し", "Sent back"),
  RESUBMITTED("再申請", "Resubmitted"),
  WITHDRAWN("取り下げ", "Withdrawn"),
  DONE("完了", "Done"),
  REFUSED("受付拒否 (規程違反)", "Refused (against the regulation)"),
  REMINDED("督促", "Reminded"),
  ESCALATED("上位者へ通知", "Escalated"),
  INSTRUCTED("指示", "Instructed"),
  NOTIFIED("通知", "Notified"),
  RECORDED("記録", "Recorded"),
  LAPSED("失効", "Lapsed"),
  ENDED("終了", "Ended"),
  CANCELLED("取消", "Cancelled"),
  TERMINATED("終了 (決定なし)", "Ended without a decision"),
  // what a flow's own service tasks record
  PASSWORD_REISSUED("パスワードの再発行", "Password reissued"),
  HANDED_OVER("アカウント停止・ステップの引き継ぎ", "Account disabled, steps handed over"),
  ACCOUNT_REQUESTS_FILED("アカウント申請の起票", "Account requests filed"),
  ACCOUNT_CREATED("アカウントの作成", "Account created"),
  ROUTED("対応者の決定", "Responders determined"),
  PLANNED("対応手順の計画", "Response planned"),
  RELEVELLED("事故レベルの変更", "Incident level changed"),
  CLOSED("終結", "Closed"),
  REVISION_DEPLOYED("規程の版の配備", "Regulation revision deployed"),
  DEPLOYMENT_REFUSED("配備の拒否", "Deployment refused"),
  LEFT_COMMITTEE("委員でなくなったため確認対象外", "Not a committee member any more"),
  IMPROVEMENT_DONE("改善項目の完了", "Improvement item done"),
  // around the steps of a request
  ATTACHED("添付", "Attached"),
  ATTACHMENT_REMOVED("添付の削除", "Attachment removed"),
  COMMENTED("コメント", "Commented"),
  HISTORY_CHANGED("履歴の変更", "History changed"),
  STEP_RELEASED("担当の解除", "Step released"),
  STEP_ESCALATED("上位の役割へ回付", "Step escalated to a superior role"),
  STEP_HANDED_OVER("ステップの引き継ぎ", "Step handed over"),
  // the organisation, accounts and substitutes
  ROLE_HOLDER_REPLACED("役割の担当者の交代", "Role holder replaced"),
  ROLE_HOLDER_ADDED("役割の担当者の追加", "Role holder added"),
  ROLE_HOLDER_REMOVED("役割の担当者の解除", "Role holder removed"),
  MOVED("人事異動", "Moved"),
  NO_STRANDED_STEPS("対応できる者のいないステップなし", "No stranded steps"),
  STRANDED_STEPS_FOUND("対応できる者のいないステップあり", "Stranded steps found"),
  ACCOUNT_DISABLED("アカウントの停止", "Account disabled"),
  ACCOUNT_ENABLED("アカウントの再開", "Account enabled"),
  PASSWORD_EXPIRY_WARNED("パスワード有効期限の警告", "Password expiry warned"),
  SUBSTITUTE_NAMED("代理の指名", "Substitute named"),
  SUBSTITUTE_REVOKED("代理の取消", "Substitute revoked"),
  // the auditor's own queries
  QUERIED("監査照会", "Audit query"),
  DENIED("照会拒否", "Audit query denied");

  private final String label;
  private final String labelEn;

  Outcome(String label, String labelEn) {
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

  /** The outcome a stored code stands for; empty for a code no constant has (never written by this product). */
  public static Optional<Outcome> of(String code) {
    return Arrays.stream(values()).filter(o -> o.name().equals(code)).findFirst();
  }
}
