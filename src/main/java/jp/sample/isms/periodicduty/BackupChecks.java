package jp.sample.isms.periodicduty;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.ValidationErrors;
import jp.sample.isms.system.ModelCallable;

/**
 * 4.1.1, 4.1.4 バックアップの実施確認: the targets and their schedule are read from table
 * {@code periodicDutyBackupTargets} (the only place); a month's check is its weeks (Monday to Sunday, a week belonging
 * to the month of its Sunday), each entered as 未記録 when the month's occurrence is filed so that a missing week
 * shows, and one row per target and scheduled day (a {@code DAILY} target: Monday to Friday) or per target (a
 * {@code WEEKLY} one). The system administrator records each week (rows not done, with a note); the security officer
 * signs the month off over all its weeks. Used in BPMN as {@code ${backupChecks.weeksOf(execution)}} and
 * {@code ${backupChecks.weekDue(backupWeek)}}.
 */
@Component
public class BackupChecks {

  public static final String DAILY = "DAILY";
  public static final String WEEKLY = "WEEKLY";
  public static final String PENDING = "PENDING";
  public static final String RECORDED = "RECORDED";

  /** One row of table {@code periodicDutyBackupTargets}. */
  public record Target(String code, String name, String method, String storage, String schedule, String retention) {
  }

  /** One row of a week's check: a target on a day (null for a weekly target); done null until recorded. */
  public record Row(int no, String targetCode, String targetName, LocalDate day, Boolean done, String note) {
  }

  /** One week of a month's check. */
  public record Week(long id, LocalDate start, LocalDate end, String status, Integer missed, String note,
      String recordedBy) {
  }

  private final JdbcTemplate jdbc;
  private final RepositoryService repository;
  private final DecisionService decisions;
  private final ZoneId zone;

  BackupChecks(JdbcTemplate jdbc, @Lazy RepositoryService repository, @Lazy DecisionService decisions, ZoneId zone) {
    this.zone = zone;
    this.jdbc = jdbc;
    this.repository = repository;
    this.decisions = decisions;
  }

  /** The targets of the latest table. */
  public List<Target> targets() {
    DecisionDefinition definition = repository.createDecisionDefinitionQuery()
        .decisionDefinitionKey(PeriodicDutyProcess.DECISION_BACKUP_TARGETS).latestVersion().singleResult();
    Map<String, Object> noCondition = new HashMap<>();
    noCondition.put("targetCode", null);
    return decisions.evaluateDecisionTableById(definition.getId()).variables(noCondition).evaluate().getResultList()
        .stream().map(row -> new Target((String) row.get("targetCode"), (String) row.get("targetName"),
            (String) row.get("method"), (String) row.get("storage"), (String) row.get("schedule"),
            (String) row.get("retention"))).toList();
  }

  /** The weeks (their Mondays) of the month of {@code day}: every week whose Sunday falls in that month. */
  static List<LocalDate> weeksOfMonth(LocalDate day) {
    LocalDate sunday = day.withDayOfMonth(1).with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
    List<LocalDate> mondays = new ArrayList<>();
    while (sunday.getMonth() == day.getMonth()) {
      mondays.add(sunday.minusDays(6));
      sunday = sunday.plusWeeks(1);
    }
    return mondays;
  }

  /** Enters the weeks of the occurrence's month, each with its rows from the latest table, all 未記録. */
  void plan(long occurrenceId, String businessKey, String processInstanceId, LocalDate due) {
    List<Target> targets = targets();
    for (LocalDate monday : weeksOfMonth(due)) {
      jdbc.update("insert into backup_check_week (occurrence_id, business_key, process_instance_id, week_start, "
          + "week_end, status) values (?, ?, ?, ?, ?, ?)", occurrenceId, businessKey, processInstanceId,
          Date.valueOf(monday), Date.valueOf(monday.plusDays(6)), PENDING);
      Long week = jdbc.queryForObject("select id from backup_check_week where occurrence_id = ? and week_start = ?",
          Long.class, occurrenceId, Date.valueOf(monday));
      int no = 0;
      for (Target target : targets) {
        List<LocalDate> days = new ArrayList<>();
        if (DAILY.equals(target.schedule())) {
          for (int d = 0; d < 5; d++) {
            days.add(monday.plusDays(d));
          }
        } else {
          days.add(null);
        }
        for (LocalDate day : days) {
          jdbc.update("insert into backup_check_entry (week_id, row_no, target_code, target_name, check_day) "
              + "values (?, ?, ?, ?, ?)", week, ++no, target.code(), target.name() + " (" + target.method() + " → "
              + target.storage() + ", 保管 " + target.retention() + ")", day == null ? null : Date.valueOf(day));
        }
      }
    }
  }

  /** The weeks of the occurrence still to record, oldest first (one step each). */
  @ModelCallable
  public List<Long> weeksOf(DelegateExecution execution) {
    return jdbc.queryForList("select id from backup_check_week where process_instance_id = ? and status = ? "
        + "order by week_start", Long.class, execution.getProcessInstanceId(), PENDING);
  }

