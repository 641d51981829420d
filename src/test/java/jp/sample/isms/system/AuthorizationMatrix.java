package jp.sample.isms.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

import jp.sample.isms.support.Requests;
import jp.sample.isms.support.DemoOrganisation;

/**
 * Least privilege (5.1.1), role × endpoint family × someone else's ids × both REST roots: kato's take-out waits for
 * suzuki (総務部長); an employee, an approver of another department, the auditor and a process owner who hold no
 * role in it get no data and cannot act (403, 404 or an empty result) — on /engine-rest and /camunda/api/engine.
 * The calls authenticate as the subclass says: the product's passwords ({@link AuthorizationMatrixTest}) or single
 * sign-on.
 */
abstract class AuthorizationMatrix {

  /** Users who have nothing to do with kato's request, each a different role of the demo organisation. */
  static final List<String> OUTSIDERS = List.of(DemoOrganisation.DESIGN_EMPLOYEE, DemoOrganisation.DEVELOPMENT_HEAD,
      DemoOrganisation.PRODUCTION_CHIEF, DemoOrganisation.HR_HEAD);

  ProcessEngine engine;

  abstract ProcessEngine engine();

  /** A call on /engine-rest or /api (the path with its root) as the user. */
  abstract EngineApiClient.Answer api(String user, HttpMethod method, String path, Object body);

  /** A call in the user's webapp session (Tasklist) with its CSRF token. */
  abstract EngineApiClient.Answer webapp(String user, HttpMethod method, String path, Object body);

  String instance;
  String task;
  String businessKey;
  String katosFilter;
  String deployment;

  record Probe(String family, HttpMethod method, String path, Object body) {
  }

  @BeforeEach
  void katosRequestWaitsForSuzuki() {
    engine = engine();
    ProcessInstance request = new Requests(engine).file(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, "takeOut",
        Requests.internalLaptopTakeOut(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE));
    Task step = engine.getTaskService().createTaskQuery().processInstanceId(request.getId()).singleResult();
    instance = request.getId();
    task = step.getId();
    businessKey = request.getBusinessKey();
    katosFilter = engine.getFilterService().createTaskFilterQuery().filterOwner(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE).singleResult().getId();
    deployment = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionId(
        request.getProcessDefinitionId()).singleResult().getDeploymentId();
  }

  List<Probe> engineProbes() {
    Map<String, Object> variables = Map.of("variables", Map.of("decision", Map.of("value", "APPROVED")));
    return List.of(
        new Probe("task get", HttpMethod.GET, "/task/" + task, null),
        new Probe("task query", HttpMethod.GET, "/task?processInstanceId=" + instance, null),
        new Probe("task claim", HttpMethod.POST, "/task/" + task + "/claim", Map.of("userId", "x")),
        new Probe("task complete", HttpMethod.POST, "/task/" + task + "/complete", variables),
        new Probe("task submit-form", HttpMethod.POST, "/task/" + task + "/submit-form", variables),
        new Probe("task variables", HttpMethod.GET, "/task/" + task + "/variables", null),
        new Probe("task variable write", HttpMethod.PUT, "/task/" + task + "/variables/decision",
            Map.of("value", "APPROVED", "type", "String")),
        new Probe("task attachments", HttpMethod.GET, "/task/" + task + "/attachment", null),
        new Probe("task comments", HttpMethod.GET, "/task/" + task + "/comment", null),
        new Probe("task comment write", HttpMethod.POST, "/task/" + task + "/comment/create", Map.of("message", "x")),
        new Probe("process instance", HttpMethod.GET, "/process-instance/" + instance, null),
        new Probe("process instance variables", HttpMethod.GET, "/process-instance/" + instance + "/variables", null),
        new Probe("process instance delete", HttpMethod.DELETE, "/process-instance/" + instance, null),
        new Probe("history instance", HttpMethod.GET, "/history/process-instance?processInstanceId=" + instance, null),
        new Probe("history task", HttpMethod.GET, "/history/task?processInstanceId=" + instance, null),
        new Probe("history variables", HttpMethod.GET, "/history/variable-instance?processInstanceId=" + instance, null),
        new Probe("deployment delete", HttpMethod.DELETE, "/deployment/" + deployment + "?cascade=true", null),
        new Probe("user create", HttpMethod.POST, "/user/create", Map.of("profile", Map.of("id", "intruder"),
            "credentials", Map.of("password", "Kaisha#2026x"))),
        new Probe("user update", HttpMethod.PUT, "/user/kato/profile", Map.of("id",
            DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, "firstName", "x")),
        new Probe("group create", HttpMethod.POST, "/group/create", Map.of("id", "intruders", "name", "x")),
        new Probe("membership", HttpMethod.PUT, "/group/president/members/yamamoto", null),
        new Probe("authorization create", HttpMethod.POST, "/authorization/create", Map.of("type", 1,
            "permissions", List.of("ALL"), "userId", DemoOrganisation.DESIGN_EMPLOYEE, "resourceType", 0, "resourceId",
                "*")),
        new Probe("filter of another user", HttpMethod.GET, "/filter/" + katosFilter, null),
        new Probe("filter list of another user", HttpMethod.POST, "/filter/" + katosFilter + "/list", Map.of()));
  }

