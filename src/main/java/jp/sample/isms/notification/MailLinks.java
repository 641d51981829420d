package jp.sample.isms.notification;

import java.net.URI;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The addresses mails link to: a task in Tasklist, the Welcome app (the profile, where the password is changed) and
 * 申請一覧. Taken from {@code isms.tasklist.base-url} when it is set (an installation: the address users reach, e.g.
 * through the reverse proxy); otherwise from the port this application listens on, so that a first run on another
 * port still links to itself.
 */
@Component
public class MailLinks {

  static final String TASKLIST_PATH = "/camunda/app/tasklist/default/";

  private final String configured;
  private volatile String derived;

  MailLinks(@Value("${isms.tasklist.base-url:}") String configured, @Value("${server.port:8080}") int port) {
    this.configured = configured == null || configured.isBlank() ? null : configured.trim();
    this.derived = local(port == 0 ? 8080 : port);
  }

  /** The port is known once the server listens (a random port in tests, {@code server.port} otherwise). */
  @EventListener
  void listening(WebServerInitializedEvent event) {
    if (event.getApplicationContext().getServerNamespace() == null) {
      derived = local(event.getWebServer().getPort());
    }
  }

  /** Tasklist, e.g. {@code http://localhost:8080/camunda/app/tasklist/default/}. */
  public String tasklist() {
    return configured != null ? configured : derived;
  }

  /** One task in Tasklist. */
  public String task(String taskId) {
    return tasklist() + "#/?task=" + taskId;
  }

  /** The Welcome app next to Tasklist, where the profile changes the password. */
  public String welcome() {
    String tasklist = tasklist();
    return tasklist.contains("/app/tasklist/") ? tasklist.replace("/app/tasklist/", "/app/welcome/") + "#/welcome"
        : tasklist;
  }

  /** 申請一覧 of the product, beside the webapps: {@code http://localhost:8080/my/}. */
  public String myRequests() {
    String tasklist = tasklist();
    int webapps = tasklist.indexOf("/camunda/app/");
    return webapps >= 0 ? tasklist.substring(0, webapps) + "/my/" : URI.create(tasklist).resolve("/my/").toString();
  }

  private static String local(int port) {
    return "http://localhost:" + port + TASKLIST_PATH;
  }
}
