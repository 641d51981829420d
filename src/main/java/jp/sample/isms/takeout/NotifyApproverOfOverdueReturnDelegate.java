package jp.sample.isms.takeout;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.ApprovalVariables;
import jp.sample.isms.approval.RequestRecords;
import jp.sample.isms.audit.AuditEntry;
import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.audit.Outcome;
import jp.sample.isms.notification.Notifier;

/** {@code ServiceTask_NotifyApprover}, 3.2: three days after the reminder, the approver learns of the overdue return. */
@Component
class NotifyApproverOfOverdueReturnDelegate implements JavaDelegate {

  private final RequestRecords records;
  private final Notifier notifier;
  private final AuditRecorder audit;

  NotifyApproverOfOverdueReturnDelegate(Notifier notifier, AuditRecorder audit, RequestRecords records) {
    this.records = records;
    this.notifier = notifier;
    this.audit = audit;
  }

  @Override
  public void execute(DelegateExecution execution) {
    TakeOutRequest request = TakeOutRequest.of(execution);
    String approver = (String) execution.getVariable(TakeOutProcess.APPROVED_BY);
    notifier.send(approver, "take-out-return-overdue", Notifier.values("businessKey", request.businessKey(),
        "requesterName", execution.getVariable(ApprovalVariables.REQUESTER_NAME), "plannedReturnDate",
        request.plannedReturnDate(), "assetDescription", request.assetDescription()));
    audit.record(AuditEntry.systemStep(request.businessKey(), execution.getProcessInstanceId(), TakeOutProcess.KEY,
            execution.getCurrentActivityId(), "承認者に返却遅延を通知する")
        .requester(records.requester(execution), records.department(execution)).outcome(Outcome.ESCALATED)
        .comment("返却遅延を承認者 " + approver + " に通知").clauses(TakeOutFlow.CLAUSE).build());
  }
}
