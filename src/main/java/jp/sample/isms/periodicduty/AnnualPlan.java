package jp.sample.isms.periodicduty;

import java.sql.Date;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import jp.sample.isms.organisation.OrganisationService;
import jp.sample.isms.organisation.Role;

/**
 * 年間計画: every periodic duty of a business year (April to March) with its status — the occurrences filed, those
 * still to come from the latest table (予定), and one never filed whose due date passed (期限切れ, never dropped) —
 * together with the contractors' periodic evaluations (8.1.4, from the contractor register) and the cloud services'
 * reviews (7.18, from the cloud service register), which their own flows run.
 */
@Component
public class AnnualPlan {

  /** The status of an entry, with its Japanese label. */
  public enum Status {
    PLANNED("予定"), IN_PROGRESS("実施中"), DONE("完了"), OVERDUE("期限切れ");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** One line of the plan. */
  public record Entry(LocalDate dueDate, String dutyCode, String dutyName, List<String> clauses, String cycle,
      String responsibleRole, String responsibleRoleName, String acceptingRole, String acceptingRoleName,
      String departmentName, Status status, String statusLabel, String businessKey, String performedBy,
      String acceptedBy, String source) {
  }

  static final String SOURCE_DUTY = "periodicDuty";
  static final String SOURCE_CONTRACTOR = "outsourcing";
  static final String SOURCE_CLOUD = "cloudUse";
  static final String SOURCE_IMPROVEMENT = "improvement";
  static final String IMPROVEMENT_ITEM = "IMPROVEMENT_ITEM";

  private final Occurrences occurrences;
  private final PeriodicDutyTable table;
  private final JdbcTemplate jdbc;
  private final OrganisationService organisation;
  private final Unrestricted unrestricted;
  private final ImprovementItems improvements;

  AnnualPlan(Occurrences occurrences, PeriodicDutyTable table, JdbcTemplate jdbc, OrganisationService organisation,
      Unrestricted unrestricted, ImprovementItems improvements) {
    this.improvements = improvements;
    this.occurrences = occurrences;
    this.table = table;
    this.jdbc = jdbc;
    this.organisation = organisation;
    this.unrestricted = unrestricted;
  }

  /** The first day of the business year {@code year} (1 April). */
  static LocalDate start(int year) {
    return LocalDate.of(year, 4, 1);
  }

  /** The business year a day belongs to (2027-03-31 → 2026). */
  static int yearOf(LocalDate day) {
    return day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1;
  }

  /** The plan of business year {@code year}, as of {@code today}, by due date; filtered by role and clause if given. */
  public List<Entry> plan(int year, LocalDate today, Role role, String clause) {
    LocalDate from = start(year);
    LocalDate to = from.plusYears(1).minusDays(1);
    List<Entry> entries = new ArrayList<>();
    Set<String> filed = new HashSet<>();
    for (Occurrences.Occurrence o : occurrences.due(from, to)) {
      filed.add(o.dutyCode() + "|" + o.dueDate() + "|" + o.departmentCode());
      Status status = Occurrences.DONE.equals(o.status()) ? Status.DONE
          : o.dueDate().isBefore(today) ? Status.OVERDUE : Status.IN_PROGRESS;
      entries.add(entry(o.dueDate(), o.dutyCode(), o.dutyName(), o.clauses(), o.cycle(), o.responsibleRole(),
          o.acceptingRole(), o.department(), status, o.businessKey(), o.performedBy(), o.acceptedBy(), SOURCE_DUTY));
    }
    PeriodicDutyTable.Version version = unrestricted.call(table::latest);
    for (Duty duty : version.duties()) {
      for (int n = 0; ; n++) {
        LocalDate due = duty.cycle().due(duty.firstDue(), n);
        if (due.isAfter(to)) {
          break;
        }
        if (due.isBefore(from)) {
          continue;
        }
        for (String department : departments(duty)) {
          String key = duty.code() + "|" + due + "|" + (department == null ? PeriodicDutyProcess.NO_DEPARTMENT
              : department);
          if (!filed.contains(key)) {
            entries.add(entry(due, duty.code(), duty.name(), duty.clauses(), duty.cycle().name(),
                duty.responsibleRole().name(), duty.acceptingRole().name(), department,
                due.isBefore(today) ? Status.OVERDUE : Status.PLANNED, null, null, null, SOURCE_DUTY));
          }
        }
      }
    }
    contractorEvaluations(from, to, today, entries);
    cloudReviews(from, to, today, entries);
    improvementItems(from, to, today, entries);
    return entries.stream()
        .filter(e -> role == null || role.name().equals(e.responsibleRole()) || role.name().equals(e.acceptingRole()))
        .filter(e -> clause == null || e.clauses().contains(clause))
        .sorted(Comparator.comparing(Entry::dueDate).thenComparing(Entry::dutyCode)
            .thenComparing(e -> e.departmentName() == null ? "" : e.departmentName()))
        .toList();
  }

  /** Every clause of the latest table and of the registers shown, for the page's filter. */
  public List<String> clauses() {
    Set<String> clauses = new java.util.TreeSet<>(Comparator.comparing(AnnualPlan::clauseOrder));
    unrestricted.call(table::latest).duties().forEach(d -> clauses.addAll(split(d.clauses())));
    clauses.add("7.18");
    clauses.add("8.1.4");
    return List.copyOf(clauses);
  }

