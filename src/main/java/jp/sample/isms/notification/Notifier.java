package jp.sample.isms.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends a plain-text mail to a user of the organisation after the current transaction commits (never for a step
 * that is rolled back). With {@code isms.mail.transport=log} (the first run) the mail is written to the log instead.
 */
@Component
public class Notifier {

  private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);

  private final JavaMailSender mailSender;
  private final JdbcTemplate jdbc;
  private final String transport;
  private final String from;

  public Notifier(JavaMailSender mailSender, JdbcTemplate jdbc, @Value("${isms.mail.transport:log}") String transport,
      @Value("${isms.mail.from}") String from) {
    this.mailSender = mailSender;
    this.jdbc = jdbc;
    this.transport = transport;
    this.from = from;
  }

  public void send(String userId, String subject, String body) {
    String address = jdbc.queryForList("select EMAIL_ from ACT_ID_USER where ID_ = ?", String.class, userId)
        .stream().findFirst().orElse(null);
    if (address == null || address.isBlank()) {
      LOG.warn("no mail address for user {}: '{}' not sent", userId, subject);
      return;
    }
    Runnable send = () -> deliver(address, subject, body);
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          send.run();
        }
      });
    } else {
      send.run();
    }
  }

  private void deliver(String address, String subject, String body) {
    if ("log".equalsIgnoreCase(transport)) {
      LOG.info("mail to {}: {}\n{}", address, subject, body);
      return;
    }
    SimpleMailMessage message = new SimpleMailMessage();
    message.setFrom(from);
    message.setTo(address);
    message.setSubject(subject);
    message.setText(body);
    try {
      mailSender.send(message);
    } catch (MailException e) {
      // the business step has committed; a lost reminder must not undo it (the outbox of issue 7 will retry)
      LOG.error("mail to {} failed: {}", address, subject, e);
    }
  }
}
