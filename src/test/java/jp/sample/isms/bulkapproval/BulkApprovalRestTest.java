package jp.sample.isms.bulkapproval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.audit.AuditEntry;
import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.support.Requests;
import jp.sample.isms.system.WebappSession;
import jp.sample.isms.support.DemoOrganisation;

/** {@code POST /api/tasks/bulk-approve}: one comment, one result per task, four eyes and flows still apply. */
@IsmsSpringBootTest
class BulkApprovalRestTest {

  private static final String PASSWORD = DemoOrganisation.PASSWORD;

  @Autowired
  TestRestTemplate rest;
  @Autowired
  ProcessEngine engine;
  @Autowired
  AuditRecorder audit;

  private final ObjectMapper json = new ObjectMapper();
  private Requests requests;

  @BeforeEach
  void setUp() {
    requests = new Requests(engine);
  }

  private ResponseEntity<String> bulkApprove(String user, Object body) {
    return rest.withBasicAuth(user, PASSWORD).postForEntity("/api/tasks/bulk-approve", body, String.class);
  }

  @Test
  void itoApprovesTwoTakeOutsAtOnceAndHisOwnIsRefusedByFourEyes() throws Exception {
    // given two take-outs of yamamoto and one of ito himself, with sato as a second head of 開発設計部
    engine.getIdentityService().createMembership(DemoOrganisation.HR_HEAD, "department-head.development");
    try {
      ProcessInstance first = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, "takeOut", Requests.internalLaptopTakeOut());
      ProcessInstance second = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, "takeOut", Requests.internalLaptopTakeOut());
      ProcessInstance own = requests.file(DemoOrganisation.DEVELOPMENT_HEAD, "takeOut", Requests.internalLaptopTakeOut());
      String firstTask = requests.task(first).getId();
      String secondTask = requests.task(second).getId();
      String ownTask = requests.task(own).getId();
      JsonNode offered = json.readTree(rest.withBasicAuth(DemoOrganisation.DEVELOPMENT_HEAD, PASSWORD)
          .getForEntity("/api/tasks/bulk-approvable", String.class).getBody());
      assertThat(offered.get("tasks").findValuesAsText("taskId")).contains(firstTask, secondTask);

      // when
      ResponseEntity<String> response = bulkApprove(DemoOrganisation.DEVELOPMENT_HEAD, Map.of("taskIds", List.of(firstTask, secondTask, ownTask),
          "comment", "業務上必要と認めます"));

      // then
      assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
      JsonNode body = json.readTree(response.getBody());
      assertThat(body.get("approved").asInt()).isEqualTo(2);
      assertThat(body.get("refused").asInt()).isEqualTo(1);
      JsonNode results = body.get("results");
      assertThat(results.get(0).get("ok").asBoolean()).isTrue();
      assertThat(results.get(0).get("businessKey").asText()).isEqualTo(first.getBusinessKey());
      assertThat(results.get(1).get("ok").asBoolean()).isTrue();
      assertThat(results.get(2).get("ok").asBoolean()).isFalse();
      assertThat(results.get(2).get("message").asText()).contains("自分の申請は承認できません");
      // each approval is a decision of ito with the comment; ito's own request still waits, unclaimed
      AuditEntry decision = audit.latest(first.getId(), "UserTask_ApproveTakeOut");
      assertThat(decision.actor()).isEqualTo(DemoOrganisation.DEVELOPMENT_HEAD);
      assertThat(decision.outcome()).isEqualTo("APPROVED");
      assertThat(decision.comment()).isEqualTo("業務上必要と認めます");
      assertThat(requests.task(second).getTaskDefinitionKey()).isNotEqualTo("UserTask_ApproveTakeOut");
      assertThat(requests.task(own).getId()).isEqualTo(ownTask);
      assertThat(requests.task(own).getAssignee()).isNull();
    } finally {
      engine.getIdentityService().deleteMembership(DemoOrganisation.HR_HEAD, "department-head.development");
    }
  }

  @Test
  void flowsThatAreNotBulkApprovableAndOtherPeoplesTasksAreRefusedPerTask() throws Exception {
    // given a media disposal waiting for watanabe and a take-out for ito
    java.util.Map<String, Object> disposal = new java.util.HashMap<>(Map.of("assetIds", "IA-0004",
        "mediaType", "USB_MEMORY", "action", "DISPOSE", "method", "PHYSICAL_DESTRUCTION", "quantity", 1,
        "description", "古いUSBメモリ"));
    ProcessInstance mediaDisposal = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, "mediaDisposal", disposal);
    ProcessInstance takeOut = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, "takeOut", Requests.internalLaptopTakeOut());

    // when watanabe tries both and a task that does not exist
    JsonNode body = json.readTree(bulkApprove(DemoOrganisation.DESIGN_CHIEF, Map.of("taskIds", List.of(
        requests.task(mediaDisposal).getId(), requests.task(takeOut).getId(), "no-such-task"))).getBody());

    // then nothing is approved, each with its reason
    assertThat(body.get("approved").asInt()).isZero();
    assertThat(body.get("results").get(0).get("message").asText()).contains("一括承認の対象外");
    assertThat(body.get("results").get(1).get("ok").asBoolean()).isFalse();
    assertThat(body.get("results").get(2).get("message").asText()).contains("見つかりません");
    assertThat(requests.task(takeOut).getAssignee()).isNull();
  }

  @Test
  void anEmptySelectionGets400AndNoCredentials401() {
    assertThat(bulkApprove(DemoOrganisation.DEVELOPMENT_HEAD, Map.of("taskIds", List.of())).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(rest.postForEntity("/api/tasks/bulk-approve", Map.of("taskIds", List.of("x")), String.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void theTasklistSessionIsAcceptedWithItsCsrfToken() {
    // given ito logged in to Tasklist (no HTTP Basic)
    WebappSession session = new WebappSession(rest);
    assertThat(session.login(DemoOrganisation.DEVELOPMENT_HEAD, PASSWORD, "tasklist").getStatusCode()).isEqualTo(HttpStatus.OK);
    // the login renews the session; Tasklist's next request hands out the token of the new one
    session.get("/camunda/api/engine/engine/default/task/count");

    // then reading works, and a POST needs the webapps' CSRF token
    assertThat(session.get("/api/tasks/bulk-approvable").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(session.post("/api/tasks/bulk-approve", Map.of("taskIds", List.of("x")), false).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> withToken = session.post("/api/tasks/bulk-approve", Map.of("taskIds", List.of("x")), true);
    assertThat(withToken.getStatusCode()).as(withToken.getBody()).isEqualTo(HttpStatus.OK);
  }
}
