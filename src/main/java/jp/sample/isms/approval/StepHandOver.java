package jp.sample.isms.approval;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jp.sample.isms.audit.AuditEntry;
import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.audit.AuditStepKind;
import jp.sample.isms.audit.Outcome;
import jp.sample.isms.engine.EngineInternals;
import jp.sample.isms.notification.Notifier;
import jp.sample.isms.organisation.AccountStates;
import jp.sample.isms.organisation.OrganisationService;
import jp.sample.isms.organisation.Role;

/**
 * Nothing stranded: every open step has a successor rule by its kind, whatever the flow, and a person who can no
 * longer act (account disabled, left) hands every open step over, recorded and mailed:
 * <ul>
 * <li>a role step ({@link StepKind#APPROVAL}, {@link StepKind#WORK}; candidate groups from the routing) goes back to
 * its role's group, and to the superior role's group when no active holder is left
 * ({@link Successor#ROLE_THEN_SUPERIOR});</li>
 * <li>a requester's step ({@link StepKind#CORRECTION}, {@link StepKind#FOLLOW_UP}; assigned to the requester) goes to
 * the requester's department head, above them the president, who may complete it or hand it on
 * ({@link Successor#REQUESTERS_DEPARTMENT_HEAD}).</li>
 * </ul>
 * The nightly {@code strandedStepReview} reports to the system administrators any open step whose only possible
 * actors are disabled (there should be none).
 */
@Service
public class StepHandOver {

  /** Who takes a step over when its actor cannot act any more. */
  public enum Successor {
    ROLE_THEN_SUPERIOR, REQUESTERS_DEPARTMENT_HEAD
  }

  /** The latest hand-over of a requester's step. */
  record HandOver(String taskId, String fromUser, String toUser, String toGroup) {
  }

  private final TaskService taskService;
  private final IdentityService identityService;
  private final OrganisationService organisation;
  private final AccountStates accounts;
  private final RequestRecords records;
  private final AuditRecorder audit;
  private final Notifier notifier;
  private final JdbcTemplate jdbc;

  StepHandOver(@Lazy TaskService taskService, @Lazy IdentityService identityService, OrganisationService organisation,
      AccountStates accounts, RequestRecords records, AuditRecorder audit, Notifier notifier, JdbcTemplate jdbc) {
    this.taskService = taskService;
    this.identityService = identityService;
    this.organisation = organisation;
    this.accounts = accounts;
    this.records = records;
    this.audit = audit;
    this.notifier = notifier;
    this.jdbc = jdbc;
  }

  /**
   * The successor rule of a user task, from what the model declares: its step kind, and whether it takes candidate
   * groups from a role or is assigned to the requester. Empty when the model gives no rule (the model conventions
   * refuse such a task).
   */
  public static Optional<Successor> successor(StepKind kind, String candidateGroups, String assignee) {
    if (kind == null) {
      return Optional.empty();
    }
    if (kind.forRoleHolder()) {
      return candidateGroups != null && !candidateGroups.isBlank() ? Optional.of(Successor.ROLE_THEN_SUPERIOR)
          : Optional.empty();
    }
    return assignee != null && assignee.replace(" ", "").equals("${requester}")
        ? Optional.of(Successor.REQUESTERS_DEPARTMENT_HEAD) : Optional.empty();
  }

  /** Hands every open step of {@code userId} over; returns the task ids handed over. */
  @Transactional
  public List<String> handOver(String userId, String by, String reason) {
    return EngineInternals.asSystem(identityService, () -> {
      List<String> moved = new ArrayList<>();
      for (Task task : taskService.createTaskQuery().taskAssignee(userId).active().list()) {
        RequestRecords.Step step = records.step(task.getId()).orElse(null);
        if (step != null) {
          taskService.setAssignee(task.getId(), null);
          moved.add(task.getId());
          if (!hasActiveHolder(step.candidateGroups(), userId)) {
            offerToSuperior(task, step, by, reason);
          } else {
            record(task, Outcome.STEP_RELEASED, by, userId, "担当者 " + organisation.displayName(userId)
                + " から役割のグループに戻しました: " + reason);
          }
        } else if (records.filing(task.getProcessInstanceId()).isPresent()) {
          handOverRequesterStep(task, userId, by, reason);
          moved.add(task.getId());
        }
      }
      for (Task task : taskService.createTaskQuery().taskCandidateUser(userId).active().list()) {
        RequestRecords.Step step = records.step(task.getId()).orElse(null);
        if (step != null && step.actingRole() != null && task.getAssignee() == null
            && !hasActiveHolder(step.candidateGroups(), userId)) {
          offerToSuperior(task, step, by, reason);
          moved.add(task.getId());
        }
      }
      return moved;
    });
  }

  private void offerToSuperior(Task task, RequestRecords.Step step, String by, String reason) {
    String requester = records.filing(task.getProcessInstanceId()).map(RequestRecords.Filing::requester).orElse(null);
    Role role = step.actingRole() == null ? Role.DEPARTMENT_HEAD : Role.valueOf(step.actingRole());
    // up the chain until a group with an active holder other than the requester
    for (int i = 0; i < 4; i++) {
      role = ApprovalRouting.superior(role);
      String group = organisation.holders(role, requester).groupId();
      if (group != null && organisation.members(group).stream()
          .anyMatch(u -> !accounts.isDisabled(u) && !u.equals(requester))) {
        records.groupAdded(task.getId(), group);
        taskService.addCandidateGroup(task.getId(), group);
        record(task, Outcome.STEP_ESCALATED, by, null, "役割の担当者が誰も対応できないため、上位の役割 " + group + " にも回しました: "
            + reason);
        for (String holder : organisation.members(group)) {
          if (!accounts.isDisabled(holder) && !holder.equals(requester)) {
            mail(holder, task, "step-escalated", Notifier.values());
          }
        }
        return;
      }
    }
  }

