package jp.sample.isms.accountrequest;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import jp.sample.isms.audit.AuditRecorder;

/**
 * {@code ServiceTask_RecordAccount}, 5.1.5: enters the account as set up, with the rights the security officer
 * approved, in the システムアカウント及び付帯情報管理台帳 (a new row, or the changed one).
 */
@Component
class RecordAccountDelegate implements JavaDelegate {

  private final AccountRegister register;
  private final AuditRecorder audit;

  RecordAccountDelegate(AccountRegister register, AuditRecorder audit) {
    this.register = register;
    this.audit = audit;
  }

  @Override
  public void execute(DelegateExecution execution) {
    AccountRequest request = AccountRequest.of(execution);
    String accountId = AccountRequest.string(execution, AccountRequestProcess.GRANTED_ACCOUNT_ID);
    String rights = AccountRequest.string(execution, AccountRequestProcess.GRANTED_RIGHTS);
    String approvedBy = audit.latest(execution.getProcessInstanceId(), AccountRequestProcess.TASK_APPROVE).actor();
    String setUpBy = audit.latest(execution.getProcessInstanceId(), AccountRequestProcess.TASK_SET_UP).actor();
    if (request.requestType() == RequestType.CREATE) {
      register.created(request.targetUserId(), request.system(), accountId, rights, request.privileged(),
          request.sharedAccount(), approvedBy, setUpBy, request.businessKey(), audit.now());
      return;
    }
    AccountRegister.Entry entry = register.active(request.targetUserId(), request.system()).orElseThrow(
        () -> new IllegalStateException("no active account of " + request.targetUserId() + " on " + request.system()));
    register.changed(entry.id(), accountId, rights, request.privileged(), request.sharedAccount(), approvedBy, setUpBy,
        request.businessKey(), audit.now());
  }
}
