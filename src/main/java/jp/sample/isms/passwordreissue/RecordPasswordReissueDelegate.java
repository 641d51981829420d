package jp.sample.isms.passwordreissue;

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
 * {@code ServiceTask_RecordReissue}, 5.1.6 and 5.1.8: records who confirmed the person's identity and how, who issued
 * the password and how it was handed over, and tells the person to change it at the first login. The mail carries
 * no password.
 */
@Component
class RecordPasswordReissueDelegate implements JavaDelegate {

  private final PasswordReissueRegister register;
  private final AuditRecorder audit;
  private final RequestRecords records;
  private final Notifier notifier;

  RecordPasswordReissueDelegate(PasswordReissueRegister register, AuditRecorder audit, RequestRecords records,
      Notifier notifier) {
    this.register = register;
    this.audit = audit;
    this.records = records;
    this.notifier = notifier;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String businessKey = records.businessKey(execution);
    String target = RequestValues.string(execution, PasswordReissueProcess.TARGET_USER_ID);
    String system = RequestValues.string(execution, PasswordReissueProcess.SYSTEM);
    boolean product = PasswordReissueProcess.PRODUCT.equals(system);
    String accountId = product ? target : RequestValues.string(execution, PasswordReissueProcess.ACCOUNT_ID);
    String checkedBy = audit.latest(execution.getProcessInstanceId(), PasswordReissueProcess.TASK_CHECK_IDENTITY)
        .actor();
    String issuedBy = audit.latest(execution.getProcessInstanceId(), PasswordReissueProcess.TASK_ISSUE_PASSWORD)
        .actor();
    String method = RequestValues.string(execution, PasswordReissueProcess.IDENTITY_CHECK_METHOD);
    String delivery = RequestValues.string(execution, PasswordReissueProcess.DELIVERY_METHOD);
    register.add(new PasswordReissueRegister.Entry(businessKey, execution.getProcessInstanceId(),
        records.requester(execution), target, system, accountId, checkedBy, method,
        RequestValues.string(execution, PasswordReissueProcess.IDENTITY_CHECK_NOTE), issuedBy, delivery,
        audit.now()));
    notifier.send(target, "password-reissued", Notifier.values("businessKey", businessKey, "accountId", accountId,
        "systemName", product ? "この承認システム" : system, "systemNameEn", product ? "this approval system" : system));
    audit.record(AuditEntry.systemStep(businessKey, execution.getProcessInstanceId(), PasswordReissueProcess.KEY,
            execution.getCurrentActivityId(), "再発行を記録し本人に知らせる")
        .requester(records.requester(execution), records.department(execution)).outcome(Outcome.PASSWORD_REISSUED)
        .comment("対象: " + target + " (" + system + " " + accountId + "); 本人確認: " + checkedBy + " (" + method
            + "); 発行: " + issuedBy + " (" + delivery + ")")
        .clauses("5.1.6,5.1.8").build());
  }
}
