package jp.sample.isms.design;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.support.Requests;
import jp.sample.isms.system.WebappSession;
import jp.sample.isms.support.DemoOrganisation;

/**
 * 1.4: a proposal that fails a check is refused with its finding and starts nothing; nobody but camunda-admin deploys
 * directly, on either API root and in any spelling of the path; camunda-admin's deployment passes the same checks and
 * is approved after the fact by the security officer.
 */
@IsmsSpringBootTest
class DesignProposalRestTest {

  static final String PASSWORD = DemoOrganisation.PASSWORD;

  @Autowired
  TestRestTemplate rest;
  @Autowired
  ProcessEngine engine;
  @Autowired
  JdbcTemplate jdbc;

  static String file(String folder, String name) {
    try {
      return Files.readString(Path.of(folder, name), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private ResponseEntity<JsonNode> propose(String user, String name, String content) {
    return rest.withBasicAuth(user, PASSWORD).postForEntity("/api/design/proposals", Map.of("files",
        List.of(Map.of("name", name, "content", content)), "reason", "ルートの見直し", "clauses", "3.2, 1.4",
        "procedureChange", false), JsonNode.class);
  }

  private long revisions() {
    return engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(ModelRevisionProcess.KEY).count();
  }

  private int filings() {
    return jdbc.queryForObject("select count(*) from model_revision_filing", Integer.class);
  }

  private long deployments() {
    return engine.getRepositoryService().createDeploymentQuery().count();
  }

  private void refusedWithFinding(String name, String content, String rule, String element) {
    long before = revisions();
    int filed = filings();
    long deployed = deployments();
    ResponseEntity<JsonNode> answer = propose(DemoOrganisation.DEPARTMENT_PROCESS_OWNER, name, content);
    assertThat(answer.getStatusCode()).as(answer.getBody().toString()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getBody().path("error").asText()).isNotBlank();
    List<String> found = new ArrayList<>();
    for (JsonNode finding : answer.getBody().path("findings")) {
      found.add(finding.path("rule").asText() + "@" + finding.path("element").asText());
      assertThat(finding.path("message").asText()).isNotBlank();
      assertThat(finding.path("messageEn").asText()).isNotBlank();
    }
    assertThat(found).contains(rule + "@" + element);
    assertThat(revisions()).isEqualTo(before);
    assertThat(filings()).isEqualTo(filed);
    assertThat(deployments()).isEqualTo(deployed);
  }

  @Test
  void aScriptTaskIsRefusedWithItsFinding() {
    String model = file("bpmn", "roleChange.bpmn").replace(
        "<bpmn:serviceTask id=\"ServiceTask_LapseException\" name=\"例外の特権を解除する\" "
            + "camunda:delegateExpression=\"${lapseRoleExceptionDelegate}\">",
        "<bpmn:scriptTask id=\"ServiceTask_LapseException\" name=\"例外の特権を解除する\" scriptFormat=\"groovy\">")
        .replace("<bpmn:outgoing>SequenceFlow_ExceptionLapsed</bpmn:outgoing></bpmn:serviceTask>",
            "<bpmn:outgoing>SequenceFlow_ExceptionLapsed</bpmn:outgoing><bpmn:script>'id'.execute()</bpmn:script>"
                + "</bpmn:scriptTask>");
    assertThat(model).contains("bpmn:scriptTask");
    refusedWithFinding("roleChange.bpmn", model, "isms/no-script-task", "ServiceTask_LapseException");
  }

  @Test
  void aForbiddenExpressionIsRefusedWithItsFinding() {
    String model = file("bpmn", "roleChange.bpmn").replace("${prepareRoleChangeDelegate}",
        "${''.getClass().forName('java.lang.Runtime')}");
    refusedWithFinding("roleChange.bpmn", model, "isms/expression-grammar", "ServiceTask_PrepareChange");
  }

  @Test
  void aUserTaskWithoutStepKindIsRefusedWithItsFinding() {
    String model = file("bpmn", "roleChange.bpmn").replaceFirst(
        "<camunda:properties><camunda:property name=\"isms.stepKind\" value=\"APPROVAL\" /></camunda:properties>", "");
    refusedWithFinding("roleChange.bpmn", model, "isms/step-kind", "UserTask_ApproveRoleChange");
  }

  @Test
  void anUnknownRoleCodeIsRefusedWithItsFinding() {
    String table = file("bpmn", "takeOutApprover.dmn").replace("<text>\"PRESIDENT\"</text>",
        "<text>\"CHAIRMAN\"</text>");
    refusedWithFinding("takeOutApprover.dmn", table, "isms/role-code", "Rule_SecretByPresident");
  }

  @Test
  void aProposalWithoutReasonOrClausesIsRefusedByField() {
    long before = revisions();
    ResponseEntity<JsonNode> noReason = rest.withBasicAuth(DemoOrganisation.DEPARTMENT_PROCESS_OWNER,
        PASSWORD).postForEntity("/api/design/proposals",
        Map.of("files", List.of(Map.of("name", "takeOutApprover.dmn", "content", file("bpmn", "takeOutApprover.dmn"))),
            "reason", " ", "clauses", "3.2"), JsonNode.class);
    assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(noReason.getBody().path("field").asText()).isEqualTo("reason");
    ResponseEntity<JsonNode> noClauses = rest.withBasicAuth(DemoOrganisation.DEPARTMENT_PROCESS_OWNER,
        PASSWORD).postForEntity("/api/design/proposals",
        Map.of("files", List.of(Map.of("name", "takeOutApprover.dmn", "content", file("bpmn", "takeOutApprover.dmn"))),
            "reason", "見直し"), JsonNode.class);
    assertThat(noClauses.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(noClauses.getBody().path("field").asText()).isEqualTo("clauses");
    assertThat(revisions()).isEqualTo(before);
  }

  @Test
  void theChecksAndTheDryRunShowTheFindingsAndTheChangedOutcome() {
    String table = file("bpmn", "takeOutApprover.dmn").replace("<text>\"DEPARTMENT_HEAD\"</text>\n        </outputEntry>\n      </rule>\n      <rule id=\"Rule_SecretByPresident\">",
        "<text>\"SECTION_CHIEF\"</text>\n        </outputEntry>\n      </rule>\n      <rule id=\"Rule_SecretByPresident\">");
    assertThat(table).contains("SECTION_CHIEF");
    ResponseEntity<JsonNode> checks = rest.withBasicAuth(DemoOrganisation.SECURITY_OFFICER,
        PASSWORD).postForEntity("/api/design/checks",
        Map.of("files", List.of(Map.of("name", "takeOutApprover.dmn", "content", table))), JsonNode.class);
    assertThat(checks.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(checks.getBody().path("findings").findValuesAsText("severity")).doesNotContain("ERROR");
    ResponseEntity<JsonNode> dryRun = rest.withBasicAuth(DemoOrganisation.SECURITY_OFFICER,
        PASSWORD).postForEntity("/api/design/dry-run",
        Map.of("files", List.of(Map.of("name", "takeOutApprover.dmn", "content", table))), JsonNode.class);
    assertThat(dryRun.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode decision = dryRun.getBody().path("decisions").get(0);
    assertThat(decision.path("decisionKey").asText()).isEqualTo("takeOutApprover");
    List<String> inputs = new ArrayList<>();
    decision.path("inputs").forEach(n -> inputs.add(n.asText()));
    assertThat(inputs).containsExactly("assetsRegistered", "classification");
    int changed = 0;
    for (JsonNode row : decision.path("rows")) {
      if (row.path("changed").asBoolean()) {
        changed++;
        assertThat(row.path("sample").path("classification").asText()).isEqualTo("INTERNAL");
        assertThat(row.path("old").path("approverRole").asText()).isEqualTo("DEPARTMENT_HEAD");
        assertThat(row.path("new").path("approverRole").asText()).isEqualTo("SECTION_CHIEF");
      }
    }
    assertThat(changed).isEqualTo(1);
    assertThat(decision.path("rows").size()).isEqualTo(5);
    // a flow's paths and its changed elements
    String flow = file("bpmn", "roleChange.bpmn").replace("camunda:dueDate=\"${dateTime().plusDays(5).toDate()}\"",
        "camunda:dueDate=\"${dateTime().plusDays(3).toDate()}\"");
    JsonNode process = rest.withBasicAuth(DemoOrganisation.SECURITY_OFFICER,
        PASSWORD).postForEntity("/api/design/dry-run",
        Map.of("files", List.of(Map.of("name", "roleChange.bpmn", "content", flow))), JsonNode.class).getBody()
        .path("processes").get(0);
    assertThat(process.path("processKey").asText()).isEqualTo("roleChange");
    List<String> changedIds = new ArrayList<>();
    process.path("changed").forEach(n -> changedIds.add(n.asText()));
    assertThat(changedIds).containsExactly("UserTask_ApproveRoleChange");
    assertThat(process.path("old").size()).isEqualTo(process.path("new").size()).isPositive();
    assertThat(process.path("new").toString()).contains("UserTask_ApproveRoleChange").contains("approverRole");
  }

  private static HttpEntity<MultiValueMap<String, Object>> deployment(String name, String content,
      HttpHeaders headers) {
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return new HttpEntity<>(deploymentBody(name, content), headers);
  }

  private static MultiValueMap<String, Object> deploymentBody(String name, String content) {
    MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    body.add("deployment-name", "direct " + name);
    body.add("data", new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return name;
      }
    });
    return body;
  }

  /** As is, with path parameters, percent-encoded, doubled slashes, trailing slash. */
  static List<String> spellings(String root) {
    return List.of(root + "/deployment/create", root + "/deployment;x/create;y", root + "/deployment/%63reate",
        root + "//deployment//create", root + "/deployment/create/");
  }

  @Test
  void aProcessOwnerCannotDeployDirectlyOnEitherRootInAnySpelling() {
    String table = file("bpmn", "takeOutApprover.dmn");
    long deployed = deployments();
    // tanaka is a process owner (security officer) but not camunda-admin
    for (String user : List.of(DemoOrganisation.SECURITY_OFFICER)) {
      for (String path : spellings("/engine-rest")) {
        ResponseEntity<String> answer = rest.withBasicAuth(user, PASSWORD).exchange(path, HttpMethod.POST,
            deployment("takeOutApprover.dmn", table, new HttpHeaders()), String.class);
        assertThat(answer.getStatusCode().value()).as(path + " " + answer.getBody()).isIn(400, 403, 404);
        assertThat(answer.getStatusCode().is2xxSuccessful()).isFalse();
      }
      WebappSession session = new WebappSession(rest);
      session.login(user, PASSWORD, "cockpit");
      for (String path : spellings("/camunda/api/engine/engine/default")) {
        ResponseEntity<String> answer = session.postMultipart(path, deploymentBody("takeOutApprover.dmn", table));
        assertThat(answer.getStatusCode().value()).as(path + " " + answer.getBody()).isIn(400, 403, 404);
      }
    }
    ResponseEntity<String> canonical = rest.withBasicAuth(DemoOrganisation.PROCESS_OWNER,
        PASSWORD).exchange("/engine-rest/deployment/create",
        HttpMethod.POST, deployment("takeOutApprover.dmn", table, new HttpHeaders()), String.class);
    assertThat(canonical.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(deployments()).isEqualTo(deployed);
  }

  @Test
  void camundaAdminsBadModelIsRefusedAndAGoodOneIsAnEmergencyDeploymentApprovedAfterTheFact() {
    long deployed = deployments();
    long before = revisions();
    String bad = file("bpmn", "takeOutApprover.dmn").replace("<text>\"PRESIDENT\"</text>", "<text>\"CHAIRMAN\"</text>");
    ResponseEntity<String> refused = rest.withBasicAuth(DemoOrganisation.DEPARTMENT_PROCESS_OWNER,
        PASSWORD).exchange("/engine-rest/deployment/create",
        HttpMethod.POST, deployment("takeOutApprover.dmn", bad, new HttpHeaders()), String.class);
    assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).contains("isms/role-code").contains("Rule_SecretByPresident");
    assertThat(deployments()).isEqualTo(deployed);
    assertThat(revisions()).isEqualTo(before);

    // a good one (the committee form with another heading) is deployed, recorded as an emergency deployment
    String form = file("forms", "modelRevisionCommittee.form").replace("(情報セキュリティ委員会, 1.4)",
        "(情報セキュリティ委員会, 1.4) 緊急");
    ResponseEntity<JsonNode> accepted = rest.withBasicAuth(DemoOrganisation.DEPARTMENT_PROCESS_OWNER,
        PASSWORD).exchange(
        "/engine-rest/deployment/create", HttpMethod.POST,
        deployment("modelRevisionCommittee.form", form, new HttpHeaders()), JsonNode.class);
    assertThat(accepted.getStatusCode()).as(String.valueOf(accepted.getBody())).isEqualTo(HttpStatus.OK);
    String deploymentId = accepted.getBody().path("id").asText();
    assertThat(jdbc.queryForObject("select source from model_deployment where deployment_id = ?", String.class,
        deploymentId)).isEqualTo("EMERGENCY");
    ProcessInstance emergency = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(ModelRevisionProcess.KEY).active().list().stream()
        .filter(p -> Boolean.TRUE.equals(engine.getRuntimeService().getVariable(p.getId(),
            ModelRevisionProcess.EMERGENCY)))
        .findFirst().orElseThrow();
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(emergency.getId()).singleResult();
    assertThat(task.getTaskDefinitionKey()).isEqualTo(ModelRevisionProcess.TASK_APPROVE);
    assertThat(engine.getTaskService().getIdentityLinksForTask(task.getId())).extracting(l -> l.getGroupId())
        .contains("security-officer");
    // the security officer approves after the fact: the revision is recorded, nothing is deployed twice
    long afterEmergency = deployments();
    new Requests(engine).complete(DemoOrganisation.SECURITY_OFFICER, emergency, Map.of("decision", "APPROVED",
        "decisionComment", ""));
    assertThat(deployments()).isEqualTo(afterEmergency);
    assertThat(jdbc.queryForObject("select revision from model_deployment where deployment_id = ?", String.class,
        deploymentId)).isNotNull();
    ResponseEntity<JsonNode> revision = rest.withBasicAuth(DemoOrganisation.DEPARTMENT_PROCESS_OWNER,
        PASSWORD).getForEntity("/api/design/revision",
        JsonNode.class);
    assertThat(revision.getBody().path("businessKey").asText()).isEqualTo(emergency.getBusinessKey());
  }
}
