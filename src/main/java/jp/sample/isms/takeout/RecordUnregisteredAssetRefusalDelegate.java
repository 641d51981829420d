package jp.sample.isms.takeout;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.RequestValues;

/**
 * {@code ServiceTask_RecordAssetRefusal}, 3.1.1: the department head did not register the asset, so it cannot be
 * taken out; the 持ち出し台帳 row is closed as rejected.
 */
@Component
class RecordUnregisteredAssetRefusalDelegate implements JavaDelegate {

  private final TakeOutRegister register;

  RecordUnregisteredAssetRefusalDelegate(TakeOutRegister register) {
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    register.status(RequestValues.businessKey(execution), "REJECTED");
  }
}
