package jp.sample.isms.mediadisposal;

/** Names of process {@code mediaDisposal} (bpmn/mediaDisposal.bpmn): key, decisions, element ids and variables. */
public final class MediaDisposalProcess {

  public static final String KEY = "mediaDisposal";
  public static final String DECISION_METHOD = "mediaDisposalMethod";
  public static final String DECISION_APPROVER = "mediaDisposalApprover";

  public static final String START_EVENT = "StartEvent_RequestFiled";
  public static final String TASK_RECEIVE = "UserTask_ReceiveRequest";
  public static final String TASK_APPROVE = "UserTask_ApproveDisposal";
  public static final String TASK_REPORT_EXECUTION = "UserTask_ReportExecution";
  public static final String TASK_CORRECT = "UserTask_CorrectRequest";
  public static final String GATEWAY_APPROVAL_REQUIRED = "Gateway_ApprovalRequired";
  public static final String GATEWAY_RECEIVED = "Gateway_Received";
  public static final String GATEWAY_APPROVED = "Gateway_Approved";
  public static final String GATEWAY_RESUBMITTED = "Gateway_Resubmitted";
  public static final String END_RECORDED = "EndEvent_DisposalRecorded";
  public static final String END_DISPOSED = "EndEvent_MediaDisposed";
  public static final String END_REJECTED = "EndEvent_MediaDisposalRejected";
  public static final String END_WITHDRAWN = "EndEvent_RequestWithdrawn";
  public static final String END_WITHDRAWN_BY_REQUESTER = "EndEvent_RequestWithdrawnByRequester";

  public static final String CLASSIFICATION = "classification";
  public static final String MEDIA_TYPE = "mediaType";
  public static final String BACKUP_MEDIUM = "backupMedium";
  public static final String ACTION = "action";
  public static final String METHOD = "method";
  public static final String CONTRACTOR = "contractor";
  public static final String QUANTITY = "quantity";
  public static final String DESCRIPTION = "description";
  public static final String RECEIVER_ROLE = "receiverRole";
  public static final String APPROVER_ROLE = "approverRole";
  public static final String EXECUTED_ON = "executedOn";
  public static final String EXECUTION_NOTE = "executionNote";
  /** Not a variable: the field a missing certificate of destruction is reported on. */
  public static final String CERTIFICATE = "certificateOfDestruction";

  public static final String DISPOSE = "DISPOSE";
  public static final String REUSE = "REUSE";
  public static final String OUTSOURCED_DESTRUCTION = "OUTSOURCED_DESTRUCTION";

  private MediaDisposalProcess() {
  }
}
