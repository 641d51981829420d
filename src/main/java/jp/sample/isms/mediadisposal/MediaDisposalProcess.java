package jp.sample.isms.mediadisposal;

/** Names of process {@code mediaDisposal} (bpmn/mediaDisposal.bpmn): key, decisions, element ids and variables. */
public final class MediaDisposalProcess {

  public static final String KEY = "mediaDisposal";
  public static final String DECISION_METHOD = "mediaDisposalMethod";
  public static final String DECISION_APPROVER = "mediaDisposalApprover";

  public static final String START_EVENT = "StartEvent_RequestFiled";
  public static final String TASK_RECEIVE = "UserTask_ReceiveRequest";
  public static final String TASK_CONFIRM_BY_OWNER = "UserTask_ConfirmByOwner";
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

  /** Set from the 情報資産管理台帳: the highest classification of the selected assets (極秘 for unregistered content). */
  public static final String CLASSIFICATION = "classification";
  /** The assets the medium holds, ids of the 情報資産管理台帳 ({@code IA-0001, IA-0004}). */
  public static final String ASSET_IDS = "assetIds";
  /** The medium holds information that is not in the register (then {@link #ASSET_IDS} is empty). */
  public static final String UNREGISTERED_CONTENT = "unregisteredContent";
  /** The medium holds the last copy of the selected assets: executing the disposal retires them in the register. */
  public static final String LAST_COPY = "lastCopy";
  /** Set from the register: whether assets were selected, what the approvers read of them, their owning department. */
  public static final String ASSETS_REGISTERED = "assetsRegistered";
  public static final String ASSET_SUMMARY = "assetSummary";
  public static final String ASSET_OWNER_DEPARTMENT = "assetOwnerDepartment";
  /** Role code of the 管理責任者's step from decision {@code mediaDisposalApprover}. */
  public static final String OWNER_ROLE = "ownerRole";
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
