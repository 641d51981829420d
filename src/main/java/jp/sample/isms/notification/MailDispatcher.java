package jp.sample.isms.notification;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Drains the mail outbox: claims each due row with a conditional update (so that two application nodes never send
 * the same row), sends it, and marks it SENT; on an SMTP failure it retries with growing back-off and, after
 * {@code isms.mail.max-attempts}, marks it FAILED for the system administrator ({@code GET /api/mail/failed}).
 *
 * <p>The database may go away at any point of this: between the claim and its reply, or between the delivery and the
 * SENT mark. The dispatcher remembers both kinds of doubt and settles them first on its next run, so a mail delivered
 * is marked SENT without being sent again, and a claim whose reply was lost is released at once instead of waiting
 * for the claim to go stale.
 */
@Component
public class MailDispatcher {

  private static final Logger LOG = LoggerFactory.getLogger(MailDispatcher.class);
  /** A claim older than this belongs to a node that died while sending: the row is due again. */
  private static final Duration STALE_CLAIM = Duration.ofMinutes(10);

  private final JdbcTemplate jdbc;
  private final JavaMailSender mailSender;
  private final String transport;
  private final String from;
  private final int maxAttempts;
  private final boolean scheduled;
  /** Rows delivered whose SENT mark did not reach the database. */
  private final Map<Long, Boolean> deliveredUnmarked = new ConcurrentHashMap<>();
  /** Rows whose claim may have been written although its reply was lost: id → the claim's time. */
  private final Map<Long, Timestamp> claimsInDoubt = new ConcurrentHashMap<>();

  MailDispatcher(JdbcTemplate jdbc, JavaMailSender mailSender, @Value("${isms.mail.transport:log}") String transport,
      @Value("${isms.mail.from}") String from, @Value("${isms.mail.max-attempts:8}") int maxAttempts,
      @Value("${isms.mail.dispatcher.enabled:true}") boolean scheduled) {
    this.jdbc = jdbc;
    this.mailSender = mailSender;
    this.transport = transport;
    this.from = from;
    this.maxAttempts = maxAttempts;
    this.scheduled = scheduled;
  }

  @Scheduled(fixedDelayString = "${isms.mail.dispatch-interval:PT10S}")
  void dispatchScheduled() {
    if (scheduled) {
      dispatch();
    }
  }

  /** Sends what is due now; returns the number of mails sent. */
  public int dispatch() {
    settleDoubts();
    Instant now = Instant.now();
    List<Map<String, Object>> due = jdbc.queryForList("""
        select id, attempts from mail_outbox
         where (status = 'PENDING' and next_attempt_at <= ?) or (status = 'SENDING' and claimed_at < ?)
         order by id
        """, Timestamp.from(now), Timestamp.from(now.minus(STALE_CLAIM)));
    int sent = 0;
    for (Map<String, Object> row : due) {
      long id = ((Number) row.get("id")).longValue();
      // read before claiming: a database that goes away between the claim and the read would leave the row claimed
      // (SENDING) until the claim is stale, and the mail late by that much
      Map<String, Object> mail = jdbc.queryForMap("select * from mail_outbox where id = ?", id);
      Timestamp claimedAt = Timestamp.from(now);
      claimsInDoubt.put(id, claimedAt);
      int claimed = jdbc.update("""
          update mail_outbox set status = 'SENDING', claimed_at = ?
           where id = ? and attempts = ? and (status = 'PENDING' or (status = 'SENDING' and claimed_at < ?))
          """, claimedAt, id, ((Number) row.get("attempts")).intValue(), Timestamp.from(now.minus(STALE_CLAIM)));
      claimsInDoubt.remove(id);
      if (claimed == 1 && send(id, mail)) {
        sent++;
      }
    }
    return sent;
  }

  private boolean send(long id, Map<String, Object> mail) {
    try {
      deliver((String) mail.get("address"), (String) mail.get("subject"), (String) mail.get("body_text"),
          (String) mail.get("body_html"));
      deliveredUnmarked.put(id, Boolean.TRUE);
      markSent(id);
      deliveredUnmarked.remove(id);
      return true;
    } catch (MailException | MessagingException e) {
      int attempts = ((Number) mail.get("attempts")).intValue() + 1;
      boolean failed = attempts >= maxAttempts;
      // 1, 2, 4, 8 … minutes, at most an hour
      Duration backOff = Duration.ofMinutes(Math.min(60, 1L << Math.min(attempts - 1, 6)));
      jdbc.update("""
          update mail_outbox set status = ?, attempts = ?, next_attempt_at = ?, last_error = ? where id = ?
          """, failed ? "FAILED" : "PENDING", attempts, Timestamp.from(Instant.now().plus(backOff)),
          truncate(String.valueOf(e.getMessage())), id);
      if (failed) {
        LOG.error("mail {} to {} failed {} times and is given up: {}", id, mail.get("address"), attempts, e.getMessage());
      } else {
        LOG.warn("mail {} to {} failed (attempt {}), retried in {}: {}", id, mail.get("address"), attempts, backOff,
            e.getMessage());
      }
      return false;
    }
  }

  private void markSent(long id) {
    jdbc.update("update mail_outbox set status = 'SENT', sent_at = ?, attempts = attempts + 1 "
        + "where id = ? and status = 'SENDING'", Timestamp.from(Instant.now()), id);
  }

  /**
   * What an earlier run left in doubt because the database went away: delivered rows are marked SENT, claims whose
   * reply was lost are released (only if the row still carries this dispatcher's claim). A database still away
   * leaves the doubts for the next run.
   */
  private void settleDoubts() {
    for (Long id : List.copyOf(deliveredUnmarked.keySet())) {
      try {
        markSent(id);
        deliveredUnmarked.remove(id);
      } catch (DataAccessException e) {
        LOG.warn("mail {} was delivered; its SENT mark waits for the database: {}", id, e.getMessage());
        return;
      }
    }
    for (Map.Entry<Long, Timestamp> claim : List.copyOf(claimsInDoubt.entrySet())) {
      try {
        // another node may claim the row only once this claim is stale, so a claim no later than this one is ours
        jdbc.update("update mail_outbox set status = 'PENDING' where id = ? and status = 'SENDING' and claimed_at <= ?",
            claim.getKey(), Timestamp.from(claim.getValue().toInstant().plusSeconds(1)));
        claimsInDoubt.remove(claim.getKey());
      } catch (DataAccessException e) {
        LOG.warn("mail {}: the release of an unanswered claim waits for the database: {}", claim.getKey(),
            e.getMessage());
        return;
      }
    }
  }

  private void deliver(String address, String subject, String text, String html) throws MessagingException {
    if ("log".equalsIgnoreCase(transport)) {
      LOG.info("mail to {}: {}\n{}", address, subject, text);
      return;
    }
    MimeMessage message = mailSender.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(message, html != null, StandardCharsets.UTF_8.name());
    helper.setFrom(from);
    helper.setTo(address);
    helper.setSubject(subject);
    if (html != null) {
      helper.setText(text, html);
    } else {
      helper.setText(text);
    }
    mailSender.send(message);
  }

  private static String truncate(String text) {
    return text.length() <= 2000 ? text : text.substring(0, 2000);
  }
}
