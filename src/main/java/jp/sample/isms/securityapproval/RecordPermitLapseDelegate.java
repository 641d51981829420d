package jp.sample.isms.securityapproval;

import java.time.OffsetDateTime;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.RequestRecords;
import jp.sample.isms.audit.AuditEntry;
import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.audit.Outcome;
import jp.sample.isms.notification.Notifier;

/**
 * {@code ServiceTask_RecordLapse}: the permit's end date has passed. The permit lapses in the セキュリティ承認台帳, a
 * temporarily connected external device (7.13) lapses in the 社内IT機材管理台帳 and a device loses its remote access
 * (7.25); the holder is told and the lapse recorded.
 */
@Component
class RecordPermitLapseDelegate implements JavaDelegate {

  private final RequestRecords records;
  private final SecurityPermits permits;
  private final ItRegister register;
  private final Notifier notifier;
  private final AuditRecorder audit;

  RecordPermitLapseDelegate(RequestRecords records, SecurityPermits permits, ItRegister register, Notifier notifier,
      AuditRecorder audit) {
    this.records = records;
    this.permits = permits;
    this.register = register;
    this.notifier = notifier;
    this.audit = audit;
  }

  @Override
  public void execute(DelegateExecution execution) {
    SecurityApprovalRequest request = SecurityApprovalRequest.of(execution);
    String number = request.businessKey();
    OffsetDateTime now = audit.now();
    permits.lapse(number, now);
    String detail = "終了日 " + request.validUntil() + " を過ぎたため失効";
    switch (request.registerAction()) {
      case "EXTERNAL_DEVICE" -> register.lapseDevice(ApplySecurityApprovalDelegate.externalDeviceId(number),
          detail + " (7.13)", number, "system", now);
      case "REMOTE_ACCESS" -> register.setRemoteAccess(request.deviceId(), false, null, "REMOTE_ACCESS_LAPSED",
          detail + " (7.25)", number, "system", now);
      default -> {
        // the permit itself is all there is
      }
    }
    String holder = records.requester(execution);
    notifier.send(holder, "permit-lapsed", Notifier.values("businessKey", number, "typeLabel", request.typeLabel(),
        "clause", request.clause(), "validUntil", request.validUntil(), "permitSubject", request.permitSubject()));
    audit.record(AuditEntry.systemStep(number, execution.getProcessInstanceId(), SecurityApprovalProcess.KEY,
            execution.getCurrentActivityId(), "失効を台帳に記録する")
        .requester(holder, records.department(execution)).outcome(Outcome.LAPSED).comment(detail)
        .clauses(request.clause()).build());
  }
}
