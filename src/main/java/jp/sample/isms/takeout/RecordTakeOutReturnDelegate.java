package jp.sample.isms.takeout;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.RequestValues;

/** {@code ServiceTask_RecordReturn}, 3.2: the asset is back; the 持ち出し台帳 row is closed. */
@Component
class RecordTakeOutReturnDelegate implements JavaDelegate {

  private final TakeOutRegister register;

  RecordTakeOutReturnDelegate(TakeOutRegister register) {
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    register.returned(RequestValues.businessKey(execution),
        TakeOutRequest.date(execution.getVariable(TakeOutProcess.RETURNED_ON)));
  }
}
