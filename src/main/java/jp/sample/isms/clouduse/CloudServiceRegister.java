package jp.sample.isms.clouduse;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;


/**
 * クラウドサービス台帳 (7.18, 4.1.3): one row per approved cloud service, under its approval number (the request's
 * business key), with the classification of the data it may hold, the provider's evaluation, who evaluated, approved
 * and confirmed the non-disclosure agreement, and when it is due for review. Rows are entered by process
 * {@code cloudUse}; nothing is ever deleted.
 */
@Repository
public class CloudServiceRegister {

  public static final String IN_USE = "IN_USE";

  /** One registered service. {@code facilityOutsideDisasterArea} is null when not used for backup. */
  public record Entry(String approvalNumber, String processInstanceId, String serviceName, String provider,
      String purpose, String classification, boolean backupUse, String registrationEmail, LocalDate expectedStartDate,
      String dataLocation, boolean iso27017Certified, boolean csMarkCertified, String otherCertifications,
      boolean termsConform, Boolean facilityOutsideDisasterArea, String requester, String departmentCode,
      String evaluatedBy, String approvedBy, LocalDate approvedOn, LocalDate ndaSignedOn, String ndaReference,
      String ndaConfirmedBy, LocalDate reviewDate, String status, OffsetDateTime registeredAt) {
  }

  private final JdbcTemplate jdbc;
  private final ZoneId zone;

  CloudServiceRegister(JdbcTemplate jdbc, ZoneId zone) {
    this.jdbc = jdbc;
    this.zone = zone;
  }

  void register(Entry entry) {
    jdbc.update("""
        insert into cloud_service_register (approval_number, process_instance_id, service_name, provider, purpose,
          classification, backup_use, registration_email, expected_start_date, data_location, iso27017_certified,
          cs_mark_certified, other_certifications, terms_conform, facility_outside_disaster_area, requester,
          department_code, evaluated_by, approved_by, approved_on, nda_signed_on, nda_reference, nda_confirmed_by,
          review_date, status, registered_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """, entry.approvalNumber(), entry.processInstanceId(), entry.serviceName(), entry.provider(), entry.purpose(),
        entry.classification(), entry.backupUse(), entry.registrationEmail(), date(entry.expectedStartDate()),
        entry.dataLocation(), entry.iso27017Certified(), entry.csMarkCertified(), entry.otherCertifications(),
        entry.termsConform(), entry.facilityOutsideDisasterArea(), entry.requester(), entry.departmentCode(),
        entry.evaluatedBy(), entry.approvedBy(), date(entry.approvedOn()), date(entry.ndaSignedOn()),
        entry.ndaReference(), entry.ndaConfirmedBy(), date(entry.reviewDate()), entry.status(),
        Timestamp.from(entry.registeredAt().toInstant()));
  }

  public Optional<Entry> find(String approvalNumber) {
    return jdbc.query("select * from cloud_service_register where approval_number = ?", this::entry,
        approvalNumber).stream().findFirst();
  }

  public List<Entry> all() {
    return jdbc.query("select * from cloud_service_register order by registered_at desc", this::entry);
  }

  /** The services in use whose review is due on or before {@code day}. */
  public List<Entry> dueForReview(LocalDate day) {
    return jdbc.query("select * from cloud_service_register where status = ? and review_date <= ? order by review_date",
        this::entry, IN_USE, Date.valueOf(day));
  }

  private static Date date(LocalDate day) {
    return day == null ? null : Date.valueOf(day);
  }

  private static LocalDate day(ResultSet rs, String column) throws SQLException {
    Date value = rs.getDate(column);
    return value == null ? null : value.toLocalDate();
  }

  private Entry entry(ResultSet rs, int row) throws SQLException {
    boolean facility = rs.getBoolean("facility_outside_disaster_area");
    Boolean facilityOutsideDisasterArea = rs.wasNull() ? null : facility;
    Timestamp registeredAt = rs.getTimestamp("registered_at");
    return new Entry(rs.getString("approval_number"), rs.getString("process_instance_id"),
        rs.getString("service_name"), rs.getString("provider"), rs.getString("purpose"),
        rs.getString("classification"), rs.getBoolean("backup_use"), rs.getString("registration_email"),
        day(rs, "expected_start_date"), rs.getString("data_location"), rs.getBoolean("iso27017_certified"),
        rs.getBoolean("cs_mark_certified"), rs.getString("other_certifications"), rs.getBoolean("terms_conform"),
        facilityOutsideDisasterArea, rs.getString("requester"), rs.getString("department_code"),
        rs.getString("evaluated_by"), rs.getString("approved_by"), day(rs, "approved_on"), day(rs, "nda_signed_on"),
        rs.getString("nda_reference"), rs.getString("nda_confirmed_by"), day(rs, "review_date"),
        rs.getString("status"),
        registeredAt == null ? null : registeredAt.toInstant().atZone(zone).toOffsetDateTime());
  }
}