  private static String clauseOrder(String clause) {
    StringBuilder key = new StringBuilder();
    for (String part : clause.split("\\.")) {
      key.append(String.format("%04d", Integer.parseInt(part.replaceAll("\\D", "0"))));
    }
    return key.toString();
  }

  private List<String> departments(Duty duty) {
    if (duty.responsibleRole().scope() != Role.Scope.DEPARTMENT) {
      List<String> company = new ArrayList<>();
      company.add(null);
      return company;
    }
    return jdbc.queryForList("select code from org_department order by code", String.class).stream()
        .filter(code -> !organisation.members(Role.DEPARTMENT_HEAD.groupId(code)).isEmpty()).toList();
  }

  /** 8.1.4: the evaluations done in the year, and the next one of each running contract one interval after the last. */
  private void contractorEvaluations(LocalDate from, LocalDate to, LocalDate today, List<Entry> entries) {
    jdbc.query("""
        select e.business_key, e.evaluated_on, e.evaluator, c.contractor, c.department_code
          from contractor_evaluation e join contractor_register c on c.business_key = e.business_key
         where e.evaluation_kind = 'PERIODIC' and e.evaluated_on between ? and ?
        """, rs -> {
          entries.add(entry(rs.getDate("evaluated_on").toLocalDate(), "CONTRACTOR_EVALUATION",
              "委託先の定期評価: " + rs.getString("contractor"), "8.1.4", null, Role.DEPARTMENT_HEAD.name(), null,
              rs.getString("department_code"), Status.DONE, rs.getString("business_key"), rs.getString("evaluator"),
              null, SOURCE_CONTRACTOR));
        }, Date.valueOf(from), Date.valueOf(to));
    jdbc.query("""
        select c.business_key, c.contractor, c.department_code, c.evaluation_interval, c.contract_end,
               coalesce((select max(e.evaluated_on) from contractor_evaluation e where e.business_key = c.business_key
                           and e.evaluation_kind = 'PERIODIC'), c.contract_concluded_on, c.contract_start) as last_on
          from contractor_register c where c.status = 'RUNNING' and c.evaluation_interval is not null
        """, rs -> {
          LocalDate next = rs.getDate("last_on").toLocalDate().plus(Period.parse(rs.getString("evaluation_interval")));
          if (!next.isBefore(from) && !next.isAfter(to) && !next.isAfter(rs.getDate("contract_end").toLocalDate())) {
            entries.add(entry(next, "CONTRACTOR_EVALUATION", "委託先の定期評価: " + rs.getString("contractor"), "8.1.4",
                null, Role.DEPARTMENT_HEAD.name(), null, rs.getString("department_code"),
                next.isBefore(today) ? Status.OVERDUE : Status.PLANNED, rs.getString("business_key"), null, null,
                SOURCE_CONTRACTOR));
          }
        });
  }

  /** 1.2: each improvement item of an audit, by its own due date, until it is accepted. */
  private void improvementItems(LocalDate from, LocalDate to, LocalDate today, List<Entry> entries) {
    for (ImprovementItems.Item item : improvements.due(from, to)) {
      Status status = ImprovementItems.DONE.equals(item.status()) ? Status.DONE
          : item.dueDate().isBefore(today) ? Status.OVERDUE
          : ImprovementItems.PLANNED.equals(item.status()) ? Status.PLANNED : Status.IN_PROGRESS;
      entries.add(entry(item.dueDate(), IMPROVEMENT_ITEM, "改善項目 " + item.no() + ": " + item.description(), "1.2",
          null, item.ownerRole(), Role.SECURITY_OFFICER.name(), null, status, item.businessKey(), item.closedBy(),
          item.acceptedBy(), SOURCE_IMPROVEMENT));
    }
  }

  /** 7.18: the review date of each cloud service in use. */
  private void cloudReviews(LocalDate from, LocalDate to, LocalDate today, List<Entry> entries) {
    jdbc.query("""
        select approval_number, service_name, department_code, review_date from cloud_service_register
         where status = 'IN_USE' and review_date between ? and ?
        """, rs -> {
          LocalDate due = rs.getDate("review_date").toLocalDate();
          entries.add(entry(due, "CLOUD_REVIEW", "クラウドサービスの見直し: " + rs.getString("service_name"), "7.18", null,
              Role.SYSTEM_ADMINISTRATOR.name(), null, rs.getString("department_code"),
              due.isBefore(today) ? Status.OVERDUE : Status.PLANNED, rs.getString("approval_number"), null, null,
              SOURCE_CLOUD));
        }, Date.valueOf(from), Date.valueOf(to));
  }

  private Entry entry(LocalDate due, String code, String name, String clauses, String cycle, String responsible,
      String accepting, String department, Status status, String businessKey, String performedBy, String acceptedBy,
      String source) {
    return new Entry(due, code, name, split(clauses), cycle, responsible, roleName(responsible), accepting,
        roleName(accepting), department == null ? null : organisation.departmentName(department).orElse(department),
        status, status.label(), businessKey, performedBy == null ? null : organisation.displayName(performedBy),
        acceptedBy == null ? null : organisation.displayName(acceptedBy), source);
  }

  private static String roleName(String role) {
    return role == null ? null : Role.valueOf(role).nameJa();
  }

  private static List<String> split(String clauses) {
    return Arrays.stream(clauses.split(",")).map(String::strip).filter(c -> !c.isEmpty()).toList();
  }
}
