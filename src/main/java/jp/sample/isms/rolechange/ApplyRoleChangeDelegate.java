package jp.sample.isms.rolechange;

import java.time.LocalDate;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.RequestRecords;
import jp.sample.isms.approval.RequestValues;
import jp.sample.isms.audit.AuditEntry;
import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.notification.Notifier;
import jp.sample.isms.organisation.OrganisationService;

/**
 * {@code ServiceTask_ApplyChange}: only now, after the approval, the engine group changes (1.1, 10.1), recorded with
 * the request number; the person is told. A 5.1.10 exception waits for the day after its last day.
 */
@Component
class ApplyRoleChangeDelegate implements JavaDelegate {

  private final RoleChanges changes;
  private final RequestRecords records;
  private final AuditRecorder audit;
  private final Notifier notifier;
  private final OrganisationService organisation;

  ApplyRoleChangeDelegate(RoleChanges changes, RequestRecords records, AuditRecorder audit, Notifier notifier,
      OrganisationService organisation) {
    this.changes = changes;
    this.records = records;
    this.audit = audit;
    this.notifier = notifier;
    this.organisation = organisation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String businessKey = records.businessKey(execution);
    AuditEntry approval = audit.latest(execution.getProcessInstanceId(), RoleChangeProcess.TASK_APPROVE);
    String kind = RequestValues.string(execution, RoleChangeProcess.CHANGE_KIND);
    String group = RequestValues.string(execution, RoleChangeProcess.GROUP_ID);
    String person = RequestValues.string(execution, RoleChangeProcess.PERSON);
    LocalDate until = RequestValues.date(execution.getVariable(RoleChangeProcess.EXCEPTION_UNTIL));
    changes.apply(businessKey, kind, RequestValues.string(execution, RoleChangeProcess.ROLE).strip().toUpperCase(),
        RequestValues.string(execution, RoleChangeProcess.UNIT_CODE), group, person, records.requester(execution),
        approval.actor(), approval.actingRole(), until, RequestValues.string(execution, RoleChangeProcess.CHANGE_REASON),
        audit.now());
    execution.setVariable(RoleChangeProcess.EXCEPTION_GRANTED, until != null);
    if (until != null) {
      execution.setVariable(RoleChangeProcess.EXCEPTION_ENDS_AT,
          Date.from(until.plusDays(1).atStartOfDay(audit.zone()).toInstant()));
    }
    notifier.send(person, "role-changed", Notifier.values("businessKey", businessKey, "person", person,
        "personName", organisation.displayName(person), "groupLabel", changes.groupLabel(group),
        "added", RoleChangeProcess.ADD.equals(kind), "removed", !RoleChangeProcess.ADD.equals(kind), "until", until));
  }
}
