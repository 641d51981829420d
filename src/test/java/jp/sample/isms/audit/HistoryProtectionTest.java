package jp.sample.isms.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.support.Requests;
import jp.sample.isms.support.DemoOrganisation;

/** Comments and history cannot be changed or deleted except by the system administrator; the record keeps them. */
@IsmsSpringBootTest
class HistoryProtectionTest {

  @Autowired
  TestRestTemplate rest;
  @Autowired
  ProcessEngine engine;
  @Autowired
  JdbcTemplate jdbc;

  private ResponseEntity<JsonNode> call(String user, HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, DemoOrganisation.PASSWORD).exchange("/engine-rest" + path, method,
        new HttpEntity<>(body, headers), JsonNode.class);
  }

  @Test
  void aCommentIsRecordedAndOnlyTheAdministratorMayChangeOrDeleteIt() {
    ProcessInstance instance = new Requests(engine).file(DemoOrganisation.DESIGN_EMPLOYEE, "takeOut", Requests.internalLaptopTakeOut());
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();

    ResponseEntity<JsonNode> created = call(DemoOrganisation.DEVELOPMENT_HEAD, HttpMethod.POST, "/task/" + task.getId() + "/comment/create",
        Map.of("message", "持ち出し先に確認中"));
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.OK);
    String commentId = created.getBody().get("id").asText();
    assertThat(comments(instance, "COMMENTED")).containsExactly("持ち出し先に確認中");

    assertThat(call(DemoOrganisation.DEVELOPMENT_HEAD, HttpMethod.DELETE, "/task/" + task.getId() + "/comment/" + commentId, null).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(call(DemoOrganisation.DEVELOPMENT_HEAD, HttpMethod.PUT, "/task/" + task.getId() + "/comment",
        Map.of("id", commentId, "message", "書き換え")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(engine.getTaskService().getTaskComment(task.getId(), commentId).getFullMessage())
        .isEqualTo("持ち出し先に確認中");

    assertThat(call(DemoOrganisation.SYSTEM_ADMINISTRATOR, HttpMethod.DELETE, "/task/" + task.getId() + "/comment/" + commentId, null)
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(comments(instance, "HISTORY_CHANGED")).singleElement().asString().contains("元のコメント: 持ち出し先に確認中");
  }

  @Test
  void historyAndTheOperationLogCannotBeDeletedByOthers() {
    ProcessInstance instance = new Requests(engine).file(DemoOrganisation.DESIGN_EMPLOYEE, "takeOut", Requests.internalLaptopTakeOut());
    engine.getRuntimeService().deleteProcessInstance(instance.getId(), "test");
    assertThat(call(DemoOrganisation.DESIGN_EMPLOYEE, HttpMethod.DELETE, "/history/process-instance/" + instance.getId(), null)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instance.getId())
        .count()).isEqualTo(1);
    // the operation log has no REST deletion; the Java API is guarded the same way
    String entry = engine.getHistoryService().createUserOperationLogQuery().list().get(0).getId();
    long before = engine.getHistoryService().createUserOperationLogQuery().count();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Requests(engine).as(DemoOrganisation.AUDIT_OFFICER, () -> {
      engine.getHistoryService().deleteUserOperationLogEntry(entry);
      return null;
    })).isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class).hasMessageContaining("操作ログの削除");
    assertThat(engine.getHistoryService().createUserOperationLogQuery().count()).isEqualTo(before);
  }

  private java.util.List<String> comments(ProcessInstance instance, String outcome) {
    return jdbc.queryForList("select comment from audit_record where process_instance_id = ? and outcome = ? order by id",
        String.class, instance.getId(), outcome);
  }
}
