package jp.sample.isms.approval;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

import jp.sample.isms.audit.AuditEntry;
import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.audit.AuditStepKind;
import jp.sample.isms.audit.Outcome;
import jp.sample.isms.audit.RecordFlag;
import jp.sample.isms.engine.EngineInternals;
import jp.sample.isms.notification.RequestMail;
import jp.sample.isms.organisation.OrganisationService;
import jp.sample.isms.organisation.Person;

/**
 * What happens to every request of every flow, whatever its BPMN says: at filing (requester, number, validation,
 * refusals), when a step is created (requester may read it), assigned (four eyes) and completed (four eyes,
 * validation, decision record). The parse listener attaches these to every process and user task.
 */
@Component
public class RequestLifecycle {

  private final Map<String, RequestFlow> flows;
  private final OrganisationService organisation;
  private final BusinessKeyGenerator businessKeys;
  private final AuditRecorder audit;
  private final FormSchemas forms;
  private final RequestMail mail;
  private final SubstituteCandidates substitutes;
  private final RequestRecords records;

  private final StepHandOver handOvers;

  public RequestLifecycle(List<RequestFlow> flows, OrganisationService organisation, BusinessKeyGenerator businessKeys,
      AuditRecorder audit, FormSchemas forms, RequestMail mail,
      @org.springframework.context.annotation.Lazy SubstituteCandidates substitutes, RequestRecords records,
      @org.springframework.context.annotation.Lazy StepHandOver handOvers) {
    this.handOvers = handOvers;
    this.mail = mail;
    this.records = records;
    this.substitutes = substitutes;
    this.flows = flows.stream().collect(Collectors.toMap(RequestFlow::processKey, Function.identity()));
    this.organisation = organisation;
    this.businessKeys = businessKeys;
    this.audit = audit;
    this.forms = forms;
  }

  /**
   * The kind of a user task of the definition {@code execution} runs, as its BPMN declared it when parsed (null for
   * an unknown task).
   */
  public static StepKind stepKind(DelegateExecution execution, String taskDefinitionKey) {
    return kind(EngineInternals.parsedActivityProperty(execution, taskDefinitionKey,
        ApprovalParseListener.STEP_PROPERTY));
  }

  /**
   * The kind of a user task of a deployed process definition, as its BPMN declared it when parsed (null for an
   * unknown task).
   */
  public static StepKind stepKind(RepositoryService repository, String processDefinitionId, String taskDefinitionKey) {
    return kind(EngineInternals.parsedActivityProperty(repository, processDefinitionId, taskDefinitionKey,
        ApprovalParseListener.STEP_PROPERTY));
  }

  private static StepKind kind(Object step) {
    return step instanceof StepDefinition definitionOfStep ? definitionOfStep.kind() : null;
  }

  boolean isRequestFlow(String processKey) {
    return flows.containsKey(processKey);
  }

  /** The process keys of the request flows. */
  java.util.Set<String> requestFlowKeys() {
    return flows.keySet();
  }

  public RequestFlow flow(String processKey) {
    return flows.get(processKey);
  }

  // ---------------------------------------------------------------- filing

