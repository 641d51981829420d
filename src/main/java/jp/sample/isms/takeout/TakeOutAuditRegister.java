package jp.sample.isms.takeout;

import static jp.sample.isms.auditor.AuditRegister.Kind.BOOLEAN;
import static jp.sample.isms.auditor.AuditRegister.Kind.DATE;
import static jp.sample.isms.auditor.AuditRegister.Kind.PERSON;
import static jp.sample.isms.auditor.AuditRegister.Kind.REQUEST;
import static jp.sample.isms.auditor.AuditRegister.Kind.ROLE;
import static jp.sample.isms.auditor.AuditRegister.Kind.TEXT;
import static jp.sample.isms.auditor.AuditRegister.Kind.TIMESTAMP;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import jp.sample.isms.auditor.AuditRegister;
import jp.sample.isms.auditor.AuditRegister.Column;
import jp.sample.isms.auditor.AuditRegister.Filter;

/**
 * 持ち出し台帳 (3.2) for the auditors' pages and CSV export, read from view {@code takeout_register_view}, which
 * derives the state shown (申請中 … 返却遅延 … 返却済) and whether the return was late; {@link TakeOutRegister} reads
 * the same view.
 */
@Configuration
class TakeOutAuditRegister {

  /** Every state the view shows, in the order of the filter's choices. */
  static final List<String> STATES = List.of("申請中", "差し戻し中", "承認", "持ち出し中", "返却遅延", "返却済", "却下",
      "取り下げ", "記録 (承認不要)", "取消", "終了 (決定なし)");

  @Bean
  AuditRegister takeOutAuditRegisterDefinition() {
    return new AuditRegister("takeout", "持ち出し台帳", "Take-out register", "3.2", "takeout_register_view t",
        "t.filed_at desc, t.business_key desc",
        List.of(
            Column.of("businessKey", "申請番号", "t.business_key", REQUEST),
            Column.of("status", "状態", "t.display_status", TEXT),
            Column.of("late", "返却遅延あり", "t.late", BOOLEAN),
            Column.of("requester", "申請者", "t.requester", PERSON),
            Column.of("department", "部門", "t.department_name", TEXT),
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
            Filter.choice("status", "状態", "t.display_status", AuditRegister.options(STATES)),
            Filter.flag("late", "返却遅延ありのみ", "t.late = true"),
            Filter.text("requester", "申請者 (ユーザーID)", "t.requester"),
            Filter.choice("department", "部門", "t.department_code", "departments"),
            Filter.choice("classification", "機密性", "t.classification", "form:classification"),
            Filter.choice("medium", "媒体", "t.medium", "form:medium"),
            Filter.dateFrom("from", "持ち出し日 (から)", "t.start_date"),
            Filter.dateTo("to", "持ち出し日 (まで)", "t.start_date")));
  }
}
