package jp.sample.isms.mediadisposal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.RequestValues;

/**
 * {@code ServiceTask_RecordExecution}, 3.3.1: closes the 媒体廃棄台帳 row with the execution date and, for outsourced
 * destruction, the certificate of destruction the completion step accepted.
 */
@Component
class RecordMediaDisposalExecutionDelegate implements JavaDelegate {

  private final MediaDisposalRegister register;
  private final DestructionCertificates certificates;

  RecordMediaDisposalExecutionDelegate(MediaDisposalRegister register, DestructionCertificates certificates) {
    this.register = register;
    this.certificates = certificates;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DestructionCertificates.Check certificate = certificates.check(execution.getProcessInstanceId());
    register.executed(RequestValues.businessKey(execution),
        MediaDisposalRequest.date(execution.getVariable(MediaDisposalProcess.EXECUTED_ON)),
        (String) execution.getVariable(MediaDisposalProcess.EXECUTION_NOTE),
        certificate.found() ? certificate.certificate().getId() : null, certificate.sha256());
  }
}
