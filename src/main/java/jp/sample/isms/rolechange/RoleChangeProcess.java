package jp.sample.isms.rolechange;

/** Names of process {@code roleChange} (bpmn/roleChange.bpmn): key, element ids and variables. */
public final class RoleChangeProcess {

  public static final String KEY = "roleChange";

  public static final String TASK_APPROVE = "UserTask_ApproveRoleChange";
  public static final String TASK_CORRECT = "UserTask_CorrectRequest";
  public static final String TIMER_EXCEPTION_ENDS = "IntermediateCatchEvent_ExceptionEnds";
  public static final String END_CHANGED = "EndEvent_RoleChanged";
  public static final String END_EXCEPTION_LAPSED = "EndEvent_ExceptionLapsed";
  public static final String END_REJECTED = "EndEvent_RequestRejected";
  public static final String END_WITHDRAWN = "EndEvent_RequestWithdrawn";
  public static final String END_WITHDRAWN_BY_REQUESTER = "EndEvent_RequestWithdrawnByRequester";

  /** ADD or REMOVE. */
  public static final String CHANGE_KIND = "changeKind";
  public static final String ADD = "ADD";
  public static final String REMOVE = "REMOVE";
  /** A {@code Role} code or {@link RoleChanges#CAMUNDA_ADMIN}. */
  public static final String ROLE = "role";
  /** The department (department head) or section (section chief) the role is held for. */
  public static final String UNIT_CODE = "unitCode";
  /** The user id of the person who gains or loses the role. */
  public static final String PERSON = "person";
  /** 5.1.10: the last day of an exception (a privileged group for someone who is neither system administrator nor security officer). */
  public static final String EXCEPTION_UNTIL = "exceptionUntil";
  public static final String CHANGE_REASON = "changeReason";

  /** Set at filing: the engine group, who approves, the change as the approver reads it. */
  public static final String GROUP_ID = "groupId";
  public static final String APPROVER_ROLE = "approverRole";
  public static final String CHANGE_SUMMARY = "changeSummary";
  /** Set when applied: whether an exception runs, and when it ends (the day after its last day, Japan time). */
  public static final String EXCEPTION_GRANTED = "exceptionGranted";
  public static final String EXCEPTION_ENDS_AT = "exceptionEndsAt";

  private RoleChangeProcess() {
  }
}
