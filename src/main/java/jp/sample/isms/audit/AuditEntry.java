package jp.sample.isms.audit;

import java.time.OffsetDateTime;
import java.util.Objects;

import jp.sample.isms.organisation.Role;

/**
 * One decision, refusal or event of a request, as recorded. The components hold the stored codes (the record is
 * hash-chained over them, see {@link AuditChain}); an entry is built with one of the named factories and its typed
 * {@link Builder}: {@link #filing}, {@link #step}, {@link #systemStep} and {@link #event}.
 *
 * <pre>{@code
 * AuditEntry.systemStep(businessKey, execution.getProcessInstanceId(), TakeOutProcess.KEY,
 *         execution.getCurrentActivityId(), "申請者に返却を督促する")
 *     .requester(requester, department).outcome(Outcome.REMINDED).comment("返却予定日超過").clauses("3.2").build();
 * }</pre>
 */
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

  /** The start event every filing is recorded at, whatever the flow's model calls its own. */
  public static final String FILING_STEP = "StartEvent_RequestFiled";
  /** The actor of what the product does itself. */
  public static final String SYSTEM_ACTOR = "system";
  static final String SYSTEM_ACTOR_NAME = "システム";
  /** The acting role of a requester on their own request (filing, correction, withdrawal). */
  public static final String REQUESTER = "REQUESTER";
  /** The acting role of the product itself. */
  public static final String SYSTEM = "SYSTEM";
  /** The acting role of an administrator (camunda-admin) who cancelled or ended a request. */
  public static final String ADMINISTRATOR = "ADMINISTRATOR";

  /** The typed outcome; empty only for a code this product never wrote. */
  public java.util.Optional<Outcome> typedOutcome() {
    return Outcome.of(outcome);
  }

  // ---------------------------------------------------------------- the kinds of entry

  /**
   * The filing of a request by {@code requester} (or its refusal: {@code businessKey} and {@code processInstanceId}
   * null, outcome {@link Outcome#REFUSED}), at the kernel's filing step.
   */
  public static Builder filing(String businessKey, String processInstanceId, String flowKey, Integer flowVersion,
      String requester, String requesterName, String departmentCode) {
    return new Builder(flowKey, FILING_STEP, "申請", AuditStepKind.FILING).request(businessKey, processInstanceId)
        .version(flowVersion).by(requester, requesterName).requester(requester, departmentCode);
  }

  /** Something a person (or the product, see {@link Builder#bySystem()}) did at a step of a request. */
  public static Builder step(String businessKey, String processInstanceId, String flowKey, String step,
      String stepName, AuditStepKind kind) {
    return new Builder(flowKey, step, stepName, kind).request(businessKey, processInstanceId);
  }

  /** Something the product did itself at a step of a request (a service task, a timer): kind SYSTEM, actor system. */
  public static Builder systemStep(String businessKey, String processInstanceId, String flowKey, String step,
      String stepName) {
    return step(businessKey, processInstanceId, flowKey, step, stepName, AuditStepKind.SYSTEM).bySystem();
  }

  /**
   * An event outside any request (the organisation, accounts, substitutes, register imports, audit queries):
   * {@code area} stands where a request's flow key would.
   */
  public static Builder event(String area, String step, String stepName, AuditStepKind kind) {
    return new Builder(area, step, stepName, kind);
  }

  /** The stored row, as read back. */
  static AuditEntry stored(Long id, String businessKey, String processInstanceId, String flowKey,
      Integer flowVersion, String step, String stepName, String stepKind, String actor, String actorName,
      String actingRole, String principal, String requester, String departmentCode, OffsetDateTime occurredAt,
      String outcome, String comment, String clauses, String flags, String regulationRevision,
      String submittedValues) {
    return new AuditEntry(id, businessKey, processInstanceId, flowKey, flowVersion, step, stepName, stepKind, actor,
        actorName, actingRole, principal, requester, departmentCode, occurredAt, outcome, comment, clauses, flags,
        regulationRevision, submittedValues);
  }

  /** This entry as it is stored: what the recorder fills in (version, time, revision) and the comment it truncates. */
  AuditEntry completed(Integer flowVersion, OffsetDateTime occurredAt, String comment, String regulationRevision) {
    return new AuditEntry(null, businessKey, processInstanceId, flowKey, flowVersion, step, stepName, stepKind,
        actor, actorName, actingRole, principal, requester, departmentCode, occurredAt, outcome, comment, clauses,
        flags, regulationRevision, submittedValues);
  }

  /** Clause numbers ({@code 3.1.1}), ranges ({@code 8.1.1–8.1.6}), separated by commas. */
  static final java.util.regex.Pattern CLAUSES =
      java.util.regex.Pattern.compile("\\d+(\\.\\d+)*([–-]\\d+(\\.\\d+)*)?(\\s*,\\s*\\d+(\\.\\d+)*([–-]\\d+(\\.\\d+)*)?)*");

  /** Builds one entry; what is not set stays empty in the record. */
  public static final class Builder {

    private final String flowKey;
    private final String step;
    private final String stepName;
    private final AuditStepKind kind;
    private String businessKey;
    private String processInstanceId;
    private Integer flowVersion;
    private String actor;
    private String actorName;
    private String actingRole;
    private String principal;
    private String requester;
    private String departmentCode;
    private Outcome outcome;
    private String comment;
    private String clauses;
    private RecordFlag flag;
    private String submittedValues;
    private String regulationRevision;

    private Builder(String flowKey, String step, String stepName, AuditStepKind kind) {
      this.flowKey = flowKey;
      this.step = Objects.requireNonNull(step, "step");
      this.stepName = stepName;
      this.kind = Objects.requireNonNull(kind, "kind");
    }

    private Builder request(String businessKey, String processInstanceId) {
      this.businessKey = businessKey;
      this.processInstanceId = processInstanceId;
      return this;
    }

    /** The version of the flow; the recorder reads it from the instance when not given. */
    public Builder version(Integer flowVersion) {
      this.flowVersion = flowVersion;
      return this;
    }

    /** Who did it: a user id and the name the record shows. */
    public Builder by(String actor, String actorName) {
      this.actor = actor;
      this.actorName = actorName;
      return this;
    }

    /** The product did it itself (actor {@code system}, shown as システム). */
    public Builder bySystem() {
      return by(SYSTEM_ACTOR, SYSTEM_ACTOR_NAME);
    }

    /** The role the actor acted as: a {@link Role} code, {@link #REQUESTER}, {@link #SYSTEM} or
     * {@link #ADMINISTRATOR}. */
    public Builder actingAs(String actingRole) {
      this.actingRole = actingRole;
      return this;
    }

    public Builder actingAs(Role role) {
      return actingAs(role == null ? null : role.name());
    }

    /** The holder a substitute stood in for (代理). */
    public Builder principal(String principal) {
      this.principal = principal;
      return this;
    }

    /** The requester of the request, or the person an event outside requests is about. */
    public Builder requester(String requester) {
      this.requester = requester;
      return this;
    }

    /** The requester and the department the request was filed from. */
    public Builder requester(String requester, String departmentCode) {
      this.requester = requester;
      this.departmentCode = departmentCode;
      return this;
    }

    public Builder outcome(Outcome outcome) {
      this.outcome = outcome;
      return this;
    }

    public Builder comment(String comment) {
      this.comment = comment;
      return this;
    }

    /**
     * The clauses of the regulation, comma-separated ({@code 5.1.6,5.1.8}): clause numbers only, never another
     * reference (a document section, a note); where no clause applies, none, and the comment says why.
     */
    public Builder clauses(String clauses) {
      if (clauses != null && !clauses.isBlank() && !CLAUSES.matcher(clauses).matches()) {
        throw new IllegalArgumentException("the clause column holds clause numbers of the regulation only: " + clauses);
      }
      this.clauses = clauses;
      return this;
    }

    /** The documented exception to four eyes the decision was taken under, if any. */
    public Builder flag(RecordFlag flag) {
      this.flag = flag;
      return this;
    }

    /** The values submitted with a filing or a completed step (JSON). */
    public Builder submitted(String submittedValues) {
      this.submittedValues = submittedValues;
      return this;
    }

    /**
     * The revision of the regulation the record is under, when it is not the latest recorded one: the record of the
     * deployment that makes a new revision carries that revision. The recorder fills in the latest otherwise.
     */
    public Builder regulationRevision(String regulationRevision) {
      this.regulationRevision = regulationRevision;
      return this;
    }

    public AuditEntry build() {
      Objects.requireNonNull(outcome, "outcome");
      return new AuditEntry(null, businessKey, processInstanceId, flowKey, flowVersion, step, stepName, kind.code(),
          actor, actorName, actingRole, principal, requester, departmentCode, null, outcome.code(), comment, clauses,
          flag == null ? null : flag.code(), regulationRevision, submittedValues);
    }
  }
}
