package jp.sample.isms.periodicduty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.Date;
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
import jp.sample.isms.audit.AuditEntry;
import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.support.Requests;
import jp.sample.isms.support.DemoOrganisation;

/**
 * bpmn/periodicDuty.bpmn, 1.2: the yearly audit's improvement plan entered as a validated list, each item tracked to
 * closure by its owner role (due date, escalation), closed with evidence and accepted by the security officer, never
 * by whoever closed it; shown in the 年間計画.
 */
@IsmsSpringBootTest
class ImprovementItemsTest {

  static final LocalDate AUDIT_DUE = LocalDate.of(2027, 3, 31);

  @Autowired
  ProcessEngine engine;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  AuditRecorder audit;
  @Autowired
  TaskDeadlines deadlines;
  @Autowired
  ImprovementItems improvements;
  @Autowired
  Occurrences occurrences;
  @Autowired
  AnnualPlan plan;

  Requests requests;
  PeriodicDuties duties;
  final LocalDate today = LocalDate.now(PeriodicDuties.ZONE);

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

  private Map<String, Object> audited(String improvements) {
    Map<String, Object> variables = PeriodicDuties.performed(true);
    variables.put(PeriodicDutyProcess.REPORTED_ON, "2026-04-02");
    variables.put(PeriodicDutyProcess.IMPROVEMENTS, improvements);
    return variables;
  }

  private Task step(ProcessInstance instance, String key, long itemId) {
    return requests.tasks(instance).stream().filter(t -> key.equals(t.getTaskDefinitionKey()))
        .filter(t -> Long.valueOf(itemId).equals(((Number) engine.getTaskService().getVariable(t.getId(),
            PeriodicDutyProcess.IMPROVEMENT_ID)).longValue()))
        .findFirst().orElseThrow();
  }

  private void attachEvidence(String user, Task task) {
    requests.as(user, () -> engine.getTaskService().createAttachment("application/pdf", task.getId(),
        task.getProcessInstanceId(), "evidence.pdf", "改善の証跡", new ByteArrayInputStream("%PDF-1.4".getBytes())));
  }

  private void close(String user, Task task) {
    requests.claim(user, task);
    Map<String, Object> closure = new HashMap<>();
    closure.put(PeriodicDutyProcess.CLOSED_ON, today.toString());
    closure.put(PeriodicDutyProcess.CLOSURE_NOTE, "実施しました");
    requests.submit(user, task, closure);
  }

  private ImprovementItems.Item item(String businessKey, int no) {
    return improvements.ofRequest(businessKey).stream().filter(i -> i.no() == no).findFirst().orElseThrow();
  }

  @Test
  void anIncompleteOrPastOrUnknownImprovementIsRefusedWithItsLineAndNothingIsEntered() {
    // given the yearly audit, for the audit officer
    duties.scheduleOn(PeriodicDutyProcessTest.APRIL_FIRST);
    ProcessInstance instance = duties.occurrence("AUDIT_INSPECTION", AUDIT_DUE, null);
    assertThat(instance).isWaitingAt(PeriodicDutyProcess.TASK_PERFORM_AUDIT);
    assertThat(requests.candidateGroups(requests.task(instance))).containsExactly("audit-officer");

    // when the plan has a row without a due date, an unknown owner, and a due date that has passed
    for (String bad : List.of("入退室記録を電子化する | SYSTEM_ADMINISTRATOR |",
        "入退室記録を電子化する | 総務係 | " + today.plusDays(30),
        "入退室記録を電子化する | SYSTEM_ADMINISTRATOR | " + today,
        "入退室記録を電子化する | DEPARTMENT_HEAD | " + today.plusDays(30))) {
      // then it is refused with the field and clause 1.2, and nothing is entered
      assertThatThrownBy(() -> requests.complete(DemoOrganisation.AUDIT_OFFICER, instance, audited(bad)))
          .isInstanceOf(RequestValidationException.class).hasMessageContaining("improvements")
          .hasMessageContaining("1.2").hasMessageContaining("1 行目");
    }
    assertThat(instance).isWaitingAt(PeriodicDutyProcess.TASK_PERFORM_AUDIT);
    assertThat(improvements.ofRequest(instance.getBusinessKey())).isEmpty();
  }

