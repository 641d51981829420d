package jp.sample.isms.securityapproval;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * セキュリティ承認台帳: one row per permission the flow {@code securityApproval} granted, under its approval number, with
 * its type and clause, holder, approver, period and status (ACTIVE, LAPSED when its end date passed).
 */
@Repository
class SecurityPermits {

  static final String ACTIVE = "ACTIVE";
  static final String LAPSED = "LAPSED";

  /** One permit. */
  record Permit(String approvalNumber, String processInstanceId, String requestType, String clause, String subject,
      String holder, String departmentCode, String approvedBy, LocalDate approvedOn, LocalDate validFrom,
      LocalDate validUntil, LocalDate reviewDate, String status, String detail) {
  }

  private final JdbcTemplate jdbc;

  SecurityPermits(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void record(Permit permit, OffsetDateTime at) {
    jdbc.update("""
        insert into security_permit (approval_number, process_instance_id, request_type, clause, subject, holder,
          department_code, approved_by, approved_on, valid_from, valid_until, review_date, status, detail, recorded_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """, permit.approvalNumber(), permit.processInstanceId(), permit.requestType(), permit.clause(),
        permit.subject(), permit.holder(), permit.departmentCode(), permit.approvedBy(), date(permit.approvedOn()),
        date(permit.validFrom()), date(permit.validUntil()), date(permit.reviewDate()), permit.status(),
        permit.detail(), Timestamp.from(at.toInstant()));
  }

  void lapse(String approvalNumber, OffsetDateTime at) {
    jdbc.update("update security_permit set status = ?, lapsed_at = ? where approval_number = ?", LAPSED,
        Timestamp.from(at.toInstant()), approvalNumber);
  }

  Optional<Permit> find(String approvalNumber) {
    return jdbc.query("select * from security_permit where approval_number = ?", SecurityPermits::permit,
        approvalNumber).stream().findFirst();
  }

  private static Date date(LocalDate day) {
    return day == null ? null : Date.valueOf(day);
  }

  private static LocalDate day(ResultSet rs, String column) throws SQLException {
    Date value = rs.getDate(column);
    return value == null ? null : value.toLocalDate();
  }

  private static Permit permit(ResultSet rs, int row) throws SQLException {
    return new Permit(rs.getString("approval_number"), rs.getString("process_instance_id"),
        rs.getString("request_type"), rs.getString("clause"), rs.getString("subject"), rs.getString("holder"),
        rs.getString("department_code"), rs.getString("approved_by"), day(rs, "approved_on"),
        day(rs, "valid_from"), day(rs, "valid_until"), day(rs, "review_date"), rs.getString("status"),
        rs.getString("detail"));
  }
}
