package jp.sample.isms.outsourcing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.support.Outsourcings;
import jp.sample.isms.support.DemoOrganisation;

/** outsourcing and resubcontracting through the standard REST API: 400 with the clause, 403 for four eyes. */
@IsmsSpringBootTest
class ContractFlowsRestTest {

  @Autowired
  TestRestTemplate rest;
  @Autowired
  TaskService taskService;

  private ResponseEntity<JsonNode> post(String user, String path, Map<String, Object> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value,
        "type", value instanceof Boolean ? "Boolean" : "String")));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, DemoOrganisation.PASSWORD).exchange("/engine-rest" + path, HttpMethod.POST,
        new HttpEntity<>(Map.of("variables", variables), headers), JsonNode.class);
  }

  @Test
  void aResubcontractingOfNoRunningOutsourcingIsRefusedWith815() {
    ResponseEntity<JsonNode> response = post(DemoOrganisation.DESIGN_EMPLOYEE, "/process-definition/key/resubcontracting/submit-form",
        Map.of("outsourcingBusinessKey", "OS-1999-9999", "resubcontractor", "再委託株式会社",
            "scopeOfWork", "データ入力の一部"));
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().get("message").asText()).contains("8.1.5:");
  }

  @Test
  void anUnmetCriterionWithoutMitigationIsRefusedWith811AndOnlyTheDepartmentHeadEvaluates() {
    ResponseEntity<JsonNode> filed = post(DemoOrganisation.DESIGN_EMPLOYEE, "/process-definition/key/outsourcing/submit-form",
        Outsourcings.request());
    assertThat(filed.getStatusCode()).isEqualTo(HttpStatus.OK);
    Task evaluation = taskService.createTaskQuery().processInstanceId(filed.getBody().get("id").asText())
        .singleResult();

    Map<String, Object> unmet = Outsourcings.evaluationAllMet();
    unmet.put("criterion03", "NOT_MET");
    ResponseEntity<JsonNode> refused = post(DemoOrganisation.DEVELOPMENT_HEAD, "/task/" + evaluation.getId() + "/submit-form", unmet);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().get("message").asText()).contains("8.1.1:");

    ResponseEntity<JsonNode> notTheirs = post(DemoOrganisation.DESIGN_CHIEF, "/task/" + evaluation.getId() + "/submit-form",
        Outsourcings.evaluationAllMet());
    assertThat(notTheirs.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<JsonNode> ownRequest = post(DemoOrganisation.DESIGN_EMPLOYEE, "/task/" + evaluation.getId() + "/submit-form",
        Outsourcings.evaluationAllMet());
    assertThat(ownRequest.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(taskService.createTaskQuery().taskId(evaluation.getId()).count()).isEqualTo(1);
  }
}