  void onFiled(DelegateExecution execution, String startFormRef) {
    ProcessDefinition definition = definition(execution);
    RequestFlow flow = flows.get(definition.getKey());
    String authenticated = EngineInternals.commandUser();
    boolean bySystem = authenticated == null && flow.filedBySystem();
    if (authenticated == null && !bySystem) {
      throw new FourEyesViolationException("申請するにはログインが必要です (a request must be filed by an authenticated user)");
    }
    String requester = bySystem ? SYSTEM : authenticated;
    Person person = bySystem ? SYSTEM_PERSON : organisation.person(requester).orElseThrow(
        () -> new FourEyesViolationException("組織に登録されていないユーザーは申請できません: " + requester));

    Map<String, Object> submitted = SubmittedVariables.current().submitted();
    ValidationErrors errors = new ValidationErrors();
    FormSchema form = startFormRef == null ? null : forms.form(definition.getDeploymentId(), startFormRef);
    rejectReserved(submitted, form, errors);
    if (form != null) {
      form.validate(submitted, Map.of(), errors);
    }
    Map<String, Object> variables = new HashMap<>(execution.getVariables());
    flow.validateRequest(new RequestInput(variables, person, today(), null), errors);
    if (!errors.isEmpty()) {
      RequestValidationException refusal = new RequestValidationException(errors.list());
      // a filing within another request's step is refused to that step, whose transaction holds the record's chain:
      // recording separately would wait for it
      if (refusal.isRefusal() && !SubmittedVariables.current().nested()) {
        audit.recordSeparately(AuditEntry.filing(null, null, flow.processKey(), definition.getVersion(), requester,
                person.displayName(), person.departmentCode())
            .actingAs(AuditEntry.REQUESTER).outcome(Outcome.REFUSED).comment(refusal.getMessage())
            .clauses(refusal.clauses()).build());
      }
      throw refusal;
    }

    String businessKey = businessKeys.next(flow.businessKeyPrefix(), today());
    // the kernel's own record of the filing: what four eyes, routing and registers read; the variables below are for
    // display in Tasklist only
    records.filed(new RequestRecords.Filing(execution.getProcessInstanceId(), businessKey, flow.processKey(),
        requester, person.displayName(), person.departmentCode(), person.departmentName(), person.sectionCode(),
        audit.now(), RequestValues.json(submitted)));
    execution.setProcessBusinessKey(businessKey);
    execution.setVariable(ApprovalVariables.BUSINESS_KEY, businessKey);
    execution.setVariable(ApprovalVariables.REQUESTER, requester);
    execution.setVariable(ApprovalVariables.REQUESTER_NAME, person.displayName());
    execution.setVariable(ApprovalVariables.REQUESTER_DEPARTMENT, person.departmentCode());
    execution.setVariable(ApprovalVariables.REQUESTER_DEPARTMENT_NAME, person.departmentName());
    execution.setVariable(ApprovalVariables.REQUESTER_SECTION, person.sectionCode());
    execution.setVariable(ApprovalVariables.FLOW_NAME, flow.nameJa());
    if (!bySystem) {
      grantRead(requester, Resources.PROCESS_INSTANCE, execution.getProcessInstanceId());
      grantRead(requester, Resources.HISTORIC_PROCESS_INSTANCE, execution.getProcessInstanceId());
    }
    audit.record(AuditEntry.filing(businessKey, execution.getProcessInstanceId(), flow.processKey(),
            definition.getVersion(), requester, person.displayName(), person.departmentCode())
        .actingAs(bySystem ? AuditEntry.SYSTEM : AuditEntry.REQUESTER).outcome(Outcome.FILED)
        .clauses(String.join(",", flow.clauses())).submitted(RequestValues.json(submitted)).build());
  }

  // ---------------------------------------------------------------- steps

