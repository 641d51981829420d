package jp.sample.isms.mediadisposal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.RequestRecords;
import jp.sample.isms.audit.AuditRecorder;

/** {@code ServiceTask_RegisterMediaDisposal}, 3.3.1: enters the request (or its resubmission) in the 媒体廃棄台帳. */
@Component
class RegisterMediaDisposalDelegate implements JavaDelegate {

  private final RequestRecords records;
  private final MediaDisposalRegister register;
  private final AuditRecorder audit;

  RegisterMediaDisposalDelegate(MediaDisposalRegister register, AuditRecorder audit, RequestRecords records) {
    this.records = records;
    this.register = register;
    this.audit = audit;
  }

  @Override
  public void execute(DelegateExecution execution) {
    register.register(MediaDisposalRequest.of(execution), execution.getProcessInstanceId(),
        records.requester(execution),
        records.department(execution), audit.now());
  }
}
