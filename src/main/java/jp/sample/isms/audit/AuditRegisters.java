package jp.sample.isms.audit;

import static jp.sample.isms.audit.AuditRegister.Kind.BOOLEAN;
import static jp.sample.isms.audit.AuditRegister.Kind.DATE;
import static jp.sample.isms.audit.AuditRegister.Kind.LINK;
import static jp.sample.isms.audit.AuditRegister.Kind.NUMBER;
import static jp.sample.isms.audit.AuditRegister.Kind.PERSON;
import static jp.sample.isms.audit.AuditRegister.Kind.REQUEST;
import static jp.sample.isms.audit.AuditRegister.Kind.ROLE;
import static jp.sample.isms.audit.AuditRegister.Kind.TEXT;
import static jp.sample.isms.audit.AuditRegister.Kind.TIMESTAMP;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import jp.sample.isms.audit.AuditRegister.Column;
import jp.sample.isms.audit.AuditRegister.Filter;
import jp.sample.isms.audit.AuditRegister.FilterKind;

/**
 * The registers of the flows built so far, read from their tables (V3–V5). They are declared here rather than in the
 * flows' packages only because those were finished first; a new flow declares its {@link AuditRegister} bean itself.
 */
@Configuration
class AuditRegisters {

  /**
   * 持ち出し台帳 (3.2). The status is derived as {@code takeout.TakeOutRegister.displayStatus} derives it (the test
   * compares the two), so that it can be filtered on in SQL.
   */
  static final String TAKE_OUT_STATUS = """
      case t.status when 'REQUESTED' then '申請中' when 'SENT_BACK' then '差し戻し中'
        when 'APPROVED' then case when :today > t.planned_return_date then '返却遅延'
                                  when :today < t.start_date then '承認' else '持ち出し中' end
        when 'RETURNED' then '返却済' when 'REJECTED' then '却下' when 'WITHDRAWN' then '取り下げ'
        when 'RECORDED' then '記録 (承認不要)' when 'CANCELLED' then '取消' when 'TERMINATED' then '終了 (決定なし)'
        else t.status end""";

  /** Overdue now, or returned after the planned date. */
  static final String TAKE_OUT_LATE = """
      ((t.status = 'APPROVED' and :today > t.planned_return_date)
        or (t.returned_on is not null and t.returned_on > t.planned_return_date))""";

  /** As {@code mediadisposal.MediaDisposalRegister.displayStatus}. */
  static final Map<String, String> MEDIA_DISPOSAL_STATUSES = AuditRegister.codes("REQUESTED", "申請中", "RECEIVED", "受付済 (承認待ち)",
      "SENT_BACK", "差し戻し中", "APPROVED", "承認 (実施待ち)", "REJECTED", "却下", "WITHDRAWN", "取り下げ",
      "EXECUTED", "実施済", "RECORDED", "記録 (承認不要)", "CANCELLED", "取消", "TERMINATED", "終了 (決定なし)");

  static final String MEDIA_DISPOSAL_STATUS = Column.labels("m.status", MEDIA_DISPOSAL_STATUSES);

  /** The states of an account in the account register. */
  static final Map<String, String> ACCOUNT_STATUSES = AuditRegister.codes("ACTIVE", "有効", "DISABLED", "無効");