  void onCreated(DelegateTask task, StepDefinition step) {
    String actingRole = null;
    String exception = null;
    // the route the routing offered this task in the same command (ApprovalRouting#offer)
    Route offered = records.takeOffered(task.getExecutionId()).orElse(null);
    if (offered != null) {
      actingRole = offered.role().name();
      exception = offered.fourEyesExceptionCode();
      task.setVariableLocal(ApprovalVariables.ACTING_ROLE, actingRole);
      if (exception != null) {
        task.setVariableLocal(ApprovalVariables.FOUR_EYES_EXCEPTION, exception);
      }
    } else if (step.kind().forRoleHolder()) {
      // a flow's own routing put its route on the task in this same create event, before the kernel's listener
      actingRole = (String) task.getVariableLocal(ApprovalVariables.ACTING_ROLE);
      exception = (String) task.getVariableLocal(ApprovalVariables.FOUR_EYES_EXCEPTION);
    }
    RequestRecords.Filing filing = records.filing(task.getExecution()).orElse(null);
    String requester = filing == null ? null : filing.requester();
    // the request number, the requester and the flow in the task list and the task header of Tasklist
    task.setDescription(filing == null ? null : filing.businessKey() + " ／ " + filing.requesterName() + " ／ "
        + flows.get(step.processKey()).nameJa());
    // steps of the requester are assigned to them, which grants them the task already; to the requester of the
    // filing, whatever a variable the model's assignee expression reads says
    if (!step.kind().forRoleHolder() && requester != null && !requester.equals(task.getAssignee())) {
      task.setAssignee(requester);
    }
    if (step.kind().forRoleHolder()) {
      // the route as the routing gave it: who may take the step is decided from this record alone
      records.stepCreated(new RequestRecords.Step(task.getId(), task.getProcessInstanceId(), step.taskDefinitionKey(),
          actingRole, task.getCandidates().stream().filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
              .map(IdentityLink::getGroupId).filter(g -> g != null).distinct().toList(), exception));
      // the role holders see the request itself (its variables in the Tasklist list), not only their task
      task.getCandidates().stream().map(IdentityLink::getGroupId).filter(g -> g != null)
          .forEach(group -> grantGroupRead(group, Resources.PROCESS_INSTANCE, task.getProcessInstanceId()));
      // 代理承認: substitutes in force of the holders may take the step too (never of their own request)
      for (String substitute : substitutes.substitutesFor(substitutes.holders(task.getCandidates()),
          task.getAssignee(), requester)) {
        task.addCandidateUser(substitute);
        grantRead(substitute, Resources.PROCESS_INSTANCE, task.getProcessInstanceId());
      }
    }
    if (requester != null && step.kind().forRoleHolder()) {
      // the requester follows the request in 自分の申請: read, never claim or complete
      grantRead(requester, Resources.TASK, task.getId());
    }
    mail.taskCreated(task, mailed(filing, step), recipients(task, requester));
  }

  private RequestMail.Request mailed(RequestRecords.Filing filing, StepDefinition step) {
    return new RequestMail.Request(filing == null ? null : filing.businessKey(), flows.get(step.processKey()).nameJa(),
        filing == null ? null : filing.requesterName());
  }

  /** Who is told of a new step: its assignee, else the holders of its candidate groups except the requester. */
  private List<String> recipients(DelegateTask task, String requester) {
    if (task.getAssignee() != null) {
      return List.of(task.getAssignee());
    }
    return task.getCandidates().stream().filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
        .flatMap(link -> link.getUserId() != null ? java.util.stream.Stream.of(link.getUserId())
            : organisation.members(link.getGroupId()).stream())
        .filter(user -> !user.equals(requester)).distinct().toList();
  }

  void onAssigned(DelegateTask task, StepDefinition step) {
    String assignee = task.getAssignee();
    if (assignee != null) {
      checkActor(task, step, assignee, Action.CLAIM);
    }
  }

