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
    notifier.send(requester, "【クラウドサービス利用承認】" + request.businessKey() + " " + request.serviceName()
            + " の利用が承認されました",
        "クラウドサービス「" + request.serviceName() + "」(" + request.provider() + ") の利用が承認され、"
            + "クラウドサービス台帳に登録されました (情報管理規程 7.18)。\n"
            + "承認番号: " + request.businessKey() + "\n"
            + "保存できる情報の機密性: " + request.classificationLabel() + " まで\n"
            + (request.backupUse() ? "バックアップの保存: 可 (4.1.3 のサービス要件を確認済み)\n" : "")
            + "登録するメールアドレス: " + request.registrationEmail() + " (外部メールアドレス)\n"
            + "見直し日: " + reviewDate + "\n"
            + "クラウドサービスの管理者との秘密保持契約の締結を確認済みです。承認された範囲を超える情報を保存しないでください。");
    audit.record(AuditEntry.systemStep(request.businessKey(), execution.getProcessInstanceId(), CloudUseProcess.KEY,
            execution.getCurrentActivityId(), "申請者に利用開始を通知する")
        .requester(requester, records.department(execution)).outcome(Outcome.NOTIFIED)
        .comment("承認番号 " + request.businessKey() + " で台帳に登録したことを " + requester + " に通知 (見直し日 "
            + reviewDate + ")")
        .clauses(CloudUseFlow.CLAUSE_CLOUD).build());
  }
}
