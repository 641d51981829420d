package jp.sample.isms.system;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jp.sample.isms.organisation.Role;

/**
 * What a user who is not a system administrator ({@code camunda-admin}) may call on the engine's REST API, on both
 * roots: every operation the product's users need (Tasklist, Welcome, the Tasklist plugins, the documented API, the
 * process owners' reading of deployments), each with the reason it is there. Everything else is refused by
 * {@link EngineApiGuard}. Paths are the templates of the engine's OpenAPI document.
 */
final class EngineApiAllowList {

  /** Who an operation is allowed for. */
  enum Audience {
    /** Every authenticated user (every employee of the organisation). */
    EMPLOYEES("全従業員 (every employee)"),
    /** The process owners (情報セキュリティ委員会, 1.4). */
    PROCESS_OWNERS("プロセスオーナー (process owners, group " + Role.PROCESS_OWNER.groupId(null) + ")");

    final String label;

    Audience(String label) {
      this.label = label;
    }
  }

  /** A condition on the call itself, checked besides the audience. */
  enum Condition {
    NONE(""),
    /** The {@code {id}} of {@code /user/{id}/…} is the caller. */
    OWN_USER("own user only"),
    /** The JSON body's {@code userId} is the caller: nobody assigns a task to someone else. */
    CLAIM_FOR_ONESELF("body userId = the caller");

    final String label;

    Condition(String label) {
      this.label = label;
    }
  }

  /** One allowed operation: HTTP method and OpenAPI path template. */
  record Operation(String method, String path, Audience audience, Condition condition, String why) {

    /** The template's segments, e.g. {@code [task, {id}, claim]}. */
    List<String> templateSegments() {
      return List.of(path.substring(1).split("/"));
    }

    long literalSegments() {
      return templateSegments().stream().filter(s -> !s.startsWith("{")).count();
    }

    boolean matches(String requestMethod, List<String> segments) {
      String effective = "HEAD".equals(requestMethod) ? "GET" : requestMethod;
      List<String> template = templateSegments();
      if (!method.equals(effective) || template.size() != segments.size()) {
        return false;
      }
      for (int i = 0; i < template.size(); i++) {
        boolean placeholder = template.get(i).startsWith("{");
        // a process or decision key is only ever followed by literals of its own template, so it may be any name,
        // also one of the API's (the flow {@code incident})
        boolean reserved = RESERVED.contains(segments.get(i)) && !"{key}".equals(template.get(i));
        if (placeholder ? reserved : !template.get(i).equals(segments.get(i))) {
          return false;
        }
      }
      return true;
    }
  }

  /**
   * The literal segments of the REST API's paths: a placeholder of an allowed template never stands for one of them, so
   * that {@code /process-definition/{id}} does not let {@code /process-definition/statistics} through. The endpoint
   * inventory test keeps this set complete for the engine's OpenAPI document.
   */
  static final Set<String> RESERVED = Set.of(
      "activity-instance", "activity-instances", "annotation", "assignee", "attachment", "authorization", "batch",
      "bpmnError", "bpmnEscalation", "candidate-group-count", "case-definition", "case-execution", "case-instance",
      "check", "claim", "cleanable-batch-report", "cleanable-decision-instance-report",
      "cleanable-process-instance-report", "cleanup", "clear-annotation", "comment", "complete", "condition",
      "configuration", "count", "create", "create-incident", "credentials", "data", "decision-definition",
      "decision-instance", "decision-requirements-definition", "delegate", "delete", "delete-historic-query-based",
      "deployed-form", "deployed-start-form", "deployment", "detail", "diagram", "duedate", "engine",
      "error-details", "errorDetails", "evaluate", "event-subscription", "execute", "executeAsync", "execution",
      "extendLock", "external-task", "external-task-log", "failure", "fetchAndLock", "filter", "form",
      "form-variables", "generate", "group", "group-members", "groups", "history", "history-time-to-live",
      "identity", "identity-link-log", "identity-links", "incident", "job", "job-definition", "job-log",
      "job-retries", "job-retries-historic-query-based", "jobPriority", "jobs", "key", "list", "localVariables",
      "lock", "log", "members", "message", "message-async", "messageSubscriptions", "metrics", "migration",
      "modification", "modification-async", "password-policy", "priority", "process-definition", "process-instance",
      "profile", "recalculate", "redeploy", "registered", "rendered-form", "report", "resolve", "resources",
      "restart", "restart-async", "retries", "retries-async", "schema", "set-annotation", "set-removal-time",
      "signal", "singleResult", "stacktrace", "start", "startForm", "static-called-process-definitions",
      "statistics", "submit-form", "sum", "suspended", "suspended-async", "task", "task-worker", "telemetry",
      "tenant", "tenant-id", "topic-names", "trigger", "unclaim", "unlock", "user", "user-members", "user-operation",
      "validate", "variable-instance", "variable-instances", "variables", "variables-async", "verify", "version",
      "xml");

