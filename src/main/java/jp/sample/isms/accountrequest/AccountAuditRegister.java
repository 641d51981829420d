package jp.sample.isms.accountrequest;

import static jp.sample.isms.auditor.AuditRegister.Kind.BOOLEAN;
import static jp.sample.isms.auditor.AuditRegister.Kind.DATE;
import static jp.sample.isms.auditor.AuditRegister.Kind.NUMBER;
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
import jp.sample.isms.auditor.AuditRegister.FilterKind;

/** システムアカウント及び付帯情報管理台帳 (5.1.5, 5.1.7) for the auditors' pages and CSV export. */
@Configuration
class AccountAuditRegister {

  /** The states of an account in the register. */
  static final Map<String, String> STATUSES = AuditRegister.codes(AccountRegister.ACTIVE, "有効",
      AccountRegister.DISABLED, "無効");

  @Bean
  AuditRegister accountAuditRegisterDefinition() {
    return new AuditRegister("accounts", "システムアカウント及び付帯情報管理台帳",
        "System accounts and related information register", "5.1.5, 5.1.7",
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
            Column.labelled("status", "状態", "a.status", STATUSES),
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
            Filter.choice("status", "状態", "a.status", STATUSES),
            Filter.flag("privileged", "特権アカウントのみ", "a.privileged = true"),
            Filter.flag("sharedAccount", "共有アカウントのみ", "a.shared_account = true"),
            Filter.choice("department", "所属部門 (現在)", "p.department_code", "departments"),
            Filter.condition("request", "申請番号", FilterKind.TEXT,
                "(a.created_by_request = :value or a.last_request = :value)"),
            Filter.timeFrom("from", "作成日 (から)", "a.created_at"),
            Filter.timeTo("to", "作成日 (まで)", "a.created_at")));
  }
}
