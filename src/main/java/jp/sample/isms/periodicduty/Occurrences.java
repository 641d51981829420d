package jp.sample.isms.periodicduty;

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


/** The occurrences of periodic duties (table {@code periodic_duty_occurrence}): created once, never deleted. */
@Repository
public class Occurrences {

  public static final String OPEN = "OPEN";
  public static final String DONE = "DONE";

  /** One occurrence of a duty. */
  public record Occurrence(long id, String dutyCode, String dutyName, String clauses, String cycle, LocalDate dueDate,
      String departmentCode, String responsibleRole, String acceptingRole, int tableVersion, String businessKey,
      String processInstanceId, String status, String performedBy, OffsetDateTime performedAt, String acceptedBy,
      OffsetDateTime acceptedAt) {

    /** The department of a duty done per department, else null. */
    public String department() {
      return PeriodicDutyProcess.NO_DEPARTMENT.equals(departmentCode) ? null : departmentCode;
    }
  }

  private final JdbcTemplate jdbc;
  private final ZoneId zone;

  Occurrences(JdbcTemplate jdbc, ZoneId zone) {
    this.jdbc = jdbc;
    this.zone = zone;
  }

  /**
   * Enters the occurrence of {@code duty} due on {@code due} for {@code department} (null: the whole company) unless
   * it is there already; returns its id, or empty when it was.
   */
  Optional<Long> create(Duty duty, LocalDate due, String department, int tableVersion, OffsetDateTime at) {
    String departmentCode = department == null ? PeriodicDutyProcess.NO_DEPARTMENT : department;
    Integer existing = jdbc.queryForObject("select count(*) from periodic_duty_occurrence where duty_code = ? "
        + "and due_date = ? and department_code = ?", Integer.class, duty.code(), Date.valueOf(due), departmentCode);
    if (existing != null && existing > 0) {
      return Optional.empty();
    }
    jdbc.update("""
        insert into periodic_duty_occurrence (duty_code, duty_name, clauses, duty_cycle, due_date, department_code,
          responsible_role, accepting_role, table_version, status, created_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """, duty.code(), duty.name(), duty.clauses(), duty.cycle().name(), Date.valueOf(due), departmentCode,
        duty.responsibleRole().name(), duty.acceptingRole().name(), tableVersion, OPEN, Timestamp.from(at.toInstant()));
    return Optional.ofNullable(jdbc.queryForObject("select id from periodic_duty_occurrence where duty_code = ? "
        + "and due_date = ? and department_code = ?", Long.class, duty.code(), Date.valueOf(due), departmentCode));
  }

  void started(long id, String processInstanceId, String businessKey) {
    jdbc.update("update periodic_duty_occurrence set process_instance_id = ?, business_key = ? where id = ?",
        processInstanceId, businessKey, id);
  }

  void performed(String processInstanceId, String user, OffsetDateTime at) {
    jdbc.update("update periodic_duty_occurrence set performed_by = ?, performed_at = ? where process_instance_id = ?",
        user, Timestamp.from(at.toInstant()), processInstanceId);
  }

  void done(String processInstanceId, String user, OffsetDateTime at) {
    jdbc.update("update periodic_duty_occurrence set status = ?, accepted_by = ?, accepted_at = ? "
        + "where process_instance_id = ?", DONE, user, Timestamp.from(at.toInstant()), processInstanceId);
  }

  public Optional<Occurrence> byProcessInstance(String processInstanceId) {
    return jdbc.query("select * from periodic_duty_occurrence where process_instance_id = ?", this::occurrence,
        processInstanceId).stream().findFirst();
  }

  public Optional<Occurrence> byBusinessKey(String businessKey) {
    return jdbc.query("select * from periodic_duty_occurrence where business_key = ?", this::occurrence,
        businessKey).stream().findFirst();
  }

  /** Every occurrence due between the two days (inclusive), by due date. */
  public List<Occurrence> due(LocalDate from, LocalDate to) {
    return jdbc.query("select * from periodic_duty_occurrence where due_date between ? and ? "
        + "order by due_date, duty_code, department_code", this::occurrence, Date.valueOf(from), Date.valueOf(to));
  }

  /** Every occurrence of a duty, oldest first. */
  public List<Occurrence> ofDuty(String dutyCode) {
    return jdbc.query("select * from periodic_duty_occurrence where duty_code = ? order by due_date, department_code",
        this::occurrence, dutyCode);
  }

  private OffsetDateTime time(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant().atZone(zone).toOffsetDateTime();
  }

  private Occurrence occurrence(ResultSet rs, int row) throws SQLException {
    return new Occurrence(rs.getLong("id"), rs.getString("duty_code"), rs.getString("duty_name"),
        rs.getString("clauses"), rs.getString("duty_cycle"), rs.getDate("due_date").toLocalDate(),
        rs.getString("department_code"), rs.getString("responsible_role"), rs.getString("accepting_role"),
        rs.getInt("table_version"), rs.getString("business_key"), rs.getString("process_instance_id"),
        rs.getString("status"), rs.getString("performed_by"), time(rs, "performed_at"), rs.getString("accepted_by"),
        time(rs, "accepted_at"));
  }
}
