package jp.sample.isms.mediadisposal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import jp.sample.isms.asset.InformationAsset;
import jp.sample.isms.auditor.AuditRegister;

/** 媒体廃棄台帳 (3.3.1, 3.3.2, 4.1.2): the media disposal register, one row per request. */
@Repository
public class MediaDisposalRegister {

  /**
   * The state users and auditors see, by stored status, in the order of the auditors' filter: defined here and
   * nowhere else (the auditors' column and filter take this map; no SQL repeats it). A status without a label shows
   * as stored.
   */
  public static final Map<String, String> STATES = AuditRegister.codes("REQUESTED", "申請中",
      "RECEIVED", "受付済 (承認待ち)", "SENT_BACK", "差し戻し中", "APPROVED", "承認 (実施待ち)", "REJECTED", "却下",
      "WITHDRAWN", "取り下げ", "EXECUTED", "実施済", "RECORDED", "記録 (承認不要)", "CANCELLED", "取消",
      "TERMINATED", "終了 (決定なし)");

  /** A row with the state users see ({@link #STATES} of its stored status). */
  public record Entry(String businessKey, String requester, String classification, String mediaType,
      boolean backupMedium, String action, String method, int quantity, String description, String contractor,
      String status, String receiver, String receiverRole, String approver, String approverRole, LocalDate executedOn,
      String executionNote, String certificateAttachmentId, String certificateSha256, String displayStatus,
      String assetIds, boolean lastCopy, String ownerApprover, String ownerApproverRole, String retiredAssetIds) {
  }

  private final JdbcTemplate jdbc;

  MediaDisposalRegister(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Enters a filed request, or updates it with its resubmission (the decisions of the previous round are cleared). */
  void register(MediaDisposalRequest request, String processInstanceId, String requester, String department,
      OffsetDateTime filedAt) {
    int updated = jdbc.update("""
        update media_disposal_register set classification = ?, media_type = ?, backup_medium = ?,
          disposal_action = ?, disposal_method = ?, quantity = ?, description = ?, contractor = ?,
          asset_ids = ?, last_copy = ?,
          status = 'REQUESTED', receiver = null, receiver_role = null, received_at = null, approver = null,
          approver_role = null, decided_at = null, owner_approver = null, owner_approver_role = null,
          owner_decided_at = null
         where business_key = ?
        """, request.classification(), request.mediaType(), request.backupMedium(), request.action(),
        request.method(), request.quantity(), request.description(), request.contractor(), request.assetIds(),
        request.lastCopy(), request.businessKey());
    if (updated == 0) {
      jdbc.update("""
          insert into media_disposal_register (business_key, process_instance_id, requester, department_code,
            classification, media_type, backup_medium, disposal_action, disposal_method, quantity, description,
            contractor, asset_ids, last_copy, status, filed_at)
          values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'REQUESTED', ?)
          """, request.businessKey(), processInstanceId, requester, department, request.classification(),
          request.mediaType(), request.backupMedium(), request.action(), request.method(), request.quantity(),
          request.description(), request.contractor(), request.assetIds(), request.lastCopy(),
          Timestamp.from(filedAt.toInstant()));
    }
  }

  /** The assets the medium holds, with their version and classification at filing (3.1.1). */
  void assets(String businessKey, List<InformationAsset> assets) {
    jdbc.update("delete from media_disposal_asset where business_key = ?", businessKey);
    for (InformationAsset asset : assets) {
      jdbc.update("insert into media_disposal_asset (business_key, asset_id, asset_version, classification) "
          + "values (?, ?, ?, ?)", businessKey, asset.assetId(), asset.version(), asset.classification().name());
    }
  }

  /** The asset ids recorded at filing, in order. */
  public List<String> assetIds(String businessKey) {
    return jdbc.queryForList("select asset_id from media_disposal_asset where business_key = ? order by asset_id",
        String.class, businessKey);
  }

  /** The 管理責任者's decision (3.1.3). */
  void ownerDecided(String businessKey, String status, String approver, String approverRole, OffsetDateTime at) {
    jdbc.update("update media_disposal_register set status = ?, owner_approver = ?, owner_approver_role = ?, "
        + "owner_decided_at = ? where business_key = ?", status, approver, approverRole,
        Timestamp.from(at.toInstant()), businessKey);
  }

  /** The assets whose last copy the executed disposal destroyed, retired in the register. */
  void retired(String businessKey, List<String> assetIds) {
    jdbc.update("update media_disposal_register set retired_asset_ids = ? where business_key = ?",
        assetIds.isEmpty() ? null : String.join(",", assetIds), businessKey);
  }

  void status(String businessKey, String status) {
    jdbc.update("update media_disposal_register set status = ? where business_key = ?", status, businessKey);
  }

  /** The section chief's 受付 (3.3.1 所属課長に廃棄申請し). */
  void received(String businessKey, String status, String receiver, String receiverRole, OffsetDateTime at) {
    jdbc.update("update media_disposal_register set status = ?, receiver = ?, receiver_role = ?, received_at = ? "
        + "where business_key = ?", status, receiver, receiverRole, Timestamp.from(at.toInstant()), businessKey);
  }

  /** The 情報システム責任者's decision (3.3.1 情報システム責任者の承認を得る). */
  void decided(String businessKey, String status, String approver, String approverRole, OffsetDateTime at) {
    jdbc.update("update media_disposal_register set status = ?, approver = ?, approver_role = ?, decided_at = ? "
        + "where business_key = ?", status, approver, approverRole, Timestamp.from(at.toInstant()), businessKey);
  }

  void executed(String businessKey, LocalDate executedOn, String note, String certificateAttachmentId,
      String certificateSha256) {
    jdbc.update("""
        update media_disposal_register set status = 'EXECUTED', executed_on = ?, execution_note = ?,
          certificate_attachment_id = ?, certificate_sha256 = ?
         where business_key = ?
        """, Date.valueOf(executedOn), note, certificateAttachmentId, certificateSha256, businessKey);
  }

  public Entry find(String businessKey) {
    return jdbc.query("select * from media_disposal_register where business_key = ?", (rs, i) -> entry(rs),
        businessKey).stream().findFirst().orElse(null);
  }

  public List<Entry> all() {
    return jdbc.query("select * from media_disposal_register order by filed_at desc", (rs, i) -> entry(rs));
  }

  private static Entry entry(ResultSet rs) throws SQLException {
    Date executed = rs.getDate("executed_on");
    String status = rs.getString("status");
    return new Entry(rs.getString("business_key"), rs.getString("requester"), rs.getString("classification"),
        rs.getString("media_type"), rs.getBoolean("backup_medium"), rs.getString("disposal_action"),
        rs.getString("disposal_method"), rs.getInt("quantity"), rs.getString("description"),
        rs.getString("contractor"), status, rs.getString("receiver"), rs.getString("receiver_role"),
        rs.getString("approver"), rs.getString("approver_role"), executed == null ? null : executed.toLocalDate(),
        rs.getString("execution_note"), rs.getString("certificate_attachment_id"),
        rs.getString("certificate_sha256"), STATES.getOrDefault(status, status), rs.getString("asset_ids"),
        rs.getBoolean("last_copy"), rs.getString("owner_approver"), rs.getString("owner_approver_role"),
        rs.getString("retired_asset_ids"));
  }
}
