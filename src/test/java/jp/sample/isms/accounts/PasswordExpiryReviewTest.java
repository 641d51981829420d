package jp.sample.isms.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;
import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.notification.MailDispatcher;
import jp.sample.isms.organisation.AccountStates;
import jp.sample.isms.support.DemoOrganisation;

/**
 * 5.1.8: the nightly flow passwordExpiryReview warns by mail, once per password, every user whose password expires
 * within {@code isms.password.expiry-warning} (P14D of P90D here), and nobody else. The age is set in the database
 * (no sleeping, no clock to move).
 */
@IsmsSpringBootTest
class PasswordExpiryReviewTest {

  @LocalServerPort
  int port;

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(3025, "localhost", "smtp"));

  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm")
      .withZone(ZoneId.of("Asia/Tokyo"));

  @Autowired
  ProcessEngine engine;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  MailDispatcher dispatcher;
  @Autowired
  AccountStates accounts;

  @BeforeEach
  void setUp() {
    // what other test classes queued is not this test's business
    jdbc.update("update mail_outbox set status = 'SENT' where status in ('PENDING', 'SENDING', 'FAILED')");
  }

  @AfterEach
  void freshPasswords() {
    for (String user : List.of(DemoOrganisation.DESIGN_CHIEF, DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, DemoOrganisation.MANUFACTURING_HEAD)) {
      accounts.passwordSetBySystem(user);
    }
  }

  /** Sets when the user's password was set, {@code daysAgo} days before now; returns that instant. */
  private Instant passwordSet(String user, int daysAgo) {
    accounts.passwordSetBySystem(user);
    Instant changedAt = Instant.now().minus(daysAgo, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    jdbc.update("update account_state set password_changed_at = ? where user_id = ?", Timestamp.from(changedAt), user);
    return changedAt;
  }

  /** Fires the nightly timer as the job executor would, and returns what the run noted as warned. */
  private String runNightlyReview() {
    Job nightly = engine.getManagementService().createJobQuery().processDefinitionKey("passwordExpiryReview")
        .timers().singleResult();
    assertThat(nightly).as("the daily timer of passwordExpiryReview").isNotNull();
    List<String> before = runs();
    engine.getManagementService().executeJob(nightly.getId());
    List<String> now = runs();
    now.removeAll(before);
    assertThat(now).as("one new run").hasSize(1);
    HistoricVariableInstance warned = engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(now.get(0)).variableName("warnedAccounts").singleResult();
    return (String) warned.getValue();
  }

  private List<String> runs() {
    return new java.util.ArrayList<>(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey("passwordExpiryReview").finished().list().stream()
        .map(org.camunda.bpm.engine.history.HistoricProcessInstance::getId).toList());
  }

  private List<MimeMessage> mailsTo(String user) {
    return Arrays.stream(smtp.getReceivedMessages()).filter(m -> to(m).equals(user + "@sample-printing.example"))
        .toList();
  }

  @Test
  void aUserInsideTheWarningPeriodIsMailedOnceWithTheExpiryDateAndNobodyElse() throws Exception {
    Instant watanabeSet = passwordSet(DemoOrganisation.DESIGN_CHIEF, 80); // expires in 10 days: inside the 14-day warning period
    passwordSet(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, 30); // expires in 60 days: not yet
    passwordSet(DemoOrganisation.MANUFACTURING_HEAD, 75); // expires in 15 days: one day before the warning period

    assertThat(runNightlyReview()).contains(DemoOrganisation.DESIGN_CHIEF).doesNotContain(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE).doesNotContain(DemoOrganisation.MANUFACTURING_HEAD);
    // the next night (or a retried job) warns nobody again
    assertThat(runNightlyReview()).doesNotContain(DemoOrganisation.DESIGN_CHIEF);
    dispatcher.dispatch();
    dispatcher.dispatch();

    List<MimeMessage> toWatanabe = mailsTo(DemoOrganisation.DESIGN_CHIEF);
    assertThat(toWatanabe).hasSize(1);
    assertThat(mailsTo(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE)).isEmpty();
    assertThat(mailsTo(DemoOrganisation.MANUFACTURING_HEAD)).isEmpty();

    String expiry = SHOWN.format(watanabeSet.plus(90, ChronoUnit.DAYS));
    MimeMessage mail = toWatanabe.get(0);
    assertThat(mail.getSubject()).isEqualTo("【パスワード有効期限】パスワードの有効期限は " + expiry + " です。変更してください");
    String text = (String) mail.getContent(); // plain text only: the template has no HTML part
    assertThat(text).contains("渡辺 翔 様").contains("ユーザー watanabe のパスワード").contains("有効期限: " + expiry)
        .contains("最終変更: " + SHOWN.format(watanabeSet))
        .contains("Welcome → プロフィール → パスワードを変更")
        .contains("http://localhost:" + port + "/camunda/app/welcome/default/#/welcome")
        .doesNotContain("すでに過ぎて");

    assertThat(jdbc.queryForObject("select count(*) from mail_outbox where dedup_key = ?", Integer.class,
        "password-expiry:watanabe:" + watanabeSet.getEpochSecond())).isEqualTo(1);
    assertThat(jdbc.queryForObject("select count(*) from audit_record where outcome = 'PASSWORD_EXPIRY_WARNED' "
        + "and requester = 'watanabe' and comment like ?", Integer.class, "%有効期限 " + expiry + "%")).isEqualTo(1);
    assertThat(jdbc.queryForObject("select password_expiry_warned_at from account_state where user_id = 'watanabe'",
        Timestamp.class)).isNotNull();
  }

  @Test
  void aNewPasswordIsWarnedOfAgainWhenItsTurnComes() {
    Instant first = passwordSet(DemoOrganisation.DESIGN_CHIEF, 85);
    runNightlyReview();
    // the user changes the password, and it in turn grows old
    Instant second = passwordSet(DemoOrganisation.DESIGN_CHIEF, 79);
    assertThat(jdbc.queryForObject("select password_expiry_warned_at from account_state where user_id = 'watanabe'",
        Timestamp.class)).as("a new password is not warned of yet").isNull();
    runNightlyReview();
    runNightlyReview();
    dispatcher.dispatch();

    assertThat(jdbc.queryForList("select dedup_key from mail_outbox where dedup_key like 'password-expiry:watanabe:%' "
        + "and created_at > ?", String.class, Timestamp.from(Instant.now().minus(1, ChronoUnit.HOURS))))
        .containsExactlyInAnyOrder("password-expiry:watanabe:" + first.getEpochSecond(),
            "password-expiry:watanabe:" + second.getEpochSecond());
    assertThat(mailsTo(DemoOrganisation.DESIGN_CHIEF)).hasSize(2);
  }

  @Test
  void aPasswordThatExpiredUnwarnedGetsTheMailSayingSo() throws Exception {
    jdbc.update("update org_person set locale = 'en' where user_id = 'kato'");
    try {
      Instant set = passwordSet(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, 95);
      assertThat(runNightlyReview()).contains(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE);
      dispatcher.dispatch();
      MimeMessage mail = mailsTo(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE).get(0);
      String expiry = SHOWN.format(set.plus(90, ChronoUnit.DAYS));
      assertThat(mail.getSubject()).isEqualTo("[Password expiry] Your password is valid until " + expiry
          + ": please change it");
      assertThat((String) mail.getContent()).contains("Dear 大輔 加藤").contains("Expires: " + expiry)
          .contains("It has already expired").contains("Welcome → Profile → Change password");
    } finally {
      jdbc.update("update org_person set locale = 'ja' where user_id = 'kato'");
    }
  }

  @Test
  void aDisabledAccountIsNotWarned() {
    passwordSet(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, 80);
    jdbc.update("update account_state set disabled = true where user_id = 'kato'");
    try {
      assertThat(runNightlyReview()).doesNotContain(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE);
      dispatcher.dispatch();
      assertThat(mailsTo(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE)).isEmpty();
    } finally {
      jdbc.update("update account_state set disabled = false where user_id = 'kato'");
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
