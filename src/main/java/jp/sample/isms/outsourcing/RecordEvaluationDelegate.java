package jp.sample.isms.outsourcing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.RequestValues;
import jp.sample.isms.audit.AuditRecorder;

/**
 * {@code ServiceTask_RecordEvaluation}, 8.1.4: adds the periodic evaluation just reported (method, findings and the
 * written agreement when something was found) to the contract's evaluations in the 委託先台帳.
 */
@Component
class RecordEvaluationDelegate implements JavaDelegate {

  private final ContractorRegister register;
  private final AuditRecorder audit;

  RecordEvaluationDelegate(ContractorRegister register, AuditRecorder audit) {
    this.register = register;
    this.audit = audit;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String processInstanceId = execution.getProcessInstanceId();
    EvaluationMethod method = EvaluationMethod.valueOf(
        OutsourcingRequest.string(execution, OutsourcingProcess.EVALUATION_METHOD));
    boolean findingIdentified = OutsourcingRequest.isTrue(
        execution.getVariable(OutsourcingProcess.FINDING_IDENTIFIED));
    register.evaluated(RequestValues.businessKey(execution), processInstanceId,
        ContractorRegister.PERIODIC, method.name(),
        OutsourcingRequest.date(execution.getVariable(OutsourcingProcess.EVALUATED_ON)),
        audit.latest(processInstanceId, OutsourcingProcess.TASK_EVALUATE_PERIODICALLY).actor(), null,
        OutsourcingRequest.string(execution, OutsourcingProcess.FINDINGS), findingIdentified,
        findingIdentified ? OutsourcingRequest.string(execution, OutsourcingProcess.WRITTEN_AGREEMENT) : null,
        audit.now());
  }
}
