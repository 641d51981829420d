package jp.sample.isms.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jp.sample.isms.support.Requests;
import jp.sample.isms.support.DemoOrganisation;

/**
 * A take-out (3.2) filed and decided through /engine-rest as a script does, and the attacks on it there: yamamoto
 * files, ito (her department head) approves; another department's head cannot see or decide it; nobody approves their
 * own request (four eyes); employees' queries carry no expressions (both roots, administrators excepted); client
 * mistakes are 4xx, never 500. The calls authenticate as the subclass says: the product's passwords
 * ({@link RestFlowAttackTest}) or access tokens of the IdP ({@code SingleSignOnAttackIT}).
 */
abstract class RestFlowAttacks {

  static final String TAKE_OUT = "/process-definition/key/takeOut/submit-form";

  abstract ProcessEngine engine();

  abstract String baseUrl();

  ApiLogin apiLogin() {
    return ApiLogin.BASIC;
  }

  EngineApiClient client;

  @BeforeEach
  void aClientOfBothRoots() {
    client = new EngineApiClient(baseUrl(), apiLogin());
  }

  static Map<String, Object> variables(Map<String, Object> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value,
        "type", value instanceof Boolean ? "Boolean" : "String")));
    return Map.of("variables", variables);
  }

  EngineApiClient.Answer rest(String user, String method, String path, Object body) {
    return client.call(EngineApiClient.ENGINE_REST, user, method, path, body);
  }

  String file(String user) {
    EngineApiClient.Answer filed = rest(user, "POST", TAKE_OUT, variables(Requests.internalLaptopTakeOut(user)));
    assertThat(filed.status()).as(filed.toString()).isEqualTo(200);
    return filed.json().get("id").asText();
  }

  /** The request's open steps: id, name, assignee, candidate groups. */
  List<String> steps(String instance) {
    var tasks = engine().getTaskService();
    return tasks.createTaskQuery().processInstanceId(instance).list().stream()
        .map(t -> t.getId() + " " + t.getTaskDefinitionKey() + " " + t.getAssignee() + " "
            + tasks.getIdentityLinksForTask(t.getId()).stream().map(l -> l.getGroupId() + "/" + l.getUserId())
                .sorted().toList())
        .toList();
  }

  @Test
  void yamamotoFilesItoApprovesAndAnotherDepartmentsHeadCannotDecide() {
    String instance = file(DemoOrganisation.DESIGN_EMPLOYEE);
    EngineApiClient.Answer itosTasks = rest(DemoOrganisation.DEVELOPMENT_HEAD, "GET",
        "/task?processInstanceId=" + instance, null);
    assertThat(itosTasks.json()).hasSize(1);
    assertThat(itosTasks.json().get(0).get("name").asText()).isEqualTo("持ち出しを承認する");
    String task = itosTasks.json().get(0).get("id").asText();

    // sato (人事部長) holds the role in another department: no sight of it, no decision
    List<String> before = steps(instance);
    for (String head : List.of(DemoOrganisation.HR_HEAD)) {
      EngineApiClient.Answer seen = rest(head, "GET", "/task?processInstanceId=" + instance, null);
      assertThat(seen.status()).as(head + " " + seen).isEqualTo(200);
      assertThat(seen.json()).as(head).isEmpty();
      EngineApiClient.Answer claim = rest(head, "POST", "/task/" + task + "/claim", Map.of("userId", head));
      assertThat(claim.status()).as(head + " " + claim).isIn(403, 404);
      EngineApiClient.Answer decide = rest(head, "POST", "/task/" + task + "/submit-form",
          variables(Map.of("decision", "APPROVED")));
      assertThat(decide.status()).as(head + " " + decide).isIn(403, 404);
      assertThat(steps(instance)).as(head).isEqualTo(before);
    }

    EngineApiClient.Answer claimed = rest(DemoOrganisation.DEVELOPMENT_HEAD, "POST", "/task/" + task + "/claim",
        Map.of("userId", DemoOrganisation.DEVELOPMENT_HEAD));
    assertThat(claimed.status()).as(claimed.toString()).isEqualTo(204);
    EngineApiClient.Answer approved = rest(DemoOrganisation.DEVELOPMENT_HEAD, "POST", "/task/" + task + "/submit-form",
        variables(Map.of("decision", "APPROVED")));
    assertThat(approved.status()).as(approved.toString()).isIn(200, 204);
    assertThat(engine().getHistoryService().createHistoricTaskInstanceQuery().taskId(task).singleResult()
        .getAssignee()).isEqualTo(DemoOrganisation.DEVELOPMENT_HEAD);
    assertThat(engine().getTaskService().createTaskQuery().taskId(task).count()).isZero();
  }

  @Test
  void fourEyesViolationsGet403AndChangeNothing() {
    // a second head of 開発設計部, so that ito's own request waits for the role he holds himself
    engine().getIdentityService().createMembership(DemoOrganisation.HR_HEAD, "department-head.development");
    try {
      String instance = file(DemoOrganisation.DEVELOPMENT_HEAD);
      Task task = engine().getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
      List<String> before = steps(instance);

      EngineApiClient.Answer claim = rest(DemoOrganisation.DEVELOPMENT_HEAD, "POST", "/task/" + task.getId() + "/claim",
          Map.of("userId", DemoOrganisation.DEVELOPMENT_HEAD));
      assertThat(claim.status()).as(claim.toString()).isEqualTo(403);
      assertThat(claim.json().get("message").asText()).contains("自分の申請は承認できません");
      EngineApiClient.Answer complete = rest(DemoOrganisation.DEVELOPMENT_HEAD, "POST",
          "/task/" + task.getId() + "/submit-form",
          variables(Map.of("decision", "APPROVED")));
      assertThat(complete.status()).as(complete.toString()).isEqualTo(403);

      assertThat(steps(instance)).isEqualTo(before);
      assertThat(engine().getTaskService().createTaskQuery().taskId(task.getId()).singleResult().getAssignee())
          .isNull();
    } finally {
      engine().getIdentityService().deleteMembership(DemoOrganisation.HR_HEAD, "department-head.development");
    }
  }

  @Test
  void queryExpressionsFromEmployeesAreRefusedOnBothRoots() {
    String sharedFilter = engine().getFilterService().createFilterQuery().filterOwner(DemoOrganisation.DESIGN_EMPLOYEE).list().get(0)
        .getId();
    for (String root : EngineSurfaceAttacks.ROOTS) {
      EngineApiClient.Answer adhoc = client.call(root, DemoOrganisation.DESIGN_EMPLOYEE, "POST", "/task",
          Map.of("assigneeExpression", "${currentUser()}"));
      assertThat(adhoc.status()).as(root + " " + adhoc).isEqualTo(400);
      EngineApiClient.Answer nested = client.call(root, DemoOrganisation.DESIGN_EMPLOYEE, "POST", "/task",
          Map.of("orQueries", List.of(Map.of("candidateGroupsExpression", "${currentUserGroups()}"))));
      assertThat(nested.status()).as(root + " " + nested).isEqualTo(400);
      EngineApiClient.Answer filter = client.call(root, DemoOrganisation.DESIGN_EMPLOYEE, "POST",
          "/filter/" + sharedFilter + "/list",
          Map.of("assigneeExpression", "${currentUser()}"));
      assertThat(filter.status()).as(root + " " + filter).isEqualTo(400);
      assertThat(filter.body()).contains("クエリに式");
      // an employee may not create filters at all, with or without expressions
      for (Map<String, Object> query : List.<Map<String, Object>>of(Map.of("assigneeExpression",
          "${currentUser()}"), Map.of())) {
        EngineApiClient.Answer created = client.call(root, DemoOrganisation.DESIGN_EMPLOYEE, "POST", "/filter/create",
            Map.of("resourceType", "Task", "name", "x", "query", query));
        assertThat(created.status()).as(root + " " + created).isEqualTo(403);
      }
      // administrators may
      EngineApiClient.Answer administrator = client.call(root, DemoOrganisation.SYSTEM_ADMINISTRATOR, "POST", "/task",
          Map.of("assigneeExpression", "${currentUser()}"));
      assertThat(administrator.status()).as(root + " " + administrator).isNotEqualTo(500);
      assertThat(administrator.body()).doesNotContain("クエリに式");
    }
    assertThat(engine().getFilterService().createFilterQuery().filterName("x").count()).isZero();
  }

  @Test
  void clientMistakesAre4xxNever500AndNothingIsStarted() {
    long before = engine().getRuntimeService().createProcessInstanceQuery().count();
    EngineApiClient.Answer invalidJson = rest(DemoOrganisation.DESIGN_EMPLOYEE, "POST", TAKE_OUT, "{\"variables\": {");
    assertThat(invalidJson.status()).as(invalidJson.toString()).isEqualTo(400);
    EngineApiClient.Answer unknownKey = rest(DemoOrganisation.DESIGN_EMPLOYEE, "POST",
        "/process-definition/key/noSuchFlow/submit-form",
        Map.of("variables", Map.of()));
    assertThat(unknownKey.status()).as(unknownKey.toString()).isBetween(400, 499);
    EngineApiClient.Answer wrongType = rest(DemoOrganisation.DESIGN_EMPLOYEE, "POST", TAKE_OUT,
        Map.of("variables", Map.of("quantity", Map.of("value", "abc", "type", "Integer"))));
    assertThat(wrongType.status()).as(wrongType.toString()).isEqualTo(400);
    EngineApiClient.Answer serialized = rest(DemoOrganisation.DESIGN_EMPLOYEE, "POST", TAKE_OUT,
        Map.of("variables", Map.of("payload", Map.of("value", "rO0ABXQAA2FiYw==", "type", "Object",
            "valueInfo", Map.of("objectTypeName", "java.lang.String",
                "serializationDataFormat", "application/x-java-serialized-object")))));
    assertThat(serialized.status()).as(serialized.toString()).isEqualTo(400);
    EngineApiClient.Answer pastReturn = rest(DemoOrganisation.DESIGN_EMPLOYEE, "POST", TAKE_OUT,
        variables(withReturnDateInThePast()));
    assertThat(pastReturn.status()).as(pastReturn.toString()).isEqualTo(400);
    assertThat(pastReturn.json().get("message").asText()).contains("plannedReturnDate:");
    assertThat(engine().getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(before);
  }

  private static Map<String, Object> withReturnDateInThePast() {
    Map<String, Object> values = Requests.internalLaptopTakeOut(DemoOrganisation.DESIGN_EMPLOYEE);
    values.put("plannedReturnDate", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo")).minusDays(5)
        .toString());
    return values;
  }

  /**
   * A model that runs code, sent for deployment (the hostile expressions of {@link ModelExpressionAttackTest}): a
   * process owner may not deploy at all, on either root; an administrator's deployment is refused for the
   * expressions; nothing is deployed and nothing happens.
   */
  @Test
  void aHostileModelOverRestIsRefusedAndNothingHappens() throws java.io.IOException {
    java.nio.file.Path marker = java.nio.file.Files.createTempDirectory("probe").resolve("pwned");
    String command = "touch " + marker;
    String model = ModelExpressionAttackTest.bpmn("<bpmn:serviceTask id=\"ServiceTask_Attack\" camunda:expression=\""
        + ModelExpressionAttackTest.xml("${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime')"
            + ".invoke(null).exec('" + command + "')}") + "\" />" + ModelExpressionAttackTest.toEnd("ServiceTask_Attack")
        + "<bpmn:userTask id=\"UserTask_Attack\" name=\"確認する\"><bpmn:extensionElements>"
        + "<camunda:taskListener expression=\"" + ModelExpressionAttackTest.xml("${task.getProcessEngineServices()"
            + ".getIdentityService().createMembership('tanaka', 'camunda-admin')}") + "\" event=\"create\" />"
        + "</bpmn:extensionElements></bpmn:userTask>");
    String boundary = "----probe" + Long.toHexString(System.nanoTime());
    String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n"
        + ModelExpressionAttackTest.PROBE + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; "
        + "filename=\"" + ModelExpressionAttackTest.PROBE + ".bpmn\"\r\nContent-Type: application/octet-stream\r\n\r\n"
        + model + "\r\n--" + boundary + "--\r\n";
    String contentType = "multipart/form-data; boundary=" + boundary;
    // a process owner does not deploy directly at all (1.4: only an approved modelRevision is deployed); the webapps'
    // root refuses deployments from the session before the model is read
    for (String root : EngineSurfaceAttacks.ROOTS) {
      EngineApiClient.Answer owner = client.call(root, DemoOrganisation.PROCESS_OWNER, "POST", "/deployment/create",
          multipart,
          contentType);
      assertThat(owner.status()).as(root + " " + owner).isEqualTo(403);
    }
    // an administrator gets the refusal of the expressions
    EngineApiClient.Answer administrator = client.call(EngineApiClient.ENGINE_REST,
        DemoOrganisation.SYSTEM_ADMINISTRATOR, "POST",
        "/deployment/create", multipart, contentType);
    assertThat(administrator.status()).as(administrator.toString()).isEqualTo(400);
    assertThat(administrator.body()).contains("許可されていない式").contains("ServiceTask_Attack")
        .contains("UserTask_Attack").contains("getClass().forName").contains("createMembership");
    assertThat(engine().getRepositoryService().createDeploymentQuery()
        .deploymentName(ModelExpressionAttackTest.PROBE).count()).isZero();
    assertThat(engine().getIdentityService().createUserQuery().memberOfGroup("camunda-admin").userId(DemoOrganisation.PRESIDENT)
        .count()).isZero();
    assertThat(marker).doesNotExist();
  }
}