  @Bean
  AuditRegister takeOutAuditRegister() {
    return new AuditRegister("takeout", "持ち出し台帳", "3.2",
        "takeout_register t left join org_department d on d.code = t.department_code",
        "t.filed_at desc, t.business_key desc",
        List.of(
            Column.of("businessKey", "申請番号", "t.business_key", REQUEST),
            Column.of("status", "状態", TAKE_OUT_STATUS, TEXT),
            Column.of("late", "返却遅延あり", "case when " + TAKE_OUT_LATE + " then true else false end", BOOLEAN),
            Column.of("requester", "申請者", "t.requester", PERSON),
            Column.of("department", "部門", "d.name", TEXT),
            Column.of("assetIds", "情報資産ID (情報資産管理台帳)", "t.asset_ids", TEXT),
            Column.of("assetDescription", "情報資産", "t.asset_description", TEXT),
            Column.code("classification", "機密性", "t.classification", "classification"),
            Column.code("medium", "媒体", "t.medium", "medium"),
            Column.of("destination", "持ち出し先", "t.destination", TEXT),
            Column.of("startDate", "持ち出し日", "t.start_date", DATE),
            Column.of("plannedReturnDate", "返却予定日", "t.planned_return_date", DATE),
            Column.of("returnedOn", "返却日", "t.returned_on", DATE),
            Column.of("approver", "承認者", "t.approver", PERSON),
            Column.of("approverRole", "承認者の役割", "t.approver_role", ROLE),
            Column.of("filedAt", "申請日時", "t.filed_at", TIMESTAMP),
            Column.of("decidedAt", "決裁日時", "t.decided_at", TIMESTAMP)),
        List.of(
            Filter.text("businessKey", "申請番号", "t.business_key"),
            Filter.choice("status", "状態", TAKE_OUT_STATUS, options("申請中", "差し戻し中", "承認", "持ち出し中", "返却遅延",
                "返却済", "却下", "取り下げ", "記録 (承認不要)")),
            Filter.flag("late", "返却遅延ありのみ", TAKE_OUT_LATE),
            Filter.text("requester", "申請者 (ユーザーID)", "t.requester"),
            Filter.choice("department", "部門", "t.department_code", "departments"),
            Filter.choice("classification", "機密性", "t.classification", "form:classification"),
            Filter.choice("medium", "媒体", "t.medium", "form:medium"),
            Filter.dateFrom("from", "持ち出し日 (から)", "t.start_date"),
            Filter.dateTo("to", "持ち出し日 (まで)", "t.start_date")));
  }

  @Bean
  AuditRegister mediaDisposalAuditRegister() {
    return new AuditRegister("media-disposal", "媒体廃棄台帳", "3.3.1, 3.3.2, 4.1.2",
        "media_disposal_register m left join org_department d on d.code = m.department_code",
        "m.filed_at desc, m.business_key desc",
        List.of(
            Column.of("businessKey", "申請番号", "m.business_key", REQUEST),
            Column.of("status", "状態", MEDIA_DISPOSAL_STATUS, TEXT),
            Column.of("requester", "申請者", "m.requester", PERSON),
            Column.of("department", "部門", "d.name", TEXT),
            Column.of("assetIds", "情報資産ID (情報資産管理台帳)", "m.asset_ids", TEXT),
            Column.code("classification", "機密性", "m.classification", "classification"),
            Column.of("lastCopy", "最後の複製", "m.last_copy", BOOLEAN),
            Column.code("mediaType", "媒体の種類", "m.media_type", "mediaType"),
            Column.of("backupMedium", "バックアップ媒体", "m.backup_medium", BOOLEAN),
            Column.code("action", "処理", "m.disposal_action", "action"),
            Column.code("method", "方法", "m.disposal_method", "method"),
            Column.of("quantity", "数量", "m.quantity", NUMBER),
            Column.of("description", "内容", "m.description", TEXT),
            Column.of("contractor", "委託先", "m.contractor", TEXT),
            Column.of("receiver", "受付者", "m.receiver", PERSON),
            Column.of("receivedAt", "受付日時", "m.received_at", TIMESTAMP),
            Column.of("ownerApprover", "管理責任者", "m.owner_approver", PERSON),
            Column.of("ownerApproverRole", "管理責任者の役割", "m.owner_approver_role", ROLE),
            Column.of("approver", "承認者", "m.approver", PERSON),
            Column.of("approverRole", "承認者の役割", "m.approver_role", ROLE),
            Column.of("decidedAt", "決裁日時", "m.decided_at", TIMESTAMP),
            Column.of("executedOn", "実施日", "m.executed_on", DATE),
            Column.of("executionNote", "実施内容", "m.execution_note", TEXT),
            Column.of("certificate", "廃棄証明書",
                "case when m.certificate_attachment_id is not null then concat('/api/audit/requests/', "
                    + "m.business_key, '/attachments/', m.certificate_attachment_id) end", LINK),
            Column.of("certificateSha256", "証明書の SHA-256", "m.certificate_sha256", TEXT),
            Column.of("retiredAssetIds", "廃棄済にした情報資産", "m.retired_asset_ids", TEXT),
            Column.of("filedAt", "申請日時", "m.filed_at", TIMESTAMP)),
        List.of(
            Filter.text("businessKey", "申請番号", "m.business_key"),
            Filter.choice("status", "状態", MEDIA_DISPOSAL_STATUS, options("申請中", "受付済 (承認待ち)", "差し戻し中",
                "承認 (実施待ち)", "却下", "取り下げ", "実施済", "記録 (承認不要)")),
            Filter.text("requester", "申請者 (ユーザーID)", "m.requester"),
            Filter.choice("department", "部門", "m.department_code", "departments"),
            Filter.choice("classification", "機密性", "m.classification", "form:classification"),
            Filter.choice("mediaType", "媒体の種類", "m.media_type", "form:mediaType"),
            Filter.choice("method", "方法", "m.disposal_method", "form:method"),
            Filter.flag("certificate", "廃棄証明書ありのみ", "m.certificate_attachment_id is not null"),
            Filter.timeFrom("from", "申請日 (から)", "m.filed_at"),
            Filter.timeTo("to", "申請日 (まで)", "m.filed_at")));
  }

