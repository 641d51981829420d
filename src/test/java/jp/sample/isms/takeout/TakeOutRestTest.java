package jp.sample.isms.takeout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
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
import jp.sample.isms.system.WebappSession;
import jp.sample.isms.support.DemoOrganisation;

/** The kernel's answers through the standard Camunda REST API: 200, 400 with field and clause, 403 for four eyes. */
@IsmsSpringBootTest
class TakeOutRestTest {

  private static final String PASSWORD = DemoOrganisation.PASSWORD;

  @Autowired
  TestRestTemplate rest;
  @Autowired
  TaskService taskService;
  @Autowired
  IdentityService identityService;

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

  /** A POST through either REST root: Basic authentication on /engine-rest, a Tasklist session on the webapp's. */
  private ResponseEntity<String> postTo(String root, String user, String path, Object body) {
    if (root.equals("/engine-rest")) {
      return post(user, path, body);
    }
    WebappSession session = new WebappSession(rest);
    session.login(user, PASSWORD, "tasklist");
    session.get(root + "/task/count");
    return session.post(root + path, body, true);
  }

  private JsonNode read(ResponseEntity<String> response) throws Exception {
    return json.readTree(response.getBody());
  }

  private String file(String user, Map<String, Object> values) throws Exception {
    ResponseEntity<String> response = post(user, "/process-definition/key/takeOut/submit-form", variables(values));
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    return read(response).get("id").asText();
  }

  @Test
  void yamamotoFilesAnInternalTakeOutThatLandsWithIto() throws Exception {
    String instanceId = file(DemoOrganisation.DESIGN_EMPLOYEE, TakeOutProcessTest.laptop(TakeOutProcessTest.INTERNAL_DRAWINGS));

    ResponseEntity<String> itosTasks = rest.withBasicAuth(DemoOrganisation.DEVELOPMENT_HEAD, PASSWORD)
        .getForEntity("/engine-rest/task?processInstanceId=" + instanceId, String.class);
    assertThat(read(itosTasks)).hasSize(1);
    assertThat(read(itosTasks).get(0).get("name").asText()).isEqualTo("持ち出しを承認する");

    ResponseEntity<String> katosView = rest.withBasicAuth(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, PASSWORD)
        .getForEntity("/engine-rest/task?processInstanceId=" + instanceId, String.class);
    assertThat(read(katosView)).isEmpty();

    // the requester follows the request (read only) in 自分の申請
    ResponseEntity<String> yamamotosView = rest.withBasicAuth(DemoOrganisation.DESIGN_EMPLOYEE, PASSWORD)
        .getForEntity("/engine-rest/task?processInstanceId=" + instanceId, String.class);
    assertThat(read(yamamotosView)).hasSize(1);
  }

  @Test
  void invalidInputGets400WithTheFieldAndNothingIsStarted() throws Exception {
    Map<String, Object> values = TakeOutProcessTest.laptop(TakeOutProcessTest.INTERNAL_DRAWINGS);
    values.put("plannedReturnDate", TakeOutProcessTest.TODAY.minusDays(5).toString());
    long before = taskService.createTaskQuery().count();

    ResponseEntity<String> response = post(DemoOrganisation.DESIGN_EMPLOYEE, "/process-definition/key/takeOut/submit-form",
        variables(values));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(read(response).get("message").asText())
        .contains("plannedReturnDate: 返却予定日は持ち出し日以降の日付にしてください");
    assertThat(taskService.createTaskQuery().count()).isEqualTo(before);
  }

  @Test
  void aRefusalGets400NamingTheClause() throws Exception {
    Map<String, Object> values = TakeOutProcessTest.laptop(TakeOutProcessTest.SECRET_DRAWINGS);
    values.remove("attestDiskEncrypted");
    ResponseEntity<String> response = post(DemoOrganisation.DESIGN_EMPLOYEE, "/process-definition/key/takeOut/submit-form",
        variables(values));
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(read(response).get("message").asText()).contains("3.2: ノートパソコンで持ち出す場合は");
  }

