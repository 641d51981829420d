package jp.sample.isms.mediadisposal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.RequestValues;

/** {@code ServiceTask_RecordWithdrawal} and {@code ServiceTask_RecordWithdrawalByRequester}, 3.3.1: 取り下げ. */
@Component
class RecordMediaDisposalWithdrawalDelegate implements JavaDelegate {

  private final MediaDisposalRegister register;

  RecordMediaDisposalWithdrawalDelegate(MediaDisposalRegister register) {
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    register.status(RequestValues.businessKey(execution), "WITHDRAWN");
  }
}
