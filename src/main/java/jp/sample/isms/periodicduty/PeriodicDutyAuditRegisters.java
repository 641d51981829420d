package jp.sample.isms.periodicduty;

import static jp.sample.isms.auditor.AuditRegister.Kind.BOOLEAN;
import static jp.sample.isms.auditor.AuditRegister.Kind.DATE;
import static jp.sample.isms.auditor.AuditRegister.Kind.NUMBER;
import static jp.sample.isms.auditor.AuditRegister.Kind.PERSON;
import static jp.sample.isms.auditor.AuditRegister.Kind.REQUEST;
import static jp.sample.isms.auditor.AuditRegister.Kind.ROLE;
import static jp.sample.isms.auditor.AuditRegister.Kind.TEXT;
import static jp.sample.isms.auditor.AuditRegister.Kind.TIMESTAMP;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import jp.sample.isms.auditor.AuditRegister;
import jp.sample.isms.auditor.AuditRegister.Column;
import jp.sample.isms.auditor.AuditRegister.Filter;

/**
 * The periodic duties' registers for the auditors' pages and CSV: occurrences, 教育実施記録, アカウントの棚卸し, 改善計画
 * (1.2), バックアップの実施確認 (4.1.1, 4.1.4).
 */
@Configuration
class PeriodicDutyAuditRegisters {

  @Bean
  AuditRegister periodicDutyAuditRegister() {
    Map<String, String> statuses = AuditRegister.codes(Occurrences.OPEN, "未完了", Occurrences.DONE, "完了");
    return new AuditRegister("periodic-duties", "定期業務の実施記録",
        "Periodic duty records", "1.2, 1.3, 2.4, 4.1.4, 5.1.5, 7.2, 7.5, 7.24, 9.5.2",
        "periodic_duty_occurrence_view o",
        "o.due_date desc, o.duty_code, o.id desc",
        List.of(
            Column.of("businessKey", "番号", "o.business_key", REQUEST),
            Column.of("dutyName", "業務", "o.duty_name", TEXT),
            Column.of("clauses", "条項", "o.clauses", TEXT),
            Column.of("dueDate", "期限", "o.due_date", DATE),
            Column.of("department", "部門", "o.department_name", TEXT),
            Column.of("responsibleRole", "実施する役割", "o.responsible_role", ROLE),
            Column.of("acceptingRole", "確認する役割", "o.accepting_role", ROLE),
            Column.of("status", "状態", "o.display_status", TEXT),
            Column.of("performedBy", "実施者", "o.performed_by", PERSON),
            Column.of("performedAt", "実施日時", "o.performed_at", TIMESTAMP),
            Column.of("acceptedBy", "確認者", "o.accepted_by", PERSON),
            Column.of("acceptedAt", "確認日時", "o.accepted_at", TIMESTAMP),
            Column.of("tableVersion", "表の版", "o.table_version", NUMBER)),
        List.of(
            Filter.text("dutyCode", "業務コード", "o.duty_code"),
            Filter.choice("status", "状態", "o.status", statuses),
            Filter.flag("overdue", "期限切れのみ", "o.overdue = true"),
            Filter.dateFrom("dueFrom", "期限 (から)", "o.due_date"),
            Filter.dateTo("dueTo", "期限 (まで)", "o.due_date")));
  }

  @Bean
  AuditRegister educationAuditRegister() {
    return new AuditRegister("education", "教育実施記録", "Training records", "2.4, 2.5",
        "education_attendance a left join org_person p on p.user_id = a.user_id "
            + "left join org_department d on d.code = p.department_code",
        "a.session_date desc, a.user_id, a.id",
        List.of(
            Column.of("businessKey", "番号", "a.business_key", REQUEST),
            Column.of("sessionDate", "実施日", "a.session_date", DATE),
            Column.of("topic", "テーマ", "a.topic", TEXT),
            Column.of("person", "受講者", "a.user_id", PERSON),
            Column.of("department", "所属部門 (現在)", "d.name", TEXT),
            Column.of("attended", "出席", "a.attended", BOOLEAN),
            Column.of("followedUpOn", "フォロー日", "a.followed_up_on", DATE),
            Column.of("followUpNote", "フォローの内容", "a.follow_up_note", TEXT),
            Column.of("recordedBy", "記録者", "a.recorded_by", PERSON)),
        List.of(
            Filter.text("person", "受講者 (ユーザーID)", "a.user_id"),
            Filter.choice("department", "所属部門 (現在)", "p.department_code", "departments"),
            Filter.flag("notFollowedUp", "欠席でフォロー未実施のみ", "a.attended = false and a.followed_up_on is null"),
            Filter.dateFrom("from", "実施日 (から)", "a.session_date"),
            Filter.dateTo("to", "実施日 (まで)", "a.session_date")));
  }

