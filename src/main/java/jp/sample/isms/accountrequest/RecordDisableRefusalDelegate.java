package jp.sample.isms.accountrequest;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.RequestRecords;
import jp.sample.isms.approval.RequestValues;
import jp.sample.isms.audit.AuditEntry;
import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.audit.Outcome;
import jp.sample.isms.notification.Notifier;

/**
 * {@code ServiceTask_RecordDisableRefusal}, 5.1.7: the system administrator did not disable the account because the
 * request was wrong (e.g. the account is still used). The reason is recorded as the request's outcome, the account
 * stays as the register has it, and the requester is told why.
 */
@Component
class RecordDisableRefusalDelegate implements JavaDelegate {

  private final RequestRecords records;
  private final Notifier notifier;
  private final AuditRecorder audit;

  RecordDisableRefusalDelegate(RequestRecords records, Notifier notifier, AuditRecorder audit) {
    this.records = records;
    this.notifier = notifier;
    this.audit = audit;
  }

  @Override
  public void execute(DelegateExecution execution) {
    AccountRequest request = AccountRequest.of(execution);
    String requester = records.requester(execution);
    String reason = RequestValues.string(execution, AccountRequestProcess.REFUSAL_REASON);
    AuditEntry step = audit.latest(execution.getProcessInstanceId(), AccountRequestProcess.TASK_DISABLE);
    notifier.send(requester, "account-deletion-not-done", Notifier.values("businessKey", request.businessKey(),
        "targetUserId", request.targetUserId(), "systemLabel", request.systemLabel(), "accountId", request.accountId(),
        "reason", reason, "deciderName", step == null ? "システム管理者" : step.actorName(), "deciderNameEn",
        step == null ? "the system administrator" : step.actorName()));
    audit.record(AuditEntry.systemStep(request.businessKey(), execution.getProcessInstanceId(),
            AccountRequestProcess.KEY, execution.getCurrentActivityId(), "実施しなかった理由を記録し申請者に伝える")
        .requester(requester, records.department(execution)).outcome(Outcome.NOTIFIED)
        .comment("停止・無効化しなかった (申請の誤り): " + reason).clauses(AccountRequestFlow.CLAUSE_DELETION).build());
  }
}
