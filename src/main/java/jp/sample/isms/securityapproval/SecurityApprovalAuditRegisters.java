package jp.sample.isms.securityapproval;

import static jp.sample.isms.auditor.AuditRegister.Kind.BOOLEAN;
import static jp.sample.isms.auditor.AuditRegister.Kind.DATE;
import static jp.sample.isms.auditor.AuditRegister.Kind.PERSON;
import static jp.sample.isms.auditor.AuditRegister.Kind.REQUEST;
import static jp.sample.isms.auditor.AuditRegister.Kind.TEXT;
import static jp.sample.isms.auditor.AuditRegister.Kind.TIMESTAMP;

import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import jp.sample.isms.auditor.AuditRegister;
import jp.sample.isms.auditor.AuditRegister.Column;
import jp.sample.isms.auditor.AuditRegister.Filter;

/**
 * The registers of flow {@code securityApproval} for the auditors' pages and CSV export: the 社内IT機材管理台帳 (7.3),
 * the approved software list (7.4), the history of both, and the セキュリティ承認台帳.
 */
@Configuration
class SecurityApprovalAuditRegisters {

  static final Map<String, String> DEVICE_KINDS = AuditRegister.codes("SERVER", "サーバー", "CLIENT", "クライアント",
      "NETWORK", "ネットワーク機器", "WIRELESS", "無線 LAN 機器", "EXTERNAL", "社外機器");
  static final Map<String, String> DEVICE_STATUSES = AuditRegister.codes("ACTIVE", "使用中", "LAPSED", "失効",
      "RETIRED", "廃棄");
  static final Map<String, String> SOFTWARE_CATEGORIES = AuditRegister.codes("APPLICATION", "アプリケーション",
      "OS", "OS (標準外)", "ANTIVIRUS", "ウイルス対策");
  static final Map<String, String> REGISTERS = AuditRegister.codes(ItRegister.DEVICE, "社内IT機材管理台帳",
      ItRegister.SOFTWARE, "承認済みソフトウェア");
  static final Map<String, String> PERMIT_STATUSES = AuditRegister.codes("ACTIVE", "有効", "LAPSED", "失効");
  /** The changes {@link ItRegister} records in the history of both registers. */
  static final Map<String, String> CHANGES = AuditRegister.codes("REGISTERED", "登録", "APPROVED", "承認",
      "IMPORTED", "CSV から取り込み", "REMOTE_ACCESS_PERMITTED", "リモートアクセスの許可", "REMOTE_ACCESS_LAPSED",
      "リモートアクセス許可の失効", "MAC_REGISTERED", "MAC アドレスの登録", "CONNECTION_LAPSED", "接続期限の失効",
      "SOFTWARE_INSTALLED", "ソフトウェアの導入");

  @Bean
  AuditRegister itDeviceAuditRegisterDefinition() {
    return new AuditRegister("it-devices", "社内IT機材管理台帳", "In-house IT equipment register", "7.3",
        "it_device v left join org_department d on d.code = v.department_code", "v.device_id",
        List.of(
            Column.of("deviceId", "ノード名", "v.device_id", TEXT),
            Column.labelled("kind", "種類", "v.kind", DEVICE_KINDS),
            Column.of("product", "機種名・製品", "v.product", TEXT),
            Column.of("owner", "利用者・所有者", "v.owner", TEXT),
            Column.of("department", "部門", "d.name", TEXT),
            Column.of("location", "設置場所", "v.location", TEXT),
            Column.of("macAddress", "MAC アドレス", "v.mac_address", TEXT),
            Column.of("ipAddress", "IP アドレス", "v.ip_address", TEXT),
            Column.of("os", "OS とそのバージョン", "v.os", TEXT),
            Column.of("software", "ソフトウェアとそのバージョン",
                "(select string_agg(s.software_name || ' ' || s.software_version, ', ') from it_device_software s"
                    + " where s.device_id = v.device_id)", TEXT),
            Column.of("remoteAccess", "リモートアクセス許可", "v.remote_access", BOOLEAN),
            Column.of("remoteAccessUntil", "リモートアクセスの期限", "v.remote_access_until", DATE),
            Column.labelled("status", "状態", "v.status", DEVICE_STATUSES),
            Column.of("validUntil", "接続の期限", "v.valid_until", DATE),
            Column.of("lastRequestNumber", "最終の承認番号", "v.last_request_number", REQUEST),
            Column.of("updatedAt", "更新日時", "v.updated_at", TIMESTAMP)),
        List.of(
            Filter.text("deviceId", "ノード名", "v.device_id"),
            Filter.choice("kind", "種類", "v.kind", DEVICE_KINDS),
            Filter.choice("department", "部門", "v.department_code", "departments"),
            Filter.flag("remoteAccess", "リモートアクセス許可のある機器のみ", "v.remote_access = true"),
            Filter.choice("status", "状態", "v.status", DEVICE_STATUSES)));
  }

