package jp.sample.isms.securityapproval;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.RequestRecords;
import jp.sample.isms.audit.AuditEntry;
import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.audit.Outcome;
import jp.sample.isms.notification.Notifier;

/**
 * {@code ServiceTask_ApplyApproval} (7.3, 7.4): records the permit in the セキュリティ承認台帳 and makes the change its
 * type's {@code registerAction} names in the 社内IT機材管理台帳 and the approved software list, under the request
 * number; sets the timers of a permit with an end date; tells the holder.
 */
@Component
class ApplySecurityApprovalDelegate implements JavaDelegate {

  /** The holder is told this many days before the end date that the permit ends. */
  static final int REMINDER_DAYS = 3;
  static final LocalTime REMINDER_TIME = LocalTime.of(9, 0);

  private final RequestRecords records;
  private final AuditRecorder audit;
  private final SecurityPermits permits;
  private final ItRegister register;
  private final Notifier notifier;

  ApplySecurityApprovalDelegate(RequestRecords records, AuditRecorder audit, SecurityPermits permits,
      ItRegister register, Notifier notifier) {
    this.records = records;
    this.audit = audit;
    this.permits = permits;
    this.register = register;
    this.notifier = notifier;
  }

  @Override
  public void execute(DelegateExecution execution) {
    SecurityApprovalRequest request = SecurityApprovalRequest.of(execution);
    String instanceId = execution.getProcessInstanceId();
    String requester = records.requester(execution);
    String department = records.department(execution);
    AuditEntry approval = audit.latest(instanceId, SecurityApprovalProcess.TASK_APPROVE);
    OffsetDateTime now = audit.now();
    LocalDate approvedOn = approval.occurredAt().atZoneSameInstant(audit.zone()).toLocalDate();
    String number = request.businessKey();
    String approver = approval.actor();

    String change = switch (request.registerAction()) {
      case "DEVICE" -> {
        register.saveDevice(new ItRegister.Device(request.deviceId(), request.deviceKind(), request.subject(),
            requester, department, request.location(), request.macAddress(), null, request.os(), request.purpose(),
            false, null, ItRegister.ACTIVE, null, number), "REGISTERED",
            request.typeLabel() + " (" + request.clause() + ")", number, approver, now);
        yield "社内IT機材管理台帳に " + request.deviceId() + " を登録";
      }
      case "SOFTWARE" -> {
        String category = "ANTIVIRUS".equals(request.requestType()) ? "ANTIVIRUS" : request.softwareCategory();
        register.saveSoftware(new ItRegister.Software(request.subject(), request.softwareVersion(), category,
            request.vendor(), request.licence(), request.vendorSupportUntil(), number, approver, approvedOn,
            ItRegister.APPROVED), "APPROVED", request.typeLabel() + " (" + request.clause() + ")", approver, now);
        request.targetDevices().forEach(device -> register.install(device, request.subject(),
            request.softwareVersion(), number, approver, now));
        yield "承認済みソフトウェアに " + request.subject() + " " + request.softwareVersion() + " を登録"
            + (request.targetDevices().isEmpty() ? "" : "、導入先 " + String.join(", ", request.targetDevices()));
      }
      case "EXTERNAL_DEVICE" -> {
        String deviceId = externalDeviceId(number);
        register.saveDevice(new ItRegister.Device(deviceId, "EXTERNAL", request.subject(), request.deviceOwner(),
            department, null, request.macAddress(), null, null, request.purpose(), false, null, ItRegister.ACTIVE,
            request.validUntil(), number), "REGISTERED",
            "社外機器の一時的な LAN 接続 (7.13)、" + request.validUntil() + " まで", number, approver, now);
        yield "社内IT機材管理台帳に社外機器 " + deviceId + " を " + request.validUntil() + " まで登録";
      }
      case "WIRELESS" -> {
        if (register.device(request.deviceId()).isEmpty()) {
          register.saveDevice(new ItRegister.Device(request.deviceId(), "WIRELESS", request.subject(), requester,
              department, null, null, null, null, request.purpose(), false, null, ItRegister.ACTIVE, null, number),
              "REGISTERED", "無線 LAN 機器 (5.1.3)", number, approver, now);
        }
        register.registerMacAddress(request.deviceId(), request.macAddress(), number, approver, now);
        yield "社内IT機材管理台帳の " + request.deviceId() + " に MAC アドレス " + request.macAddress() + " を登録";
      }
      case "REMOTE_ACCESS" -> {
        register.setRemoteAccess(request.deviceId(), true, request.validUntil(), "REMOTE_ACCESS_PERMITTED",
            "リモートアクセスを許可 (7.25)、" + request.validUntil() + " まで", number, approver, now);
        yield "社内IT機材管理台帳の " + request.deviceId() + " にリモートアクセスの許可を " + request.validUntil() + " まで記録";
      }
      default -> "セキュリティ承認台帳に記録";
    };
    LocalDate reviewDate = "DATA_CENTRE".equals(request.registerAction()) ? approvedOn.plusYears(1) : null;
    LocalDate validFrom = request.validFrom() != null ? request.validFrom() : request.expires() ? approvedOn : null;
    permits.record(new SecurityPermits.Permit(number, instanceId, request.requestType(), request.clause(),
        request.permitSubject(), requester, department, approver, approvedOn, validFrom,
        request.expires() ? request.validUntil() : null, reviewDate, SecurityPermits.ACTIVE, change), now);

    if (request.expires()) {
      Date endsAt = at(request.validUntil().plusDays(1), LocalTime.MIDNIGHT);
      Date reminder = at(request.validUntil().minusDays(REMINDER_DAYS), REMINDER_TIME);
      Date nowDate = Date.from(now.toInstant());
      execution.setVariable(SecurityApprovalProcess.PERMIT_ENDS_AT, endsAt);
      execution.setVariable(SecurityApprovalProcess.PERMIT_REMINDER_AT, reminder.before(nowDate) ? nowDate : reminder);
    }
    String type = request.requestType();
    notifier.send(requester, "security-approval-granted", Notifier.values("businessKey", number, "typeLabel",
        request.typeLabel(), "clause", request.clause(), "permitSubject", request.permitSubject(), "validFrom",
        validFrom, "validUntil", request.expires() ? request.validUntil() : null, "reviewDate", reviewDate,
        "registerChange", change, "remoteAccess", "REMOTE_ACCESS".equals(type), "lanConnection",
        "LAN_CONNECTION".equals(type), "wirelessDevice", "WIRELESS_DEVICE".equals(type), "onlineBanking",
        "ONLINE_BANKING".equals(type), "browserPassword", "BROWSER_PASSWORD".equals(type)));
    audit.record(AuditEntry.systemStep(number, instanceId, SecurityApprovalProcess.KEY,
            execution.getCurrentActivityId(), "承認を台帳に反映する")
        .requester(requester, department).outcome(Outcome.RECORDED).comment(change).clauses(request.clause()).build());
  }

  /** The node name under which an external device is connected for a while (7.13). */
  static String externalDeviceId(String businessKey) {
    return "EXT-" + businessKey;
  }

  /** What the holder must keep in mind, by the regulation. */
  private Date at(LocalDate day, LocalTime time) {
    return Date.from(day.atTime(time).atZone(audit.zone()).toInstant());
  }
}
