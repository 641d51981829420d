package jp.sample.isms.periodicduty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
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
 * bpmn/periodicDutySchedule.bpmn and bpmn/periodicDuty.bpmn with table bpmn/periodicDuties.dmn: one test per path,
 * the scheduler's timer fired by hand on chosen days.
 */
@IsmsSpringBootTest
class PeriodicDutyProcessTest {

  static final LocalDate APRIL_FIRST = LocalDate.of(2026, 4, 1);

  @Autowired
  ProcessEngine engine;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  AuditRecorder audit;
  @Autowired
  TaskDeadlines deadlines;
  @Autowired
  Occurrences occurrences;
  @Autowired
  jp.sample.isms.organisation.Committee committee;

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

  private List<String> outcomes(ProcessInstance instance) {
    return audit.forBusinessKey(instance.getBusinessKey()).stream().map(AuditEntry::outcome).toList();
  }

  @Test
  void theSchedulerFilesEachCycleKindOnceWhenItsCycleBegins() {
    // when the scheduler runs on 1 April 2026
    duties.scheduleOn(APRIL_FIRST);

    // then the next occurrence of every duty whose cycle has begun is filed, one per department for the heads' review
    assertThat(duties.rows()).extracting(r -> r.get("DUTY_CODE") + " " + r.get("DUTY_CYCLE") + " " + r.get("DUE_DATE")
        + " " + r.get("DEPARTMENT_CODE")).containsExactly(
        "LOG_REVIEW WEEKLY 2026-04-03 -",
        "BACKUP_CHECK MONTHLY 2026-04-30 -",
        "SOFTWARE_UPDATES MONTHLY 2026-04-30 -",
        "THREAT_SHARING MONTHLY 2026-04-30 -",
        "NETWORK_CHECK QUARTERLY 2026-06-30 -",
        "ACCESS_REVIEW HALF_YEARLY 2026-09-30 development",
        "ACCESS_REVIEW HALF_YEARLY 2026-09-30 general-affairs",
        "ACCESS_REVIEW HALF_YEARLY 2026-09-30 hr",
        "ACCESS_REVIEW HALF_YEARLY 2026-09-30 manufacturing",
        "AUDIT_INSPECTION YEARLY 2027-03-31 -",
        "BCP_TEST YEARLY 2027-03-31 -",
        "EDUCATION YEARLY 2027-03-31 -");
    ProcessInstance logReview = duties.occurrence("LOG_REVIEW", LocalDate.of(2026, 4, 3), null);
    assertThat(logReview.getBusinessKey()).matches("PD-2026-\\d{4}");
    assertThat(logReview).isWaitingAt(PeriodicDutyProcess.TASK_PERFORM);
    assertThat(outcomes(logReview)).containsExactly("FILED");
    assertThat(audit.forBusinessKey(logReview.getBusinessKey()).get(0).actor()).isEqualTo("system");

    // when it runs again the same day, nothing more is filed
    duties.scheduleOn(APRIL_FIRST);
    assertThat(duties.rows()).hasSize(12);

    // when it runs on 1 May, the weekly and the monthly duties come up again (a month end stays a month end)
    duties.scheduleOn(LocalDate.of(2026, 5, 1));
    assertThat(duties.rows()).extracting(r -> r.get("DUTY_CODE") + " " + r.get("DUE_DATE"))
        .contains("LOG_REVIEW 2026-05-01", "BACKUP_CHECK 2026-05-31", "SOFTWARE_UPDATES 2026-05-31",
            "THREAT_SHARING 2026-05-31")
        .hasSize(16);
  }

  @Test
  void aDutyIsDoneAcceptedByAnotherRoleAndRecordedUnderItsClauses() {
    // given the weekly log review, for the system administrator, due 3 April
    duties.scheduleOn(APRIL_FIRST);
    ProcessInstance instance = duties.occurrence("LOG_REVIEW", LocalDate.of(2026, 4, 3), null);
    Task perform = requests.task(instance);
    assertThat(requests.candidateGroups(perform)).containsExactly("system-administrator");
    assertThat(perform.getDueDate().toInstant())
        .isEqualTo(LocalDate.of(2026, 4, 4).atStartOfDay(PeriodicDuties.ZONE).toInstant());

    // when suzuki does it and tanaka accepts it
    requests.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, instance, PeriodicDuties.performed(false));
    assertThat(instance).isWaitingAt(PeriodicDutyProcess.TASK_ACCEPT);
    assertThat(requests.candidateGroups(requests.task(instance))).containsExactly("security-officer");
    requests.complete(DemoOrganisation.SECURITY_OFFICER, instance, PeriodicDuties.decision("APPROVED", ""));

