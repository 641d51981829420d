package jp.sample.isms.approval;

import jp.sample.isms.audit.AuditStepKind;

/**
 * What a user task is, declared on the task in the BPMN as the extension property {@code isms.stepKind}. The kernel
 * applies four eyes to APPROVAL and WORK steps, and gives CORRECTION and FOLLOW_UP steps to the requester.
 */
public enum StepKind {
  /** A role holder decides APPROVED, REJECTED or SENT_BACK. */
  APPROVAL,
  /** A role holder performs something (sets up an account) and records it. */
  WORK,
  /** The requester corrects a sent-back request and resubmits or withdraws it. */
  CORRECTION,
  /** The requester reports a duty after approval (return, execution of a disposal). */
  FOLLOW_UP;

  /** The kind of step the decision record shows for a step of this kind (the same code). */
  public AuditStepKind recorded() {
    return AuditStepKind.valueOf(name());
  }

  public boolean forRoleHolder() {
    return this == APPROVAL || this == WORK;
  }
}