  List<Probe> productProbes() {
    return List.of(
        new Probe("withdraw", HttpMethod.POST, "/api/requests/" + businessKey + "/withdraw", Map.of()),
        new Probe("attachments", HttpMethod.GET, "/api/requests/" + businessKey + "/attachments", null),
        new Probe("attachment kinds", HttpMethod.GET, "/api/requests/" + businessKey + "/attachments/kinds", null),
        new Probe("mail admin", HttpMethod.GET, "/api/mail/failed", null),
        new Probe("organisation", HttpMethod.POST, "/api/organisation/moves", Map.of("user",
            DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE,
            "department", "hr")),
        new Probe("accounts", HttpMethod.POST, "/api/accounts/kato/disable", Map.of("reason", "x")),
        new Probe("substitute for another", HttpMethod.POST, "/api/substitutes", Map.of("principal",
            DemoOrganisation.SYSTEM_ADMINISTRATOR,
            "substitute", DemoOrganisation.DESIGN_EMPLOYEE, "validFrom", "2026-01-01", "validTo", "2099-01-01")));
  }

  @Test
  void outsidersGetNothingThroughTheEngineRestApi() {
    check(OUTSIDERS, engineProbes(), (user, probe) -> api(user, probe.method(), "/engine-rest" + probe.path(),
        probe.body()));
  }

  @Test
  void outsidersGetNothingThroughTheWebappsRestApi() {
    for (String user : OUTSIDERS) {
      check(List.of(user), engineProbes(), (u, probe) -> webapp(u, probe.method(),
          "/camunda/api/engine/engine/default" + probe.path(), probe.body()));
    }
  }

  @Test
  void nonAdministratorsCannotUseTheProductsProtectedEndpoints() {
    List<String> employees = List.of(DemoOrganisation.DESIGN_EMPLOYEE, DemoOrganisation.DEVELOPMENT_HEAD,
        DemoOrganisation.HR_HEAD);
    List<Probe> probes = new ArrayList<>(productProbes());
    probes.add(new Probe("auditor search", HttpMethod.GET, "/api/audit/requests", null));
    check(employees, probes, (user, probe) -> api(user, probe.method(), probe.path(), probe.body()));
    // the auditor reads (and only reads): the product's administration is still refused
    check(List.of(DemoOrganisation.PRODUCTION_CHIEF), productProbes(), (user, probe) -> api(user, probe.method(),
        probe.path(),
        probe.body()));
  }

  private void check(List<String> users, List<Probe> probes,
      BiFunction<String, Probe, EngineApiClient.Answer> call) {
    List<String> leaks = new ArrayList<>();
    int checked = 0;
    for (String user : users) {
      for (Probe probe : probes) {
        EngineApiClient.Answer response = call.apply(user, probe);
        int status = response.status();
        String body = response.body() == null ? "" : response.body();
        boolean refused = status == 401 || status == 403 || status == 404 || status == 405 || status == 400;
        boolean empty = status == 200 && (body.equals("[]") || body.equals("{\"count\":0}")
            || body.equals("{}"));
        boolean leak = !(refused || empty) || body.contains(businessKey) || body.contains("設計資料");
        if (leak) {
          leaks.add(user + " " + probe.family() + " " + probe.method() + " " + probe.path() + " → " + status + " "
              + body.substring(0, Math.min(160, body.length())));
        }
        checked++;
      }
    }
    System.out.printf("authorization matrix: %d calls by %s, %d leaks%n", checked, users, leaks.size());
    assertThat(leaks).isEmpty();
    // nothing changed: the step still waits for suzuki, unclaimed, and kato's request is open
    assertThat(engine.getTaskService().createTaskQuery().taskId(task).singleResult().getAssignee()).isNull();
    assertThat(engine.getIdentityService().createUserQuery().userId("intruder").count()).isZero();
    assertThat(engine.getRepositoryService().createDeploymentQuery().deploymentId(deployment).count()).isEqualTo(1);
    assertThat(engine.getIdentityService().createUserQuery().userId(DemoOrganisation.DESIGN_EMPLOYEE).memberOfGroup("president").count())
        .isZero();
  }
}
