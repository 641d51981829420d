package jp.sample.isms.securityapproval;

/** Names of process {@code securityApproval} (bpmn/securityApproval.bpmn): key, decisions, element ids, variables. */
public final class SecurityApprovalProcess {

  public static final String KEY = "securityApproval";
  public static final String DECISION_TYPE = "securityApprovalType";
  public static final String DECISION_FIELD = "securityApprovalField";
  public static final String DECISION_REFUSAL = "securityApprovalRefusal";

  public static final String START_EVENT = "StartEvent_RequestFiled";
  public static final String TASK_DETERMINE_ROUTE = "BusinessRuleTask_DetermineRoute";
  public static final String TASK_REVIEW = "UserTask_ReviewRequest";
  public static final String TASK_APPROVE = "UserTask_ApproveRequest";
  public static final String TASK_PRE_CONNECTION_CHECK = "UserTask_ReportPreConnectionCheck";
  public static final String TASK_CORRECT = "UserTask_CorrectRequest";
  public static final String TASK_APPLY = "ServiceTask_ApplyApproval";
  public static final String TASK_FILE_ACCOUNT_REQUEST = "ServiceTask_FileAccountRequest";
  public static final String TASK_REMIND_HOLDER = "ServiceTask_RemindHolder";
  public static final String TASK_RECORD_LAPSE = "ServiceTask_RecordLapse";
  public static final String TIMER_BEFORE_EXPIRY = "IntermediateCatchEvent_BeforeExpiry";
  public static final String TIMER_PERMIT_ENDS = "IntermediateCatchEvent_PermitEnds";
  public static final String END_GRANTED = "EndEvent_PermitGranted";
  public static final String END_LAPSED = "EndEvent_PermitLapsed";
  public static final String END_ACCOUNT_REQUEST_FILED = "EndEvent_AccountRequestFiled";
  public static final String END_REJECTED = "EndEvent_RequestRejected";
  public static final String END_WITHDRAWN = "EndEvent_RequestWithdrawn";
  public static final String END_WITHDRAWN_BY_REQUESTER = "EndEvent_RequestWithdrawnByRequester";

  // the request (start form); which of them a type needs is decision securityApprovalField
  public static final String REQUEST_TYPE = "requestType";
  public static final String PURPOSE = "purpose";
  public static final String SUBJECT = "subject";
  public static final String AREA = "area";
  public static final String PARTICIPANTS = "participants";
  public static final String VALID_FROM = "validFrom";
  public static final String VALID_UNTIL = "validUntil";
  public static final String SECURITY_MEASURES = "securityMeasures";
  public static final String SPEC_DOCUMENT = "specDocument";
  public static final String DEVICE_ID = "deviceId";
  public static final String DEVICE_KIND = "deviceKind";
  public static final String LOCATION = "location";
  public static final String OS = "os";
  public static final String DEVICE_OWNERSHIP = "deviceOwnership";
  public static final String SOFTWARE_CATEGORY = "softwareCategory";
  public static final String OS_JUSTIFICATION = "osJustification";
  public static final String SOFTWARE_VERSION = "softwareVersion";
  public static final String VENDOR = "vendor";
  public static final String TARGET_DEVICES = "targetDevices";
  public static final String VENDOR_SUPPORT_UNTIL = "vendorSupportUntil";
  public static final String LICENCE = "licence";
  public static final String SCOPE = "scope";
  public static final String DEVICE_OWNER = "deviceOwner";
  public static final String MAC_ADDRESS = "macAddress";
  public static final String EMPLOYEE_ID = "employeeId";
  public static final String MAIL_ADDRESS = "mailAddress";
  public static final String DATA_CENTRE_TIER = "dataCentreTier";
  public static final String CLASSIFICATION = "classification";
  public static final String NDA_CONCLUDED = "ndaConcluded";
  public static final String CONNECTION_METHOD = "connectionMethod";

  // the steps
  /** The system administrator's review: the requirements they set are met (7.6, 7.8, 7.21; 7.4, 7.7, 7.9). */
  public static final String REQUIREMENTS_CONFIRMED = "requirementsConfirmed";
  /** The approver looked at this request on its own: required for the types that may not be approved in bulk. */
  public static final String REVIEWED_INDIVIDUALLY = "reviewedIndividually";
  public static final String ATTEST_DEFINITIONS_UPDATED = "attestDefinitionsUpdated";
  public static final String ATTEST_FULL_SCAN_CLEAN = "attestFullScanClean";
  public static final String SCAN_COMPLETED_ON = "scanCompletedOn";

  // outputs of decision securityApprovalType, process variables by the decision outputs listener
  public static final String REVIEWER_ROLE = "reviewerRole";
  public static final String APPROVER_ROLE = "approverRole";
  public static final String FOLLOW_UP = "followUp";
  public static final String REGISTER_ACTION = "registerAction";
  public static final String EXPIRES = "expires";
  public static final String BULK_APPROVABLE = "bulkApprovable";
  public static final String CLAUSE = "clause";

  /** Set when the permit is recorded: the timers of a permit with an end date. */
  public static final String PERMIT_REMINDER_AT = "permitReminderAt";
  public static final String PERMIT_ENDS_AT = "permitEndsAt";
  /** Set when the account request of an internet mail address (7.20) is filed: its request number. */
  public static final String ACCOUNT_REQUEST_NUMBER = "accountRequestNumber";

  public static final String NONE = "NONE";

  private SecurityApprovalProcess() {
  }
}
