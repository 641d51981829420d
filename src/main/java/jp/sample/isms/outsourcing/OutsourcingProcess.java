package jp.sample.isms.outsourcing;

/** Names of process {@code outsourcing} (bpmn/outsourcing.bpmn): key, element ids, decision and variables. */
public final class OutsourcingProcess {

  public static final String KEY = "outsourcing";
  public static final String DECISION_ROUTE = "outsourcingRoute";

  public static final String START_EVENT = "StartEvent_RequestFiled";
  public static final String TASK_DETERMINE_ROUTE = "BusinessRuleTask_DetermineRoute";
  public static final String TASK_EVALUATE = "UserTask_EvaluateContractor";
  public static final String TASK_APPROVE = "UserTask_ApproveSelection";
  public static final String TASK_CORRECT = "UserTask_CorrectRequest";
  public static final String TASK_CONFIRM_CONTRACT = "UserTask_ConfirmContract";
  public static final String TASK_EVALUATE_PERIODICALLY = "UserTask_EvaluatePeriodically";
  public static final String TASK_RECORD_SELECTION = "ServiceTask_RecordSelection";
  public static final String TASK_START_CONTRACT = "ServiceTask_StartContract";
  public static final String TASK_RECORD_EVALUATION = "ServiceTask_RecordEvaluation";
  public static final String TASK_CLOSE_CONTRACT = "ServiceTask_CloseContract";
  /** The running contract: the instance waits here from the contract's start until its end date. */
  public static final String SUBPROCESS_CONTRACT_RUNNING = "SubProcess_ContractRunning";
  public static final String EVENT_CONTRACT_ENDED = "IntermediateCatchEvent_ContractEnded";
  public static final String BOUNDARY_EVALUATION_DUE = "BoundaryEvent_EvaluationDue";
  public static final String END_CONTRACT_ENDED = "EndEvent_ContractEnded";
  public static final String END_EVALUATION_RECORDED = "EndEvent_EvaluationRecorded";
  public static final String END_REJECTED = "EndEvent_RequestRejected";
  public static final String END_WITHDRAWN = "EndEvent_RequestWithdrawn";
  public static final String END_WITHDRAWN_BY_REQUESTER = "EndEvent_RequestWithdrawnByRequester";

  // the request (start form)
  public static final String CONTRACTOR = "contractor";
  public static final String SCOPE_OF_WORK = "scopeOfWork";
  /** Set from the 情報資産管理台帳: the highest classification of the assets handed over ({@link #ASSET_IDS}). */
  public static final String ASSET_CLASSIFICATION = "assetClassification";
  /** The assets handed over to the contractor, ids of the 情報資産管理台帳 ({@code IA-0001, IA-0004}). */
  public static final String ASSET_IDS = "assetIds";
  public static final String ASSET_DESCRIPTION = "assetDescription";
  public static final String CONTRACT_START = "contractStart";
  public static final String CONTRACT_END = "contractEnd";
  /** Role codes from decision {@code outsourcingRoute}. */
  public static final String EVALUATOR_ROLE = "evaluatorRole";
  public static final String APPROVER_ROLE = "approverRole";
  /** The contract step (8.1.3, 8.1.6): the day both contracts were concluded. */
  public static final String CONTRACT_CONCLUDED_ON = "contractConcludedOn";
  /** Set when the contract starts: ISO-8601 interval and cycle of the periodic evaluation, end of the contract. */
  public static final String EVALUATION_INTERVAL = "evaluationInterval";
  public static final String EVALUATION_CYCLE = "evaluationCycle";
  public static final String CONTRACT_ENDS_AT = "contractEndsAt";
  // a periodic evaluation (8.1.4)
  public static final String EVALUATION_METHOD = "evaluationMethod";
  public static final String EVALUATED_ON = "evaluatedOn";
  public static final String FINDINGS = "findings";
  public static final String FINDING_IDENTIFIED = "findingIdentified";
  public static final String WRITTEN_AGREEMENT = "writtenAgreement";
  /** Free note of a requester's step, recorded as the audit comment. */
  public static final String COMMENT = "comment";

  private OutsourcingProcess() {
  }
}
