package jp.sample.isms.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import jp.sample.isms.support.Requests;
import jp.sample.isms.support.DemoOrganisation;

/**
 * The attacks on the engine's generic REST surface, replayed against the running application as an employee (the
 * requester yamamoto), the approver (ito, 部門責任者 of 開発設計部), a process owner who is not an administrator
 * (tanaka) and the auditor (nakamura), on both REST roots and in several spellings of each path: every one is refused,
 * and nothing changed — variables, tasks, candidates, comments, attachments, decision records, the register row,
 * users, memberships.
 */
abstract class EngineSurfaceAttacks {

  static final List<String> ATTACKERS = List.of(DemoOrganisation.DESIGN_EMPLOYEE, DemoOrganisation.DEVELOPMENT_HEAD,
      DemoOrganisation.PRESIDENT, DemoOrganisation.PRODUCTION_CHIEF);
  static final List<String> ROOTS = List.of(EngineApiClient.ENGINE_REST, EngineApiClient.WEBAPP);

  abstract ProcessEngine engine();

  abstract JdbcTemplate jdbc();

  abstract String baseUrl();

  /** How the calls authenticate: the product's passwords, or single sign-on. */
  ApiLogin apiLogin() {
    return ApiLogin.BASIC;
  }

  EngineApiClient client;
  ProcessInstance request;
  String task;

  @BeforeEach
  void yamamotosTakeOutWaitsForIto() {
    client = new EngineApiClient(baseUrl(), apiLogin());
    request = new Requests(engine()).file(DemoOrganisation.DESIGN_EMPLOYEE, "takeOut",
        Requests.internalLaptopTakeOut());
    task = engine().getTaskService().createTaskQuery().processInstanceId(request.getId()).singleResult().getId();
  }

  /** One attack: the call, as it should be refused. */
  record Attack(String method, String path, Object body) {
  }

  /**
   * The spellings of a path an attacker tries against a path filter: as is, with path parameters, one segment
   * percent-encoded, doubled slashes, a trailing slash.
   */
  static List<String> spellings(String pathAndQuery) {
    int question = pathAndQuery.indexOf('?');
    String path = question < 0 ? pathAndQuery : pathAndQuery.substring(0, question);
    String query = question < 0 ? "" : pathAndQuery.substring(question);
    String[] segments = path.substring(1).split("/");
    String last = segments[segments.length - 1];
    String encodedLast = "%" + Integer.toHexString(last.charAt(0)).toUpperCase() + last.substring(1);
    return List.of(pathAndQuery,
        "/" + String.join(";x/", segments) + ";y" + query,
        path.substring(0, path.length() - last.length()) + encodedLast + query,
        "/" + String.join("//", segments) + query,
        path + "/" + query);
  }

  /** Every attacker, every root, every spelling: refused, never 2xx, never 500; returns what was answered. */
  private void refusedEverywhere(List<Attack> attacks) {
    EngineSurfaceState before = state();
    List<String> answers = new ArrayList<>();
    for (String user : ATTACKERS) {
      for (String root : ROOTS) {
        for (Attack attack : attacks) {
          for (String spelling : spellings(attack.path())) {
            EngineApiClient.Answer answer = client.call(root, user, attack.method(), spelling, attack.body());
            boolean canonical = spelling.equals(attack.path());
            if (canonical ? answer.status() != 403 : answer.status() < 400 || answer.status() >= 500) {
              answers.add(user + " " + attack.method() + " " + root + spelling + " → " + answer);
            }
          }
        }
      }
    }
    assertThat(answers).as("calls not refused").isEmpty();
    assertThat(state()).isEqualTo(before);
  }

  EngineSurfaceState state() {
    return EngineSurfaceState.of(jdbc(), request.getId(), request.getBusinessKey());
  }

  @Test
  void nobodyChangesTheFiledValuesOrTheRequesterThroughVariables() {
    Map<String, Object> requester = Map.of("value", DemoOrganisation.DEVELOPMENT_HEAD, "type", "String");
    String instance = "/process-instance/" + request.getId();
    refusedEverywhere(List.of(
        new Attack("POST", instance + "/variables", Map.of("modifications", Map.of("requester", requester))),
        new Attack("PUT", instance + "/variables/classification", Map.of("value", "PUBLIC", "type", "String")),
        new Attack("PUT", instance + "/variables/destination", Map.of("value", "自宅", "type", "String")),
        new Attack("DELETE", instance + "/variables/requester", null),
        new Attack("POST", "/task/" + task + "/variables", Map.of("modifications", Map.of("requester", requester))),
        new Attack("PUT", "/task/" + task + "/variables/requester", requester),
        new Attack("PUT", "/task/" + task + "/localVariables/requester", requester),
        new Attack("POST", "/task/" + task + "/localVariables", Map.of("modifications", Map.of("requester", requester))),
        new Attack("PUT", "/execution/" + request.getId() + "/localVariables/requester", requester),
        new Attack("POST", "/process-instance/variables-async", Map.of("processInstanceIds", List.of(request.getId()),
            "variables", Map.of("requester", requester)))));
  }

