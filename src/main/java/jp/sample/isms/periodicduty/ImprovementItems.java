package jp.sample.isms.periodicduty;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.ValidationErrors;
import jp.sample.isms.organisation.Role;
import jp.sample.isms.system.ModelCallable;

/**
 * 1.2 改善計画: the improvement items of a yearly audit (監査・点検) occurrence (table {@code improvement_item}). The
 * audit officer enters them in the audit's form, one per line {@code 内容 | 担当する役割 | 期限}; this class reads and
 * validates that list (the only place), enters the items, and tracks each to closure (one step per item in
 * {@code SubProcess_Improvement} of {@code periodicDuty}). Used in BPMN as
 * {@code ${improvementItems.itemsOf(execution)}} and {@code ${improvementItems.dueAt(improvementId)}}.
 */
@Component
public class ImprovementItems {

  public static final String PLANNED = "PLANNED";
  public static final String OPEN = "OPEN";
  public static final String CLOSED = "CLOSED";
  public static final String DONE = "DONE";

  /** One line of the plan as entered. */
  public record Planned(int no, String description, Role ownerRole, LocalDate dueDate) {
  }

  /** One tracked item. */
  public record Item(long id, long occurrenceId, String businessKey, String processInstanceId, int no,
      String description, String ownerRole, LocalDate dueDate, String status, String closedBy,
      OffsetDateTime closedAt, String closureNote, String acceptedBy, OffsetDateTime acceptedAt) {
  }

  private final JdbcTemplate jdbc;
  private final ZoneId zone;

  ImprovementItems(JdbcTemplate jdbc, ZoneId zone) {
    this.jdbc = jdbc;
    this.zone = zone;
  }

