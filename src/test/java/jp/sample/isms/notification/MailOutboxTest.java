package jp.sample.isms.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;
import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.support.Requests;
import jp.sample.isms.support.DemoOrganisation;

/** Mail through a real SMTP server in-process (GreenMail): content, recipients, exactly once, outage then delivery. */
@IsmsSpringBootTest
class MailOutboxTest {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(3025, "localhost", "smtp"));

  @Autowired
  ProcessEngine engine;
  @Autowired
  MailDispatcher dispatcher;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  PlatformTransactionManager transactionManager;
  @Autowired
  JavaMailSender mailSender;
  @Value("${isms.mail.from}")
  String from;
  @LocalServerPort
  int port;

  Requests requests;

  @BeforeEach
  void setUp() {
    requests = new Requests(engine);
    // what other test classes queued is not this test's business
    jdbc.update("update mail_outbox set status = 'SENT' where status in ('PENDING', 'SENDING', 'FAILED')");
  }

  @Test
  void aNewStepMailsItsApproverWithALinkAndTheDecisionMailsTheRequester() throws Exception {
    ProcessInstance instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, "takeOut", Requests.internalLaptopTakeOut());
    String taskId = requests.task(instance).getId();

    assertThat(dispatcher.dispatch()).isEqualTo(1);
    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(1);
    MimeMessage toIto = received[0];
    assertThat(toIto.getAllRecipients()[0].toString()).isEqualTo("ito@sample-printing.example");
    assertThat(toIto.getSubject()).isEqualTo("【承認依頼】" + instance.getBusinessKey()
        + " 情報資産の社外持ち出し申請: 持ち出しを承認する");
    assertThat(part(toIto, "text/plain")).contains("伊藤 直樹 様").contains("申請者: 山本 さくら")
        .contains("/camunda/app/tasklist/default/#/?task=" + taskId);
    assertThat(part(toIto, "text/html")).contains("<th align=\"left\">申請者</th><td>山本 さくら</td>")
        .contains("href=\"http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + taskId + "\"");
    // every mail leads to the recipient's 申請一覧, on the port the application listens on
    assertThat(part(toIto, "text/plain")).contains("申請一覧 (自分の申請と判断した申請): http://localhost:" + port + "/my/");
    assertThat(part(toIto, "text/html")).contains("href=\"http://localhost:" + port + "/my/\"");

    requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, Map.of("decision", "SENT_BACK", "decisionComment", "返却日を確認してください"));
    assertThat(dispatcher.dispatch()).isEqualTo(2); // the decision to yamamoto, her correction step to her
    List<String> subjects = Arrays.stream(smtp.getReceivedMessages()).skip(1).map(MailOutboxTest::subject).toList();
    assertThat(subjects).contains("【差し戻し】" + instance.getBusinessKey() + " 情報資産の社外持ち出し申請");
    assertThat(Arrays.stream(smtp.getReceivedMessages()).skip(1).map(MailOutboxTest::to))
        .containsOnly("yamamoto@sample-printing.example");
  }

  @Test
  void theRequesterIsNotMailedTheirOwnApprovalStep() {
    engine.getIdentityService().createMembership(DemoOrganisation.HR_HEAD, "department-head.development");
    try {
      requests.file(DemoOrganisation.DEVELOPMENT_HEAD, "takeOut", Requests.internalLaptopTakeOut());
      dispatcher.dispatch();
      assertThat(Arrays.stream(smtp.getReceivedMessages()).map(MailOutboxTest::to))
          .containsExactly("sato@sample-printing.example");
    } finally {
      engine.getIdentityService().deleteMembership(DemoOrganisation.HR_HEAD, "department-head.development");
    }
  }

  @Test
  void englishForUsersWhoChoseEnglish() throws Exception {
    jdbc.update("update org_person set locale = 'en' where user_id = 'ito'");
    try {
      ProcessInstance instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, "takeOut", Requests.internalLaptopTakeOut());
      dispatcher.dispatch();
      assertThat(subject(smtp.getReceivedMessages()[0])).isEqualTo("[Approval request] " + instance.getBusinessKey()
          + " 情報資産の社外持ち出し申請: 持ち出しを承認する");
      assertThat(part(smtp.getReceivedMessages()[0], "text/plain")).contains("Dear 直樹 伊藤");
    } finally {
      jdbc.update("update org_person set locale = 'ja' where user_id = 'ito'");
    }
  }

  @Test
  void aNoticeIsWrittenInTheRecipientsLanguageOnly() throws Exception {
    // the return reminder of an approved take-out, once to the requester in Japanese, once in English
    for (String locale : List.of("ja", "en")) {
      jdbc.update("update org_person set locale = ? where user_id = 'yamamoto'", locale);
      try {
        ProcessInstance instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, "takeOut", Requests.internalLaptopTakeOut());
        requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, Map.of("decision", "APPROVED"));
        dispatcher.dispatch();
        smtp.reset();
        engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
            .processInstanceId(instance.getId()).timers().singleResult().getId());
        dispatcher.dispatch();
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        MimeMessage mail = smtp.getReceivedMessages()[0];
        String text = part(mail, "text/plain");
        if (locale.equals("ja")) {
          assertThat(subject(mail)).isEqualTo("【返却督促】" + instance.getBusinessKey()
              + " 持ち出した情報資産の返却報告がありません");
          assertThat(text).startsWith("山本 さくら 様").contains("返却予定日 (", "申請番号: " + instance.getBusinessKey(),
              "「返却を報告する」タスク", "申請一覧").doesNotContain("Dear", "Request number", "My requests");
        } else {
          assertThat(subject(mail)).isEqualTo("[Return overdue] " + instance.getBusinessKey()
              + " The return of the information assets you took out has not been reported");
          assertThat(text).startsWith("Dear さくら 山本").contains("The planned return date (",
              "Request number: " + instance.getBusinessKey(), "\"Report the return\"", "My requests")
              .doesNotContain(" 様", "返却予定日", "申請番号", "申請一覧", "情報管理規程");
        }
      } finally {
        jdbc.update("update org_person set locale = 'ja' where user_id = 'yamamoto'");
      }
    }
  }

  @Test
  void aRolledBackStepSendsNothingAndTheRetriedJobMailsOnce() {
    // given an approved take-out whose return reminder timer is due
    ProcessInstance instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, "takeOut", Requests.internalLaptopTakeOut());
    requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, Map.of("decision", "APPROVED"));
    dispatcher.dispatch();
    smtp.reset();
    Job reminder = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers()
        .singleResult();

    // when the job runs but its transaction fails (the job executor then retries it)
    new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
      engine.getManagementService().executeJob(reminder.getId());
      status.setRollbackOnly();
    });
    assertThat(dispatcher.dispatch()).isZero();
    // and the retry succeeds
    engine.getManagementService().executeJob(reminder.getId());
    dispatcher.dispatch();
    dispatcher.dispatch();

    // then the requester got the reminder exactly once
    assertThat(smtp.getReceivedMessages()).hasSize(1);
    assertThat(subject(smtp.getReceivedMessages()[0])).startsWith("【返却督促】" + instance.getBusinessKey());
  }

  @Test
  void twoDispatchersSendEachMailOnce() throws Exception {
    for (int i = 0; i < 5; i++) {
      requests.file(DemoOrganisation.DESIGN_EMPLOYEE, "takeOut", Requests.internalLaptopTakeOut());
    }
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    try {
      MailDispatcher otherNode = new MailDispatcher(jdbc, mailSender, "smtp", from, 8, false);
      List<Future<Integer>> sent = nodes.invokeAll(List.<Callable<Integer>>of(dispatcher::dispatch, otherNode::dispatch));
      int total = sent.get(0).get() + sent.get(1).get();
      assertThat(total).isEqualTo(5);
      assertThat(smtp.getReceivedMessages()).hasSize(5);
      System.out.printf("two dispatchers: %d and %d mails, %d received%n", sent.get(0).get(), sent.get(1).get(),
          smtp.getReceivedMessages().length);
    } finally {
      nodes.shutdownNow();
    }
  }

  @Test
  void anSmtpOutageLosesNothingAndTheMailGoesOutAfterwards() {
    smtp.stop();
    ProcessInstance instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, "takeOut", Requests.internalLaptopTakeOut());
    // the business step committed although the mail could not be sent
    assertThat(requests.task(instance)).isNotNull();
    assertThat(dispatcher.dispatch()).isZero();
    Map<String, Object> row = jdbc.queryForMap(
        "select status, attempts, last_error from mail_outbox where dedup_key like ?", "task-assigned:%:ito%"
            .replace("%:ito%", requests.task(instance).getId() + ":ito"));
    assertThat(row.get("status")).isEqualTo("PENDING");
    assertThat(((Number) row.get("attempts")).intValue()).isEqualTo(1);
    assertThat(row.get("last_error")).isNotNull();

    smtp.start();
    jdbc.update("update mail_outbox set next_attempt_at = CURRENT_TIMESTAMP where status = 'PENDING'");
    assertThat(dispatcher.dispatch()).isEqualTo(1);
    assertThat(smtp.getReceivedMessages()).hasSize(1);
    assertThat(to(smtp.getReceivedMessages()[0])).isEqualTo("ito@sample-printing.example");
  }

  @Test
  void aMailDeliveredJustBeforeTheDatabaseWentAwayIsMarkedSentLaterAndNotSentAgain() {
    ProcessInstance instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, "takeOut", Requests.internalLaptopTakeOut());
    AtomicBoolean databaseAway = new AtomicBoolean(true);
    MailDispatcher node = new MailDispatcher(failing(databaseAway, "status = 'SENT'", false), mailSender, "smtp", from,
        8, false);

    assertThatThrownBy(node::dispatch).isInstanceOf(DataAccessResourceFailureException.class);
    assertThat(smtp.getReceivedMessages()).hasSize(1);
    assertThat(outboxStatus(instance)).isEqualTo("SENDING");
    assertThat(node.dispatch()).as("still away: nothing sent, the doubt stays").isZero();
    assertThat(outboxStatus(instance)).isEqualTo("SENDING");

    databaseAway.set(false);
    assertThat(node.dispatch()).isZero();
    assertThat(outboxStatus(instance)).isEqualTo("SENT");
    assertThat(smtp.getReceivedMessages()).as("delivered once, not again").hasSize(1);
  }

  @Test
  void aClaimWhoseReplyWasLostIsReleasedOnTheNextRunNotAfterTheClaimGoesStale() {
    ProcessInstance instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, "takeOut", Requests.internalLaptopTakeOut());
    AtomicBoolean databaseAway = new AtomicBoolean(true);
    // the claim reaches the database, its reply does not
    MailDispatcher node = new MailDispatcher(failing(databaseAway, "status = 'SENDING', claimed_at", true), mailSender,
        "smtp", from, 8, false);

    assertThatThrownBy(node::dispatch).isInstanceOf(DataAccessResourceFailureException.class);
    assertThat(outboxStatus(instance)).isEqualTo("SENDING");
    assertThat(smtp.getReceivedMessages()).isEmpty();

    databaseAway.set(false);
    assertThat(node.dispatch()).isEqualTo(1);
    assertThat(outboxStatus(instance)).isEqualTo("SENT");
    assertThat(smtp.getReceivedMessages()).hasSize(1);
    assertThat(to(smtp.getReceivedMessages()[0])).isEqualTo("ito@sample-printing.example");
  }

  private String outboxStatus(ProcessInstance instance) {
    return jdbc.queryForObject("select status from mail_outbox where dedup_key = ?", String.class,
        "task-assigned:" + requests.task(instance).getId() + ":ito");
  }

  /**
   * The database as a dispatcher sees it when the server goes away: while {@code away}, the update whose text contains
   * {@code statement} fails (after reaching the database when {@code written}), and so does every later statement.
   */
  private JdbcTemplate failing(AtomicBoolean away, String statement, boolean written) {
    return new JdbcTemplate(jdbc.getDataSource()) {
      private boolean gone;

      @Override
      public int update(String sql, Object... args) {
        if (away.get() && (gone || sql.contains(statement))) {
          if (!gone && written) {
            super.update(sql, args);
          }
          gone = true;
          throw new DataAccessResourceFailureException("the database server went away");
        }
        gone = gone && away.get();
        return super.update(sql, args);
      }
    };
  }

  /** The decoded text of the first part of this type (the mails are multipart: plain text and HTML). */
  private static String part(jakarta.mail.Part part, String type) throws Exception {
    if (part.isMimeType(type)) {
      return (String) part.getContent();
    }
    if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        String found = part(multipart.getBodyPart(i), type);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String to(MimeMessage message) {
    try {
      return message.getAllRecipients()[0].toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
