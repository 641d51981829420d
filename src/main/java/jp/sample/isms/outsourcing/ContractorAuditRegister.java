package jp.sample.isms.outsourcing;

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

/** 委託先台帳 (8.1): contracts, their status, evaluations and re-subcontractors, for the auditors' pages and CSV. */
@Configuration
class ContractorAuditRegister {

  private static final Map<String, String> STATUSES = AuditRegister.codes("SELECTED", "選定済 (契約確認待ち)",
      "RUNNING", "契約中", "ENDED", "契約終了");

  @Bean
  AuditRegister contractorAuditRegisterDefinition() {
    return new AuditRegister("contractors", "委託先台帳", "Contractor register", "8.1.1–8.1.6",
        "contractor_register r left join org_department d on d.code = r.department_code",
        "r.selected_at desc, r.business_key desc",
        List.of(
            Column.of("businessKey", "申請番号", "r.business_key", REQUEST),
            Column.of("contractor", "委託先", "r.contractor", TEXT),
            Column.labelled("status", "状態", "r.status", STATUSES),
            Column.of("scopeOfWork", "委託業務", "r.scope_of_work", TEXT),
            Column.code("classification", "渡す情報資産の機密性", "r.asset_classification", "assetClassification"),
            Column.of("contractStart", "契約開始日", "r.contract_start", DATE),
            Column.of("contractEnd", "契約終了日", "r.contract_end", DATE),
            Column.of("unmetCriteria", "選定時に満たさなかった基準", "r.unmet_criteria", TEXT),
            Column.of("evaluations", "評価の回数", "(select count(*) from contractor_evaluation e "
                + "where e.business_key = r.business_key)", NUMBER),
            Column.of("lastEvaluation", "最後の評価日", "(select max(e.evaluated_on) from contractor_evaluation e "
                + "where e.business_key = r.business_key)", DATE),
            Column.of("resubcontractors", "再委託先", "(select count(*) from resubcontractor_register s "
                + "where s.outsourcing_business_key = r.business_key)", NUMBER),
            Column.of("requester", "申請者", "r.requester", PERSON),
            Column.of("department", "部門", "d.name", TEXT),
            Column.of("evaluator", "評価者", "r.evaluator", PERSON),
            Column.of("approver", "選定の承認者", "r.approver", PERSON),
            Column.of("selectedAt", "選定日時", "r.selected_at", TIMESTAMP)),
        List.of(
            Filter.text("businessKey", "申請番号", "r.business_key"),
            Filter.choice("status", "状態", "r.status", STATUSES),
            Filter.choice("department", "部門", "r.department_code", "departments"),
            Filter.text("requester", "申請者 (ユーザーID)", "r.requester")));
  }
}