  /** The end of a week's Sunday in Japan: its step's due date. */
  @ModelCallable
  public java.util.Date weekDue(Object backupWeek) {
    Week week = week(((Number) backupWeek).longValue());
    return java.util.Date.from(week.end().plusDays(1).atStartOfDay(zone).toInstant());
  }

  public Week week(long id) {
    return jdbc.queryForObject("select * from backup_check_week where id = ?", (rs, i) -> new Week(rs.getLong("id"),
        rs.getDate("week_start").toLocalDate(), rs.getDate("week_end").toLocalDate(), rs.getString("status"),
        (Integer) rs.getObject("missed"), rs.getString("note"), rs.getString("recorded_by")), id);
  }

  public List<Row> rows(long weekId) {
    return jdbc.query("select * from backup_check_entry where week_id = ? order by row_no", (rs, i) -> new Row(
        rs.getInt("row_no"), rs.getString("target_code"), rs.getString("target_name"),
        rs.getDate("check_day") == null ? null : rs.getDate("check_day").toLocalDate(),
        (Boolean) rs.getObject("done"), rs.getString("note")), weekId);
  }

  /** The weeks of an occurrence, oldest first. */
  public List<Week> weeks(String businessKey) {
    return jdbc.queryForList("select id from backup_check_week where business_key = ? order by week_start", Long.class,
        businessKey).stream().map(this::week).toList();
  }

  static String label(Week week) {
    return week.start() + " 〜 " + week.end();
  }

  /** The rows of a week as the form lists them: "番号: 対象 (曜日 日付)". */
  String rowsText(long weekId) {
    StringBuilder text = new StringBuilder();
    for (Row row : rows(weekId)) {
      text.append(row.no()).append(": ").append(row.targetName());
      if (row.day() != null) {
        text.append(" [").append(row.day()).append(' ')
            .append(row.day().getDayOfWeek().getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.JAPAN))
            .append(']');
      } else {
        text.append(" [週次]");
      }
      text.append('\n');
    }
    return text.toString().strip();
  }

  /**
   * Reads the rows marked not done ({@code missedRows}: numbers separated by commas); each must be a row of the week,
   * and a note is needed when any is (4.1.4). Errors go to {@code errors}.
   */
  Set<Integer> missed(long weekId, String missedRows, String note, ValidationErrors errors) {
    Set<Integer> missed = new TreeSet<>();
    int rows = rows(weekId).size();
    if (missedRows != null && !missedRows.isBlank()) {
      for (String part : missedRows.split("[,、，\\s]+")) {
        if (part.isBlank()) {
          continue;
        }
        try {
          int no = Integer.parseInt(part.strip());
          if (no < 1 || no > rows) {
            throw new NumberFormatException();
          }
          missed.add(no);
        } catch (NumberFormatException e) {
          errors.refuse(PeriodicDutyProcess.MISSED_ROWS, "4.1.4", "「" + part.strip() + "」 はこの週の行番号 (1〜" + rows
              + ") ではありません (not a row of this week)");
        }
      }
    }
    if (!missed.isEmpty() && (note == null || note.isBlank())) {
      errors.refuse(PeriodicDutyProcess.BACKUP_NOTE, "4.1.4", "取得できなかった行がある場合は、理由と対応を記入してください "
          + "(a note is needed for rows not done)");
    }
    return missed;
  }

  /** Records a week: every row done but those missed, with the note on those; the week is RECORDED. */
  void record(long weekId, Set<Integer> missed, String note, String user, OffsetDateTime at) {
    jdbc.update("update backup_check_entry set done = true, note = null where week_id = ?", weekId);
    for (Integer no : missed) {
      jdbc.update("update backup_check_entry set done = false, note = ? where week_id = ? and row_no = ?", note, weekId,
          no);
    }
    jdbc.update("update backup_check_week set status = ?, missed = ?, note = ?, recorded_by = ?, recorded_at = ? "
        + "where id = ?", RECORDED, missed.size(), note, user, Timestamp.from(at.toInstant()), weekId);
  }

  /** The month grouped per week, for the sign-off: each week recorded or 未記録, and the rows not done. */
  String summary(String businessKey) {
    StringBuilder text = new StringBuilder();
    for (Week week : weeks(businessKey)) {
      text.append(label(week)).append(": ");
      if (!RECORDED.equals(week.status())) {
        text.append("未記録 (not recorded)\n");
        continue;
      }
      List<Row> missed = rows(week.id()).stream().filter(r -> Boolean.FALSE.equals(r.done())).toList();
      text.append(missed.isEmpty() ? "すべて取得" : "未実施 " + missed.size() + " 件").append(" (記録 ")
          .append(week.recordedBy()).append(")\n");
      for (Row row : missed) {
        text.append("  - ").append(row.targetName()).append(row.day() == null ? "" : " " + row.day()).append(": ")
            .append(row.note()).append('\n');
      }
    }
    return text.toString().strip();
  }
}