  @Test
  void nobodyHandsTheApprovalToSomeoneElse() {
    refusedEverywhere(List.of(
        new Attack("POST", "/task/" + task + "/identity-links", Map.of("groupId", "employees", "type", "candidate")),
        new Attack("POST", "/task/" + task + "/identity-links", Map.of("userId", DemoOrganisation.DESIGN_EMPLOYEE,
            "type", "candidate")),
        new Attack("POST", "/task/" + task + "/identity-links/delete", Map.of("groupId", "department-head.development",
            "type", "candidate")),
        new Attack("POST", "/task/" + task + "/assignee", Map.of("userId", DemoOrganisation.DESIGN_EMPLOYEE)),
        new Attack("POST", "/task/" + task + "/delegate", Map.of("userId", DemoOrganisation.DESIGN_EMPLOYEE)),
        new Attack("POST", "/task/" + task + "/claim", Map.of("userId", DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE)),
        new Attack("PUT", "/group/camunda-admin/members/yamamoto", null),
        new Attack("PUT", "/group/department-head.development/members/yamamoto", null)));
  }

  @Test
  void noRequestEndsWithoutADecision() {
    refusedEverywhere(List.of(
        new Attack("POST", "/task/" + task + "/bpmnError", Map.of("errorCode", "Error_Any")),
        new Attack("POST", "/task/" + task + "/bpmnEscalation", Map.of("escalationCode", "Escalation_Any")),
        new Attack("DELETE", "/process-instance/" + request.getId(), null),
        new Attack("POST", "/process-instance/delete", Map.of("processInstanceIds", List.of(request.getId()))),
        new Attack("PUT", "/process-instance/" + request.getId() + "/suspended", Map.of("suspended", true)),
        new Attack("POST", "/process-instance/" + request.getId() + "/modification", Map.of("instructions",
            List.of(Map.of("type", "cancel", "activityId", "UserTask_ApproveTakeOut")))),
        new Attack("POST", "/message", Map.of("messageName", "Message_ReturnReported",
            "processInstanceId", request.getId())),
        new Attack("POST", "/signal", Map.of("name", "Signal_Any")),
        new Attack("POST", "/execution/" + request.getId() + "/signal", Map.of()),
        new Attack("POST", "/task/" + task + "/resolve", Map.of())));
  }

  @Test
  void nobodyEditsATaskOrTheComments() {
    EngineApiClient.Answer comment = client.call(EngineApiClient.ENGINE_REST, DemoOrganisation.DEVELOPMENT_HEAD, "POST",
        "/task/" + task + "/comment/create", Map.of("message", "確認しました"));
    assertThat(comment.status()).as(comment.toString()).isEqualTo(200);
    String commentId = comment.json().get("id").asText();
    refusedEverywhere(List.of(
        new Attack("PUT", "/task/" + task, Map.of("name", "承認不要", "description", "そのまま完了してください")),
        new Attack("PUT", "/task/" + task + "/comment", Map.of("id", commentId, "message", "問題なし")),
        new Attack("DELETE", "/task/" + task + "/comment/" + commentId, null),
        new Attack("DELETE", "/task/" + task + "/comment", null),
        new Attack("PUT", "/process-instance/" + request.getId() + "/comment", Map.of("id", commentId,
            "message", "問題なし")),
        new Attack("DELETE", "/process-instance/" + request.getId() + "/comment/" + commentId, null),
        new Attack("DELETE", "/task/" + task, null)));
  }

  @Test
  void deletingATaskAnswersTheSameWhetherItExistsOrNot() {
    for (String root : ROOTS) {
      EngineApiClient.Answer existing = client.call(root, DemoOrganisation.PRODUCTION_CHIEF, "DELETE", "/task/" + task,
          null);
      EngineApiClient.Answer missing = client.call(root, DemoOrganisation.PRODUCTION_CHIEF, "DELETE",
          "/task/no-such-task", null);
      assertThat(existing.status()).isEqualTo(403);
      assertThat(existing.body().replace(task, "")).isEqualTo(missing.body().replace("no-such-task", ""));
    }
  }

