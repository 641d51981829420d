package jp.sample.isms.takeout;

/** Names of process {@code takeOut} (bpmn/takeOut.bpmn): key, element ids and variables. */
public final class TakeOutProcess {

  public static final String KEY = "takeOut";
  public static final String DECISION_APPROVER = "takeOutApprover";
  public static final String DECISION_MEASURES = "takeOutMeasures";

  public static final String START_EVENT = "StartEvent_RequestFiled";
  public static final String TASK_APPROVE = "UserTask_ApproveTakeOut";
  public static final String TASK_REPORT_RETURN = "UserTask_ReportReturn";
  public static final String TASK_CORRECT = "UserTask_CorrectRequest";
  public static final String TASK_REGISTER_ASSET = "UserTask_RegisterAsset";
  public static final String BOUNDARY_RETURN_OVERDUE = "BoundaryEvent_ReturnOverdue";
  public static final String EVENT_THREE_DAYS_LATER = "IntermediateCatchEvent_ThreeDaysLater";
  public static final String END_RECORDED = "EndEvent_TakeOutRecorded";
  public static final String END_RETURNED = "EndEvent_TakeOutReturned";
  public static final String END_REJECTED = "EndEvent_TakeOutRejected";
  public static final String END_WITHDRAWN = "EndEvent_RequestWithdrawn";
  public static final String END_WITHDRAWN_BY_REQUESTER = "EndEvent_RequestWithdrawnByRequester";
  public static final String END_OVERDUE_NOTIFIED = "EndEvent_OverdueNotified";
  public static final String END_UNREGISTERED_ASSET_REFUSED = "EndEvent_UnregisteredAssetRefused";

  public static final String ASSET_DESCRIPTION = "assetDescription";
  /** The assets taken out: ids of the 情報資産管理台帳 ({@code IA-0001, IA-0002}). */
  public static final String ASSET_IDS = "assetIds";
  /** The requester takes out an asset that is not in the register yet (3.1.1). */
  public static final String UNREGISTERED_ASSET = "unregisteredAsset";
  /** Set from the register, never by the requester: the highest classification of the assets (3.1.1). */
  public static final String CLASSIFICATION = "classification";
  /** Set from the register: whether the assets are registered (false for an unregistered one). */
  public static final String ASSETS_REGISTERED = "assetsRegistered";
  /** Set from the register: the assets as the approver reads them, with classification and owner at filing. */
  public static final String ASSET_SUMMARY = "assetSummary";
  /** The department head's answer to an unregistered asset: REGISTERED or REFUSED. */
  public static final String ASSET_REGISTRATION = "assetRegistration";
  public static final String REGISTERED = "REGISTERED";
  public static final String MEDIUM = "medium";
  public static final String DESTINATION = "destination";
  public static final String PURPOSE = "purpose";
  public static final String START_DATE = "startDate";
  public static final String PLANNED_RETURN_DATE = "plannedReturnDate";
  public static final String RETURNED_ON = "returnedOn";
  public static final String APPROVER_ROLE = "approverRole";
  public static final String RETURN_DUE_AT = "returnDueAt";
  public static final String RETURN_REMINDER_AT = "returnReminderAt";
  public static final String APPROVED_BY = "approvedBy";

  private TakeOutProcess() {
  }
}