  @Bean
  AuditRegister accountReviewAuditRegister() {
    Map<String, String> results = AuditRegister.codes(AccountReview.CONFIRMED, "確認済み", AccountReview.CHANGE, "権限変更",
        AccountReview.DELETE, "削除");
    return new AuditRegister("account-reviews", "アカウントの棚卸し",
        "Account reviews", "5.1.5, 5.1.7", "account_review_result r",
        "r.reviewed_at desc, r.id desc",
        List.of(
            Column.of("businessKey", "棚卸しの番号", "r.business_key", REQUEST),
            Column.of("registerRow", "台帳の行", "r.account_register_id", NUMBER),
            Column.of("person", "利用者", "r.user_id", PERSON),
            Column.code("system", "システム", "r.system_code", "system"),
            Column.of("accountId", "アカウント", "r.account_id", TEXT),
            Column.labelled("result", "結果", "r.result", results),
            Column.of("filedRequest", "申請", "r.filed_request", REQUEST),
            Column.of("reviewer", "確認者", "r.reviewer", PERSON),
            Column.of("reviewedAt", "確認日時", "r.reviewed_at", TIMESTAMP)),
        List.of(
            Filter.text("businessKey", "棚卸しの番号", "r.business_key"),
            Filter.text("person", "利用者 (ユーザーID)", "r.user_id"),
            Filter.choice("result", "結果", "r.result", results)));
  }

  @Bean
  AuditRegister improvementItemAuditRegister() {
    Map<String, String> statuses = new LinkedHashMap<>();
    statuses.put(ImprovementItems.PLANNED, "予定");
    statuses.put(ImprovementItems.OPEN, "実施中");
    statuses.put(ImprovementItems.CLOSED, "完了報告済み");
    statuses.put(ImprovementItems.DONE, "完了");
    return new AuditRegister("improvement-items", "改善計画 (改善項目)",
        "Improvement plan (improvement items)", "1.2", "improvement_item_view i",
        "i.due_date desc, i.business_key, i.item_no",
        List.of(
            Column.of("businessKey", "監査・点検の番号", "i.business_key", REQUEST),
            Column.of("itemNo", "項目", "i.item_no", NUMBER),
            Column.of("description", "改善項目", "i.description", TEXT),
            Column.of("ownerRole", "担当する役割", "i.owner_role", ROLE),
            Column.of("dueDate", "期限", "i.due_date", DATE),
            Column.of("status", "状態", "i.display_status", TEXT),
            Column.of("closedBy", "完了を報告した人", "i.closed_by", PERSON),
            Column.of("closedAt", "完了報告日時", "i.closed_at", TIMESTAMP),
            Column.of("closureNote", "実施した改善", "i.closure_note", TEXT),
            Column.of("acceptedBy", "確認者", "i.accepted_by", PERSON),
            Column.of("acceptedAt", "確認日時", "i.accepted_at", TIMESTAMP)),
        List.of(
            Filter.text("businessKey", "監査・点検の番号", "i.business_key"),
            Filter.choice("status", "状態", "i.status", statuses),
            Filter.flag("overdue", "期限切れのみ", "i.overdue = true"),
            Filter.dateFrom("dueFrom", "期限 (から)", "i.due_date"),
            Filter.dateTo("dueTo", "期限 (まで)", "i.due_date")));
  }

  @Bean
  AuditRegister backupCheckAuditRegister() {
    return new AuditRegister("backup-checks", "バックアップの実施確認", "Backup checks", "4.1.1, 4.1.4",
        "backup_check_entry e join backup_check_week w on w.id = e.week_id",
        "w.week_start desc, e.row_no",
        List.of(
            Column.of("businessKey", "番号", "w.business_key", REQUEST),
            Column.of("weekStart", "週 (月曜)", "w.week_start", DATE),
            Column.of("weekEnd", "週 (日曜)", "w.week_end", DATE),
            Column.of("target", "取得対象", "e.target_name", TEXT),
            Column.of("checkDay", "予定日 (日次)", "e.check_day", DATE),
            Column.of("result", "結果", "case when e.done is null then '未記録' when e.done then '取得' else '未実施' end",
                TEXT),
            Column.of("note", "理由と対応", "e.note", TEXT),
            Column.of("recordedBy", "記録者", "w.recorded_by", PERSON),
            Column.of("recordedAt", "記録日時", "w.recorded_at", TIMESTAMP)),
        List.of(
            Filter.text("businessKey", "番号", "w.business_key"),
            Filter.flag("notRecorded", "未記録の週のみ", "w.status = 'PENDING'"),
            Filter.flag("missed", "未実施のみ", "e.done = false"),
            Filter.dateFrom("from", "週 (から)", "w.week_start"),
            Filter.dateTo("to", "週 (まで)", "w.week_start")));
  }
}
