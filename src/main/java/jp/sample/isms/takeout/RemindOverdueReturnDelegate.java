package jp.sample.isms.takeout;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.RequestRecords;
import jp.sample.isms.audit.AuditEntry;
import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.audit.Outcome;
import jp.sample.isms.notification.Notifier;

/** {@code ServiceTask_RemindRequester}, 3.2: the day after the planned return, the requester is reminded. */
@Component
class RemindOverdueReturnDelegate implements JavaDelegate {

  private final RequestRecords records;
  private final Notifier notifier;
  private final AuditRecorder audit;

  RemindOverdueReturnDelegate(Notifier notifier, AuditRecorder audit, RequestRecords records) {
    this.records = records;
    this.notifier = notifier;
    this.audit = audit;
  }

  @Override
  public void execute(DelegateExecution execution) {
    TakeOutRequest request = TakeOutRequest.of(execution);
    String requester = records.requester(execution);
    notifier.send(requester, "take-out-return-reminder", Notifier.values("businessKey", request.businessKey(),
        "plannedReturnDate", request.plannedReturnDate(), "assetDescription", request.assetDescription()));
    audit.record(AuditEntry.systemStep(request.businessKey(), execution.getProcessInstanceId(), TakeOutProcess.KEY,
            execution.getCurrentActivityId(), "申請者に返却を督促する")
        .requester(requester, records.department(execution)).outcome(Outcome.REMINDED).comment("返却予定日超過")
        .clauses(TakeOutFlow.CLAUSE).build());
  }
}
