package jp.sample.isms.offboarding;

import static jp.sample.isms.auditor.AuditRegister.Kind.DATE;
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

/** 退職手続きの記録 (2.3, 5.1.7) for the auditors' pages and CSV export. */
@Configuration
class OffboardingAuditRegister {

  @Bean
  AuditRegister offboardingAuditRegisterDefinition() {
    return new AuditRegister("offboardings", "退職手続きの記録", "Offboarding records", "2.3, 5.1.7", "offboarding_register o",
        "o.last_working_day desc, o.business_key desc",
        List.of(
            Column.of("businessKey", "申請番号", "o.business_key", REQUEST),
            Column.of("userId", "退職者", "o.user_id", PERSON),
            Column.of("lastWorkingDay", "最終出社日", "o.last_working_day", DATE),
            Column.of("requester", "申請者", "o.requester", PERSON),
            Column.of("returnItems", "返却させるもの", "o.return_items", TEXT),
            Column.of("returnsConfirmedBy", "返却確認者", "o.returns_confirmed_by", PERSON),
            Column.of("returnsConfirmedAt", "返却確認日時", "o.returns_confirmed_at", TIMESTAMP),
            Column.of("accountRequests", "アカウント削除申請", "o.account_requests", TEXT),
            Column.of("accountDisabledAt", "アカウント停止日時", "o.account_disabled_at", TIMESTAMP),
            Column.of("handedOverSteps", "引き継いだステップ", "o.handed_over_steps", TEXT)),
        List.of(
            Filter.text("userId", "退職者 (ユーザーID)", "o.user_id"),
            Filter.flag("returnsOpen", "返却未確認のみ", "o.returns_confirmed_by is null")));
  }
}
