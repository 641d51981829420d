package jp.sample.isms.takeout;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import jp.sample.isms.asset.InformationAsset;

/** 持ち出し台帳 (3.2): the take-out register, one row per request. */
@Repository
public class TakeOutRegister {

  /**
   * A row with the state users see (申請中, 差し戻し中, 承認, 持ち出し中, 返却遅延, 返却済, 却下, 取り下げ, 記録 (承認不要), 取消,
   * 終了 (決定なし)), derived from the stored status and today's date by view {@code takeout_register_view} (V140).
   */
  public record Entry(String businessKey, String requester, String assetIds, String assetDescription,
      String classification,
      String medium, LocalDate startDate, LocalDate plannedReturnDate, String status, String approver,
      LocalDate returnedOn, String displayStatus) {
  }

  private final JdbcTemplate jdbc;

  TakeOutRegister(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void register(String businessKey, String processInstanceId, String requester, String department,
      String assetIds, String assetDescription, String classification, String medium, String destination,
      LocalDate startDate, LocalDate plannedReturnDate, OffsetDateTime filedAt) {
    int updated = jdbc.update("""
        update takeout_register set asset_ids = ?, asset_description = ?, classification = ?, medium = ?,
          destination = ?, start_date = ?, planned_return_date = ?, status = 'REQUESTED' where business_key = ?
        """, assetIds, assetDescription, classification, medium, destination, Date.valueOf(startDate),
        Date.valueOf(plannedReturnDate), businessKey);
    if (updated == 0) {
      jdbc.update("""
          insert into takeout_register (business_key, process_instance_id, requester, department_code, asset_ids,
            asset_description, classification, medium, destination, start_date, planned_return_date, status, filed_at)
          values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'REQUESTED', ?)
          """, businessKey, processInstanceId, requester, department, assetIds, assetDescription, classification,
          medium, destination, Date.valueOf(startDate), Date.valueOf(plannedReturnDate),
          Timestamp.from(filedAt.toInstant()));
    }
  }

  /** The register's assets of the request, with their version and classification at filing (or resubmission). */
  void assets(String businessKey, List<InformationAsset> assets) {
    jdbc.update("delete from takeout_asset where business_key = ?", businessKey);
    for (InformationAsset asset : assets) {
      jdbc.update("insert into takeout_asset (business_key, asset_id, asset_version, classification) "
          + "values (?, ?, ?, ?)", businessKey, asset.assetId(), asset.version(), asset.classification().name());
    }
  }

  void status(String businessKey, String status) {
    jdbc.update("update takeout_register set status = ? where business_key = ?", status, businessKey);
  }

  void decided(String businessKey, String status, String approver, String approverRole, OffsetDateTime at) {
    jdbc.update("update takeout_register set status = ?, approver = ?, approver_role = ?, decided_at = ? "
        + "where business_key = ?", status, approver, approverRole, Timestamp.from(at.toInstant()), businessKey);
  }

  void returned(String businessKey, LocalDate returnedOn) {
    jdbc.update("update takeout_register set status = 'RETURNED', returned_on = ? where business_key = ?",
        Date.valueOf(returnedOn), businessKey);
  }

  public Entry find(String businessKey) {
    return jdbc.query("select * from takeout_register_view where business_key = ?", (rs, i) -> entry(rs),
        businessKey).stream().findFirst().orElse(null);
  }

  public List<Entry> all() {
    return jdbc.query("select * from takeout_register_view order by filed_at desc", (rs, i) -> entry(rs));
  }

  /** A row of view {@code takeout_register_view}, which derives the state shown from the status and today's date. */
  private static Entry entry(java.sql.ResultSet rs) throws java.sql.SQLException {
    Date returned = rs.getDate("returned_on");
    return new Entry(rs.getString("business_key"), rs.getString("requester"), rs.getString("asset_ids"),
        rs.getString("asset_description"),
        rs.getString("classification"), rs.getString("medium"), rs.getDate("start_date").toLocalDate(),
        rs.getDate("planned_return_date").toLocalDate(), rs.getString("status"),
        rs.getString("approver"), returned == null ? null : returned.toLocalDate(),
        rs.getString("display_status"));
  }
}
