package jp.sample.isms.mediadisposal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.ApprovalVariables;
import jp.sample.isms.approval.RequestValues;
import jp.sample.isms.audit.AuditEntry;
import jp.sample.isms.audit.AuditRecorder;

/** {@code ServiceTask_RecordReceipt}, 3.3.1: writes the section chief's 受付 decision into the 媒体廃棄台帳. */
@Component
class RecordMediaDisposalReceiptDelegate implements JavaDelegate {

  private final MediaDisposalRegister register;
  private final AuditRecorder audit;

  RecordMediaDisposalReceiptDelegate(MediaDisposalRegister register, AuditRecorder audit) {
    this.register = register;
    this.audit = audit;
  }

  @Override
  public void execute(DelegateExecution execution) {
    AuditEntry record = audit.latest(execution.getProcessInstanceId(), MediaDisposalProcess.TASK_RECEIVE);
    String status = switch ((String) execution.getVariable(ApprovalVariables.DECISION)) {
      case "APPROVED" -> "RECEIVED";
      case "REJECTED" -> "REJECTED";
      default -> "SENT_BACK";
    };
    register.received(RequestValues.businessKey(execution), status, record.actor(),
        record.actingRole(), record.occurredAt());
  }
}
