package jp.sample.isms.assetregistration;

/** Names of process {@code assetRegistration} (bpmn/assetRegistration.bpmn): key, element ids and variables. */
public final class AssetRegistrationProcess {

  public static final String KEY = "assetRegistration";
  public static final String DECISION_APPROVER = "assetRegistrationApprover";

  public static final String TASK_APPROVE_BY_OWNER = "UserTask_ApproveByOwner";
  public static final String TASK_APPROVE_BY_NEW_OWNER = "UserTask_ApproveByNewOwner";
  public static final String TASK_APPROVE_BY_SECURITY_OFFICER = "UserTask_ApproveBySecurityOfficer";
  public static final String TASK_CORRECT = "UserTask_CorrectRequest";
  public static final String END_CHANGED = "EndEvent_AssetChanged";
  public static final String END_REJECTED = "EndEvent_RequestRejected";
  public static final String END_WITHDRAWN = "EndEvent_RequestWithdrawn";
  public static final String END_WITHDRAWN_BY_REQUESTER = "EndEvent_RequestWithdrawnByRequester";

  /** REGISTER, CHANGE, RETIRE or MOVE (to another owning department). */
  public static final String CHANGE_KIND = "changeKind";
  public static final String REGISTER = "REGISTER";
  public static final String CHANGE = "CHANGE";
  public static final String RETIRE = "RETIRE";
  public static final String MOVE = "MOVE";
  /** The department a MOVE hands the asset to; its head becomes the asset's 管理責任者 (3.1.3). */
  public static final String NEW_OWNER_DEPARTMENT = "newOwnerDepartment";
  /** The asset changed or retired; for a registration, the id it was given when approved. */
  public static final String ASSET_ID = "assetId";
  public static final String CLASSIFICATION = "classification";
  public static final String CHANGE_REASON = "changeReason";
  /** Set from the register: the classification in force (null for a new asset) and the entry as the approver reads it. */
  public static final String CURRENT_CLASSIFICATION = "currentClassification";
  public static final String CURRENT_ENTRY = "currentEntry";
  public static final String SECURITY_OFFICER_REQUIRED = "securityOfficerRequired";

  private AssetRegistrationProcess() {
  }
}
