package jp.sample.isms.accountrequest;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.RequestRecords;
import jp.sample.isms.audit.AuditEntry;
import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.audit.Outcome;
import jp.sample.isms.notification.Notifier;

/**
 * {@code ServiceTask_InstructPasswordChange}, 5.1.5 and 5.1.8: tells the user of the account to replace the initial
 * password with one hard to guess, and records that they were told.
 */
@Component
class InstructPasswordChangeDelegate implements JavaDelegate {

  static final String CLAUSES = "5.1.5,5.1.8";

  private final RequestRecords records;
  private final Notifier notifier;
  private final AuditRecorder audit;

  InstructPasswordChangeDelegate(Notifier notifier, AuditRecorder audit, RequestRecords records) {
    this.records = records;
    this.notifier = notifier;
    this.audit = audit;
  }

  @Override
  public void execute(DelegateExecution execution) {
    AccountRequest request = AccountRequest.of(execution);
    String accountId = AccountRequest.string(execution, AccountRequestProcess.GRANTED_ACCOUNT_ID);
    String target = request.targetUserId();
    notifier.send(target, "account-password-change", Notifier.values("businessKey", request.businessKey(),
        "systemLabel", request.systemLabel(), "accountId", accountId, "requestTypeLabel", request.requestType().label(),
        "requestTypeLabelEn", request.requestType() == RequestType.CREATE ? "created" : "changed",
        "created", request.requestType() == RequestType.CREATE, "changed", request.requestType() != RequestType.CREATE));
    audit.record(AuditEntry.systemStep(request.businessKey(), execution.getProcessInstanceId(),
            AccountRequestProcess.KEY, execution.getCurrentActivityId(), "初期パスワードの変更を指示する")
        .requester(records.requester(execution), records.department(execution)).outcome(Outcome.INSTRUCTED)
        .comment("初期パスワードの変更を " + target + " に指示 (アカウント " + accountId + ")").clauses(CLAUSES).build());
  }
}
