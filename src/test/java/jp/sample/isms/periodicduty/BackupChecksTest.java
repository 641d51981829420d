package jp.sample.isms.periodicduty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.approval.FourEyesViolationException;
import jp.sample.isms.approval.RequestValidationException;
import jp.sample.isms.approval.TaskDeadlines;
import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.support.Requests;
import jp.sample.isms.support.DemoOrganisation;

/**
 * bpmn/periodicDuty.bpmn with bpmn/periodicDutyBackupTargets.dmn, 4.1.1/4.1.4: the month's backup check as weekly
 * entries per target and scheduled day, a week not recorded shown and escalated, the month signed off by the security
 * officer over all its weeks.
 */
@IsmsSpringBootTest
class BackupChecksTest {

  static final LocalDate APRIL_END = LocalDate.of(2026, 4, 30);

  @Autowired
  ProcessEngine engine;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  AuditRecorder audit;
  @Autowired
  TaskDeadlines deadlines;
  @Autowired
  BackupChecks backups;

  Requests requests;
  PeriodicDuties duties;

  @BeforeEach
  void setUp() {
    requests = new Requests(engine);
    duties = new PeriodicDuties(engine, jdbc);
    duties.cleanUp();
  }

  @AfterEach
  void cleanUp() {
    duties.cleanUp();
  }

