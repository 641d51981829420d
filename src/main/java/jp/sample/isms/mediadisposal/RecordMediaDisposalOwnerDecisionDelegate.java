package jp.sample.isms.mediadisposal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.ApprovalVariables;
import jp.sample.isms.approval.RequestValues;
import jp.sample.isms.audit.AuditEntry;
import jp.sample.isms.audit.AuditRecorder;

/** {@code ServiceTask_RecordOwnerDecision}, 3.1.3: writes the 管理責任者's decision into the 媒体廃棄台帳. */
@Component
class RecordMediaDisposalOwnerDecisionDelegate implements JavaDelegate {

  private final MediaDisposalRegister register;
  private final AuditRecorder audit;

  RecordMediaDisposalOwnerDecisionDelegate(MediaDisposalRegister register, AuditRecorder audit) {
    this.register = register;
    this.audit = audit;
  }

  @Override
  public void execute(DelegateExecution execution) {
    AuditEntry record = audit.latest(execution.getProcessInstanceId(), MediaDisposalProcess.TASK_CONFIRM_BY_OWNER);
    String status = switch ((String) execution.getVariable(ApprovalVariables.DECISION)) {
      // approved by the 管理責任者, still waiting for the 情報システム責任者
      case "APPROVED" -> "RECEIVED";
      case "REJECTED" -> "REJECTED";
      default -> "SENT_BACK";
    };
    register.ownerDecided(RequestValues.businessKey(execution), status, record.actor(), record.actingRole(),
        record.occurredAt());
  }
}
