package jp.sample.isms.assetregistration;

/** Names of process {@code assetRegistration} (bpmn/assetRegistration.bpmn): key, element ids and variables. */
public final class AssetRegistrationProcess {

  public static final String KEY = "assetRegistration";
  public static final String DECISION_APPROVER = "assetRegistrationApprover";

  public static final String TASK_APPROVE_BY_OWNER = "UserTask_ApproveByOwner";
  public static final String TASK_APPROVE_BY_SECURITY_OFFICER = "UserTask_ApproveBySecurityOfficer";
  public static final String TASK_CORRECT = "UserTask_CorrectRequest";
  public static final String END_CHANGED = "EndEvent_AssetChanged";
  public static final String END_REJECTED = "EndEvent_RequestRejected";
  public static final String END_WITHDRAWN = "EndEvent_RequestWithdrawn";
  public static final String END_WITHDRAWN_BY_REQUESTER = "EndEvent_RequestWithdrawnByRequester";

  /** REGISTER, CHANGE or RETIRE. */
  public static final String CHANGE_KIND = "changeKind";
  public static final String REGISTER = "REGISTER";
  public static final String CHANGE = "CHANGE";
  public static final String RETIRE = "RETIRE";
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
