package jp.sample.isms.incident;

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
 * インシデント管理台帳 (9.1–9.5): one row per incident under its number, with its kind, level and level changes,
 * responders, acknowledgement, filings, measures and status, and the steps of its procedure (9.4). Rows are entered
 * and updated by process {@code incident} only; nothing is ever deleted.
 */
@Repository
public class IncidentRegister {

  public static final String REPORTED = "REPORTED";
  public static final String RESPONDING = "RESPONDING";
  public static final String CLOSING = "CLOSING";
  public static final String CLOSED = "CLOSED";

  /** One incident. */
  public record Entry(String incidentNumber, String processInstanceId, String kind, String summary,
      LocalDate discoveredOn, String reporter, String departmentCode, boolean personalData, boolean customersAffected,
      boolean cyberAttack, String assetIds, int proposedLevel, int level, String levelChanges, String responders,
      OffsetDateTime reportedAt, OffsetDateTime acknowledgedAt, String acknowledgedBy, LocalDate preliminaryReportDue,
      LocalDate finalReportDue, String filings, String cause, String measuresTaken, String recurrencePrevention,
      Boolean publicationDone, OffsetDateTime closedAt, String status) {
  }

  /** One step of the procedure (9.4) of an incident. */
  public record Step(String incidentNumber, String step, String number, String text, String responderRole,
      String filing, String clause, OffsetDateTime dueAt, String outcome, String evidence, LocalDate filedOn,
      String filingOffice, String filingReference, String doneBy, OffsetDateTime doneAt) {

    public boolean isFiling() {
      return filing != null && !filing.isEmpty();
    }
  }

  private final JdbcTemplate jdbc;
  private final ZoneId zone;

  IncidentRegister(JdbcTemplate jdbc, ZoneId zone) {
    this.jdbc = jdbc;
    this.zone = zone;
  }

  void reported(Entry e) {
    jdbc.update("""
        insert into incident_register (incident_number, process_instance_id, incident_kind, summary, discovered_on,
          reporter, department_code, personal_data, customers_affected, cyber_attack, asset_ids, proposed_level,
          incident_level, responders, reported_at, status)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """, e.incidentNumber(), e.processInstanceId(), e.kind(), e.summary(), date(e.discoveredOn()), e.reporter(),
        e.departmentCode(), e.personalData(), e.customersAffected(), e.cyberAttack(), e.assetIds(),
        e.proposedLevel(), e.level(), e.responders(), timestamp(e.reportedAt()), REPORTED);
  }

  void proposed(String incidentNumber, int proposedLevel) {
    jdbc.update("update incident_register set proposed_level = ?, incident_level = ? where incident_number = ?",
        proposedLevel, proposedLevel, incidentNumber);
  }

  void routed(String incidentNumber, int level, String responders) {
    jdbc.update("update incident_register set incident_level = ?, responders = ? where incident_number = ?", level,
        responders, incidentNumber);
  }

  void levelChanged(String incidentNumber, String change) {
    find(incidentNumber).ifPresent(e -> jdbc.update(
        "update incident_register set level_changes = ? where incident_number = ?",
        e.levelChanges() == null ? change : e.levelChanges() + "\n" + change, incidentNumber));
  }

  void acknowledged(String incidentNumber, String userId, OffsetDateTime at) {
    find(incidentNumber).ifPresent(e -> jdbc.update(
        "update incident_register set acknowledged_at = ?, acknowledged_by = ? where incident_number = ?",
        e.acknowledgedAt() == null ? timestamp(at) : timestamp(e.acknowledgedAt()),
        e.acknowledgedBy() == null ? userId
            : List.of(e.acknowledgedBy().split(",")).contains(userId) ? e.acknowledgedBy()
                : e.acknowledgedBy() + "," + userId,
        incidentNumber));
  }

  void planned(String incidentNumber, LocalDate preliminaryReportDue, LocalDate finalReportDue) {
    jdbc.update("update incident_register set preliminary_report_due = ?, final_report_due = ?, status = ?"
        + " where incident_number = ?", date(preliminaryReportDue), date(finalReportDue), RESPONDING, incidentNumber);
  }

  void filed(String incidentNumber, String filing) {
    find(incidentNumber).ifPresent(e -> jdbc.update("update incident_register set filings = ? where incident_number = ?",
        e.filings() == null ? filing : e.filings() + "\n" + filing, incidentNumber));
  }

  void closureReported(String incidentNumber, String cause, String measuresTaken, String recurrencePrevention,
      Boolean publicationDone) {
    jdbc.update("update incident_register set cause = ?, measures_taken = ?, recurrence_prevention = ?,"
        + " publication_done = ?, status = ? where incident_number = ?", cause, measuresTaken, recurrencePrevention,
        publicationDone, CLOSING, incidentNumber);
  }

