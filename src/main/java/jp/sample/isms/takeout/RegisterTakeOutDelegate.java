package jp.sample.isms.takeout;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.RequestRecords;
import jp.sample.isms.audit.AuditRecorder;

/**
 * {@code ServiceTask_RegisterTakeOut}, 3.2: enters the request (or its resubmission) in the 持ち出し台帳, with the
 * register's assets and their classification at filing.
 */
@Component
class RegisterTakeOutDelegate implements JavaDelegate {

  private final RequestRecords records;
  private final TakeOutRegister register;
  private final AuditRecorder audit;

  RegisterTakeOutDelegate(TakeOutRegister register, AuditRecorder audit, RequestRecords records) {
    this.records = records;
    this.register = register;
    this.audit = audit;
  }

  @Override
  public void execute(DelegateExecution execution) {
    TakeOutRequest request = TakeOutRequest.of(execution);
    register.register(request.businessKey(), execution.getProcessInstanceId(),
        records.requester(execution),
        records.department(execution), request.assetIds(),
        request.assetDescription(), request.classification(), request.medium(), request.destination(), request.startDate(),
        request.plannedReturnDate(), audit.now());
  }
}
