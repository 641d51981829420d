package jp.sample.isms.accountrequest;

/** Names of process {@code accountRequest} (bpmn/accountRequest.bpmn): key, element ids, decisions and variables. */
public final class AccountRequestProcess {

  public static final String KEY = "accountRequest";
  public static final String DECISION_ROUTE = "accountRequestRoute";
  public static final String DECISION_SHARED_ALLOWED = "accountSharedAllowed";

  public static final String START_EVENT = "StartEvent_RequestFiled";
  public static final String TASK_DETERMINE_ROUTE = "BusinessRuleTask_DetermineRoute";
  public static final String TASK_ENDORSE = "UserTask_EndorseRequest";
  public static final String TASK_APPROVE = "UserTask_ApproveAccount";
  public static final String TASK_SET_UP = "UserTask_SetUpAccount";
  public static final String TASK_CORRECT = "UserTask_CorrectRequest";
  public static final String TASK_DISABLE = "UserTask_DisableAccount";
  public static final String TASK_IDENTIFY_ASSETS = "ServiceTask_IdentifyAssets";
  public static final String TASK_RECORD_DISABLE_REFUSAL = "ServiceTask_RecordDisableRefusal";
  public static final String TASK_RECORD_ACCOUNT = "ServiceTask_RecordAccount";
  public static final String TASK_INSTRUCT_PASSWORD_CHANGE = "ServiceTask_InstructPasswordChange";
  public static final String TASK_SET_DISABLE_DEADLINE = "ServiceTask_SetDisableDeadline";
  public static final String TASK_RECORD_DISABLING = "ServiceTask_RecordDisabling";
  public static final String TASK_ESCALATE_OVERDUE_DISABLING = "ServiceTask_EscalateOverdueDisabling";
  public static final String BOUNDARY_DISABLE_OVERDUE = "BoundaryEvent_DisableOverdue";
  public static final String END_SET_UP = "EndEvent_AccountSetUp";
  public static final String END_DISABLED = "EndEvent_AccountDisabled";
  public static final String END_DISABLE_REFUSED = "EndEvent_DisableRefused";
  public static final String END_DISABLING_ESCALATED = "EndEvent_DisablingEscalated";
  public static final String END_REJECTED = "EndEvent_RequestRejected";
  public static final String END_WITHDRAWN = "EndEvent_RequestWithdrawn";
  public static final String END_WITHDRAWN_BY_REQUESTER = "EndEvent_RequestWithdrawnByRequester";

  public static final String REQUEST_TYPE = "requestType";
  public static final String TARGET_USER_ID = "targetUserId";
  public static final String SYSTEM = "system";
  public static final String ACCOUNT_ID = "accountId";
  public static final String ACCESS_RIGHTS = "accessRights";
  public static final String SHARED_ACCOUNT = "sharedAccount";
  public static final String PRIVILEGED = "privileged";
  public static final String REASON = "reason";
  public static final String UNNEEDED_DATE = "unneededDate";
  /** The assets of the 情報資産管理台帳 the access rights are for (5.1.1), and what the approvers read of them. */
  public static final String ASSET_IDS = "assetIds";
  public static final String ASSET_SUMMARY = "assetSummary";
  /** The system administrator's answer to a deletion (5.1.7): {@code DISABLED}, or {@code REFUSED} with a reason. */
  public static final String DISABLE_OUTCOME = "disableOutcome";
  public static final String DISABLED = "DISABLED";
  public static final String REFUSED = "REFUSED";
  public static final String REFUSAL_REASON = "refusalReason";
  /** Role codes from decision {@code accountRequestRoute}. */
  public static final String ENDORSER_ROLE = "endorserRole";
  public static final String APPROVER_ROLE = "approverRole";
  public static final String PERFORMER_ROLE = "performerRole";
  /** Output of decision {@code accountSharedAllowed}. */
  public static final String SHARED_ALLOWED = "sharedAllowed";
  /** What the system administrator set up (5.1.5). */
  public static final String GRANTED_ACCOUNT_ID = "grantedAccountId";
  public static final String GRANTED_RIGHTS = "grantedRights";
  public static final String PASSWORD_CHANGE_ENFORCED = "passwordChangeEnforced";
  /** When the system administrator disabled the account (5.1.7) and by when they must have. */
  public static final String DISABLED_ON = "disabledOn";
  public static final String DISABLE_DUE_AT = "disableDueAt";
  /** Free note of a work step, recorded as the audit comment. */
  public static final String COMMENT = "comment";

  /** Role code of a route step that does not exist for the request type. */
  public static final String NO_ROLE = "NONE";

  private AccountRequestProcess() {
  }
}
