package jp.sample.isms.takeout;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.ApprovalVariables;
import jp.sample.isms.audit.AuditRecorder;

/**
 * {@code ServiceTask_RegisterTakeOut}, 3.2: enters the request (or its resubmission) in the 持ち出し台帳, with the
 * register's assets and their classification at filing.
 */
@Component
class RegisterTakeOutDelegate implements JavaDelegate {

  private final TakeOutRegister register;
  private final AuditRecorder audit;

  RegisterTakeOutDelegate(TakeOutRegister register, AuditRecorder audit) {
    this.register = register;
    this.audit = audit;
  }

  @Override
  public void execute(DelegateExecution execution) {
    TakeOutRequest request = TakeOutRequest.of(execution);
    register.register(request.businessKey(), execution.getProcessInstanceId(),
        (String) execution.getVariable(ApprovalVariables.REQUESTER),
        (String) execution.getVariable(ApprovalVariables.REQUESTER_DEPARTMENT), request.assetIds(),
        request.assetDescription(), request.classification(), request.medium(), request.destination(), request.startDate(),
        request.plannedReturnDate(), audit.now());
  }
}
