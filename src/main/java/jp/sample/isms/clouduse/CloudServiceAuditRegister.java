package jp.sample.isms.clouduse;

import static jp.sample.isms.auditor.AuditRegister.Kind.BOOLEAN;
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

/** クラウドサービス台帳 (7.18, 4.1.3) for the auditors' pages and CSV export. */
@Configuration
class CloudServiceAuditRegister {

  @Bean
  AuditRegister cloudServiceAuditRegisterDefinition() {
    return new AuditRegister("cloud-services", "クラウドサービス台帳", "Cloud service register", "7.18, 4.1.3",
        "cloud_service_register c left join org_department d on d.code = c.department_code",
        "c.registered_at desc, c.approval_number desc",
        List.of(
            Column.of("approvalNumber", "承認番号", "c.approval_number", REQUEST),
            Column.of("serviceName", "サービス名", "c.service_name", TEXT),
            Column.of("provider", "提供者", "c.provider", TEXT),
            Column.code("classification", "保存する情報の機密性", "c.classification", "classification"),
            Column.of("backupUse", "バックアップ用途", "c.backup_use", BOOLEAN),
            Column.of("registrationEmail", "登録メールアドレス", "c.registration_email", TEXT),
            Column.of("dataLocation", "データの保存場所", "c.data_location", TEXT),
            Column.of("iso27017", "ISO/IEC 27017", "c.iso27017_certified", BOOLEAN),
            Column.of("csMark", "CSマーク", "c.cs_mark_certified", BOOLEAN),
            Column.of("requester", "申請者", "c.requester", PERSON),
            Column.of("department", "部門", "d.name", TEXT),
            Column.of("approvedBy", "承認者", "c.approved_by", PERSON),
            Column.of("approvedOn", "承認日", "c.approved_on", DATE),
            Column.of("ndaSignedOn", "秘密保持契約の締結日", "c.nda_signed_on", DATE),
            Column.of("reviewDate", "見直し日", "c.review_date", DATE),
            Column.of("registeredAt", "登録日時", "c.registered_at", TIMESTAMP)),
        List.of(
            Filter.text("approvalNumber", "承認番号", "c.approval_number"),
            Filter.text("requester", "申請者 (ユーザーID)", "c.requester"),
            Filter.choice("department", "部門", "c.department_code", "departments"),
            Filter.flag("backupUse", "バックアップ用途のみ", "c.backup_use = true"),
            Filter.dateTo("reviewBy", "見直し日 (まで)", "c.review_date")));
  }
}
