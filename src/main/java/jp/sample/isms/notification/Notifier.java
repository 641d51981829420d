package jp.sample.isms.notification;

import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * A notice to a user of the organisation (reminders, escalations, instructions), queued in the mail outbox in the
 * caller's transaction and sent after it commits. Each kind of notice is a template of its own, Japanese and English
 * ({@code mail/{kind}_ja.subject|body}, {@code mail/{kind}_en.subject|body}), written in the recipient's language in
 * the frame every notice shares; the caller gives only the values.
 */
@Component
public class Notifier {

  private final MailOutbox outbox;

  public Notifier(MailOutbox outbox) {
    this.outbox = outbox;
  }

  /** The values of a notice from name-value pairs; a value may be null (its template line or placeholder stays empty). */
  public static Map<String, Object> values(Object... namesAndValues) {
    Map<String, Object> values = new java.util.HashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      values.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return values;
  }

  /** Queues notice {@code kind} to {@code userId} with the template's values. */
  public void send(String userId, String kind, Map<String, ?> values) {
    outbox.enqueue("notice:" + kind + ":" + UUID.randomUUID(), userId, kind, values);
  }
}
