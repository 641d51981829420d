package jp.sample.isms.design;

/** Names of process {@code modelRevision} (bpmn/modelRevision.bpmn): key, element ids and variables. */
public final class ModelRevisionProcess {

  public static final String KEY = "modelRevision";

  public static final String TASK_APPROVE = "UserTask_ApproveRevision";
  public static final String TASK_COMMITTEE = "UserTask_ApproveByCommitteeMember";
  public static final String TASK_CORRECT = "UserTask_CorrectRequest";
  public static final String END_DEPLOYED = "EndEvent_RevisionDeployed";
  public static final String END_DEPLOYMENT_REFUSED = "EndEvent_DeploymentRefused";
  public static final String END_REJECTED = "EndEvent_RequestRejected";
  public static final String END_REJECTED_BY_COMMITTEE = "EndEvent_RejectedByCommittee";
  public static final String END_WITHDRAWN = "EndEvent_RequestWithdrawn";
  public static final String END_WITHDRAWN_BY_REQUESTER = "EndEvent_RequestWithdrawnByRequester";

  /** The filing the workbench made (files stored with their hashes) — set at filing. */
  public static final String FILING = "revisionFiling";
  /** The files with their SHA-256, as the approvers read them. */
  public static final String FILES = "revisionFiles";
  public static final String REASON = "revisionReason";
  public static final String CLAUSES = "revisionClauses";
  /** A change of the 対策規程・手順: the committee approves as well (1.4). */
  public static final String PROCEDURE_CHANGE = "procedureChange";

  /** Set by {@code ServiceTask_PrepareRevision}. */
  public static final String APPROVER_ROLE = "approverRole";
  public static final String EMERGENCY = "emergencyDeployment";
  /** The committee step: the member of one instance, the tally and the quorum. */
  public static final String COMMITTEE_MEMBER = "committeeMember";
  public static final String COMMITTEE_APPROVALS = "committeeApprovals";
  public static final String COMMITTEE_REJECTIONS = "committeeRejections";
  public static final String COMMITTEE_QUORUM = "committeeQuorum";
  /** Set by {@code ServiceTask_DeployRevision}. */
  public static final String DEPLOYED = "revisionDeployed";
  public static final String REGULATION_REVISION = "regulationRevision";
  public static final String DEPLOYMENT_ID = "deploymentId";

  private ModelRevisionProcess() {
  }
}
