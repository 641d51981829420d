package jp.sample.isms.outsourcing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.RequestRecords;
import jp.sample.isms.audit.AuditEntry;
import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.audit.Outcome;
import jp.sample.isms.notification.Notifier;

/**
 * {@code ServiceTask_CloseContract}, 8.1.4 and 8.1.3: the contract end date has passed. The periodic evaluation stops,
 * the 委託先台帳 shows the contract ended, and the requester is reminded that the assets handed over are to be returned
 * or disposed of as the contract says.
 */
@Component
class CloseContractDelegate implements JavaDelegate {

  private final RequestRecords records;
  private final ContractorRegister register;
  private final AuditRecorder audit;
  private final Notifier notifier;

  CloseContractDelegate(ContractorRegister register, AuditRecorder audit, Notifier notifier, RequestRecords records) {
    this.records = records;
    this.register = register;
    this.audit = audit;
    this.notifier = notifier;
  }

  @Override
  public void execute(DelegateExecution execution) {
    OutsourcingRequest request = OutsourcingRequest.of(execution, records);
    register.ended(request.businessKey(), audit.now());
    notifier.send(request.requester(), "contract-ended", Notifier.values("businessKey", request.businessKey(),
        "contractor", request.contractor(), "contractEnd", request.contractEnd(), "assetDescription",
        request.assetDescription()));
    audit.record(AuditEntry.systemStep(request.businessKey(), execution.getProcessInstanceId(),
            OutsourcingProcess.KEY, execution.getCurrentActivityId(), "契約の終了を記録する")
        .requester(request.requester(), request.departmentCode()).outcome(Outcome.ENDED)
        .comment("契約終了日 " + request.contractEnd())
        .clauses(OutsourcingFlow.CLAUSE_EVALUATION + "," + OutsourcingFlow.CLAUSE_CONTRACT).build());
  }
}