  @Bean
  AuditRegister approvedSoftwareAuditRegisterDefinition() {
    return new AuditRegister("approved-software", "承認済みソフトウェア",
        "Approved software", "7.4, 7.7, 7.9, 7.10", "approved_software w",
        "w.name, w.version",
        List.of(
            Column.of("name", "ソフトウェア", "w.name", TEXT),
            Column.of("version", "バージョン", "w.version", TEXT),
            Column.labelled("category", "分類", "w.category", SOFTWARE_CATEGORIES),
            Column.of("vendor", "提供元", "w.vendor", TEXT),
            Column.of("licence", "ライセンス", "w.licence", TEXT),
            Column.of("supportUntil", "保守サポートの終了日", "w.support_until", DATE),
            Column.of("devices", "導入先の機器", "(select string_agg(s.device_id, ', ') from it_device_software s"
                + " where s.software_name = w.name and s.software_version = w.version)", TEXT),
            Column.of("approvalNumber", "承認番号", "w.approval_number", REQUEST),
            Column.of("approvedBy", "承認者", "w.approved_by", PERSON),
            Column.of("approvedOn", "承認日", "w.approved_on", DATE),
            Column.of("updatedAt", "更新日時", "w.updated_at", TIMESTAMP)),
        List.of(
            Filter.text("name", "ソフトウェア", "w.name"),
            Filter.choice("category", "分類", "w.category", SOFTWARE_CATEGORIES),
            Filter.dateTo("supportUntil", "保守サポートの終了日 (まで)", "w.support_until")));
  }

  @Bean
  AuditRegister itRegisterHistoryAuditRegisterDefinition() {
    return new AuditRegister("it-register-history", "社内IT機材管理台帳・承認済みソフトウェアの変更履歴",
        "Changes to the IT equipment register and the approved software", "7.3, 7.4",
        "it_register_history h", "h.occurred_at desc, h.id desc",
        List.of(
            Column.of("occurredAt", "日時", "h.occurred_at", TIMESTAMP),
            Column.labelled("register", "台帳", "h.register", REGISTERS),
            Column.of("itemKey", "機器・ソフトウェア", "h.item_key", TEXT),
            Column.labelled("change", "変更", "h.change", CHANGES),
            Column.of("detail", "内容", "h.detail", TEXT),
            Column.of("requestNumber", "承認番号 (空欄は CSV 取り込み)", "h.request_number", REQUEST),
            Column.of("actor", "実施者", "h.actor", PERSON)),
        List.of(
            Filter.text("itemKey", "機器・ソフトウェア", "h.item_key"),
            Filter.text("requestNumber", "承認番号", "h.request_number")));
  }

  @Bean
  AuditRegister securityPermitAuditRegisterDefinition() {
    return new AuditRegister("security-permits", "セキュリティ承認台帳", "Security approval register",
        "5.1.3, 6.1.2, 7.1, 7.4, 7.6, 7.8, 7.10, 7.13, 7.16, 7.17, 7.20, 7.21, 7.22, 7.25",
        "security_permit p left join org_department d on d.code = p.department_code",
        "p.recorded_at desc, p.approval_number desc",
        List.of(
            Column.of("approvalNumber", "承認番号", "p.approval_number", REQUEST),
            Column.code("requestType", "申請の種類", "p.request_type", "requestType"),
            Column.of("clause", "条項", "p.clause", TEXT),
            Column.of("subject", "対象", "p.subject", TEXT),
            Column.of("holder", "申請者", "p.holder", PERSON),
            Column.of("department", "部門", "d.name", TEXT),
            Column.of("approvedBy", "承認者", "p.approved_by", PERSON),
            Column.of("approvedOn", "承認日", "p.approved_on", DATE),
            Column.of("validFrom", "開始日", "p.valid_from", DATE),
            Column.of("validUntil", "終了日", "p.valid_until", DATE),
            Column.of("reviewDate", "見直し日", "p.review_date", DATE),
            Column.labelled("status", "状態", "p.status", PERMIT_STATUSES),
            Column.of("detail", "台帳への反映", "p.detail", TEXT),
            Column.of("lapsedAt", "失効日時", "p.lapsed_at", TIMESTAMP)),
        List.of(
            Filter.text("approvalNumber", "承認番号", "p.approval_number"),
            Filter.text("holder", "申請者 (ユーザーID)", "p.holder"),
            Filter.choice("requestType", "申請の種類", "p.request_type", "form:requestType"),
            Filter.choice("status", "状態", "p.status", PERMIT_STATUSES),
            Filter.dateTo("validUntil", "終了日 (まで)", "p.valid_until")));
  }
}
