package jp.sample.isms.mediadisposal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.RequestValues;

/** {@code ServiceTask_RecordPublicDisposal}, 3.3.1: public media are outside 3.3; recorded without approval. */
@Component
class RecordPublicMediaDisposalDelegate implements JavaDelegate {

  private final MediaDisposalRegister register;

  RecordPublicMediaDisposalDelegate(MediaDisposalRegister register) {
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    register.status(RequestValues.businessKey(execution), "RECORDED");
  }
}
