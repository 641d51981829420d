package jp.sample.isms.takeout;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.RequestValues;

/** {@code ServiceTask_RecordPublicTakeOut}, 3.2: a public asset needs no permission; it is recorded only. */
@Component
class RecordPublicTakeOutDelegate implements JavaDelegate {

  private final TakeOutRegister register;

  RecordPublicTakeOutDelegate(TakeOutRegister register) {
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    register.status(RequestValues.businessKey(execution), "RECORDED");
  }
}
