package jp.sample.isms.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;
import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.approval.TaskDeadlines;
import jp.sample.isms.notification.MailDispatcher;
import jp.sample.isms.support.DemoOrganisation;

/**
 * The mails of an incident through a real SMTP server in-process (GreenMail): a level-3 report reaches the president
 * and the incident officer at once, each with the direct link to their acknowledgement; an unacknowledged report is
 * sent again and up the contact chain; a supervisory filing is reminded before its deadline and escalated after it.
 */
@IsmsSpringBootTest
class IncidentMailTest {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(3025, "localhost", "smtp"));

  @Autowired
  ProcessEngine engine;
  @Autowired
  MailDispatcher dispatcher;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  TaskDeadlines deadlines;

  IncidentDriver incidents;

  @BeforeEach
  void setUp() {
    incidents = new IncidentDriver(engine, jdbc);
    // what other test classes queued is not this test's business
    jdbc.update("update mail_outbox set status = 'SENT' where status in ('PENDING', 'SENDING', 'FAILED')");
  }

  @Test
  void aLevelThreeReportReachesThePresidentAndTheIncidentOfficerAtOnceWithTheirLinks() throws Exception {
    // when kobayashi reports the lost USB stick with customer data
    ProcessInstance instance = incidents.report(DemoOrganisation.PRODUCTION_EMPLOYEE, IncidentDriver.lostUsbStickWithCustomerData());

    // then, at the very next dispatch, tanaka and takahashi each have a mail leading to their acknowledgement
    assertThat(dispatcher.dispatch()).isEqualTo(2);
    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(Arrays.stream(received).map(IncidentMailTest::to))
        .containsExactlyInAnyOrder("tanaka@sample-printing.example", "takahashi@sample-printing.example");
    for (Task task : incidents.tasks(instance, IncidentProcess.TASK_ACKNOWLEDGE)) {
      String holder = incidents.holder(task);
      MimeMessage mail = Arrays.stream(received).filter(m -> to(m).startsWith(holder + "@")).findFirst().orElseThrow();
      assertThat(mail.getSubject()).isEqualTo("【承認依頼】" + instance.getBusinessKey()
          + " 情報セキュリティインシデント報告: インシデントの報告を受領する");
      assertThat(text(mail)).contains("申請者: 小林 優").contains("/camunda/app/tasklist/default/#/?task=" + task.getId())
          .contains("手続き: 情報セキュリティインシデント報告");
    }
    // the reporter is not mailed her own report's steps
    assertThat(Arrays.stream(received).map(IncidentMailTest::to)).doesNotContain("kobayashi@sample-printing.example");
  }

  @Test
  void anUnacknowledgedReportIsMailedAgainAndUpTheChainInTheRecipientsLanguage() throws Exception {
    ProcessInstance instance = incidents.report(DemoOrganisation.PRODUCTION_EMPLOYEE, IncidentDriver.report("LEAK"));
    dispatcher.dispatch();
    int before = smtp.getReceivedMessages().length;
    incidents.requests().fireTimer(instance, IncidentProcess.TIMER_ACKNOWLEDGEMENT_OVERDUE);
    dispatcher.dispatch();
    List<MimeMessage> escalations = Arrays.stream(smtp.getReceivedMessages()).skip(before).toList();
    assertThat(escalations.stream().map(IncidentMailTest::to)).containsExactlyInAnyOrder(
        "takahashi@sample-printing.example", "tanaka@sample-printing.example");
    MimeMessage toTanaka = escalations.stream().filter(m -> to(m).startsWith("tanaka@")).findFirst().orElseThrow();
    assertThat(toTanaka.getSubject()).isEqualTo("【インシデント至急】" + instance.getBusinessKey()
        + " 事故レベル 2: インシデント対応責任者の受領確認がありません");
    assertThat(text(toTanaka)).contains("田中 一郎 様").contains("報告者: 小林 優").contains("9.3")
        .contains("/camunda/app/tasklist/default/#/?task=");
  }

  @Test
  void theSupervisoryReportIsRemindedBeforeItsDeadlineAndEscalatedToThePresidentWhenOverdue() throws Exception {
    ProcessInstance instance = incidents.report(DemoOrganisation.PRODUCTION_EMPLOYEE, IncidentDriver.lostUsbStickWithCustomerData());
    incidents.acknowledgeAll(instance);
    incidents.confirmLevel(instance);
    Task preliminary = incidents.tasks(instance, IncidentProcess.TASK_CARRY_OUT_STEP).stream()
        .filter(t -> "LeakSupervisoryPreliminaryReport".equals(incidents.variable(t, IncidentProcess.PROCEDURE_STEP)))
        .findFirst().orElseThrow();
    // other steps of the shared database must not be due now
    jdbc.update("update ACT_RU_TASK set DUE_DATE_ = ? where ID_ <> ?", Date.from(Instant.now().plus(30, ChronoUnit.DAYS)),
        preliminary.getId());
    long mark = jdbc.queryForObject("select coalesce(max(id), 0) from mail_outbox", Long.class);

    // when the preliminary report is due in two hours, then takahashi is reminded
    engine.getTaskService().setDueDate(preliminary.getId(), Date.from(Instant.now().plus(2, ChronoUnit.HOURS)));
    deadlines.check();
    // when it is overdue, then the president is told
    engine.getTaskService().setDueDate(preliminary.getId(), Date.from(Instant.now().minus(1, ChronoUnit.HOURS)));
    deadlines.check();
    assertThat(jdbc.queryForList("select recipient || ':' || subject from mail_outbox where id > ? and (dedup_key like"
        + " 'reminder:%' or dedup_key like 'escalation:%') order by id", String.class, mark)).containsExactly(
        "takahashi:【期限間近】" + instance.getBusinessKey() + " 情報セキュリティインシデント報告: 対応手順を実施する",
        "tanaka:【期限超過】" + instance.getBusinessKey() + " 情報セキュリティインシデント報告: 対応手順を実施する");
    engine.getTaskService().setDueDate(preliminary.getId(), Date.from(Instant.now().plus(5, ChronoUnit.DAYS)));
  }

  private static String to(MimeMessage message) {
    try {
      return message.getAllRecipients()[0].toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String text(jakarta.mail.Part part) throws Exception {
    if (part.isMimeType("text/plain")) {
      return (String) part.getContent();
    }
    if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        String found = text(multipart.getBodyPart(i));
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }
}
