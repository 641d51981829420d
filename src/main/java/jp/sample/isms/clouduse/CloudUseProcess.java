package jp.sample.isms.clouduse;

/** Names of process {@code cloudUse} (bpmn/cloudUse.bpmn): key, decision, element ids and variables. */
public final class CloudUseProcess {

  public static final String KEY = "cloudUse";
  public static final String DECISION_REQUIREMENT = "cloudUseRequirement";

  public static final String START_EVENT = "StartEvent_RequestFiled";
  public static final String TASK_EVALUATE = "UserTask_EvaluateProvider";
  public static final String TASK_APPROVE = "UserTask_ApproveCloudUse";
  public static final String TASK_CONFIRM_NDA = "UserTask_ConfirmNonDisclosureAgreement";
  public static final String TASK_CORRECT = "UserTask_CorrectRequest";
  public static final String TASK_REGISTER = "ServiceTask_RegisterCloudService";
  public static final String TASK_NOTIFY_REQUESTER = "ServiceTask_NotifyRequester";
  public static final String GATEWAY_PROVIDER_EVALUATED = "Gateway_ProviderEvaluated";
  public static final String GATEWAY_APPROVED = "Gateway_CloudUseApproved";
  public static final String GATEWAY_RESUBMITTED = "Gateway_Resubmitted";
  public static final String END_REGISTERED = "EndEvent_CloudServiceRegistered";
  public static final String END_REJECTED = "EndEvent_RequestRejected";
  public static final String END_WITHDRAWN = "EndEvent_RequestWithdrawn";
  public static final String END_WITHDRAWN_BY_REQUESTER = "EndEvent_RequestWithdrawnByRequester";

  // the request (start form)
  public static final String SERVICE_NAME = "serviceName";
  public static final String PROVIDER = "provider";
  public static final String PURPOSE = "purpose";
  /** The highest classification of the data to be stored (3.1.1): PUBLIC, INTERNAL, SECRET. */
  public static final String CLASSIFICATION = "classification";
  public static final String BACKUP_USE = "backupUse";
  public static final String REGISTRATION_EMAIL = "registrationEmail";
  public static final String EXPECTED_START_DATE = "expectedStartDate";

  // the system administrator's evaluation of the provider (7.18, 4.1.3)
  public static final String ISO27017_CERTIFIED = "iso27017Certified";
  public static final String CS_MARK_CERTIFIED = "csMarkCertified";
  public static final String OTHER_CERTIFICATIONS = "otherCertifications";
  /** Terms of use and security policy conform to the regulation (4.1.3, first service requirement). */
  public static final String TERMS_CONFORM = "termsConform";
  public static final String DATA_LOCATION = "dataLocation";
  /** The facility is outside the area whose disasters affect the company's sites (4.1.3, second requirement). */
  public static final String FACILITY_OUTSIDE_DISASTER_AREA = "facilityOutsideDisasterArea";
  public static final String EVALUATION_OPINION = "evaluationOpinion";

  /** The security officer's explicit approval of storing INTERNAL or SECRET data (7.18). */
  public static final String STORAGE_APPROVED = "storageApproved";

  // the non-disclosure agreement with the provider's administrator (7.18)
  public static final String NDA_SIGNED = "ndaSigned";
  public static final String NDA_SIGNED_ON = "ndaSignedOn";
  public static final String NDA_REFERENCE = "ndaReference";
  /** Free note of a work step, recorded as the audit comment. */
  public static final String COMMENT = "comment";

  /** Set when the service is registered: when it is due for review. */
  public static final String REVIEW_DATE = "reviewDate";

  /** Outputs of decision {@code cloudUseRequirement}. */
  public static final String REQUIREMENT = "requirement";
  public static final String CONFIRMED_BY = "confirmedBy";
  public static final String REQUIREMENT_CLAUSE = "clause";
  public static final String REQUIREMENT_TEXT = "text";

  private CloudUseProcess() {
  }
}
