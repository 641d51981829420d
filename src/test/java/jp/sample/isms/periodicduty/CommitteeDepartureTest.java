package jp.sample.isms.periodicduty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
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
import jp.sample.isms.accounts.AccountDeactivation;
import jp.sample.isms.audit.AuditEntry;
import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.organisation.Committee;
import jp.sample.isms.support.Requests;
import jp.sample.isms.support.DemoOrganisation;

/**
 * bpmn/periodicDuty.bpmn, 1.3: a committee member who leaves (account disabled, or a committee role lost) does not
 * leave their acknowledgement open for ever: the nightly run closes it as 「委員でなくなった」, recorded and mailed,
 * not counted; the others' acknowledgements go on.
 */
@IsmsSpringBootTest
class CommitteeDepartureTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  AuditRecorder audit;
  @Autowired
  Committee committee;
  @Autowired
  AccountDeactivation deactivation;

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

  @Test
  void theAcknowledgementOfAMemberWhoLeftIsClosedRecordedAndNotCounted() {
    // given the threat sharing is shared and every other member has an acknowledgement
    duties.scheduleOn(PeriodicDutyProcessTest.APRIL_FIRST);
    ProcessInstance instance = duties.occurrence("THREAT_SHARING", LocalDate.of(2026, 4, 30), null);
    requests.complete(DemoOrganisation.SECURITY_OFFICER, instance, PeriodicDuties.performed(false));
    List<Task> acknowledgements = requests.tasks(instance);
    assertThat(acknowledgements).extracting(Task::getAssignee).contains(DemoOrganisation.DEVELOPMENT_HEAD, DemoOrganisation.HR_HEAD);
    String itosSeat = committee.seats().get(DemoOrganisation.DEVELOPMENT_HEAD).groupId();
    long mailsBefore = jdbc.queryForObject("select count(*) from mail_outbox where recipient = 'tanaka'", Long.class);

    // when ito loses his committee role (a role change) and sato's account is disabled (he left)
    engine.getIdentityService().deleteMembership(DemoOrganisation.DEVELOPMENT_HEAD, itosSeat);
    deactivation.disable(DemoOrganisation.HR_HEAD, DemoOrganisation.SYSTEM_ADMINISTRATOR, "退職");
    try {
      // and the nightly run comes
      duties.scheduleOn(PeriodicDutyProcessTest.APRIL_FIRST.plusDays(1));

      // then their acknowledgements are closed as no longer members, with who and why, and the security officer told
      assertThat(requests.tasks(instance)).extracting(Task::getAssignee).doesNotContain(DemoOrganisation.DEVELOPMENT_HEAD, DemoOrganisation.HR_HEAD)
          .hasSize(acknowledgements.size() - 2);
      assertThat(audit.forBusinessKey(instance.getBusinessKey())).filteredOn(e -> "LEFT_COMMITTEE"
          .equals(e.outcome())).extracting(AuditEntry::requester).containsExactlyInAnyOrder(DemoOrganisation.DEVELOPMENT_HEAD, DemoOrganisation.HR_HEAD);
      assertThat(audit.forBusinessKey(instance.getBusinessKey())).filteredOn(e -> "LEFT_COMMITTEE"
          .equals(e.outcome())).allSatisfy(e -> assertThat(e.clauses()).isEqualTo("1.3"))
          .anySatisfy(e -> assertThat(e.comment()).contains("アカウントが停止"))
          .anySatisfy(e -> assertThat(e.comment()).contains("委員会の役割を外れた"));
      assertThat(jdbc.queryForObject("select count(*) from mail_outbox where recipient = 'tanaka'", Long.class))
          .isGreaterThanOrEqualTo(mailsBefore + 2);
      assertThat(instance).hasPassed(PeriodicDutyProcess.END_MEMBER_LEFT);

      // when the remaining members acknowledge, the occurrence goes on to its acceptance without them
      for (Task acknowledgement : requests.tasks(instance)) {
        requests.submit(acknowledgement.getAssignee(), acknowledgement, Map.of(PeriodicDutyProcess.ACKNOWLEDGED, true));
      }
      assertThat(instance).isWaitingAt(PeriodicDutyProcess.TASK_ACCEPT);
      assertThat(audit.forBusinessKey(instance.getBusinessKey())).filteredOn(e -> PeriodicDutyProcess.TASK_ACKNOWLEDGE
          .equals(e.step()) && "DONE".equals(e.outcome())).extracting(AuditEntry::actor).doesNotContain(DemoOrganisation.DEVELOPMENT_HEAD, DemoOrganisation.HR_HEAD);
    } finally {
      engine.getIdentityService().createMembership(DemoOrganisation.DEVELOPMENT_HEAD, itosSeat);
      deactivation.enable(DemoOrganisation.HR_HEAD, DemoOrganisation.SYSTEM_ADMINISTRATOR);
    }
  }

  @Test
  void aMemberWhoStaysKeepsTheirAcknowledgement() {
    duties.scheduleOn(PeriodicDutyProcessTest.APRIL_FIRST);
    ProcessInstance instance = duties.occurrence("THREAT_SHARING", LocalDate.of(2026, 4, 30), null);
    requests.complete(DemoOrganisation.SECURITY_OFFICER, instance, PeriodicDuties.performed(false));
    int open = requests.tasks(instance).size();
    duties.scheduleOn(PeriodicDutyProcessTest.APRIL_FIRST.plusDays(1));
    assertThat(requests.tasks(instance)).hasSize(open);
    assertThat(audit.forBusinessKey(instance.getBusinessKey())).extracting(AuditEntry::outcome)
        .doesNotContain("LEFT_COMMITTEE");
  }
}
