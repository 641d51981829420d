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
    LocalDate approvedOn = approval.occurredAt().atZoneSameInstant(AuditRecorder.JAPAN).toLocalDate();
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
    notifier.send(requester, "【セキュリティ承認】" + number + " " + request.typeLabel() + " が承認されました",
        request.typeLabel() + " (情報管理規程 " + request.clause() + ") が承認されました。\n"
            + "承認番号: " + number + "\n"
            + "対象: " + request.permitSubject() + "\n"
            + (request.expires() ? "有効期間: " + validFrom + " から " + request.validUntil() + " まで (終了日を過ぎると失効します)\n" : "")
            + (reviewDate != null ? "見直し日: " + reviewDate + "\n" : "")
            + "台帳: " + change + "\n"
            + notes(request.requestType()));
    audit.record(AuditEntry.systemStep(number, instanceId, SecurityApprovalProcess.KEY,
            execution.getCurrentActivityId(), "承認を台帳に反映する")
        .requester(requester, department).outcome(Outcome.RECORDED).comment(change).clauses(request.clause()).build());
  }

  /** The node name under which an external device is connected for a while (7.13). */
  static String externalDeviceId(String businessKey) {
    return "EXT-" + businessKey;
  }

  /** What the holder must keep in mind, by the regulation. */
  private static String notes(String type) {
    return switch (type) {
      case "REMOTE_ACCESS" -> "公衆 WiFi 回線は利用できません。会社が契約するキャリア回線で IPSec 接続し、原則として勤務時間内に利用してください (7.26, 7.27)。"
          + "\n端末を紛失した場合は、直ちに情報セキュリティ責任者に連絡し、指示に従ってください (7.25)。";
      case "LAN_CONNECTION" -> "接続前の確認 (定義ファイルの更新とフルスキャン) を報告済みです。終了日を過ぎたら接続を外してください (7.13)。";
      case "WIRELESS_DEVICE" -> "WPA2-PSK・AES、12文字以上の事前共有キーで接続してください (5.1.3)。";
      case "ONLINE_BANKING" -> "銀行が公開している URL 又は専用アプリケーションを使い、メール等のリンクからアクセスしないでください (7.17)。";
      case "BROWSER_PASSWORD" -> "承認されたウェブサービス以外のパスワードはブラウザに保存しないでください (7.16)。";
      default -> "";
    };
  }

  private static Date at(LocalDate day, LocalTime time) {
    return Date.from(day.atTime(time).atZone(AuditRecorder.JAPAN).toInstant());
  }
}