  private static Map<String, Object> week(String missedRows, String note) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(PeriodicDutyProcess.MISSED_ROWS, missedRows);
    variables.put(PeriodicDutyProcess.BACKUP_NOTE, note);
    return variables;
  }

  private void record(Task task, String missedRows, String note) {
    requests.claim(DemoOrganisation.SYSTEM_ADMINISTRATOR, task);
    requests.submit(DemoOrganisation.SYSTEM_ADMINISTRATOR, task, week(missedRows, note));
  }

  @Test
  void theTargetsAreThoseOfClause411WithTheirSchedule() {
    assertThat(backups.targets()).extracting(t -> t.code() + " " + t.schedule()).containsExactly(
        "FILE_SERVER DAILY", "DATABASE_A DAILY", "SYSTEM_A WEEKLY");
    assertThat(backups.targets()).extracting(BackupChecks.Target::name).allSatisfy(name ->
        assertThat(name).containsAnyOf("ファイルサーバー", "社内データベースＡ", "社内システムＡ"));
  }

  @Test
  void eachWeekIsRecordedPerTargetAndDayAndTheMonthIsSignedOffOverAllItsWeeks() {
    // given the April check: the weeks whose Sunday is in April (30 March to 26 April), each a step of its own
    duties.scheduleOn(PeriodicDutyProcessTest.APRIL_FIRST);
    ProcessInstance instance = duties.occurrence("BACKUP_CHECK", APRIL_END, null);
    assertThat(instance).isWaitingAt(PeriodicDutyProcess.TASK_RECORD_BACKUP_WEEK);
    assertThat(backups.weeks(instance.getBusinessKey())).extracting(w -> w.start() + " " + w.status()).containsExactly(
        "2026-03-30 PENDING", "2026-04-06 PENDING", "2026-04-13 PENDING", "2026-04-20 PENDING");
    List<Task> weeks = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .orderByDueDate().asc().list();
    assertThat(weeks).hasSize(4);
    assertThat(weeks.get(0).getDueDate().toInstant())
        .isEqualTo(LocalDate.of(2026, 4, 6).atStartOfDay(PeriodicDuties.ZONE).toInstant());
    // two daily targets on each weekday and one weekly target: 11 rows
    long firstWeek = ((Number) engine.getTaskService().getVariable(weeks.get(0).getId(), PeriodicDutyProcess.BACKUP_WEEK))
        .longValue();
    assertThat(backups.rows(firstWeek)).hasSize(11).allSatisfy(r -> assertThat(r.done()).isNull());
    assertThat((String) engine.getTaskService().getVariable(weeks.get(0).getId(), PeriodicDutyProcess.BACKUP_ROWS))
        .contains("1: ファイルサーバー").contains("2026-03-30").contains("[週次]");

    // a row that is not the week's, or a row not done without a note, is refused (4.1.4), nothing recorded
    requests.claim(DemoOrganisation.SYSTEM_ADMINISTRATOR, weeks.get(0));
    assertThatThrownBy(() -> requests.submit(DemoOrganisation.SYSTEM_ADMINISTRATOR, weeks.get(0), week("12", "")))
        .isInstanceOf(RequestValidationException.class).hasMessageContaining("missedRows").hasMessageContaining("4.1.4");
    assertThatThrownBy(() -> requests.submit(DemoOrganisation.SYSTEM_ADMINISTRATOR, weeks.get(0), week("2", "")))
        .isInstanceOf(RequestValidationException.class).hasMessageContaining("backupNote");
    assertThat(backups.week(firstWeek).status()).isEqualTo(BackupChecks.PENDING);

    // when the system administrator records three weeks (one row not done in the first)
    record(weeks.get(0), "2", "外付 HDD の容量不足。翌日に取得し直した");
    record(weeks.get(1), "", "");
    record(weeks.get(2), "", "");

    // then a week not recorded stays open, shown as 未記録, and is escalated once overdue; no sign-off yet
    assertThat(instance).isWaitingAt(PeriodicDutyProcess.TASK_RECORD_BACKUP_WEEK);
    assertThat(backups.summary(instance.getBusinessKey())).contains("2026-04-20 〜 2026-04-26: 未記録")
        .contains("未実施 1 件");
    deadlines.check();
    assertThat(audit.forBusinessKey(instance.getBusinessKey())).anySatisfy(e -> {
      assertThat(e.outcome()).isEqualTo("ESCALATED");
      assertThat(e.step()).isEqualTo(PeriodicDutyProcess.TASK_RECORD_BACKUP_WEEK);
    });

    // when the last week is recorded, the security officer signs the month off with every week before them
    record(weeks.get(3), "", "");
    assertThat(instance).isWaitingAt(PeriodicDutyProcess.TASK_ACCEPT);
    String result = (String) engine.getRuntimeService().getVariable(instance.getId(), PeriodicDutyProcess.RESULT);
    assertThat(result.lines().filter(l -> l.startsWith("2026-"))).hasSize(4);
    assertThat(result).contains("2026-03-30 〜 2026-04-05: 未実施 1 件").contains("外付 HDD の容量不足")
        .doesNotContain("未記録");
    assertThat(backups.rows(firstWeek)).filteredOn(r -> Boolean.FALSE.equals(r.done())).singleElement()
        .satisfies(r -> assertThat(r.day()).isEqualTo(LocalDate.of(2026, 3, 31)));
    // the one who recorded does not sign off
    engine.getIdentityService().createMembership(DemoOrganisation.SYSTEM_ADMINISTRATOR, "security-officer");
    try {
      assertThatThrownBy(() -> requests.claim(DemoOrganisation.SYSTEM_ADMINISTRATOR, requests.task(instance)))
          .isInstanceOf(FourEyesViolationException.class);
    } finally {
      engine.getIdentityService().deleteMembership(DemoOrganisation.SYSTEM_ADMINISTRATOR, "security-officer");
    }
    requests.complete(DemoOrganisation.SECURITY_OFFICER, instance, PeriodicDuties.decision("APPROVED", ""));
    assertThat(instance).isEnded().hasPassed(PeriodicDutyProcess.TASK_SUMMARISE_BACKUP_WEEKS,
        PeriodicDutyProcess.END_DONE);
  }

  @Test
  void theWeeksOfAMonthAreThoseWhoseSundayFallsInIt() {
    assertThat(BackupChecks.weeksOfMonth(LocalDate.of(2026, 5, 31))).containsExactly(LocalDate.of(2026, 4, 27),
        LocalDate.of(2026, 5, 4), LocalDate.of(2026, 5, 11), LocalDate.of(2026, 5, 18), LocalDate.of(2026, 5, 25));
  }
}
