package jp.sample.isms.notification;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** The mails of every request: a new step to its candidates, the decision to the requester. */
@Component
public class RequestMail {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm");

  /** What a mail says of its request: the number, the flow and the requester, as the kernel recorded them. */
  public record Request(String businessKey, String flowName, String requesterName) {
  }

  private final MailOutbox outbox;
  private final MailLinks links;
  private final ZoneId zone;

  RequestMail(MailOutbox outbox, MailLinks links, ZoneId zone) {
    this.zone = zone;
    this.outbox = outbox;
    this.links = links;
  }

  /** A new step: each recipient gets a mail with a direct link to the task. */
  public void taskCreated(DelegateTask task, Request request, Collection<String> recipients) {
    Map<String, Object> model = common(task, request);
    model.put("taskLink", links.task(task.getId()));
    model.put("summary", task.getDescription());
    model.put("dueDate", format(task.getDueDate()));
    for (String recipient : recipients) {
      outbox.enqueue("task-assigned:" + task.getId() + ":" + recipient, recipient, "task-assigned", model);
    }
  }

  /** A decision on an approval step, to the requester. */
  public void decided(DelegateTask task, Request request, String requester, String decision, String decisionLabel,
      String comment, String deciderName) {
    Map<String, Object> model = common(task, request);
    model.put("decisionLabel", decisionLabel);
    model.put("decisionLabelEn", switch (decision) {
      case "APPROVED" -> "Approved";
      case "REJECTED" -> "Rejected";
      default -> "Sent back";
    });
    model.put("comment", comment == null ? "" : comment);
    model.put("deciderName", deciderName);
    model.put("tasklistLink", links.tasklist());
    outbox.enqueue("decision:" + task.getId(), requester, "decision", model);
  }

  private static Map<String, Object> common(DelegateTask task, Request request) {
    Map<String, Object> model = new HashMap<>();
    model.put("businessKey", request.businessKey());
    model.put("flowName", request.flowName());
    model.put("requesterName", request.requesterName());
    model.put("taskName", task.getName());
    return model;
  }

  private String format(Date date) {
    return date == null ? "—" : DATE.format(date.toInstant().atZone(zone));
  }
}
