package jp.sample.isms.notification;

import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * A plain notice to a user of the organisation (reminders, escalations, instructions), queued in the mail outbox in
 * the caller's transaction and sent after it commits; written with the {@code notice} template in the recipient's
 * language.
 */
@Component
public class Notifier {

  private final MailOutbox outbox;

  public Notifier(MailOutbox outbox) {
    this.outbox = outbox;
  }

  public void send(String userId, String subject, String body) {
    outbox.enqueue("notice:" + UUID.randomUUID(), userId, "notice", Map.of("subject", subject, "body", body));
  }
}
