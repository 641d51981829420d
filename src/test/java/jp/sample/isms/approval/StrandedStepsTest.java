package jp.sample.isms.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.accounts.AccountDeactivation;
import jp.sample.isms.notification.MailDispatcher;
import jp.sample.isms.organisation.AccountStates;
import jp.sample.isms.support.Requests;
import jp.sample.isms.support.DemoOrganisation;

/**
 * Nothing stranded (1.1, 10.1): when a person can no longer act, the steps they hold go to a defined next person,
 * recorded and mailed; requester steps to their department head, who completes them or hands them on. The nightly
 * strandedStepReview tells the system administrators of any step only disabled people could take.
 */
@IsmsSpringBootTest
class StrandedStepsTest {

  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(3025, "localhost", "smtp"));

  @Autowired
  ProcessEngine engine;
  @Autowired
  AccountDeactivation deactivation;
  @Autowired
  AccountStates accounts;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  MailDispatcher dispatcher;

  Requests requests;

  @BeforeEach
  void setUp() {
    requests = new Requests(engine);
    jdbc.update("update mail_outbox set status = 'SENT' where status in ('PENDING', 'SENDING', 'FAILED')");
  }

  private List<MimeMessage> mailsTo(String user) {
    return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
      try {
        return m.getRecipients(Message.RecipientType.TO)[0].toString().equals(user + "@sample-printing.example");
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  /** The plain text of a mail (the notice template has no HTML part). */
  private static String text(MimeMessage mail) {
    try {
      return mail.getContent().toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aLeaversReturnReportGoesToTheirDepartmentHeadWhoMayHandItOn() throws Exception {
    ProcessInstance instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, "takeOut", Requests.internalLaptopTakeOut());
    requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, Map.of("decision", "APPROVED"));
    assertThat(instance).isWaitingAt("UserTask_ReportReturn").task().isAssignedTo(DemoOrganisation.DESIGN_EMPLOYEE);
    try {
      // when yamamoto leaves before reporting the return
      List<String> moved = deactivation.disable(DemoOrganisation.DESIGN_EMPLOYEE, DemoOrganisation.SYSTEM_ADMINISTRATOR, "退職");
      // then her return report is with the head of 開発設計部, recorded and mailed
      Task task = requests.task(instance);
      assertThat(moved).contains(task.getId());
      assertThat(task.getAssignee()).isEqualTo(DemoOrganisation.DEVELOPMENT_HEAD);
      assertThat(requests.candidateGroups(task)).contains("department-head.development");
      assertThat(jdbc.queryForObject("select count(*) from step_handover where task_id = ? and from_user = 'yamamoto' "
          + "and to_user = 'ito'", Integer.class, task.getId())).isEqualTo(1);
      assertThat(jdbc.queryForObject("select comment from audit_record where outcome = 'STEP_HANDED_OVER' and "
          + "business_key = ?", String.class, instance.getBusinessKey())).contains("山本 さくら").contains("伊藤 直樹")
          .contains("退職");
      dispatcher.dispatch();
      MimeMessage mail = mailsTo(DemoOrganisation.DEVELOPMENT_HEAD).stream().filter(m -> {
        try {
          return m.getSubject().contains(instance.getBusinessKey()) && m.getSubject().contains("引き継ぎ");
        } catch (jakarta.mail.MessagingException e) {
          throw new IllegalStateException(e);
        }
      }).findFirst().orElseThrow();
      assertThat(text(mail)).contains("山本 さくら").contains("退職");

      // someone of another department can neither take it nor be given it by themselves
      assertThatThrownBy(() -> requests.as(DemoOrganisation.PRODUCTION_EMPLOYEE, () -> {
        engine.getTaskService().setAssignee(task.getId(), DemoOrganisation.PRODUCTION_EMPLOYEE);
        return null;
      })).isNotNull();
      assertThat(requests.task(instance).getAssignee()).isEqualTo(DemoOrganisation.DEVELOPMENT_HEAD);
      // the head hands it on to watanabe, who reports the return
      requests.as(DemoOrganisation.DEVELOPMENT_HEAD, () -> {
        engine.getTaskService().setAssignee(task.getId(), DemoOrganisation.DESIGN_CHIEF);
        return null;
      });
      requests.submit(DemoOrganisation.DESIGN_CHIEF, requests.task(instance), Map.of("returnedOn", TODAY.toString(),
          "returnNote", "退職時に回収"));
      assertThat(instance).isEnded().hasPassed("EndEvent_TakeOutReturned");
    } finally {
      deactivation.enable(DemoOrganisation.DESIGN_EMPLOYEE, DemoOrganisation.SYSTEM_ADMINISTRATOR);
    }
  }

  @Test
  void aLeaversSentBackRequestGoesToTheirDepartmentHead() {
    ProcessInstance instance = requests.file(DemoOrganisation.PRODUCTION_EMPLOYEE, "takeOut", Requests.internalLaptopTakeOut(DemoOrganisation.PRODUCTION_EMPLOYEE));
    requests.complete(DemoOrganisation.MANUFACTURING_HEAD, instance, Map.of("decision", "SENT_BACK", "decisionComment", "期間は?"));
    try {
      deactivation.disable(DemoOrganisation.PRODUCTION_EMPLOYEE, DemoOrganisation.SYSTEM_ADMINISTRATOR, "退職");
      assertThat(requests.task(instance).getAssignee()).isEqualTo(DemoOrganisation.MANUFACTURING_HEAD);
      requests.submit(DemoOrganisation.MANUFACTURING_HEAD, requests.task(instance), Map.of("resubmission", "WITHDRAW"));
      assertThat(instance).isEnded();
    } finally {
      deactivation.enable(DemoOrganisation.PRODUCTION_EMPLOYEE, DemoOrganisation.SYSTEM_ADMINISTRATOR);
    }
  }

  @Test
  void theNightlyCheckReportsAStepOnlyDisabledPeopleCouldTakeToTheSystemAdministrator() throws Exception {
    ProcessInstance instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, "takeOut", Requests.internalLaptopTakeOut());
    // ito's account is disabled around the product (the hand-over did not run): his step has no one left
    accounts.disable(DemoOrganisation.DEVELOPMENT_HEAD, "test", "hand-over skipped");
    Job nightly = engine.getManagementService().createJobQuery().processDefinitionKey("strandedStepReview")
        .timers().singleResult();
    assertThat(nightly).as("the daily timer of strandedStepReview").isNotNull();
    try {
      engine.getManagementService().executeJob(nightly.getId());
      assertThat(jdbc.queryForObject("select comment from audit_record where outcome = 'STRANDED_STEPS_FOUND' "
          + "order by id desc fetch first 1 rows only", String.class)).contains(instance.getBusinessKey());
      dispatcher.dispatch();
      List<MimeMessage> toSuzuki = mailsTo(DemoOrganisation.SYSTEM_ADMINISTRATOR);
      assertThat(toSuzuki).anySatisfy(m -> assertThat(text(m)).contains(instance.getBusinessKey()));
      assertThat(mailsTo(DemoOrganisation.DESIGN_EMPLOYEE)).noneSatisfy(m -> assertThat(m.getSubject()).contains("Stranded"));
    } finally {
      accounts.enable(DemoOrganisation.DEVELOPMENT_HEAD);
    }
    // with ito back, the same check no longer lists it
    engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
        .processDefinitionKey("strandedStepReview").timers().singleResult().getId());
    String latest = jdbc.queryForObject("select coalesce(comment, '') from audit_record where step = "
        + "'StrandedStepReview' order by id desc fetch first 1 rows only", String.class);
    assertThat(latest).doesNotContain(instance.getBusinessKey());
  }
}
