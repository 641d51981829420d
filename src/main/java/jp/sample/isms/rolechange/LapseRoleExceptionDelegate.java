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
    String text = "5.1.10 の例外の期限が過ぎたため、次の特権を解除しました。\n"
        + changes.groupLabel(RequestValues.string(execution, RoleChangeProcess.GROUP_ID)) + " — "
        + organisation.displayName(person) + " (" + person + ")\n\nThe exception has lapsed; the group was removed.";
    notifier.send(person, "[" + businessKey + "] 特権の例外の期限切れ (Exception lapsed)", text);
    for (String administrator : organisation.members(Role.SYSTEM_ADMINISTRATOR.groupId(null))) {
      notifier.send(administrator, "[" + businessKey + "] 特権の例外の期限切れ (Exception lapsed)", text);
    }
  }
}