  void onCompleted(DelegateTask task, StepDefinition step) {
    String actor = EngineInternals.commandUser();
    if (actor == null) {
      throw new FourEyesViolationException("タスクを完了するにはログインが必要です (an authenticated user must complete the task)");
    }
    checkActor(task, step, actor, Action.COMPLETE);

    SubmittedVariables.Submission submission = SubmittedVariables.current();
    ValidationErrors errors = new ValidationErrors();
    ProcessDefinition definition = definition(task.getExecution());
    FormSchema form = step.formRef() == null ? null : forms.form(definition.getDeploymentId(), step.formRef());
    rejectReserved(submission.submitted(), form, errors);
    if (form != null) {
      form.validate(submission.submitted(), submission.before(), errors);
    }
    RequestFlow flow = flows.get(step.processKey());
    RequestRecords.Filing filing = records.filing(task.getExecution()).orElse(null);
    String requesterId = filing == null ? null : filing.requester();
    Person requester = requesterId == null ? null : organisation.person(requesterId).orElse(null);
    RequestInput input = new RequestInput(new HashMap<>(task.getVariables()), requester, today(),
        task.getProcessInstanceId());
    Outcome outcome = switch (step.kind()) {
      case APPROVAL -> {
        Decision decision = validateDecision(input, errors);
        yield decision == null ? null : decision.outcome();
      }
      case CORRECTION -> {
        String resubmission = input.string(ApprovalVariables.RESUBMISSION);
        if (ApprovalVariables.RESUBMIT.equals(resubmission)) {
          flow.validateRequest(input, errors);
          yield Outcome.RESUBMITTED;
        }
        yield ApprovalVariables.WITHDRAW.equals(resubmission) ? Outcome.WITHDRAWN : null;
      }
      case WORK, FOLLOW_UP -> Outcome.DONE;
    };
    if (step.kind() == StepKind.CORRECTION && outcome == null && !errors.has(ApprovalVariables.RESUBMISSION)) {
      errors.field(ApprovalVariables.RESUBMISSION, "再申請するか取り下げるかを選んでください (RESUBMIT / WITHDRAW)");
    }
    flow.validateStep(step.taskDefinitionKey(), input, errors);
    errors.throwIfAny();

    if (outcome == Outcome.RESUBMITTED && filing != null) {
      records.refiled(filing, RequestValues.merged(filing.filedValues(), RequestValues.json(submission.submitted())));
    }
    if (step.kind().forRoleHolder()) {
      refuseChangedSinceFiling(filing, task);
    }
    String comment = input.string(step.kind() == StepKind.APPROVAL ? ApprovalVariables.DECISION_COMMENT : "comment");
    RequestRecords.Step route = step.kind().forRoleHolder() ? records.step(task.getId()).orElse(null) : null;
    String exception = route == null ? null : route.fourEyesException();
    String actingRole = step.kind().forRoleHolder() ? (route == null ? null : route.actingRole()) : AuditEntry.REQUESTER;
    String principal = route == null ? null : substitutes.principalOf(actor, route.candidateGroups()).orElse(null);
    // 〇〇 代理 △△: the substitute, standing in for the principal
    String actorName = principal == null ? organisation.displayName(actor)
        : organisation.displayName(actor) + " (" + organisation.displayName(principal) + " 代理)";
    if (step.kind() == StepKind.APPROVAL) {
      task.setVariable(ApprovalVariables.LAST_DECIDED_BY, actorName);
      if (requesterId != null && !requesterId.equals(actor) && !SYSTEM.equals(requesterId)) {
        mail.decided(task, mailed(filing, step), requesterId, outcome.code(), outcome.label(), comment, actorName);
      }
    }
    audit.record(AuditEntry.step(filing == null ? null : filing.businessKey(), task.getProcessInstanceId(),
            step.processKey(), step.taskDefinitionKey(), step.name(), step.kind().recorded())
        .version(definition.getVersion()).by(actor, actorName).actingAs(actingRole).principal(principal)
        .requester(requesterId, filing == null ? null : filing.departmentCode()).outcome(outcome).comment(comment)
        .clauses(step.clauses()).flag(RecordFlag.of(exception).orElse(null))
        .submitted(RequestValues.json(submission.submitted())).build());
  }

  /**
   * A role holder decides on what was filed: if a filed field's variable no longer holds the value of the filing (or
   * of the last resubmission), it was changed around the forms, and the step is refused until an administrator has
   * looked at it. The audit record and the register keep the filed values.
   */
  private static void refuseChangedSinceFiling(RequestRecords.Filing filing, DelegateTask task) {
    if (filing == null || filing.filedValues() == null) {
      return;
    }
    Map<String, com.fasterxml.jackson.databind.JsonNode> filed = RequestValues.fields(filing.filedValues());
    Map<String, Object> current = new HashMap<>();
    // as a submission is read: an absent value as empty text
    filed.keySet().forEach(name -> current.put(name, task.getVariable(name) == null ? "" : task.getVariable(name)));
    Map<String, com.fasterxml.jackson.databind.JsonNode> now = RequestValues.fields(RequestValues.json(current));
    List<String> changed = filed.keySet().stream().filter(name -> !filed.get(name).equals(now.get(name))).toList();
    if (!changed.isEmpty()) {
      throw new FourEyesViolationException("申請内容が受付後に変更されているため処理できません。管理者に連絡してください"
          + " (the filed values were changed after filing: " + String.join(", ", changed) + ")");
    }
  }