  @Test
  void eachImprovementIsTrackedToClosureByItsOwnerAndAcceptedByAnotherPerson() {
    // given the audit officer has done the audit with two improvement items
    duties.scheduleOn(PeriodicDutyProcessTest.APRIL_FIRST);
    ProcessInstance instance = duties.occurrence("AUDIT_INSPECTION", AUDIT_DUE, null);
    LocalDate firstDue = today.plusDays(60);
    LocalDate secondDue = today.plusDays(1);
    requests.complete(DemoOrganisation.AUDIT_OFFICER, instance, audited("サーバー室の入退室記録を電子化する | SYSTEM_ADMINISTRATOR | "
        + firstDue + "\n\n教育資料を改訂する｜教育責任者｜" + secondDue.toString().replace('-', '/')));
    assertThat(improvements.ofRequest(instance.getBusinessKey())).extracting(ImprovementItems.Item::status)
        .containsExactly(ImprovementItems.PLANNED, ImprovementItems.PLANNED);
    // (sent back, the audit is done again and its plan replaced, not doubled)
    requests.complete(DemoOrganisation.SECURITY_OFFICER, instance, PeriodicDuties.decision("SENT_BACK", "改善計画の期限を確認してください"));
    requests.complete(DemoOrganisation.AUDIT_OFFICER, instance, audited("サーバー室の入退室記録を電子化する | SYSTEM_ADMINISTRATOR | "
        + firstDue + "\n教育資料を改訂する｜教育責任者｜" + secondDue));
    assertThat(improvements.ofRequest(instance.getBusinessKey())).hasSize(2);

    // when the security officer accepts the audit
    requests.complete(DemoOrganisation.SECURITY_OFFICER, instance, PeriodicDuties.decision("APPROVED", ""));

    // then the occurrence is done and each item is a step for its owner role, due on its due date
    assertThat(occurrences.byBusinessKey(instance.getBusinessKey()).orElseThrow().status()).isEqualTo(Occurrences.DONE);
    ImprovementItems.Item first = item(instance.getBusinessKey(), 1);
    ImprovementItems.Item second = item(instance.getBusinessKey(), 2);
    assertThat(first.status()).isEqualTo(ImprovementItems.OPEN);
    assertThat(instance).isWaitingAt(PeriodicDutyProcess.TASK_CLOSE_IMPROVEMENT);
    Task closeFirst = step(instance, PeriodicDutyProcess.TASK_CLOSE_IMPROVEMENT, first.id());
    Task closeSecond = step(instance, PeriodicDutyProcess.TASK_CLOSE_IMPROVEMENT, second.id());
    assertThat(requests.candidateGroups(closeFirst)).containsExactly("system-administrator");
    assertThat(requests.candidateGroups(closeSecond)).containsExactly("education-officer");
    assertThat(closeFirst.getDueDate().toInstant())
        .isEqualTo(firstDue.plusDays(1).atStartOfDay(PeriodicDuties.ZONE).toInstant());
    assertThat(engine.getTaskService().getVariable(closeSecond.getId(), PeriodicDutyProcess.IMPROVEMENT_DESCRIPTION))
        .isEqualTo("教育資料を改訂する");
    // and the 年間計画 shows each item under 1.2 with its status
    assertThat(plan.plan(AnnualPlan.yearOf(firstDue), today, null, "1.2")).filteredOn(e -> "IMPROVEMENT_ITEM"
        .equals(e.dutyCode()) && e.dueDate().equals(firstDue)).singleElement()
        .satisfies(e -> assertThat(e.statusLabel()).isEqualTo("実施中"));

    // when the first item's due date is near, its owners are reminded
    engine.getTaskService().setDueDate(closeFirst.getId(), Date.from(java.time.Instant.now().plus(
        java.time.Duration.ofHours(12))));
    deadlines.check();
    assertThat(jdbc.queryForObject("select count(*) from mail_outbox where dedup_key = ?", Integer.class,
        "reminder:" + closeFirst.getId() + ":suzuki")).isEqualTo(1);

    // when the second item's due date passes without a closure, the deadlines escalate it to the superior role
    engine.getTaskService().setDueDate(closeSecond.getId(), Date.from(today.atStartOfDay(PeriodicDuties.ZONE)
        .toInstant()));
    deadlines.check();
    assertThat(audit.forBusinessKey(instance.getBusinessKey())).anySatisfy(e -> {
      assertThat(e.outcome()).isEqualTo("ESCALATED");
      assertThat(e.step()).isEqualTo(PeriodicDutyProcess.TASK_CLOSE_IMPROVEMENT);
    });

    // a closure without evidence is refused (1.2) and nothing changes
    requests.claim(DemoOrganisation.SYSTEM_ADMINISTRATOR, closeFirst);
    assertThatThrownBy(() -> requests.submit(DemoOrganisation.SYSTEM_ADMINISTRATOR, closeFirst, Map.of(PeriodicDutyProcess.CLOSED_ON,
        today.toString(), PeriodicDutyProcess.CLOSURE_NOTE, "実施しました")))
        .isInstanceOf(RequestValidationException.class).hasMessageContaining("evidence").hasMessageContaining("1.2");
    assertThat(item(instance.getBusinessKey(), 1).status()).isEqualTo(ImprovementItems.OPEN);

    engine.getIdentityService().createMembership(DemoOrganisation.SYSTEM_ADMINISTRATOR, "security-officer");
    try {
      // when suzuki (also a security officer here) closes the first item with evidence
      attachEvidence(DemoOrganisation.SYSTEM_ADMINISTRATOR, closeFirst);
      close(DemoOrganisation.SYSTEM_ADMINISTRATOR, closeFirst);
      assertThat(item(instance.getBusinessKey(), 1).status()).isEqualTo(ImprovementItems.CLOSED);
      assertThat(item(instance.getBusinessKey(), 1).closedBy()).isEqualTo(DemoOrganisation.SYSTEM_ADMINISTRATOR);
      Task acceptFirst = step(instance, PeriodicDutyProcess.TASK_ACCEPT_IMPROVEMENT, first.id());
      assertThat(requests.candidateGroups(acceptFirst)).containsExactly("security-officer");

      // then he can neither take nor complete its acceptance (four eyes), and nothing changed
      assertThatThrownBy(() -> requests.claim(DemoOrganisation.SYSTEM_ADMINISTRATOR, acceptFirst)).isInstanceOf(FourEyesViolationException.class);
      assertThatThrownBy(() -> requests.submit(DemoOrganisation.SYSTEM_ADMINISTRATOR, acceptFirst, PeriodicDuties.decision("APPROVED", "")))
          .isInstanceOf(FourEyesViolationException.class);
      assertThat(item(instance.getBusinessKey(), 1).status()).isEqualTo(ImprovementItems.CLOSED);
    } finally {
      engine.getIdentityService().deleteMembership(DemoOrganisation.SYSTEM_ADMINISTRATOR, "security-officer");
    }

    // a closure cannot be rejected; sent back, the owner closes it again
    Task acceptFirst = step(instance, PeriodicDutyProcess.TASK_ACCEPT_IMPROVEMENT, first.id());
    requests.claim(DemoOrganisation.SECURITY_OFFICER, acceptFirst);
    assertThatThrownBy(() -> requests.submit(DemoOrganisation.SECURITY_OFFICER, acceptFirst, PeriodicDuties.decision("REJECTED", "不要")))
        .isInstanceOf(RequestValidationException.class).hasMessageContaining("1.2");
    requests.submit(DemoOrganisation.SECURITY_OFFICER, acceptFirst, PeriodicDuties.decision("SENT_BACK", "証跡が不足しています"));
    assertThat(item(instance.getBusinessKey(), 1).status()).isEqualTo(ImprovementItems.OPEN);
    Task again = step(instance, PeriodicDutyProcess.TASK_CLOSE_IMPROVEMENT, first.id());
    assertThat(engine.getTaskService().getVariable(again.getId(), PeriodicDutyProcess.CLOSURE_NOTE)).isNull();
    attachEvidence(DemoOrganisation.SYSTEM_ADMINISTRATOR, again);
    close(DemoOrganisation.SYSTEM_ADMINISTRATOR, again);
    Task acceptAgain = step(instance, PeriodicDutyProcess.TASK_ACCEPT_IMPROVEMENT, first.id());
    requests.claim(DemoOrganisation.SECURITY_OFFICER, acceptAgain);
    requests.submit(DemoOrganisation.SECURITY_OFFICER, acceptAgain, PeriodicDuties.decision("APPROVED", ""));

    // then the first item is done and recorded under 1.2; the occurrence waits for the second
    assertThat(item(instance.getBusinessKey(), 1).status()).isEqualTo(ImprovementItems.DONE);
    assertThat(item(instance.getBusinessKey(), 1).acceptedBy()).isEqualTo(DemoOrganisation.SECURITY_OFFICER);
    assertThat(audit.forBusinessKey(instance.getBusinessKey())).filteredOn(e -> "IMPROVEMENT_DONE"
        .equals(e.outcome())).singleElement().satisfies(e -> {
          assertThat(e.clauses()).isEqualTo("1.2");
          assertThat(e.actor()).isEqualTo(DemoOrganisation.SECURITY_OFFICER);
        });
    assertThat(instance).isNotEnded();

    // when the education officer closes the second and the security officer accepts it, the occurrence ends
    Task closeSecondNow = step(instance, PeriodicDutyProcess.TASK_CLOSE_IMPROVEMENT, second.id());
    attachEvidence(DemoOrganisation.HR_HEAD, closeSecondNow);
    close(DemoOrganisation.HR_HEAD, closeSecondNow);
    Task acceptSecond = step(instance, PeriodicDutyProcess.TASK_ACCEPT_IMPROVEMENT, second.id());
    requests.claim(DemoOrganisation.SECURITY_OFFICER, acceptSecond);
    requests.submit(DemoOrganisation.SECURITY_OFFICER, acceptSecond, PeriodicDuties.decision("APPROVED", ""));
    assertThat(instance).isEnded().hasPassed(PeriodicDutyProcess.END_IMPROVEMENT_DONE, PeriodicDutyProcess.END_DONE);
    assertThat(plan.plan(AnnualPlan.yearOf(firstDue), today, null, "1.2")).filteredOn(e -> "IMPROVEMENT_ITEM"
        .equals(e.dutyCode())).extracting(AnnualPlan.Entry::statusLabel).containsOnly("完了");
  }

  @Test
  void anAuditWithoutImprovementsEndsWhenAccepted() {
    duties.scheduleOn(PeriodicDutyProcessTest.APRIL_FIRST);
    ProcessInstance instance = duties.occurrence("AUDIT_INSPECTION", AUDIT_DUE, null);
    requests.complete(DemoOrganisation.AUDIT_OFFICER, instance, audited(""));
    requests.complete(DemoOrganisation.SECURITY_OFFICER, instance, PeriodicDuties.decision("APPROVED", ""));
    assertThat(instance).isEnded().hasNotPassed(PeriodicDutyProcess.SUBPROCESS_IMPROVEMENT);
    assertThat(audit.forBusinessKey(instance.getBusinessKey())).extracting(AuditEntry::outcome).contains("DONE");
  }
}
