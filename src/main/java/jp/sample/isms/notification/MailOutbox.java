package jp.sample.isms.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.stereotype.Component;

import jp.sample.isms.engine.CommandScopedCache;
import jp.sample.isms.engine.EngineInternals;

/**
 * Mail to be sent, written in the caller's transaction (the engine's): it exists exactly when the step that caused
 * it committed. One event is one row: the de-duplication key (e.g. {@code task-assigned:<taskId>:<user>}) keeps a
 * repeated event from mailing twice. {@link MailDispatcher} sends it.
 *
 * <p>Inside an engine command each recipient's address, name and language is read once ({@link CommandScopedCache}):
 * a step often mails the same person twice (the decision and the next step). A user the command saved through the
 * engine (a new user, a changed address or name) is read again.
 */
@Component
public class MailOutbox {

  private static final Logger LOG = LoggerFactory.getLogger(MailOutbox.class);

  private final JdbcTemplate jdbc;
  private final MailTemplates templates;
  private final Clock clock;

  private final TransactionTemplate savepoint;
  private final jp.sample.isms.DatabaseVendor database;
  private final MailLinks links;
  /** The recipients the running command has read, by user id; empty: no such user. */
  private final CommandScopedCache<String, Optional<Map<String, Object>>> recipients =
      new CommandScopedCache<>("mail recipients");

  MailOutbox(JdbcTemplate jdbc, MailTemplates templates, PlatformTransactionManager transactionManager,
      jp.sample.isms.DatabaseVendor database, MailLinks links, Clock clock) {
    this.clock = clock;
    this.jdbc = jdbc;
    this.links = links;
    this.database = database;
    this.templates = templates;
    this.savepoint = new TransactionTemplate(transactionManager);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  /**
   * Renders template {@code name} in the recipient's language and queues it.
   *
   * @return whether a row was written (false: no address, or the event was queued before)
   */
  public boolean enqueue(String dedupKey, String userId, String name, Map<String, ?> model) {
    Map<String, Object> row = recipient(userId).orElse(null);
    if (row == null || row.get("email") == null || row.get("email").toString().isBlank()) {
      LOG.warn("no mail address for user {}: {} not queued", userId, dedupKey);
      return false;
    }
    String locale = row.get("locale") == null ? "ja" : row.get("locale").toString();
    Map<String, Object> values = new HashMap<>(model);
    String lastName = (String) row.get("last_name");
    String firstName = (String) row.get("first_name");
    values.putIfAbsent("recipientName", "en".equals(locale)
        ? ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim()
        : ((lastName == null ? "" : lastName) + " " + (firstName == null ? "" : firstName)).trim());
    // every mail ends with the way to the recipient's own requests
    values.putIfAbsent("myRequestsLink", links.myRequests());
    MailTemplates.Rendered mail = templates.render(name, locale, values);
    Timestamp now = Timestamp.from(Instant.now(clock));
    if (database.isPostgres()) {
      // one statement: the same event queued concurrently by another transaction waits for it and is then skipped
      return jdbc.update("""
          insert into mail_outbox (dedup_key, recipient, address, subject, body_text, body_html, status, attempts,
            created_at, next_attempt_at)
          values (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?) on conflict (dedup_key) do nothing
          """, dedupKey, userId, row.get("email"), truncate(mail.subject(), 500), mail.text(), mail.html(), now, now)
          == 1;
    }
    // elsewhere in a savepoint: the same event queued concurrently by another transaction must not fail this one
    try {
      return Boolean.TRUE.equals(savepoint.execute(status -> insert(dedupKey, userId, row, mail, now)));
    } catch (DuplicateKeyException e) {
      return false;
    }
  }

  /** The recipient's mail address, name and language: {@code email}, {@code last_name}, {@code first_name}, {@code locale}. */
  private Optional<Map<String, Object>> recipient(String userId) {
    if (userId == null) {
      return Optional.empty();
    }
    if (EngineInternals.userChangedInThisCommand(userId)) {
      recipients.forget(userId);
      return readRecipient(userId);
    }
    return recipients.get(userId, this::readRecipient);
  }

  private Optional<Map<String, Object>> readRecipient(String userId) {
    List<Map<String, Object>> rows = jdbc.queryForList("""
        select u.EMAIL_ as email, u.LAST_ as last_name, u.FIRST_ as first_name, p.locale as locale
          from ACT_ID_USER u left join org_person p on p.user_id = u.ID_ where u.ID_ = ?
        """, userId);
    // kept as read: the driver's column names, looked up without regard to case
    return rows.stream().findFirst().map(java.util.Collections::unmodifiableMap);
  }

  private boolean insert(String dedupKey, String userId, Map<String, Object> row, MailTemplates.Rendered mail,
      Timestamp now) {
    int inserted = jdbc.update("""
        insert into mail_outbox (dedup_key, recipient, address, subject, body_text, body_html, status, attempts,
          created_at, next_attempt_at)
        select ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ? from (values (1)) as one (x)
         where not exists (select 1 from mail_outbox where dedup_key = ?)
        """, dedupKey, userId, row.get("email"), truncate(mail.subject(), 500), mail.text(), mail.html(), now, now,
        dedupKey);
    return inserted == 1;
  }

  private static String truncate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }
}