  @Test
  void nobodyWritesAttachmentsThroughTheEngine() {
    String attachment = engine().getTaskService().createAttachment("application/pdf", task, request.getId(),
        "廃棄証明書.pdf", "", "https://example.com/certificate.pdf").getId();
    refusedEverywhere(List.of(
        new Attack("DELETE", "/task/" + task + "/attachment/" + attachment, null),
        new Attack("POST", "/task/" + task + "/attachment/create", Map.of("attachment-name", "x.pdf",
            "url", "https://example.com/x.pdf"))));
    // the spelling of the issue, path parameter on the attachment segment
    EngineApiClient.Answer deleted = client.call(EngineApiClient.ENGINE_REST, DemoOrganisation.DESIGN_EMPLOYEE,
        "DELETE",
        "/task/" + task + "/attachment;x/" + attachment, null);
    assertThat(deleted.status()).isEqualTo(403);
    assertThat(engine().getTaskService().getAttachment(attachment)).isNotNull();
  }

  /**
   * A path parameter ({@code ;x}) is dropped before the allow list, with single sign-on as without: an allowed call
   * answers as spelled plainly, a refused one is the operation's refusal (403), on both roots.
   */
  @Test
  void aPathParameterIsDroppedBeforeTheAllowList() {
    for (String root : ROOTS) {
      EngineApiClient.Answer allowed = client.call(root, DemoOrganisation.DEVELOPMENT_HEAD, "GET",
          "/task;x?processInstanceId=" + request.getId(),
          null);
      assertThat(allowed.status()).as(root + " " + allowed).isEqualTo(200);
      assertThat(allowed.json().get(0).get("id").asText()).isEqualTo(task);
      EngineSurfaceState before = state();
      EngineApiClient.Answer refused = client.call(root, DemoOrganisation.DEVELOPMENT_HEAD, "POST",
          "/task/" + task + ";x/bpmnError",
          Map.of("errorCode", "Error_Any"));
      assertThat(refused.status()).as(root + " " + refused).isEqualTo(403);
      assertThat(refused.body()).contains("operation not allowed");
      assertThat(state()).isEqualTo(before);
    }
  }

  @Test
  void dotSegmentsAndDoubleEncodingNeverReachTheEngine() {
    EngineSurfaceState before = state();
    List<String> answers = new ArrayList<>();
    for (String root : ROOTS) {
      for (String path : List.of("/task/" + task + "/%2576ariables", "/task/" + task + "/./variables",
          "/task/x/../" + task + "/variables", "/task/" + task + "/%2e%2e/" + task + "/variables",
          "/task/" + task + "%2Fvariables", "/task/" + task + "/variables%00")) {
        EngineApiClient.Answer answer = client.call(root, DemoOrganisation.DESIGN_EMPLOYEE, "POST", path,
            Map.of("modifications", Map.of("requester", Map.of("value", DemoOrganisation.DEVELOPMENT_HEAD, "type",
                "String"))));
        if (answer.status() < 400 || answer.status() >= 500) {
          answers.add(root + path + " → " + answer);
        }
      }
    }
    assertThat(answers).isEmpty();
    assertThat(state()).isEqualTo(before);
  }

  @Test
  void queryExpressionsAreRefusedHoweverTheContentTypeIsSpelled() {
    for (String root : ROOTS) {
      for (String contentType : List.of("Application/JSON", "APPLICATION/JSON; charset=UTF-8",
          "application/json;charset=utf-8")) {
        EngineApiClient.Answer answer = client.call(root, DemoOrganisation.DESIGN_EMPLOYEE, "POST", "/task",
            "{\"assigneeExpression\":\"${currentUser()}\"}", contentType);
        assertThat(answer.status()).as(contentType + " " + answer).isEqualTo(400);
        assertThat(answer.body()).contains("クエリに式");
      }
      EngineApiClient.Answer escaped = client.call(root, DemoOrganisation.DESIGN_EMPLOYEE, "POST", "/task",
          "{\"orQueries\":[{\"assigneeExpr\\u0065ssion\":\"${currentUser()}\"}]}");
      assertThat(escaped.status()).as(escaped.toString()).isEqualTo(400);
      EngineApiClient.Answer parameter = client.call(root, DemoOrganisation.DESIGN_EMPLOYEE, "GET",
          "/task?assigneeExpr%65ssion=%24%7BcurrentUser()%7D", null);
      assertThat(parameter.status()).as(parameter.toString()).isEqualTo(400);
    }
  }