    // then the occurrence is done, with who did and who accepted it, under the duty's clauses
    assertThat(instance).isEnded().hasPassed(PeriodicDutyProcess.END_DONE);
    Occurrences.Occurrence done = occurrences.byBusinessKey(instance.getBusinessKey()).orElseThrow();
    assertThat(done.status()).isEqualTo(Occurrences.DONE);
    assertThat(done.performedBy()).isEqualTo(DemoOrganisation.SYSTEM_ADMINISTRATOR);
    assertThat(done.acceptedBy()).isEqualTo(DemoOrganisation.SECURITY_OFFICER);
    AuditEntry recorded = audit.forBusinessKey(instance.getBusinessKey()).stream()
        .filter(e -> "DONE".equals(e.outcome()) && "ServiceTask_RecordDutyDone".equals(e.step())).findFirst()
        .orElseThrow();
    assertThat(recorded.clauses()).isEqualTo("7.2,7.7,9.4.4");
    assertThat(recorded.actor()).isEqualTo(DemoOrganisation.SECURITY_OFFICER);
  }

  @Test
  void eachCommitteeMemberAcknowledgesTheSharedThreatsForThemselvesBeforeTheAcceptance() {
    // given the monthly threat sharing (1.3), shared by the security officer
    duties.scheduleOn(APRIL_FIRST);
    ProcessInstance instance = duties.occurrence("THREAT_SHARING", LocalDate.of(2026, 4, 30), null);
    assertThat(requests.candidateGroups(requests.task(instance))).containsExactly("security-officer");
    requests.complete(DemoOrganisation.SECURITY_OFFICER, instance, PeriodicDuties.performed(false));

    // then every other member of the committee (1.1: derived from the roles) has an acknowledgement of their own
    List<String> members = committee.members().stream().filter(m -> !m.equals(DemoOrganisation.SECURITY_OFFICER)).toList();
    assertThat(members).contains(DemoOrganisation.SYSTEM_ADMINISTRATOR, DemoOrganisation.DEVELOPMENT_HEAD, DemoOrganisation.PRODUCTION_CHIEF, DemoOrganisation.HR_HEAD, DemoOrganisation.MANUFACTURING_HEAD).doesNotContain(DemoOrganisation.DESIGN_EMPLOYEE, DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE);
    List<Task> acknowledgements = requests.tasks(instance);
    assertThat(acknowledgements).allSatisfy(t -> assertThat(t.getTaskDefinitionKey())
        .isEqualTo(PeriodicDutyProcess.TASK_ACKNOWLEDGE));
    assertThat(acknowledgements).extracting(Task::getAssignee).containsExactlyInAnyOrderElementsOf(members);
    Task suzukis = acknowledgements.stream().filter(t -> DemoOrganisation.SYSTEM_ADMINISTRATOR.equals(t.getAssignee())).findFirst().orElseThrow();
    assertThat(requests.candidateGroups(suzukis)).containsExactly("system-administrator");

    // another member cannot acknowledge for suzuki (no permission on his step) …
    assertThatThrownBy(() -> requests.submit(DemoOrganisation.DEVELOPMENT_HEAD, suzukis, acknowledged(true)))
        .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
    // … not even holding the same role, nor by having the step handed over; nothing changed
    engine.getIdentityService().createMembership(DemoOrganisation.DEVELOPMENT_HEAD, "system-administrator");
    try {
      assertThatThrownBy(() -> requests.submit(DemoOrganisation.DEVELOPMENT_HEAD, suzukis, acknowledged(true)))
          .isInstanceOf(FourEyesViolationException.class);
      assertThatThrownBy(() -> requests.as(DemoOrganisation.SYSTEM_ADMINISTRATOR, () -> {
        engine.getTaskService().setAssignee(suzukis.getId(), DemoOrganisation.DEVELOPMENT_HEAD);
        return null;
      })).isInstanceOf(FourEyesViolationException.class);
    } finally {
      engine.getIdentityService().deleteMembership(DemoOrganisation.DEVELOPMENT_HEAD, "system-administrator");
    }
    assertThat(engine.getTaskService().createTaskQuery().taskId(suzukis.getId()).singleResult().getAssignee())
        .isEqualTo(DemoOrganisation.SYSTEM_ADMINISTRATOR);
    // an acknowledgement without its confirmation is refused with the clause
    assertThatThrownBy(() -> requests.submit(DemoOrganisation.SYSTEM_ADMINISTRATOR, suzukis, acknowledged(false)))
        .isInstanceOf(RequestValidationException.class).hasMessageContaining("1.3");
    assertThat(requests.tasks(instance)).hasSize(members.size());

    // when all but one have acknowledged, the occurrence still waits for the last one
    for (Task acknowledgement : acknowledgements.subList(0, acknowledgements.size() - 1)) {
      requests.submit(acknowledgement.getAssignee(), acknowledgement, acknowledged(true));
    }
    assertThat(instance).isWaitingAt(PeriodicDutyProcess.TASK_ACKNOWLEDGE);
    Task last = acknowledgements.get(acknowledgements.size() - 1);
    requests.submit(last.getAssignee(), last, acknowledged(true));

    // then the system administrator accepts it, with who acknowledged in the decision record
    assertThat(instance).isWaitingAt(PeriodicDutyProcess.TASK_ACCEPT);
    assertThat(audit.forBusinessKey(instance.getBusinessKey())).filteredOn(e -> PeriodicDutyProcess.TASK_ACKNOWLEDGE
        .equals(e.step())).extracting(AuditEntry::actor).containsExactlyInAnyOrderElementsOf(members);
    requests.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, instance, PeriodicDuties.decision("APPROVED", ""));
    assertThat(instance).isEnded().hasPassed(PeriodicDutyProcess.TASK_ACKNOWLEDGE, PeriodicDutyProcess.END_DONE);
  }

  private static java.util.Map<String, Object> acknowledged(boolean acknowledged) {
    java.util.Map<String, Object> variables = new java.util.HashMap<>();
    variables.put(PeriodicDutyProcess.ACKNOWLEDGED, acknowledged);
    return variables;
  }

  @Test
  void aDutySentBackIsDoneAgainAndCannotBeRejected() {
    duties.scheduleOn(APRIL_FIRST);
    ProcessInstance instance = duties.occurrence("LOG_REVIEW", LocalDate.of(2026, 4, 3), null);
    requests.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, instance, PeriodicDuties.performed(false));

    // a rejection is refused: a duty does not go away
    assertThatThrownBy(() -> requests.complete(DemoOrganisation.SECURITY_OFFICER, instance, PeriodicDuties.decision("REJECTED", "不要")))
        .isInstanceOf(RequestValidationException.class).hasMessageContaining("7.2");
    assertThat(instance).isWaitingAt(PeriodicDutyProcess.TASK_ACCEPT);

    // sent back, it is done again
    requests.complete(DemoOrganisation.SECURITY_OFFICER, instance, PeriodicDuties.decision("SENT_BACK", "UTM の通知も確認してください"));
    assertThat(instance).isWaitingAt(PeriodicDutyProcess.TASK_PERFORM);
    requests.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, instance, PeriodicDuties.performed(false));
    requests.complete(DemoOrganisation.SECURITY_OFFICER, instance, PeriodicDuties.decision("APPROVED", ""));
    assertThat(instance).isEnded();
  }

  @Test
  void theDoerNeverAcceptsTheirOwnDuty() {
    // given suzuki also holds the accepting role (a second security officer)
    engine.getIdentityService().createMembership(DemoOrganisation.SYSTEM_ADMINISTRATOR, "security-officer");
    try {
      duties.scheduleOn(APRIL_FIRST);
      ProcessInstance instance = duties.occurrence("LOG_REVIEW", LocalDate.of(2026, 4, 3), null);
      requests.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, instance, PeriodicDuties.performed(false));
      Task accept = requests.task(instance);

      // when suzuki tries to take the acceptance of what he did, then it is refused and nothing changed
      assertThatThrownBy(() -> requests.claim(DemoOrganisation.SYSTEM_ADMINISTRATOR, accept)).isInstanceOf(FourEyesViolationException.class);
      assertThat(requests.task(instance).getAssignee()).isNull();
      assertThatThrownBy(() -> requests.submit(DemoOrganisation.SYSTEM_ADMINISTRATOR, accept, PeriodicDuties.decision("APPROVED", "")))
          .isInstanceOf(FourEyesViolationException.class);
      assertThat(instance).isWaitingAt(PeriodicDutyProcess.TASK_ACCEPT);
      assertThat(occurrences.byBusinessKey(instance.getBusinessKey()).orElseThrow().status()).isEqualTo(Occurrences.OPEN);

      // tanaka may
      requests.complete(DemoOrganisation.SECURITY_OFFICER, instance, PeriodicDuties.decision("APPROVED", ""));
      assertThat(instance).isEnded();
    } finally {
      engine.getIdentityService().deleteMembership(DemoOrganisation.SYSTEM_ADMINISTRATOR, "security-officer");
    }
  }

  @Test
  void aDutyNeedsItsChecklistAndTheEvidenceTheTableAsksFor() {
    duties.scheduleOn(APRIL_FIRST);
    ProcessInstance instance = duties.occurrence("SOFTWARE_UPDATES", LocalDate.of(2026, 4, 30), null);
    Map<String, Object> unchecked = PeriodicDuties.performed(true);
    unchecked.put("checklistConfirmed", false);

    assertThatThrownBy(() -> requests.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, instance, unchecked))
        .isInstanceOf(RequestValidationException.class).hasMessageContaining("checklistConfirmed")
        .hasMessageContaining("7.5");
    assertThatThrownBy(() -> requests.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, instance, PeriodicDuties.performed(false)))
        .isInstanceOf(RequestValidationException.class).hasMessageContaining("evidenceAttached");
    assertThat(instance).isWaitingAt(PeriodicDutyProcess.TASK_PERFORM);
    assertThat(occurrences.byBusinessKey(instance.getBusinessKey()).orElseThrow().performedBy()).isNull();
  }

  @Test
  void anOverdueDutyEscalatesToTheSuperiorRoleAndStaysOpenUntilDone() {
    // given the log review due 3 April 2026 is not done (today is later)
    duties.scheduleOn(APRIL_FIRST);
    ProcessInstance instance = duties.occurrence("LOG_REVIEW", LocalDate.of(2026, 4, 3), null);

    // when the deadlines are checked
    deadlines.check();

    // then the security officer above the system administrator is told, and it stays open, overdue
    assertThat(audit.forBusinessKey(instance.getBusinessKey())).anySatisfy(e -> {
      assertThat(e.outcome()).isEqualTo("ESCALATED");
      assertThat(e.actingRole()).isEqualTo("SECURITY_OFFICER");
    });
    assertThat(jdbc.queryForObject("select count(*) from mail_outbox where dedup_key = ?", Integer.class,
        "escalation:" + requests.task(instance).getId() + ":tanaka")).isEqualTo(1);
    assertThat(instance).isWaitingAt(PeriodicDutyProcess.TASK_PERFORM);
    assertThat(occurrences.byBusinessKey(instance.getBusinessKey()).orElseThrow().status()).isEqualTo(Occurrences.OPEN);
  }

  @Test
  void nobodyFilesAnOccurrenceByHand() {
    long before = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(PeriodicDutyProcess.KEY).count();
    // nobody is granted to start it, and an administrator, who may start anything, is refused by its rule
    assertThatThrownBy(() -> requests.file(DemoOrganisation.SECURITY_OFFICER, PeriodicDutyProcess.KEY, Map.of("dutyCode", "LOG_REVIEW")))
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> requests.file(DemoOrganisation.SYSTEM_ADMINISTRATOR, PeriodicDutyProcess.KEY, Map.of("dutyCode", "LOG_REVIEW")))
        .isInstanceOf(RequestValidationException.class).hasMessageContaining("dutyCode");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(PeriodicDutyProcess.KEY).count()).isEqualTo(before);
    assertThat(duties.rows()).isEmpty();
  }
}
