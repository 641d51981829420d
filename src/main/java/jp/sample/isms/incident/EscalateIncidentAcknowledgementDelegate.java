package jp.sample.isms.incident;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.RequestRecords;
import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.audit.Outcome;
import jp.sample.isms.notification.MailLinks;
import jp.sample.isms.notification.MailOutbox;
import jp.sample.isms.organisation.OrganisationService;
import jp.sample.isms.organisation.Role;

/**
 * {@code ServiceTask_EscalateAcknowledgement}, 9.3: nobody of a responder role has acknowledged the report in time
 * ({@code isms.incident.acknowledgement-escalation}); the report is sent again to the role's holders and to every role
 * above it in the contact chain (system administrator → incident officer → president), and the escalation recorded.
 */
@Component
class EscalateIncidentAcknowledgementDelegate implements JavaDelegate {

  /** The contact chain of 9.3, from the first responder up to the president. */
  static final List<Role> CHAIN = List.of(Role.SYSTEM_ADMINISTRATOR, Role.INCIDENT_OFFICER, Role.PRESIDENT);

  private final OrganisationService organisation;
  private final MailOutbox outbox;
  private final MailLinks links;
  private final RequestRecords records;
  private final AuditRecorder audit;
  private final TaskService tasks;

  EscalateIncidentAcknowledgementDelegate(OrganisationService organisation, MailOutbox outbox, MailLinks links,
      RequestRecords records, AuditRecorder audit, @Lazy TaskService tasks) {
    this.organisation = organisation;
    this.outbox = outbox;
    this.links = links;
    this.records = records;
    this.audit = audit;
    this.tasks = tasks;
  }

  /** The role and the roles above it in the contact chain. */
  static List<Role> escalation(Role role) {
    int at = CHAIN.indexOf(role);
    return at < 0 ? List.of(role, Role.PRESIDENT) : CHAIN.subList(at, CHAIN.size());
  }

  @Override
  public void execute(DelegateExecution execution) {
    Role role = Role.valueOf(Incidents.string(execution, IncidentProcess.RESPONDER_ROLE));
    String requester = records.requester(execution);
    String businessKey = records.businessKey(execution);
    Set<String> recipients = new LinkedHashSet<>();
    for (Role each : escalation(role)) {
      organisation.holders(each, requester).userIds().stream().filter(u -> !u.equals(requester))
          .forEach(recipients::add);
    }
    Map<String, Object> model = new HashMap<>();
    model.put("businessKey", businessKey);
    model.put("roleName", role.nameJa());
    model.put("roleNameEn", role.nameEn());
    model.put("level", Incidents.level(execution));
    model.put("summary", Incidents.string(execution, IncidentProcess.SUMMARY));
    model.put("discoveredAt", String.valueOf(execution.getVariable(IncidentProcess.DISCOVERED_AT)));
    model.put("reporterName", organisation.displayName(requester));
    model.put("taskLink", acknowledgementTask(execution, role).map(t -> links.task(t.getId())).orElse(links.tasklist()));
    for (String user : recipients) {
      outbox.enqueue("incident-escalation:" + execution.getId() + ":" + user, user, "incident-escalation", model);
    }
    audit.record(Incidents.systemEntry(execution, businessKey, requester, records.department(execution),
        "連絡網の上位に通知する", role.name(), Outcome.ESCALATED,
        "受領確認なし: " + role.nameJa() + " → " + String.join(", ", recipients), "9.3"));
  }

  private java.util.Optional<Task> acknowledgementTask(DelegateExecution execution, Role role) {
    return tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(IncidentProcess.TASK_ACKNOWLEDGE).list().stream()
        .filter(t -> role.name().equals(tasks.getVariable(t.getId(), IncidentProcess.RESPONDER_ROLE))).findFirst();
  }
}
