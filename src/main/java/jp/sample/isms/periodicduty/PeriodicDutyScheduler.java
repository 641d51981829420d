package jp.sample.isms.periodicduty;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import jp.sample.isms.engine.EngineInternals;
import jp.sample.isms.organisation.OrganisationService;
import jp.sample.isms.organisation.Role;

/**
 * Creates the occurrences that have come up: for each duty of the latest table, the occurrence of its next due date
 * once the cycle before it has begun, once per duty, due date and department (a duty of the department heads is done
 * by each department). An occurrence is a {@code periodicDuty} request the product files itself.
 */
@Component
public class PeriodicDutyScheduler {

  private final PeriodicDutyTable table;
  private final Occurrences occurrences;
  private final RuntimeService runtime;
  private final OrganisationService organisation;
  private final JdbcTemplate jdbc;
  private final Unrestricted unrestricted;
  private final ZoneId zone;

  PeriodicDutyScheduler(PeriodicDutyTable table, Occurrences occurrences, RuntimeService runtime,
      OrganisationService organisation, JdbcTemplate jdbc, Unrestricted unrestricted, ZoneId zone) {
    this.zone = zone;
    this.table = table;
    this.occurrences = occurrences;
    this.runtime = runtime;
    this.organisation = organisation;
    this.jdbc = jdbc;
    this.unrestricted = unrestricted;
  }

  /** The day in the product's zone by the engine's clock (which tests move). */
  LocalDate today() {
    return EngineInternals.now().atZone(zone).toLocalDate();
  }

  /** Files every occurrence that has come up by {@link #today()}; returns their request numbers. */
  public List<String> createDue() {
    LocalDate today = today();
    PeriodicDutyTable.Version version = unrestricted.call(table::latest);
    List<String> created = new ArrayList<>();
    for (Duty duty : version.duties()) {
      LocalDate due = duty.cycle().nextDue(duty.firstDue(), today);
      if (today.isBefore(duty.cycle().opens(due))) {
        continue;
      }
      for (String department : departments(duty)) {
        occurrences.create(duty, due, department, version.version(), OffsetDateTime.now(zone))
            .ifPresent(id -> created.add(start(id, duty, due, department, version.version())));
      }
    }
    return created;
  }

  /** The departments a duty is done for: each one with a head for the department heads' duties, else the company. */
  private List<String> departments(Duty duty) {
    if (duty.responsibleRole().scope() != Role.Scope.DEPARTMENT) {
      java.util.ArrayList<String> company = new ArrayList<>();
      company.add(null);
      return company;
    }
    return jdbc.queryForList("select code from org_department order by code", String.class).stream()
        .filter(code -> !organisation.members(Role.DEPARTMENT_HEAD.groupId(code)).isEmpty()).toList();
  }

  private String start(long id, Duty duty, LocalDate due, String department, int tableVersion) {
    VariableMap variables = Variables.createVariables()
        .putValue(PeriodicDutyProcess.OCCURRENCE_ID, id)
        .putValue(PeriodicDutyProcess.DUTY_CODE, duty.code())
        .putValue(PeriodicDutyProcess.DUTY_NAME, duty.name())
        .putValue(PeriodicDutyProcess.CLAUSES, duty.clauses())
        .putValue(PeriodicDutyProcess.DUTY_CYCLE, duty.cycle().name())
        .putValue(PeriodicDutyProcess.DUE_DATE, due.toString())
        .putValue(PeriodicDutyProcess.DUE_AT, Date.from(due.plusDays(1).atStartOfDay(zone).toInstant()))
        .putValue(PeriodicDutyProcess.RESPONSIBLE_ROLE, duty.responsibleRole().name())
        .putValue(PeriodicDutyProcess.ACCEPTING_ROLE, duty.acceptingRole().name())
        .putValue(PeriodicDutyProcess.DUTY_KIND, duty.kind())
        .putValue(PeriodicDutyProcess.CHECKLIST, duty.checklist())
        .putValue(PeriodicDutyProcess.EVIDENCE_REQUIRED, duty.evidenceRequired())
        .putValue(PeriodicDutyProcess.TABLE_VERSION, tableVersion);
    if (department != null) {
      variables.putValue(PeriodicDutyProcess.DEPARTMENT_CODE, department);
      variables.putValue(PeriodicDutyProcess.DEPARTMENT_NAME, organisation.departmentName(department).orElse(department));
    }
    try {
      // filed by the product itself, whoever happens to run the job (an administrator executing it in Cockpit)
      ProcessInstance instance = unrestricted.asSystem(
          () -> runtime.startProcessInstanceByMessage(PeriodicDutyProcess.MESSAGE_DUE, variables));
      occurrences.started(id, instance.getId(), instance.getBusinessKey());
      return instance.getBusinessKey();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
