package jp.sample.isms.securityapproval;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;

import jp.sample.isms.approval.RequestValues;

/** The variables of a security approval and the route its type took, typed (map in, call a service, map out). */
record SecurityApprovalRequest(String businessKey, String requestType, String purpose, String subject, String area,
    String participants, LocalDate validFrom, LocalDate validUntil, String securityMeasures, String specDocument,
    String deviceId, String deviceKind, String location, String os, String softwareCategory, String softwareVersion,
    String vendor, List<String> targetDevices, LocalDate vendorSupportUntil, String licence, String scope,
    String deviceOwner, String macAddress, String employeeId, String mailAddress, String dataCentreTier,
    String classification, String connectionMethod, String registerAction, boolean expires, String clause) {

  /** The Japanese names of the types, for mails and records; the rules of a type are in the decision tables. */
  static final Map<String, String> TYPE_LABELS = Map.ofEntries(
      Map.entry("PHOTO_RECORDING", "撮影・録音"),
      Map.entry("IT_INFRASTRUCTURE", "IT 基盤の対策・仕様"),
      Map.entry("NON_STANDARD_SOFTWARE", "標準外 OS・ソフトウェアの導入"),
      Map.entry("NEW_DEVICE", "新規サーバー・クライアント・ネットワーク機器"),
      Map.entry("ANTIVIRUS", "ウイルス対策製品の導入"),
      Map.entry("LAN_CONNECTION", "社外機器の LAN 接続"),
      Map.entry("WIRELESS_DEVICE", "無線 LAN 機器の接続"),
      Map.entry("UNBLOCK", "閲覧制限・スパム扱いの解除"),
      Map.entry("BROWSER_PASSWORD", "ブラウザへのパスワード保存"),
      Map.entry("ONLINE_BANKING", "インターネットバンキング・電子決済"),
      Map.entry("EXTERNAL_MAIL", "インターネットメールアドレスの貸与"),
      Map.entry("DATA_CENTRE", "社外データセンターの利用"),
      Map.entry("REMOTE_ACCESS", "リモートアクセス端末の許可"),
      Map.entry("SNS_USE", "SNS の業務利用"));

  static SecurityApprovalRequest of(VariableScope scope) {
    return new SecurityApprovalRequest(
        RequestValues.businessKey(scope),
        string(scope, SecurityApprovalProcess.REQUEST_TYPE),
        string(scope, SecurityApprovalProcess.PURPOSE),
        string(scope, SecurityApprovalProcess.SUBJECT),
        string(scope, SecurityApprovalProcess.AREA),
        string(scope, SecurityApprovalProcess.PARTICIPANTS),
        RequestValues.date(scope.getVariable(SecurityApprovalProcess.VALID_FROM)),
        RequestValues.date(scope.getVariable(SecurityApprovalProcess.VALID_UNTIL)),
        string(scope, SecurityApprovalProcess.SECURITY_MEASURES),
        string(scope, SecurityApprovalProcess.SPEC_DOCUMENT),
        string(scope, SecurityApprovalProcess.DEVICE_ID),
        string(scope, SecurityApprovalProcess.DEVICE_KIND),
        string(scope, SecurityApprovalProcess.LOCATION),
        string(scope, SecurityApprovalProcess.OS),
        string(scope, SecurityApprovalProcess.SOFTWARE_CATEGORY),
        string(scope, SecurityApprovalProcess.SOFTWARE_VERSION),
        string(scope, SecurityApprovalProcess.VENDOR),
        deviceIds(string(scope, SecurityApprovalProcess.TARGET_DEVICES)),
        RequestValues.date(scope.getVariable(SecurityApprovalProcess.VENDOR_SUPPORT_UNTIL)),
        string(scope, SecurityApprovalProcess.LICENCE),
        string(scope, SecurityApprovalProcess.SCOPE),
        string(scope, SecurityApprovalProcess.DEVICE_OWNER),
        string(scope, SecurityApprovalProcess.MAC_ADDRESS),
        string(scope, SecurityApprovalProcess.EMPLOYEE_ID),
        string(scope, SecurityApprovalProcess.MAIL_ADDRESS),
        string(scope, SecurityApprovalProcess.DATA_CENTRE_TIER),
        string(scope, SecurityApprovalProcess.CLASSIFICATION),
        string(scope, SecurityApprovalProcess.CONNECTION_METHOD),
        string(scope, SecurityApprovalProcess.REGISTER_ACTION),
        RequestValues.isTrue(scope.getVariable(SecurityApprovalProcess.EXPIRES)),
        string(scope, SecurityApprovalProcess.CLAUSE));
  }

  /** The node names of a comma (or 、) separated list, trimmed, without blanks and repeats. */
  static List<String> deviceIds(String list) {
    if (list == null) {
      return List.of();
    }
    return Arrays.stream(list.split("[,、，\\s]+")).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
  }

  String typeLabel() {
    return TYPE_LABELS.getOrDefault(requestType, requestType);
  }

  /** What the permit is for, in one line of the register. */
  String permitSubject() {
    return switch (requestType) {
      case "PHOTO_RECORDING" -> area + " (" + participants + ")";
      case "EXTERNAL_MAIL" -> mailAddress + " (" + employeeId + ")";
      case "REMOTE_ACCESS" -> deviceId;
      default -> subject != null ? subject : deviceId;
    };
  }

  private static String string(VariableScope scope, String name) {
    return RequestValues.string(scope, name);
  }
}