  private static final String TASKLIST = "Tasklist: ";
  private static final String FILTERED = " (the engine returns only what the caller's authorizations allow)";

  static final List<Operation> OPERATIONS = List.of(
      // the webapps and the engine
      all("GET", "/engine", "the webapps list the process engines when they start"),
      // the caller's own account (Welcome) and the directory of colleagues
      all("GET", "/identity/groups", "Tasklist and Welcome read the groups of the logged-in user"),
      all("GET", "/identity/password-policy", "Welcome shows the password policy of 5.1.8"),
      all("POST", "/identity/password-policy", "Welcome checks a new password against the policy of 5.1.8"),
      all("GET", "/user", TASKLIST + "names of assignees and candidates" + FILTERED),
      all("GET", "/user/{id}/profile", TASKLIST + "the name of an assignee; Welcome: the caller's profile"),
      own("PUT", "/user/{id}/credentials", "5.1.8: the user changes their own password (also when it must be "
          + "changed or has expired)"),
      all("GET", "/group", TASKLIST + "names of candidate groups" + FILTERED),
      all("GET", "/group/{id}", TASKLIST + "the name of a candidate group"),
      // filters: the product's ready-made ones (TasklistFilters) and the caller's own
      all("GET", "/filter", TASKLIST + "the filters shown to the caller" + FILTERED),
      all("GET", "/filter/count", TASKLIST + "the number of filters shown to the caller" + FILTERED),
      all("OPTIONS", "/filter", TASKLIST + "asks whether the caller may create filters (only administrators may); "
          + "changes nothing"),
      all("GET", "/filter/{id}", TASKLIST + "one filter" + FILTERED),
      all("GET", "/filter/{id}/list", TASKLIST + "the tasks of a filter" + FILTERED),
      all("POST", "/filter/{id}/list", TASKLIST + "the tasks of a filter, sorted and paged" + FILTERED),
      all("GET", "/filter/{id}/count", TASKLIST + "the number of tasks of a filter" + FILTERED),
      all("POST", "/filter/{id}/count", TASKLIST + "the number of tasks of a filter" + FILTERED),
      // tasks: reading, claiming, completing — the kernel checks the role and four eyes on claim and completion
      all("GET", "/task", "task query" + FILTERED),
      all("POST", "/task", "task query" + FILTERED),
      all("GET", "/task/count", "task count" + FILTERED),
      all("POST", "/task/count", "task count" + FILTERED),
      all("GET", "/task/{id}", "one task" + FILTERED),
      all("GET", "/task/{id}/form", TASKLIST + "the form key of a task"),
      all("GET", "/task/{id}/deployed-form", TASKLIST + "the Camunda Form of a task"),
      all("GET", "/task/{id}/rendered-form", TASKLIST + "the rendered form of a task"),
      all("GET", "/task/{id}/form-variables", TASKLIST + "the values a task form shows"),
      all("GET", "/task/{id}/variables", TASKLIST + "the values a task form shows"),
      all("GET", "/task/{id}/variables/{varName}", "one value of a task" + FILTERED),
      all("GET", "/task/{id}/variables/{varName}/data", "one file value of a task" + FILTERED),
      all("GET", "/task/{id}/identity-links", TASKLIST + "the candidate groups of a task"),
      claim("POST", "/task/{id}/claim", TASKLIST + "the caller takes a step; the kernel checks they hold its role"),
      all("POST", "/task/{id}/unclaim", TASKLIST + "the caller gives a step back to its role"),
      all("POST", "/task/{id}/submit-form", TASKLIST + "approve, reject, send back; the kernel checks the role, "
          + "four eyes and the form"),
      all("POST", "/task/{id}/complete", "documented API: as submit-form, with the same checks of the kernel"),
      all("GET", "/task/{id}/comment", TASKLIST + "the comments of a step"),
      all("GET", "/task/{id}/comment/{commentId}", "one comment of a step"),
      all("POST", "/task/{id}/comment/create", TASKLIST + "a comment on a step; comments are history and cannot "
          + "be changed or deleted afterwards"),
      all("GET", "/task/{id}/attachment", "the attachments of a step (written only through /api/requests/…/"
          + "attachments, which checks ownership and format)"),
      all("GET", "/task/{id}/attachment/{attachmentId}", "one attachment of a step"),
      all("GET", "/task/{id}/attachment/{attachmentId}/data", "the content of an attachment"),
      all("GET", "/history/user-operation", TASKLIST + "the History tab of a step" + FILTERED),
      all("GET", "/history/user-operation/count", TASKLIST + "the History tab of a step, its length" + FILTERED),
      // filing: the start forms, validated by the kernel
      all("GET", "/process-definition", TASKLIST + "the flows the caller may start" + FILTERED),
      all("GET", "/process-definition/count", TASKLIST + "the number of flows the caller may start" + FILTERED),
      all("GET", "/process-definition/{id}", "one flow" + FILTERED),
      all("GET", "/process-definition/key/{key}", "one flow by its key" + FILTERED),
      all("GET", "/process-definition/{id}/xml", TASKLIST + "the diagram of a flow"),
      all("GET", "/process-definition/key/{key}/xml", "the diagram of a flow by its key"),
      all("GET", "/process-definition/{id}/startForm", TASKLIST + "the start form key of a flow"),
      all("GET", "/process-definition/key/{key}/startForm", "the start form key of a flow by its key"),
      all("GET", "/process-definition/{id}/deployed-start-form", TASKLIST + "the Camunda Form that files a request"),
      all("GET", "/process-definition/key/{key}/deployed-start-form", "the start form of a flow by its key"),
      all("GET", "/process-definition/{id}/rendered-form", TASKLIST + "the rendered start form"),
      all("GET", "/process-definition/key/{key}/rendered-form", "the rendered start form by key"),
      all("GET", "/process-definition/{id}/form-variables", TASKLIST + "the start form's initial values"),
      all("GET", "/process-definition/key/{key}/form-variables", "the start form's initial values by key"),
      all("POST", "/process-definition/{id}/submit-form", TASKLIST + "files a request; the kernel validates it"),
      all("POST", "/process-definition/key/{key}/submit-form", "documented API: files a request; the kernel "
          + "validates it"),
      all("POST", "/process-definition/{id}/start", "documented API: files a request; the kernel validates it as "
          + "the start form"),
      all("POST", "/process-definition/key/{key}/start", "documented API: files a request by key; the kernel "
          + "validates it as the start form"),
      // the requester's own request
      all("GET", "/process-instance/{id}", "the caller's request (business key, state)" + FILTERED),
      // process owners read the deployments (1.4); they change a flow, decision or form only through an approved
      // modelRevision request (/api/design), never by deploying it themselves
      owners("GET", "/version", "Camunda Modeler asks the engine version"),
      owners("GET", "/deployment", "Camunda Modeler and the process owners list the deployments"),
      owners("GET", "/deployment/{id}", "one deployment"),
      owners("GET", "/deployment/{id}/resources", "the files of a deployment"),
      owners("GET", "/deployment/{id}/resources/{resourceId}", "one file of a deployment"),
      owners("GET", "/deployment/{id}/resources/{resourceId}/data", "the content of one file of a deployment"),
      owners("GET", "/decision-definition", "the deployed decision tables"),
      owners("GET", "/decision-definition/{id}/xml", "the DMN of a deployed decision table"),
      owners("GET", "/decision-definition/key/{key}/xml", "the DMN of a deployed decision table by key"));

  private EngineApiAllowList() {
  }

  /** The most specific allowed operation for the call ({@code /task/count} before {@code /task/{id}}). */
  static Optional<Operation> find(String method, List<String> segments) {
    return OPERATIONS.stream().filter(operation -> operation.matches(method, segments))
        .max(Comparator.comparingLong(Operation::literalSegments));
  }

  private static Operation all(String method, String path, String why) {
    return new Operation(method, path, Audience.EMPLOYEES, Condition.NONE, why);
  }

  private static Operation own(String method, String path, String why) {
    return new Operation(method, path, Audience.EMPLOYEES, Condition.OWN_USER, why);
  }

  private static Operation claim(String method, String path, String why) {
    return new Operation(method, path, Audience.EMPLOYEES, Condition.CLAIM_FOR_ONESELF, why);
  }

  private static Operation owners(String method, String path, String why) {
    return new Operation(method, path, Audience.PROCESS_OWNERS, Condition.NONE, why);
  }
}
