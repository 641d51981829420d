package jp.sample.isms.resubcontracting;

/** Names of process {@code resubcontracting} (bpmn/resubcontracting.bpmn): key, element ids and variables. */
public final class ResubcontractingProcess {

  public static final String KEY = "resubcontracting";

  public static final String START_EVENT = "StartEvent_RequestFiled";
  public static final String TASK_IDENTIFY_OWNER = "ServiceTask_IdentifyOwnerDepartment";
  public static final String TASK_ATTACH_DOCUMENTS = "UserTask_AttachDocuments";
  public static final String TASK_REVIEW = "UserTask_ReviewEquivalence";
  public static final String TASK_APPROVE = "UserTask_ApproveResubcontracting";
  public static final String TASK_CORRECT = "UserTask_CorrectRequest";
  public static final String TASK_REGISTER = "ServiceTask_RegisterResubcontractor";
  public static final String END_APPROVED = "EndEvent_ResubcontractingApproved";
  public static final String END_REJECTED = "EndEvent_RequestRejected";
  public static final String END_WITHDRAWN = "EndEvent_RequestWithdrawn";
  public static final String END_WITHDRAWN_BY_REQUESTER = "EndEvent_RequestWithdrawnByRequester";

  // the request (start form)
  public static final String OUTSOURCING_BUSINESS_KEY = "outsourcingBusinessKey";
  public static final String RESUBCONTRACTOR = "resubcontractor";
  public static final String SCOPE_OF_WORK = "scopeOfWork";
  public static final String RESUBCONTRACTOR_CERTIFIED = "resubcontractorCertified";
  // the outsourcing it belongs to, read from the engine when filed
  public static final String OUTSOURCING_CONTRACTOR = "outsourcingContractor";
  public static final String OUTSOURCING_REQUESTER = "outsourcingRequester";
  public static final String OUTSOURCING_DEPARTMENT = "outsourcingDepartment";
  public static final String OUTSOURCING_DEPARTMENT_NAME = "outsourcingDepartmentName";
  // the review (8.1.5: equivalence with 8.1.1, 8.1.3 and 8.1.4)
  public static final String EQUIVALENT_SELECTION_CRITERIA = "equivalentSelectionCriteria";
  public static final String EQUIVALENT_CONTRACT_TERMS = "equivalentContractTerms";
  public static final String EQUIVALENT_PERIODIC_EVALUATION = "equivalentPeriodicEvaluation";
  /** The field a refusal about the attached documents names. */
  public static final String ATTACHMENTS = "attachments";

  private ResubcontractingProcess() {
  }
}
