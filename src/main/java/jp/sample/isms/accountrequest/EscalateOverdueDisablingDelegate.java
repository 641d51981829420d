package jp.sample.isms.accountrequest;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.RequestRecords;
import jp.sample.isms.audit.AuditEntry;
import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.audit.Outcome;
import jp.sample.isms.notification.Notifier;
import jp.sample.isms.organisation.OrganisationService;
import jp.sample.isms.organisation.Role;

/**
 * {@code ServiceTask_EscalateOverdueDisabling}, 5.1.7: the account is still not disabled at the end of the day after
 * it became unneeded; the security officer is told, and the escalation is recorded.
 */
@Component
class EscalateOverdueDisablingDelegate implements JavaDelegate {

  private final RequestRecords records;
  private final Notifier notifier;
  private final AuditRecorder audit;
  private final OrganisationService organisation;

  EscalateOverdueDisablingDelegate(Notifier notifier, AuditRecorder audit, OrganisationService organisation, RequestRecords records) {
    this.records = records;
    this.notifier = notifier;
    this.audit = audit;
    this.organisation = organisation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    AccountRequest request = AccountRequest.of(execution);
    String requester = records.requester(execution);
    List<String> officers = organisation.holders(Role.SECURITY_OFFICER, requester).userIds();
    for (String officer : officers) {
      notifier.send(officer, "account-disabling-overdue", Notifier.values("businessKey", request.businessKey(),
          "targetUserId", request.targetUserId(), "systemLabel", request.systemLabel(), "unneededDate",
          request.unneededDate(), "accountId", request.accountId()));
    }
    audit.record(AuditEntry.systemStep(request.businessKey(), execution.getProcessInstanceId(),
            AccountRequestProcess.KEY, execution.getCurrentActivityId(), "情報セキュリティ責任者に無効化遅延を通知する")
        .requester(requester, records.department(execution)).outcome(Outcome.ESCALATED)
        .comment("無効化期限超過を情報セキュリティ責任者 " + String.join(", ", officers) + " に通知")
        .clauses(AccountRequestFlow.CLAUSE_DELETION).build());
  }
}
