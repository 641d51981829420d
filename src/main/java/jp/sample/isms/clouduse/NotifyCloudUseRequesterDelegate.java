package jp.sample.isms.clouduse;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.RequestRecords;
import jp.sample.isms.audit.AuditEntry;
import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.audit.Outcome;
import jp.sample.isms.notification.Notifier;

/**
 * {@code ServiceTask_NotifyRequester}, 7.18: tells the requester that the service is approved and registered, under
 * which approval number, for which data and until which review date, and records that they were told.
 */
@Component
class NotifyCloudUseRequesterDelegate implements JavaDelegate {

  private final RequestRecords records;
  private final Notifier notifier;
  private final AuditRecorder audit;

  NotifyCloudUseRequesterDelegate(Notifier notifier, AuditRecorder audit, RequestRecords records) {
    this.records = records;
    this.notifier = notifier;
    this.audit = audit;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CloudUseRequest request = CloudUseRequest.of(execution);
    String requester = records.requester(execution);
    String reviewDate = CloudUseRequest.string(execution, CloudUseProcess.REVIEW_DATE);
    notifier.send(requester, "cloud-use-approved", Notifier.values("businessKey", request.businessKey(),
        "serviceName", request.serviceName(), "provider", request.provider(), "classificationLabel",
        request.classificationLabel(), "classificationLabelEn", request.classificationLabelEn(), "backupUse",
        request.backupUse(), "registrationEmail", request.registrationEmail(), "reviewDate", reviewDate));
    audit.record(AuditEntry.systemStep(request.businessKey(), execution.getProcessInstanceId(), CloudUseProcess.KEY,
            execution.getCurrentActivityId(), "申請者に利用開始を通知する")
        .requester(requester, records.department(execution)).outcome(Outcome.NOTIFIED)
        .comment("承認番号 " + request.businessKey() + " で台帳に登録したことを " + requester + " に通知 (見直し日 "
            + reviewDate + ")")
        .clauses(CloudUseFlow.CLAUSE_CLOUD).build());
  }
}