  /**
   * Reads the improvement plan as entered ({@code improvements}), one item per line {@code 内容 | 役割 | 期限}; each row
   * must be complete, name a known company-wide role (code or Japanese name) and a due date after {@code today}.
   * Errors go to {@code errors} under the field, with clause 1.2.
   */
  public static List<Planned> parse(String text, LocalDate today, ValidationErrors errors) {
    List<Planned> items = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return items;
    }
    int no = 0;
    for (String line : text.split("\\R")) {
      if (line.isBlank()) {
        continue;
      }
      no++;
      String[] parts = line.split("[|｜]", -1);
      if (parts.length != 3 || parts[0].isBlank() || parts[1].isBlank() || parts[2].isBlank()) {
        errors.refuse(PeriodicDutyProcess.IMPROVEMENTS, "1.2", no + " 行目: 「内容 | 担当する役割 | 期限」の 3 項目を"
            + "すべて記入してください (each improvement needs a description, an owner role and a due date)");
        continue;
      }
      Role role = Role.parse(parts[1]);
      if (role == null || role.scope() != Role.Scope.COMPANY) {
        errors.refuse(PeriodicDutyProcess.IMPROVEMENTS, "1.2", no + " 行目: 担当する役割 「" + parts[1].strip()
            + "」 は全社の役割ではありません (unknown owner role). 指定できる役割: " + companyRoles());
        continue;
      }
      LocalDate due;
      try {
        due = LocalDate.parse(parts[2].strip().replace('/', '-'));
      } catch (DateTimeParseException e) {
        errors.refuse(PeriodicDutyProcess.IMPROVEMENTS, "1.2", no + " 行目: 期限 「" + parts[2].strip()
            + "」 は日付 (yyyy-MM-dd) ではありません");
        continue;
      }
      if (!due.isAfter(today)) {
        errors.refuse(PeriodicDutyProcess.IMPROVEMENTS, "1.2", no + " 行目: 期限は明日以降の日付にしてください "
            + "(the due date must be in the future)");
        continue;
      }
      String description = parts[0].strip();
      if (description.length() > 1000) {
        errors.refuse(PeriodicDutyProcess.IMPROVEMENTS, "1.2", no + " 行目: 内容は 1000 文字以内にしてください");
        continue;
      }
      items.add(new Planned(no, description, role, due));
    }
    return items;
  }

  private static String companyRoles() {
    return java.util.Arrays.stream(Role.values()).filter(r -> r.scope() == Role.Scope.COMPANY)
        .map(r -> r.name() + " (" + r.nameJa() + ")").collect(java.util.stream.Collectors.joining(", "));
  }

  /**
   * Enters the plan of an audit occurrence, replacing the one entered before it was sent back (nothing is tracked
   * before the audit is accepted).
   */
  void plan(Occurrences.Occurrence occurrence, List<Planned> items, OffsetDateTime at) {
    jdbc.update("delete from improvement_item where occurrence_id = ? and status = ?", occurrence.id(), PLANNED);
    for (Planned item : items) {
      jdbc.update("""
          insert into improvement_item (occurrence_id, business_key, process_instance_id, item_no, description,
            owner_role, due_date, status, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)
          """, occurrence.id(), occurrence.businessKey(), occurrence.processInstanceId(), item.no(),
          item.description(), item.ownerRole().name(), Date.valueOf(item.dueDate()), PLANNED,
          Timestamp.from(at.toInstant()));
    }
  }

  /** The audit was accepted: its items are tracked from now on. */
  void track(String processInstanceId) {
    jdbc.update("update improvement_item set status = ? where process_instance_id = ? and status = ?", OPEN,
        processInstanceId, PLANNED);
  }

  /** The items to track of the occurrence (one step each), by number. */
  @ModelCallable
  public List<Long> itemsOf(DelegateExecution execution) {
    return jdbc.queryForList("select id from improvement_item where process_instance_id = ? and status <> ? "
        + "order by item_no", Long.class, execution.getProcessInstanceId(), DONE);
  }

  /** Whether the occurrence has items still to track ({@code Gateway_Improvements}). */
  @ModelCallable
  public boolean hasItems(DelegateExecution execution) {
    return !itemsOf(execution).isEmpty();
  }

  /** The end of an item's due date in Japan: its step's due date. */
  @ModelCallable
  public java.util.Date dueAt(Object improvementId) {
    Item item = byId(((Number) improvementId).longValue()).orElseThrow();
    return java.util.Date.from(item.dueDate().plusDays(1).atStartOfDay(zone).toInstant());
  }

  void closed(long id, String user, String note, OffsetDateTime at) {
    jdbc.update("update improvement_item set status = ?, closed_by = ?, closed_at = ?, closure_note = ? where id = ?",
        CLOSED, user, Timestamp.from(at.toInstant()), note, id);
  }

  void reopened(long id) {
    jdbc.update("update improvement_item set status = ? where id = ?", OPEN, id);
  }

  void accepted(long id, String user, OffsetDateTime at) {
    jdbc.update("update improvement_item set status = ?, accepted_by = ?, accepted_at = ? where id = ?", DONE, user,
        Timestamp.from(at.toInstant()), id);
  }

  public Optional<Item> byId(long id) {
    return jdbc.query("select * from improvement_item where id = ?", this::item, id).stream().findFirst();
  }

  /** The items of an audit occurrence, by number. */
  public List<Item> ofRequest(String businessKey) {
    return jdbc.query("select * from improvement_item where business_key = ? order by item_no", this::item,
        businessKey);
  }

  /** Every item due between the two days (inclusive). */
  public List<Item> due(LocalDate from, LocalDate to) {
    return jdbc.query("select * from improvement_item where due_date between ? and ? order by due_date, id",
        this::item, Date.valueOf(from), Date.valueOf(to));
  }

  private OffsetDateTime time(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant().atZone(zone).toOffsetDateTime();
  }

  private Item item(ResultSet rs, int row) throws SQLException {
    return new Item(rs.getLong("id"), rs.getLong("occurrence_id"), rs.getString("business_key"),
        rs.getString("process_instance_id"), rs.getInt("item_no"), rs.getString("description"),
        rs.getString("owner_role"), rs.getDate("due_date").toLocalDate(), rs.getString("status"),
        rs.getString("closed_by"), time(rs, "closed_at"), rs.getString("closure_note"), rs.getString("accepted_by"),
        time(rs, "accepted_at"));
  }
}
