package jp.sample.isms.onboarding;

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

/** 入社手続きの記録 (2.1, 2.4, 5.1.9) for the auditors' pages and CSV export. */
@Configuration
class OnboardingAuditRegister {

  @Bean
  AuditRegister onboardingAuditRegisterDefinition() {
    return new AuditRegister("onboardings", "入社手続きの記録", "Onboarding records", "2.1, 2.4, 5.1.9",
        "onboarding_register o left join org_department d on d.code = o.department_code",
        "o.account_created_at desc, o.business_key desc",
        List.of(
            Column.of("businessKey", "申請番号", "o.business_key", REQUEST),
            Column.of("userId", "従業員", "o.user_id", PERSON),
            Column.of("department", "部門", "d.name", TEXT),
            Column.of("hireDate", "入社日", "o.hire_date", DATE),
            Column.of("requester", "申請者", "o.requester", PERSON),
            Column.of("undertakingSha256", "秘密保持誓約書 (SHA-256)", "o.undertaking_sha256", TEXT),
            Column.of("accountCreatedBy", "アカウント作成者", "o.account_created_by", PERSON),
            Column.of("accountCreatedAt", "アカウント作成日時", "o.account_created_at", TIMESTAMP),
            Column.of("accountRequests", "アカウント申請", "o.account_requests", TEXT),
            Column.of("trainedBy", "教育実施者", "o.trained_by", PERSON),
            Column.of("trainedOn", "教育実施日", "o.trained_on", DATE),
            Column.of("trainingContent", "教育内容", "o.training_content", TEXT)),
        List.of(
            Filter.text("userId", "従業員 (ユーザーID)", "o.user_id"),
            Filter.choice("department", "部門", "o.department_code", "departments"),
            Filter.flag("notTrained", "教育未実施のみ", "o.trained_on is null")));
  }
}
