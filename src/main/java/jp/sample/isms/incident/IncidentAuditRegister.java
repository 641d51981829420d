package jp.sample.isms.incident;

import static jp.sample.isms.auditor.AuditRegister.Kind.BOOLEAN;
import static jp.sample.isms.auditor.AuditRegister.Kind.DATE;
import static jp.sample.isms.auditor.AuditRegister.Kind.NUMBER;
import static jp.sample.isms.auditor.AuditRegister.Kind.PERSON;
import static jp.sample.isms.auditor.AuditRegister.Kind.REQUEST;
import static jp.sample.isms.auditor.AuditRegister.Kind.TEXT;
import static jp.sample.isms.auditor.AuditRegister.Kind.TIMESTAMP;

import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import jp.sample.isms.auditor.AuditRegister;
import jp.sample.isms.auditor.AuditRegister.Column;
import jp.sample.isms.auditor.AuditRegister.Filter;

/** インシデント管理台帳 (9.1–9.5) for the auditors' pages and CSV export; the timeline of each is its request's. */
@Configuration
class IncidentAuditRegister {

  @Bean
  AuditRegister incidentAuditRegisterDefinition() {
    return new AuditRegister("incidents", "インシデント管理台帳", "Incident register", "9.1–9.5",
        "incident_register i left join org_department d on d.code = i.department_code",
        "i.reported_at desc, i.incident_number desc",
        List.of(
            Column.of("incidentNumber", "インシデント番号", "i.incident_number", REQUEST),
            Column.code("incidentKind", "区分", "i.incident_kind", IncidentProcess.KIND),
            Column.of("level", "事故レベル", "i.incident_level", NUMBER),
            Column.of("proposedLevel", "提案された事故レベル", "i.proposed_level", NUMBER),
            Column.of("levelChanges", "事故レベルの変更 (理由)", "i.level_changes", TEXT),
            Column.of("summary", "内容", "i.summary", TEXT),
            Column.of("discoveredOn", "発見日", "i.discovered_on", DATE),
            Column.of("reporter", "報告者", "i.reporter", PERSON),
            Column.of("department", "報告者の部門", "d.name", TEXT),
            Column.of("personalData", "個人情報", "i.personal_data", BOOLEAN),
            Column.of("customersAffected", "顧客・取引先等への影響", "i.customers_affected", BOOLEAN),
            Column.of("cyberAttack", "サイバー攻撃等", "i.cyber_attack", BOOLEAN),
            Column.of("assetIds", "情報資産", "i.asset_ids", TEXT),
            Column.of("responders", "対応者", "i.responders", TEXT),
            Column.of("reportedAt", "報告日時", "i.reported_at", TIMESTAMP),
            Column.of("acknowledgedAt", "受領日時", "i.acknowledged_at", TIMESTAMP),
            Column.of("acknowledgedBy", "受領者", "i.acknowledged_by", TEXT),
            Column.of("preliminaryReportDue", "監督官庁への速報の期限", "i.preliminary_report_due", DATE),
            Column.of("finalReportDue", "監督官庁への確報の期限", "i.final_report_due", DATE),
            Column.of("filings", "届出 (日付・届出先・受理番号)", "i.filings", TEXT),
            Column.of("cause", "原因", "i.cause", TEXT),
            Column.of("measuresTaken", "実施した対策", "i.measures_taken", TEXT),
            Column.of("recurrencePrevention", "再発防止策", "i.recurrence_prevention", TEXT),
            Column.of("publicationDone", "公表", "i.publication_done", BOOLEAN),
            Column.of("closedAt", "終結日時", "i.closed_at", TIMESTAMP),
            Column.labelled("status", "状態", "i.status",
                AuditRegister.codes("REPORTED", "報告受付", "RESPONDING", "対応中", "CLOSED", "終結"))),
        List.of(
            Filter.text("incidentNumber", "インシデント番号", "i.incident_number"),
            Filter.choice("incidentKind", "区分", "i.incident_kind", "form:" + IncidentProcess.KIND),
            Filter.choice("level", "事故レベル", "cast(i.incident_level as varchar(1))",
                levels()),
            Filter.flag("open", "対応中のみ", "i.status <> 'CLOSED'"),
            Filter.flag("personalData", "個人情報の漏えい等のみ", "i.personal_data = true"),
            Filter.timeFrom("reportedFrom", "報告日 (から)", "i.reported_at"),
            Filter.timeTo("reportedTo", "報告日 (まで)", "i.reported_at")));
  }

  private static Map<String, String> levels() {
    Map<String, String> levels = new LinkedHashMap<>();
    for (int level = 3; level >= 0; level--) {
      levels.put(String.valueOf(level), "レベル " + level);
    }
    return levels;
  }
}