  private static Decision validateDecision(RequestInput input, ValidationErrors errors) {
    String value = input.string(ApprovalVariables.DECISION);
    Decision decision;
    try {
      decision = value == null ? null : Decision.valueOf(value);
    } catch (IllegalArgumentException e) {
      decision = null;
    }
    if (decision == null) {
      if (!errors.has(ApprovalVariables.DECISION)) {
        errors.field(ApprovalVariables.DECISION, "承認・却下・差し戻しのいずれかを選んでください (APPROVED / REJECTED / SENT_BACK)");
      }
      return null;
    }
    if (decision != Decision.APPROVED && input.string(ApprovalVariables.DECISION_COMMENT) == null) {
      errors.field(ApprovalVariables.DECISION_COMMENT, decision.label() + "の場合はコメントが必須です");
    }
    return decision;
  }

  /**
   * Four eyes and the step's role (5.1.1): who may take or complete this step, from the kernel's records
   * only. Identity links added to the task later, its assignee and its variables decide nothing: at claim and again
   * at completion the actor must hold the role the routing gave the step (be a member of its candidate groups) or be a
   * substitute in force of a holder, and never be the requester unless the route documents the exception.
   */
  private void checkActor(DelegateTask task, StepDefinition step, String actor, Action action) {
    RequestRecords.Filing filing = records.filing(task.getExecution()).orElse(null);
    if (filing == null) {
      throw new FourEyesViolationException("この申請は受付の記録がないため処理できません (the request has no filing record)");
    }
    String requester = filing.requester();
    if (!step.kind().forRoleHolder()) {
      // a requester who can no longer act has a stand-in: the department head the step was handed to (StepHandOver)
      if (!actor.equals(requester) && !handOvers.standsIn(task.getId(), actor, action == Action.CLAIM)) {
        throw new FourEyesViolationException("この作業は申請者本人のみが行えます (only the requester may "
            + action.label + " this step)");
      }
      return;
    }
    RequestRecords.Step route = records.step(task.getId()).orElseThrow(() -> new FourEyesViolationException(
        "このステップは承認経路の記録がないため処理できません。管理者に連絡してください (the step has no route record)"));
    String exception = route.fourEyesException();
    if (actor.equals(requester) && !RecordFlag.SELF_APPROVAL.code().equals(exception)) {
      throw new FourEyesViolationException("自分の申請は" + (step.kind() == StepKind.APPROVAL ? "承認" : "処理")
          + "できません (4つの目の原則: nobody approves their own request)");
    }
    RequestFlow flow = flows.get(filing.flowKey());
    if (flow != null && flow.subjects(task.getExecution()).contains(actor)) {
      throw new FourEyesViolationException("この申請の対象者本人はこのステップを担当できません"
          + " (4つの目の原則: the person the request is about cannot take its steps)");
    }
    if (step.kind() == StepKind.APPROVAL && !RecordFlag.REPEATED_APPROVER.code().equals(exception)
        && audit.approversOfOtherSteps(task.getProcessInstanceId(), step.taskDefinitionKey()).contains(actor)) {
      throw new FourEyesViolationException("同じ申請の別の承認ステップを既に承認しているため、このステップは担当できません"
          + " (one person cannot take two approval steps of one request)");
    }
    if (!holdsRole(route, actor)) {
      throw new FourEyesViolationException("このステップの担当者ではありません (" + actor + " does not hold the role of this step)");
    }
  }

  /** What an actor is about to do with a step, as the refusal names it. */
  private enum Action {
    /** Take the step (assignment or claim). */
    CLAIM("担当"),
    COMPLETE("完了");

    final String label;

    Action(String label) {
      this.label = label;
    }
  }

  private boolean holdsRole(RequestRecords.Step route, String user) {
    return route.candidateGroups().stream().anyMatch(group -> organisation.members(group).contains(user))
        || substitutes.principalOf(user, route.candidateGroups()).isPresent();
  }

  // ---------------------------------------------------------------- end