  @Bean
  AuditRegister accountAuditRegister() {
    return new AuditRegister("accounts", "システムアカウント及び付帯情報管理台帳", "5.1.5, 5.1.7",
        "account_register a left join org_person p on p.user_id = a.user_id "
            + "left join org_department d on d.code = p.department_code",
        "a.user_id, a.system_code, a.id",
        List.of(
            Column.of("id", "台帳番号", "a.id", NUMBER),
            Column.of("user", "利用者", "a.user_id", PERSON),
            Column.of("department", "所属部門 (現在)", "d.name", TEXT),
            Column.code("system", "システム", "a.system_code", "system"),
            Column.of("accountId", "アカウントID", "a.account_id", TEXT),
            Column.of("accessRights", "アクセス権限", "a.access_rights", TEXT),
            Column.of("privileged", "特権", "a.privileged", BOOLEAN),
            Column.of("sharedAccount", "共有", "a.shared_account", BOOLEAN),
            Column.labelled("status", "状態", "a.status", ACCOUNT_STATUSES),
            Column.of("createdAt", "作成日時", "a.created_at", TIMESTAMP),
            Column.of("changedAt", "変更日時", "a.changed_at", TIMESTAMP),
            Column.of("disabledOn", "無効化日", "a.disabled_on", DATE),
            Column.of("disabledAt", "無効化日時", "a.disabled_at", TIMESTAMP),
            Column.of("approvedBy", "承認者", "a.approved_by", PERSON),
            Column.of("setUpBy", "設定者", "a.set_up_by", PERSON),
            Column.of("disabledBy", "無効化実施者", "a.disabled_by", PERSON),
            Column.of("createdByRequest", "作成申請", "a.created_by_request", REQUEST),
            Column.of("lastRequest", "最終申請", "a.last_request", REQUEST)),
        List.of(
            Filter.text("user", "利用者 (ユーザーID)", "a.user_id"),
            Filter.choice("system", "システム", "a.system_code", "form:system"),
            Filter.choice("status", "状態", "a.status", ACCOUNT_STATUSES),
            Filter.flag("privileged", "特権アカウントのみ", "a.privileged = true"),
            Filter.flag("sharedAccount", "共有アカウントのみ", "a.shared_account = true"),
            Filter.choice("department", "所属部門 (現在)", "p.department_code", "departments"),
            Filter.condition("request", "申請番号", FilterKind.TEXT,
                "(a.created_by_request = :value or a.last_request = :value)"),
            Filter.timeFrom("from", "作成日 (から)", "a.created_at"),
            Filter.timeTo("to", "作成日 (まで)", "a.created_at")));
  }

  /** Choices whose value is the label itself (derived statuses). */
  private static Map<String, String> options(String... labels) {
    Map<String, String> options = new LinkedHashMap<>();
    for (String label : labels) {
      options.put(label, label);
    }
    return options;
  }
}
