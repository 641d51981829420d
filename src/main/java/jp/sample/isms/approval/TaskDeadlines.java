package jp.sample.isms.approval;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.TaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import jp.sample.isms.audit.AuditEntry;
import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.audit.Outcome;
import jp.sample.isms.notification.MailLinks;
import jp.sample.isms.notification.MailOutbox;
import jp.sample.isms.organisation.OrganisationService;
import jp.sample.isms.organisation.Role;
import jp.sample.isms.organisation.RoleHolders;

/**
 * Deadlines of the role holders' steps: a reminder to whoever may act before the due date
 * ({@code isms.mail.reminder-lead}, default one day), and when it has passed an escalation to the holders of the
 * superior role (section chief → department head → president, system administrator → security officer), recorded
 * in the decision record. Each mail once per step and person, whichever node runs the check.
 */
@Component
public class TaskDeadlines {

  private static final Logger LOG = LoggerFactory.getLogger(TaskDeadlines.class);
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm");

  private final TaskService taskService;
  private final MailOutbox outbox;
  private final OrganisationService organisation;
  private final AuditRecorder audit;
  private final Duration reminderLead;
  private final MailLinks links;
  private final boolean scheduled;
  private final TransactionTemplate transaction;
  private final RequestRecords records;
  private final SubstituteCandidates substitutes;
  private final ZoneId zone;

  TaskDeadlines(TaskService taskService, MailOutbox outbox, OrganisationService organisation, AuditRecorder audit,
      @Value("${isms.mail.reminder-lead:P1D}") Duration reminderLead,
      MailLinks links,
      @Value("${isms.mail.dispatcher.enabled:true}") boolean scheduled, PlatformTransactionManager transactionManager,
      RequestRecords records, @org.springframework.context.annotation.Lazy SubstituteCandidates substitutes,
      ZoneId zone) {
    this.zone = zone;
    this.records = records;
    this.substitutes = substitutes;
    this.transaction = new TransactionTemplate(transactionManager);
    this.taskService = taskService;
    this.outbox = outbox;
    this.organisation = organisation;
    this.audit = audit;
    this.reminderLead = reminderLead;
    this.links = links;
    this.scheduled = scheduled;
  }

  @Scheduled(fixedDelayString = "${isms.mail.deadline-check-interval:PT15M}")
  void checkScheduled() {
    if (scheduled) {
      check();
    }
  }

  /**
   * Queues the reminders and escalations that are due; returns how many mails were queued. Each step in a
   * transaction of its own: a step completed meanwhile (here or on another node) is skipped, not a reason to lose the
   * reminders of all the others.
   */
  public int check() {
    Instant now = Instant.now();
    int queued = 0;
    for (Task task : taskService.createTaskQuery().dueAfter(Date.from(now))
        .dueBefore(Date.from(now.plus(reminderLead))).list()) {
      queued += inItsOwnTransaction(task, () -> remind(task));
    }
    for (Task task : taskService.createTaskQuery().dueBefore(Date.from(now)).list()) {
      queued += inItsOwnTransaction(task, () -> escalate(task));
    }
    return queued;
  }

  private int remind(Task task) {
    Map<String, Object> model = model(task);
    if (model == null) {
      return 0;
    }
    int queued = 0;
    for (String user : whoMayAct(task, (String) model.get("requester"))) {
      if (outbox.enqueue("reminder:" + task.getId() + ":" + user, user, "reminder", model)) {
        queued++;
      }
    }
    return queued;
  }

  private int escalate(Task task) {
    Map<String, Object> model = model(task);
    Object actingRole = model == null ? null
        : records.step(task.getId()).map(RequestRecords.Step::actingRole).orElse(null);
    if (actingRole == null) {
      return 0; // the requester's own steps: each flow follows those up itself (e.g. the return of a take-out)
    }
    Role role = Role.valueOf(actingRole.toString());
    Role superior = ApprovalRouting.superior(role);
    String requester = (String) model.get("requester");
    RoleHolders holders = organisation.holders(superior, requester);
    model.put("roleName", role.nameJa());
    model.put("roleNameEn", role.nameEn());
    model.put("holders", String.join(", ", whoMayAct(task, requester)));
    int queued = 0;
    for (String user : holders.userIds()) {
      if (!user.equals(requester) && outbox.enqueue("escalation:" + task.getId() + ":" + user, user, "escalation", model)) {
        queued++;
      }
    }
    if (queued > 0) {
      audit.record(AuditEntry.systemStep((String) model.get("businessKey"), task.getProcessInstanceId(),
              task.getProcessDefinitionId().split(":")[0], task.getTaskDefinitionKey(), task.getName())
          .actingAs(superior).requester(requester).outcome(Outcome.ESCALATED)
          .comment("期限超過: " + role.nameJa() + " → " + superior.nameJa() + " " + holders.userIds()).build());
    }
    return queued;
  }

  private int inItsOwnTransaction(Task task, java.util.function.IntSupplier step) {
    try {
      Integer queued = transaction.execute(status -> step.getAsInt());
      return queued == null ? 0 : queued;
    } catch (RuntimeException e) {
      if (taskService.createTaskQuery().taskId(task.getId()).count() == 0) {
        LOG.debug("step {} ({}) was completed during the deadline check", task.getId(), task.getName());
      } else {
        LOG.warn("deadline check of step {} ({}) failed, tried again at the next check: {}", task.getId(),
            task.getName(), e.toString());
      }
      return 0;
    }
  }

  private Map<String, Object> model(Task task) {
    RequestRecords.Filing filing = records.filing(task.getProcessInstanceId()).orElse(null);
    if (filing == null) {
      return null; // not a request of ours
    }
    Map<String, Object> model = new HashMap<>();
    model.put("businessKey", filing.businessKey());
    model.put("flowName", taskService.getVariable(task.getId(), ApprovalVariables.FLOW_NAME));
    model.put("requesterName", filing.requesterName());
    model.put("requester", filing.requester());
    model.put("taskName", task.getName());
    model.put("dueDate", DATE.format(task.getDueDate().toInstant().atZone(zone)));
    model.put("taskLink", links.task(task.getId()));
    return model;
  }

  private Set<String> whoMayAct(Task task, String requester) {
    Set<String> users = new LinkedHashSet<>();
    if (task.getAssignee() != null) {
      users.add(task.getAssignee());
      return users;
    }
    // the holders of the step's role as the kernel routed it, and the substitutes the kernel made candidates
    RequestRecords.Step step = records.step(task.getId()).orElse(null);
    if (step != null) {
      step.candidateGroups().forEach(group -> users.addAll(organisation.members(group)));
    }
    for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getUserId() != null
          && step != null && substitutes.principalOf(link.getUserId(), step.candidateGroups()).isPresent()) {
        users.add(link.getUserId());
      }
    }
    users.remove(requester);
    return users;
  }
}
