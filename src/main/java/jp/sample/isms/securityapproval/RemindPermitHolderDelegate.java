package jp.sample.isms.securityapproval;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.RequestRecords;
import jp.sample.isms.audit.AuditEntry;
import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.audit.Outcome;
import jp.sample.isms.notification.Notifier;

/** {@code ServiceTask_RemindHolder}: tells the holder that the permit ends on its end date, and records it. */
@Component
class RemindPermitHolderDelegate implements JavaDelegate {

  private final RequestRecords records;
  private final Notifier notifier;
  private final AuditRecorder audit;

  RemindPermitHolderDelegate(RequestRecords records, Notifier notifier, AuditRecorder audit) {
    this.records = records;
    this.notifier = notifier;
    this.audit = audit;
  }

  @Override
  public void execute(DelegateExecution execution) {
    SecurityApprovalRequest request = SecurityApprovalRequest.of(execution);
    String holder = records.requester(execution);
    notifier.send(holder, "permit-ending", Notifier.values("businessKey", request.businessKey(), "typeLabel",
        request.typeLabel(), "clause", request.clause(), "validUntil", request.validUntil(), "permitSubject",
        request.permitSubject()));
    audit.record(AuditEntry.systemStep(request.businessKey(), execution.getProcessInstanceId(),
            SecurityApprovalProcess.KEY, execution.getCurrentActivityId(), "許可の終了を予告する")
        .requester(holder, records.department(execution)).outcome(Outcome.REMINDED)
        .comment("終了日 " + request.validUntil() + " を予告").clauses(request.clause()).build());
  }
}