  void closed(String incidentNumber, OffsetDateTime at) {
    jdbc.update("update incident_register set closed_at = ?, status = ? where incident_number = ?", timestamp(at),
        CLOSED, incidentNumber);
  }

  public Optional<Entry> find(String incidentNumber) {
    return jdbc.query("select * from incident_register where incident_number = ?", this::entry,
        incidentNumber).stream().findFirst();
  }

  // ---------------------------------------------------------------- the steps of the procedure

  /** Replaces the steps not yet done by {@code steps}, keeping those already done; returns the steps to do. */
  List<Step> plan(String incidentNumber, List<Step> steps) {
    jdbc.update("delete from incident_step where incident_number = ? and outcome is null", incidentNumber);
    List<String> done = jdbc.queryForList("select step from incident_step where incident_number = ?", String.class,
        incidentNumber);
    List<Step> toDo = steps.stream().filter(s -> !done.contains(s.step())).toList();
    for (Step s : toDo) {
      jdbc.update("""
          insert into incident_step (incident_number, step, step_number, step_text, responder_role, filing, clause,
            due_at)
          values (?, ?, ?, ?, ?, ?, ?, ?)
          """, incidentNumber, s.step(), s.number(), s.text(), s.responderRole(), s.filing(), s.clause(),
          timestamp(s.dueAt()));
    }
    return toDo;
  }

  void stepDone(String incidentNumber, String step, String outcome, String evidence, LocalDate filedOn,
      String filingOffice, String filingReference, String doneBy, OffsetDateTime doneAt) {
    jdbc.update("""
        update incident_step set outcome = ?, evidence = ?, filed_on = ?, filing_office = ?, filing_reference = ?,
          done_by = ?, done_at = ?
        where incident_number = ? and step = ?
        """, outcome, evidence, date(filedOn), filingOffice, filingReference, doneBy, timestamp(doneAt),
        incidentNumber, step);
  }

  public Optional<Step> step(String incidentNumber, String step) {
    return jdbc.query("select * from incident_step where incident_number = ? and step = ?", this::step,
        incidentNumber, step).stream().findFirst();
  }

  public List<Step> steps(String incidentNumber) {
    return jdbc.query("select * from incident_step where incident_number = ? order by step_number, step",
        this::step, incidentNumber);
  }

  // ---------------------------------------------------------------- mapping

  private static Date date(LocalDate day) {
    return day == null ? null : Date.valueOf(day);
  }

  private static Timestamp timestamp(OffsetDateTime time) {
    return time == null ? null : Timestamp.from(time.toInstant());
  }

  private static LocalDate day(ResultSet rs, String column) throws SQLException {
    Date value = rs.getDate(column);
    return value == null ? null : value.toLocalDate();
  }

  private OffsetDateTime time(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant().atZone(zone).toOffsetDateTime();
  }

  private Entry entry(ResultSet rs, int row) throws SQLException {
    boolean publication = rs.getBoolean("publication_done");
    Boolean publicationDone = rs.wasNull() ? null : publication;
    return new Entry(rs.getString("incident_number"), rs.getString("process_instance_id"),
        rs.getString("incident_kind"), rs.getString("summary"), day(rs, "discovered_on"), rs.getString("reporter"),
        rs.getString("department_code"), rs.getBoolean("personal_data"), rs.getBoolean("customers_affected"),
        rs.getBoolean("cyber_attack"), rs.getString("asset_ids"), rs.getInt("proposed_level"),
        rs.getInt("incident_level"), rs.getString("level_changes"), rs.getString("responders"),
        time(rs, "reported_at"), time(rs, "acknowledged_at"), rs.getString("acknowledged_by"),
        day(rs, "preliminary_report_due"), day(rs, "final_report_due"), rs.getString("filings"),
        rs.getString("cause"), rs.getString("measures_taken"), rs.getString("recurrence_prevention"),
        publicationDone, time(rs, "closed_at"), rs.getString("status"));
  }

  private Step step(ResultSet rs, int row) throws SQLException {
    return new Step(rs.getString("incident_number"), rs.getString("step"), rs.getString("step_number"),
        rs.getString("step_text"), rs.getString("responder_role"), rs.getString("filing"), rs.getString("clause"),
        time(rs, "due_at"), rs.getString("outcome"), rs.getString("evidence"), day(rs, "filed_on"),
        rs.getString("filing_office"), rs.getString("filing_reference"), rs.getString("done_by"),
        time(rs, "done_at"));
  }
}
