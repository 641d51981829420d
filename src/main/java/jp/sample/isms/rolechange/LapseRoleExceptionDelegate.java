package jp.sample.isms.rolechange;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.RequestRecords;
import jp.sample.isms.approval.RequestValues;
import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.notification.Notifier;
import jp.sample.isms.organisation.OrganisationService;
import jp.sample.isms.organisation.Role;

/**
 * {@code ServiceTask_LapseException}, 5.1.10: the exception's last day is over; the privileged group is taken away,
 * the register row says when, and the person and the system administrators are told.
 */
@Component
class LapseRoleExceptionDelegate implements JavaDelegate {

  private final RoleChanges changes;
  private final RequestRecords records;
  private final AuditRecorder audit;
  private final Notifier notifier;
  private final OrganisationService organisation;

  LapseRoleExceptionDelegate(RoleChanges changes, RequestRecords records, AuditRecorder audit, Notifier notifier,
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
    changes.lapse(businessKey, audit.now());
    String person = RequestValues.string(execution, RoleChangeProcess.PERSON);
    java.util.Map<String, Object> values = Notifier.values("businessKey", businessKey, "person", person,
        "personName", organisation.displayName(person), "groupLabel",
        changes.groupLabel(RequestValues.string(execution, RoleChangeProcess.GROUP_ID)));
    notifier.send(person, "role-exception-lapsed", values);
    for (String administrator : organisation.members(Role.SYSTEM_ADMINISTRATOR.groupId(null))) {
      notifier.send(administrator, "role-exception-lapsed", values);
    }
  }
}