  @Test
  void assetsOutsideTheScopeAndDeclaredClassificationsGet400OnBothRestRoots() throws Exception {
    long before = taskService.createTaskQuery().count();
    for (String root : List.of("/engine-rest", "/camunda/api/engine/engine/default")) {
      // kato (総務部) names 開発設計部's drawings, outside his user scope (3.1.4)
      ResponseEntity<String> outside = postTo(root, DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, "/process-definition/key/takeOut/submit-form",
          variables(TakeOutProcessTest.laptop(TakeOutProcessTest.INTERNAL_DRAWINGS)));
      assertThat(outside.getStatusCode()).as(root + " " + outside.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(read(outside).get("message").asText()).contains("3.1.4:", "(assetIds)");
      // yamamoto declares her INTERNAL drawings PUBLIC: the classification is the register's, not hers
      Map<String, Object> declared = TakeOutProcessTest.laptop(TakeOutProcessTest.INTERNAL_DRAWINGS);
      declared.put("classification", "PUBLIC");
      ResponseEntity<String> response = postTo(root, DemoOrganisation.DESIGN_EMPLOYEE, "/process-definition/key/takeOut/submit-form",
          variables(declared));
      assertThat(response.getStatusCode()).as(root).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(read(response).get("message").asText()).contains("classification: このフォームにない項目です");
    }
    assertThat(taskService.createTaskQuery().count()).isEqualTo(before);
  }

  @Test
  void completeAndSubmitFormValidateTheDecision() throws Exception {
    String instanceId = file(DemoOrganisation.DESIGN_EMPLOYEE, TakeOutProcessTest.laptop(TakeOutProcessTest.INTERNAL_DRAWINGS));
    Task task = taskService.createTaskQuery().processInstanceId(instanceId).singleResult();

    ResponseEntity<String> complete = post(DemoOrganisation.DEVELOPMENT_HEAD, "/task/" + task.getId() + "/complete",
        variables(Map.of("decision", "REJECTED")));
    assertThat(complete.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(read(complete).get("message").asText()).contains("decisionComment: 却下の場合はコメントが必須です");

    ResponseEntity<String> submit = post(DemoOrganisation.DEVELOPMENT_HEAD, "/task/" + task.getId() + "/submit-form",
        variables(Map.of("decision", "MAYBE")));
    assertThat(submit.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(read(submit).get("message").asText()).contains("decision:");

    ResponseEntity<String> approved = post(DemoOrganisation.DEVELOPMENT_HEAD, "/task/" + task.getId() + "/submit-form",
        variables(Map.of("decision", "APPROVED")));
    assertThat(approved.getStatusCode().is2xxSuccessful()).as(approved.getBody()).isTrue();
  }

  @Test
  void theRequesterWithdrawsThroughTheProductApi() throws Exception {
    String instanceId = file(DemoOrganisation.DESIGN_EMPLOYEE, TakeOutProcessTest.laptop(TakeOutProcessTest.INTERNAL_DRAWINGS));
    String businessKey = rest.withBasicAuth(DemoOrganisation.DESIGN_EMPLOYEE, PASSWORD)
        .getForObject("/engine-rest/process-instance/" + instanceId, JsonNode.class).get("businessKey").asText();

    assertThat(rest.postForEntity("/api/requests/" + businessKey + "/withdraw", Map.of(), String.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    ResponseEntity<String> notTheRequester = rest.withBasicAuth(DemoOrganisation.DEVELOPMENT_HEAD, PASSWORD)
        .postForEntity("/api/requests/" + businessKey + "/withdraw", Map.of(), String.class);
    assertThat(notTheRequester.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(notTheRequester.getBody()).contains("申請者本人のみが引き戻せます");
    ResponseEntity<String> withdrawn = rest.withBasicAuth(DemoOrganisation.DESIGN_EMPLOYEE, PASSWORD)
        .postForEntity("/api/requests/" + businessKey + "/withdraw", Map.of("comment", "不要になった"), String.class);
    assertThat(withdrawn.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(rest.withBasicAuth(DemoOrganisation.DESIGN_EMPLOYEE, PASSWORD)
        .postForEntity("/api/requests/" + businessKey + "/withdraw", Map.of(), String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }
}
