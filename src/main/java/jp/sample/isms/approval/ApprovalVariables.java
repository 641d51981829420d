package jp.sample.isms.approval;

import java.util.Set;

/**
 * Process variables the kernel owns. A client cannot set them: submissions naming them are refused. They are for
 * display (Tasklist lists and forms): the kernel decides from its own records ({@link RequestRecords}), so changing
 * one of them by other means changes nothing it decides.
 */
public final class ApprovalVariables {

  /** User id of who filed the request ({@code camunda:initiator}). */
  public static final String REQUESTER = "requester";
  public static final String REQUESTER_NAME = "requesterName";
  public static final String REQUESTER_DEPARTMENT = "requesterDepartment";
  public static final String REQUESTER_DEPARTMENT_NAME = "requesterDepartmentName";
  public static final String REQUESTER_SECTION = "requesterSection";
  /** The request number, also the engine's business key: {@code TO-2026-0001}. */
  public static final String BUSINESS_KEY = "businessKey";
  /** The flow's Japanese name, shown in Tasklist lists. */
  public static final String FLOW_NAME = "flowName";
  /** Outcome of the last approval step: {@link Decision}. */
  public static final String DECISION = "decision";
  public static final String DECISION_COMMENT = "decisionComment";
  /** Outcome of the requester's correction after a send-back: RESUBMIT or WITHDRAW. */
  public static final String RESUBMISSION = "resubmission";
  public static final String RESUBMIT = "RESUBMIT";
  public static final String WITHDRAW = "WITHDRAW";
  /** Who decided last and their name, for the requester's view of a send-back or rejection. */
  public static final String LAST_DECIDED_BY = "lastDecidedBy";

  /** Task-local: the role the step is offered to after escalation. */
  public static final String ACTING_ROLE = "actingRole";
  /** Task-local: a documented exception to four eyes (SELF_APPROVAL, REPEATED_APPROVER). */
  public static final String FOUR_EYES_EXCEPTION = "fourEyesException";

  public static final Set<String> RESERVED = Set.of(REQUESTER, REQUESTER_NAME, REQUESTER_DEPARTMENT,
      REQUESTER_DEPARTMENT_NAME, REQUESTER_SECTION, BUSINESS_KEY, FLOW_NAME, LAST_DECIDED_BY, ACTING_ROLE,
      FOUR_EYES_EXCEPTION);

  private ApprovalVariables() {
  }
}
