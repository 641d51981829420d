package jp.sample.isms.clouduse;

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
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.approval.RequestWithdrawal;
import jp.sample.isms.support.DemoOrganisation;

/** cloudUse through the standard Camunda REST API: 400 with the clause for its refusals, 403 for four eyes. */
@IsmsSpringBootTest
class CloudUseRestTest {

  private static final String PASSWORD = DemoOrganisation.PASSWORD;

  @Autowired
  TestRestTemplate rest;
  @Autowired
  TaskService taskService;
  @Autowired
  RequestWithdrawal withdrawal;

  private final ObjectMapper json = new ObjectMapper();

  private Map<String, Object> variables(Map<String, Object> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value,
        "type", value instanceof Boolean ? "Boolean" : "String")));
    return Map.of("variables", variables);
  }

  private ResponseEntity<String> post(String user, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, PASSWORD).exchange("/engine-rest" + path, HttpMethod.POST,
        new HttpEntity<>(body, headers), String.class);
  }

  private String message(ResponseEntity<String> response) throws Exception {
    return json.readTree(response.getBody()).get("message").asText();
  }

  @Test
  void anInternalRegistrationAddressGets400NamingTheClause() throws Exception {
    Map<String, Object> values = CloudUseProcessTest.request("PUBLIC", false);
    values.put("registrationEmail", "yamamoto@sample-printing.example");
    long before = taskService.createTaskQuery().processDefinitionKey(CloudUseProcess.KEY).count();

    ResponseEntity<String> response = post(DemoOrganisation.DESIGN_EMPLOYEE, "/process-definition/key/cloudUse/submit-form",
        variables(values));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(message(response)).contains("7.18: クラウドサービスには外部メールアドレスを登録してください");
    assertThat(taskService.createTaskQuery().processDefinitionKey(CloudUseProcess.KEY).count()).isEqualTo(before);
  }

  @Test
  void aMissingStorageApprovalGets400AndAStepOfAnotherRoleGets403() throws Exception {
    ResponseEntity<String> filed = post(DemoOrganisation.DESIGN_EMPLOYEE, "/process-definition/key/cloudUse/submit-form",
        variables(CloudUseProcessTest.request("SECRET", false)));
    assertThat(filed.getStatusCode()).as(filed.getBody()).isEqualTo(HttpStatus.OK);
    JsonNode instance = json.readTree(filed.getBody());
    String instanceId = instance.get("id").asText();
    try {
      Task evaluation = taskService.createTaskQuery().processInstanceId(instanceId).singleResult();
      // the security officer cannot evaluate the provider in the system administrator's place
      ResponseEntity<String> notTheirs = post(DemoOrganisation.SECURITY_OFFICER, "/task/" + evaluation.getId() + "/submit-form",
          variables(CloudUseProcessTest.suitable()));
      assertThat(notTheirs.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
      ResponseEntity<String> evaluated = post(DemoOrganisation.SYSTEM_ADMINISTRATOR, "/task/" + evaluation.getId() + "/submit-form",
          variables(CloudUseProcessTest.suitable()));
      assertThat(evaluated.getStatusCode().is2xxSuccessful()).as(evaluated.getBody()).isTrue();

      Task approval = taskService.createTaskQuery().processInstanceId(instanceId).singleResult();
      ResponseEntity<String> unapproved = post(DemoOrganisation.SECURITY_OFFICER, "/task/" + approval.getId() + "/submit-form",
          variables(Map.of("decision", "APPROVED", "storageApproved", false)));
      assertThat(unapproved.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(message(unapproved)).contains("7.18: 極秘の情報資産をクラウドサービスに保存するには", "(storageApproved)");
      assertThat(taskService.createTaskQuery().taskId(approval.getId()).count()).isOne();
    } finally {
      String businessKey = rest.withBasicAuth(DemoOrganisation.DESIGN_EMPLOYEE, PASSWORD)
          .getForObject("/engine-rest/process-instance/" + instanceId, JsonNode.class).get("businessKey").asText();
      withdrawal.withdraw(businessKey, DemoOrganisation.DESIGN_EMPLOYEE, "テスト後の片付け");
    }
  }
}
