package jp.sample.isms.passwordreissue;

/** Names of process {@code passwordReissue} (bpmn/passwordReissue.bpmn): key, element ids and variables. */
public final class PasswordReissueProcess {

  public static final String KEY = "passwordReissue";

  public static final String TASK_DETERMINE_CHECKER = "ServiceTask_DetermineIdentityChecker";
  public static final String TASK_CHECK_IDENTITY = "UserTask_CheckIdentity";
  public static final String TASK_ISSUE_PASSWORD = "UserTask_IssuePassword";
  public static final String TASK_RECORD_REISSUE = "ServiceTask_RecordReissue";
  public static final String END_REISSUED = "EndEvent_PasswordReissued";
  public static final String END_NOT_CONFIRMED = "EndEvent_IdentityNotConfirmed";

  public static final String TARGET_USER_ID = "targetUserId";
  public static final String SYSTEM = "system";
  public static final String ACCOUNT_ID = "accountId";
  public static final String REASON = "reason";
  /** Role code of the identity check: the department head when the person filed, else the system administrator. */
  public static final String CHECKER_ROLE = "checkerRole";
  public static final String IDENTITY_CHECK_METHOD = "identityCheckMethod";
  public static final String IDENTITY_CHECK_NOTE = "identityCheckNote";
  public static final String DELIVERY_METHOD = "deliveryMethod";
  public static final String PASSWORD_CHANGE_ENFORCED = "passwordChangeEnforced";
  public static final String COMMENT = "comment";

  /** This approval system's own account (the others are systems of the account register). */
  public static final String PRODUCT = "PRODUCT";

  private PasswordReissueProcess() {
  }
}
