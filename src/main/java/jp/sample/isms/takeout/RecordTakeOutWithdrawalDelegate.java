package jp.sample.isms.takeout;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.RequestValues;

/** {@code ServiceTask_RecordWithdrawal} and {@code ServiceTask_RecordWithdrawalByRequester}, 3.2: 取り下げ. */
@Component
class RecordTakeOutWithdrawalDelegate implements JavaDelegate {

  private final TakeOutRegister register;

  RecordTakeOutWithdrawalDelegate(TakeOutRegister register) {
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    register.status(RequestValues.businessKey(execution), "WITHDRAWN");
  }
}