  /**
   * Every path ends with a decision: a request an administrator cancelled (deleted the instance, or cancelled its
   * activities) is recorded as CANCELLED with who and why; one ended by a BPMN error or escalation thrown at a step
   * (which only an administrator may throw, see {@link KernelCommands}) as TERMINATED. Every other end is a path of
   * the flow's model, which records its own decision. The flow's register follows either way.
   */
  void onEnded(DelegateExecution execution) {
    RequestRecords.Filing filing = records.filing(execution).orElse(null);
    if (filing == null) {
      return;
    }
    Outcome outcome;
    if (EngineInternals.isCanceled(execution)) {
      outcome = Outcome.CANCELLED;
    } else if (KernelCommands.throwingAtStep()) {
      outcome = Outcome.TERMINATED;
    } else {
      return;
    }
    String actor = EngineInternals.commandUser();
    List<String> groups = EngineInternals.commandGroups();
    boolean administrator = groups != null && groups.contains(jp.sample.isms.organisation.OrganisationGroups.CAMUNDA_ADMIN);
    String reason = EngineInternals.deleteReason(execution);
    RequestFlow flow = flows.get(filing.flowKey());
    boolean cancelled = outcome == Outcome.CANCELLED;
    AuditEntry.Builder entry = AuditEntry.step(filing.businessKey(), execution.getProcessInstanceId(),
        filing.flowKey(), "ProcessInstance", cancelled ? "申請の取消" : "申請の終了",
        cancelled ? AuditStepKind.CANCELLATION : AuditStepKind.SYSTEM).version(definition(execution).getVersion());
    if (actor == null) {
      entry.bySystem().actingAs(AuditEntry.SYSTEM);
    } else {
      entry.by(actor, organisation.displayName(actor)).actingAs(administrator ? AuditEntry.ADMINISTRATOR : null);
    }
    audit.record(entry.requester(filing.requester(), filing.departmentCode()).outcome(outcome).comment(reason)
        .clauses(String.join(",", flow.clauses())).build());
    flow.ended(filing.businessKey(), outcome.code());
  }

  /** The requester of a request the product filed itself ({@link RequestFlow#filedBySystem()}). */
  public static final String SYSTEM = "system";
  private static final Person SYSTEM_PERSON = new Person(SYSTEM, "システム", null, null, null, null, null, false, "ja");

  /** The outcome of a request an administrator cancelled. */
  public static final String CANCELLED = Outcome.CANCELLED.code();
  /** The outcome of a request ended by a BPMN error or escalation thrown at one of its steps. */
  public static final String TERMINATED = Outcome.TERMINATED.code();

  /** The kernel's variables cannot be submitted, except unchanged as a read-only field the form shows. */
  private static void rejectReserved(Map<String, Object> submitted, FormSchema form, ValidationErrors errors) {
    for (String name : submitted.keySet()) {
      FormSchema.Field field = form == null ? null : form.fields().get(name);
      if (ApprovalVariables.RESERVED.contains(name) && (field == null || !field.readonly())) {
        errors.field(name, "この項目はシステムが設定するため指定できません");
      }
    }
  }

  private static void grantRead(String userId, Resource resource, String resourceId) {
    grant(userId, resource, resourceId, resource == Resources.HISTORIC_PROCESS_INSTANCE
        ? HistoricProcessInstancePermissions.READ : Permissions.READ);
  }

  /** READ for a group, once: a step offered to the same group again (after a send-back) finds it granted. */
  private static void grantGroupRead(String groupId, Resource resource, String resourceId) {
    EngineInternals.grantOnce(null, groupId, resource, resourceId, Permissions.READ);
  }

  private static void grant(String userId, Resource resource, String resourceId, Permission permission) {
    // the kernel grants on behalf of the engine: the acting user may not create authorizations themselves
    EngineInternals.grantOnce(userId, null, resource, resourceId, permission);
  }

  private static ProcessDefinition definition(DelegateExecution execution) {
    return EngineInternals.processDefinition(execution);
  }

  private LocalDate today() {
    return audit.now().toLocalDate();
  }
}
