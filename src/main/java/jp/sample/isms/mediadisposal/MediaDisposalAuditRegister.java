package jp.sample.isms.mediadisposal;

import static jp.sample.isms.auditor.AuditRegister.Kind.BOOLEAN;
import static jp.sample.isms.auditor.AuditRegister.Kind.DATE;
import static jp.sample.isms.auditor.AuditRegister.Kind.LINK;
import static jp.sample.isms.auditor.AuditRegister.Kind.NUMBER;
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
 * 媒体廃棄台帳 (3.3.1, 3.3.2, 4.1.2) for the auditors' pages and CSV export, read from its table; the state shown is
 * the label {@link MediaDisposalRegister#STATES} gives the stored status, and the state filter offers the same map.
 */
@Configuration
class MediaDisposalAuditRegister {

  @Bean
  AuditRegister mediaDisposalAuditRegisterDefinition() {
    return new AuditRegister("media-disposal", "媒体廃棄台帳",
        "Media disposal register", "3.3.1, 3.3.2, 4.1.2",
        "media_disposal_register m left join org_department d on d.code = m.department_code",
        "m.filed_at desc, m.business_key desc",
        List.of(
            Column.of("businessKey", "申請番号", "m.business_key", REQUEST),
            Column.labelled("status", "状態", "m.status", MediaDisposalRegister.STATES),
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
            Filter.choice("status", "状態", "m.status", MediaDisposalRegister.STATES),
            Filter.text("requester", "申請者 (ユーザーID)", "m.requester"),
            Filter.choice("department", "部門", "m.department_code", "departments"),
            Filter.choice("classification", "機密性", "m.classification", "form:classification"),
            Filter.choice("mediaType", "媒体の種類", "m.media_type", "form:mediaType"),
            Filter.choice("method", "方法", "m.disposal_method", "form:method"),
            Filter.flag("certificate", "廃棄証明書ありのみ", "m.certificate_attachment_id is not null"),
            Filter.timeFrom("from", "申請日 (から)", "m.filed_at"),
            Filter.timeTo("to", "申請日 (まで)", "m.filed_at")));
  }
}