  private void handOverRequesterStep(Task task, String userId, String by, String reason) {
    List<String> chain = List.of(Role.DEPARTMENT_HEAD.name(), Role.PRESIDENT.name(), Role.SECURITY_OFFICER.name());
    for (String roleCode : chain) {
      var holders = organisation.holders(Role.valueOf(roleCode), userId);
      String head = holders.userIds().stream().filter(u -> !u.equals(userId) && !accounts.isDisabled(u)).findFirst()
          .orElse(null);
      if (head == null) {
        continue;
      }
      String businessKey = records.filing(task.getProcessInstanceId()).map(RequestRecords.Filing::businessKey)
          .orElse(null);
      jdbc.update("insert into step_handover (task_id, process_instance_id, business_key, step, from_user, to_user, "
          + "to_group, reason, handed_by, handed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", task.getId(),
          task.getProcessInstanceId(), businessKey, task.getTaskDefinitionKey(), userId, head, holders.groupId(),
          reason, by, audit.now());
      taskService.addCandidateGroup(task.getId(), holders.groupId());
      taskService.setAssignee(task.getId(), head);
      record(task, Outcome.STEP_HANDED_OVER, by, userId, "申請者 " + organisation.displayName(userId) + " のステップを "
          + organisation.displayName(head) + " (" + holders.groupId() + ") に引き継ぎました: " + reason);
      mail(head, task, "step-handed-over", Notifier.values("fromName", organisation.displayName(userId), "reason",
          reason));
      return;
    }
  }

  /** The latest hand-over of a requester's step, if it was handed over. */
  Optional<HandOver> of(String taskId) {
    return jdbc.query("select task_id, from_user, to_user, to_group from step_handover where task_id = ? "
        + "order by id desc", (rs, i) -> new HandOver(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getString(4)), taskId).stream().findFirst();
  }

  /**
   * Whether {@code actor} stands in for the requester on a handed-over requester's step: the department head it was
   * handed to (any holder of that group), or the person one of them assigned it to.
   */
  boolean standsIn(String taskId, String actor, boolean assigning) {
    HandOver handOver = of(taskId).orElse(null);
    if (handOver == null || accounts.isDisabled(actor)) {
      return false;
    }
    if (actor.equals(handOver.toUser())
        || (handOver.toGroup() != null && organisation.members(handOver.toGroup()).contains(actor))) {
      return true;
    }
    String by = EngineInternals.commandUser();
    if (assigning && by != null && handOver.toGroup() != null && organisation.members(handOver.toGroup()).contains(by)
        && organisation.person(actor).isPresent()) {
      jdbc.update("insert into step_handover (task_id, process_instance_id, business_key, step, from_user, to_user, "
          + "to_group, reason, handed_by, handed_at) select task_id, process_instance_id, business_key, step, "
          + "from_user, ?, to_group, ?, ?, ? from step_handover where id = (select max(id) from step_handover "
          + "where task_id = ?)", actor, "部門責任者が担当者を変更", by, audit.now(), taskId);
      return true;
    }
    return false;
  }

  /**
   * The open steps whose every possible actor is disabled: no assignee or a disabled one, and every candidate (group
   * member, candidate user, stand-in) disabled. Returns "request number step (task id)" of each, newest first.
   */
  public List<String> stranded() {
    List<String> stranded = new ArrayList<>();
    for (Task task : taskService.createTaskQuery().active().orderByTaskCreateTime().desc().list()) {
      Set<String> actors = new LinkedHashSet<>();
      if (task.getAssignee() != null) {
        actors.add(task.getAssignee());
      }
      for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
        if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
          continue;
        }
        if (link.getUserId() != null) {
          actors.add(link.getUserId());
        }
        if (link.getGroupId() != null) {
          actors.addAll(organisation.members(link.getGroupId()));
        }
      }
      if (actors.stream().allMatch(accounts::isDisabled)) {
        String businessKey = records.filing(task.getProcessInstanceId()).map(RequestRecords.Filing::businessKey)
            .orElse(task.getProcessInstanceId());
        stranded.add(businessKey + " " + task.getName() + " (" + task.getId() + ")");
      }
    }
    return stranded;
  }

  private boolean hasActiveHolder(List<String> groups, String leaving) {
    return groups.stream().flatMap(g -> organisation.members(g).stream())
        .anyMatch(user -> !user.equals(leaving) && !accounts.isDisabled(user));
  }

  private void record(Task task, Outcome outcome, String by, String from, String comment) {
    RequestRecords.Filing filing = records.filing(task.getProcessInstanceId()).orElse(null);
    audit.record(AuditEntry.step(filing == null ? null : filing.businessKey(), task.getProcessInstanceId(),
            filing == null ? null : filing.flowKey(), task.getTaskDefinitionKey(), task.getName(),
            AuditStepKind.HAND_OVER)
        .by(by, organisation.displayName(by))
        .requester(filing == null ? null : filing.requester(), filing == null ? null : filing.departmentCode())
        .outcome(outcome).comment(comment).clauses("1.1").build());
  }

  private void mail(String to, Task task, String kind, java.util.Map<String, Object> values) {
    values.put("businessKey", records.filing(task.getProcessInstanceId()).map(RequestRecords.Filing::businessKey)
        .orElse(""));
    values.put("taskName", task.getName());
    notifier.send(to, kind, values);
  }
}
