package jp.sample.isms.accountrequest;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import jp.sample.isms.audit.AuditRecorder;

/** {@code ServiceTask_RecordDisabling}, 5.1.7: records the stop and disabling of the account in the register. */
@Component
class RecordDisablingDelegate implements JavaDelegate {

  private final AccountRegister register;
  private final AuditRecorder audit;

  RecordDisablingDelegate(AccountRegister register, AuditRecorder audit) {
    this.register = register;
    this.audit = audit;
  }

  @Override
  public void execute(DelegateExecution execution) {
    AccountRequest request = AccountRequest.of(execution);
    String disabledBy = audit.latest(execution.getProcessInstanceId(), AccountRequestProcess.TASK_DISABLE).actor();
    // an account another request disabled meanwhile stays as that request recorded it
    register.active(request.targetUserId(), request.system()).ifPresent(entry -> register.disabled(entry.id(),
        AccountRequest.date(execution.getVariable(AccountRequestProcess.DISABLED_ON)), disabledBy,
        request.businessKey(), audit.now()));
  }
}