  @Test
  void countsAndStatisticsAreRefused() {
    String definition = request.getProcessDefinitionId();
    refusedEverywhere(List.of(
        new Attack("GET", "/process-definition/statistics", null),
        new Attack("GET", "/process-definition/" + definition + "/statistics", null),
        new Attack("GET", "/process-definition/key/takeOut/statistics", null),
        new Attack("GET", "/history/process-definition/" + definition + "/statistics", null),
        new Attack("GET", "/history/process-instance/report?reportType=duration&periodUnit=month", null),
        new Attack("GET", "/history/task/report?reportType=count&groupBy=processDefinition", null),
        new Attack("GET", "/history/process-instance/count", null),
        new Attack("GET", "/process-instance/count", null),
        new Attack("GET", "/task/report/candidate-group-count", null),
        new Attack("GET", "/metrics/activity-instance-start/sum", null),
        new Attack("GET", "/metrics", null)));
  }

  @Test
  void aJsonBodyIsReadWholeUpToTheLimitAndABiggerOneIs413() {
    for (String root : ROOTS) {
      // 1.5 MB: over the limit of 1 MiB, refused as too large (not cut and reported as malformed)
      String big = "{\"nameLike\":\"" + "a".repeat(1_500_000) + "\"}";
      EngineApiClient.Answer tooLarge = client.call(root, DemoOrganisation.DESIGN_EMPLOYEE, "POST", "/task", big);
      assertThat(tooLarge.status()).as(tooLarge.toString()).isEqualTo(413);
      assertThat(tooLarge.body()).contains("1 MiB");
      // just under the limit: read whole, so an expression at its very end is found
      String padded = "{\"nameLike\":\"" + "a".repeat(1_000_000) + "\",\"assigneeExpression\":\"${currentUser()}\"}";
      EngineApiClient.Answer expression = client.call(root, DemoOrganisation.DESIGN_EMPLOYEE, "POST", "/task", padded);
      assertThat(expression.status()).as(expression.toString()).isEqualTo(400);
      // and handed whole to the REST API
      String whole = "{\"nameLike\":\"" + "a".repeat(1_000_000) + "\"}";
      EngineApiClient.Answer answered = client.call(root, DemoOrganisation.DESIGN_EMPLOYEE, "POST", "/task", whole);
      assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
      assertThat(answered.body()).isEqualTo("[]");
    }
  }

  @Test
  void theErrorPageCalledDirectlyIsNotFound() {
    for (String path : List.of("/error", "/error?jakarta.servlet.error.status_code=999", "/error/x")) {
      EngineApiClient.Answer answer = client.call("", DemoOrganisation.DESIGN_EMPLOYEE, "GET", path, null);
      assertThat(answer.status()).as(path + " " + answer).isEqualTo(404);
    }
  }

  @Test
  void whatTheProductUsesStillWorks() {
    // the approver reads, claims and completes through the allowed operations
    EngineApiClient.Answer read = client.call(EngineApiClient.WEBAPP, DemoOrganisation.DEVELOPMENT_HEAD, "GET",
        "/task/" + task, null);
    assertThat(read.status()).as(read.toString()).isEqualTo(200);
    EngineApiClient.Answer claimed = client.call(EngineApiClient.ENGINE_REST, DemoOrganisation.DEVELOPMENT_HEAD, "POST",
        "/task/" + task
        + "/claim", Map.of("userId", DemoOrganisation.DEVELOPMENT_HEAD));
    assertThat(claimed.status()).as(claimed.toString()).isEqualTo(204);
    EngineApiClient.Answer approved = client.call(EngineApiClient.ENGINE_REST, DemoOrganisation.DEVELOPMENT_HEAD,
        "POST", "/task/" + task
        + "/submit-form", Map.of("variables", Map.of("decision", Map.of("value", "APPROVED", "type", "String"))));
    assertThat(approved.status()).as(approved.toString()).isEqualTo(204);
    Task next = engine().getTaskService().createTaskQuery().processInstanceId(request.getId()).singleResult();
    assertThat(next).isNotNull();
    assertThat(next.getId()).isNotEqualTo(task);
  }
}
