package jp.sample.isms.offboarding;

/** Names of process {@code offboarding} (bpmn/offboarding.bpmn): key, element ids and variables. */
public final class OffboardingProcess {

  public static final String KEY = "offboarding";

  public static final String TASK_LIST_RETURNS = "ServiceTask_ListReturns";
  public static final String TASK_CONFIRM_RETURNS = "UserTask_ConfirmReturns";
  public static final String TASK_FILE_ACCOUNT_DELETIONS = "ServiceTask_FileAccountDeletions";
  public static final String EVENT_END_OF_LAST_WORKING_DAY = "IntermediateCatchEvent_EndOfLastWorkingDay";
  public static final String TASK_DISABLE_PRODUCT_ACCOUNT = "ServiceTask_DisableProductAccount";
  public static final String END_OFFBOARDED = "EndEvent_Offboarded";

  public static final String TARGET_USER_ID = "targetUserId";
  public static final String LAST_WORKING_DAY = "lastWorkingDay";
  public static final String OTHER_ITEMS_TO_RETURN = "otherItemsToReturn";
  /** What the registers say is to be returned, and the accounts to delete, one per line (display only). */
  public static final String RETURN_ITEMS = "returnItems";
  public static final String ACCOUNTS_TO_DELETE = "accountsToDelete";
  /** The end of the last working day, Japan time: the product account is disabled then. */
  public static final String DISABLE_AT = "disableAt";
  public static final String ACCOUNT_REQUESTS = "accountRequests";

  private OffboardingProcess() {
  }
}
