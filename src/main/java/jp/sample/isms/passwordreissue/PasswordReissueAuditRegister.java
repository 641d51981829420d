package jp.sample.isms.passwordreissue;

import static jp.sample.isms.auditor.AuditRegister.Kind.PERSON;
import static jp.sample.isms.auditor.AuditRegister.Kind.REQUEST;
import static jp.sample.isms.auditor.AuditRegister.Kind.TEXT;
import static jp.sample.isms.auditor.AuditRegister.Kind.TIMESTAMP;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import jp.sample.isms.auditor.AuditRegister;
import jp.sample.isms.auditor.AuditRegister.Column;
import jp.sample.isms.auditor.AuditRegister.Filter;

/** パスワード再発行の記録 (5.1.6) for the auditors' pages and CSV export. */
@Configuration
class PasswordReissueAuditRegister {

  @Bean
  AuditRegister passwordReissueAuditRegisterDefinition() {
    return new AuditRegister("password-reissues", "パスワード再発行の記録",
        "Password reissue records", "5.1.6", "password_reissue_register p",
        "p.issued_at desc, p.business_key desc",
        List.of(
            Column.of("businessKey", "申請番号", "p.business_key", REQUEST),
            Column.of("userId", "利用者", "p.user_id", PERSON),
            Column.code("system", "情報システム", "p.system_code", "system"),
            Column.of("accountId", "アカウント", "p.account_id", TEXT),
            Column.of("requester", "申請者", "p.requester", PERSON),
            Column.of("identityCheckedBy", "本人確認者", "p.identity_checked_by", PERSON),
            Column.code("identityCheckMethod", "本人確認の方法", "p.identity_check_method", "identityCheckMethod"),
            Column.of("identityCheckNote", "確認した内容", "p.identity_check_note", TEXT),
            Column.of("issuedBy", "発行者", "p.issued_by", PERSON),
            Column.code("deliveryMethod", "本人への伝え方", "p.delivery_method", "deliveryMethod"),
            Column.of("issuedAt", "発行日時", "p.issued_at", TIMESTAMP)),
        List.of(
            Filter.text("userId", "利用者 (ユーザーID)", "p.user_id"),
            Filter.timeFrom("issuedFrom", "発行日 (から)", "p.issued_at"),
            Filter.timeTo("issuedTo", "発行日 (まで)", "p.issued_at")));
  }
}
