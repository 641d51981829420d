package jp.sample.isms.audit;

import java.time.OffsetDateTime;

/** One decision, refusal or event of a request, as recorded. */
public record AuditEntry(
    Long id,
    String businessKey,
    String processInstanceId,
    String flowKey,
    Integer flowVersion,
    String step,
    String stepName,
    String stepKind,
    String actor,
    String actorName,
    String actingRole,
    String principal,
    String requester,
    String departmentCode,
    OffsetDateTime occurredAt,
    String outcome,
    String comment,
    String clauses,
    String flags,
    String regulationRevision,
    String submittedValues) {

  /** A record without submitted values (every record but a filing or a completed step). */
  public AuditEntry(Long id, String businessKey, String processInstanceId, String flowKey, Integer flowVersion,
      String step, String stepName, String stepKind, String actor, String actorName, String actingRole,
      String principal, String requester, String departmentCode, OffsetDateTime occurredAt, String outcome,
      String comment, String clauses, String flags, String regulationRevision) {
    this(id, businessKey, processInstanceId, flowKey, flowVersion, step, stepName, stepKind, actor, actorName,
        actingRole, principal, requester, departmentCode, occurredAt, outcome, comment, clauses, flags,
        regulationRevision, null);
  }
}
