package jp.sample.isms.takeout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.IdentityService;
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

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.support.Requests;
import jp.sample.isms.support.DemoOrganisation;

/** Two approvers on one task at once: exactly one wins, the other gets 409 or 404 in Japanese, never 500. */
@IsmsSpringBootTest
class TakeOutConflictTest {

  @Autowired
  TestRestTemplate rest;
  @Autowired
  ProcessEngine engine;
  @Autowired
  IdentityService identityService;

  private ResponseEntity<String> submit(String user, String taskId) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    Map<String, Object> body = Map.of("variables", Map.of("decision", Map.of("value", "APPROVED", "type", "String")));
    return rest.withBasicAuth(user, DemoOrganisation.PASSWORD).exchange("/engine-rest/task/" + taskId + "/submit-form",
        HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
  }

  @Test
  void twoApproversCompletingTheSameTaskAtOnce() throws Exception {
    identityService.createMembership(DemoOrganisation.HR_HEAD, "department-head.development");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    int conflicts = 0;
    int notFound = 0;
    try {
      for (int round = 0; round < 5; round++) {
        ProcessInstance instance = new Requests(engine).file(DemoOrganisation.DESIGN_EMPLOYEE, TakeOutProcess.KEY,
            TakeOutProcessTest.laptop(TakeOutProcessTest.INTERNAL_DRAWINGS));
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<ResponseEntity<String>>> results = new ArrayList<>();
        for (String approver : List.of(DemoOrganisation.DEVELOPMENT_HEAD, DemoOrganisation.HR_HEAD)) {
          results.add(pool.submit(() -> {
            start.await();
            return submit(approver, task.getId());
          }));
        }
        List<HttpStatus> statuses = new ArrayList<>();
        for (Future<ResponseEntity<String>> result : results) {
          ResponseEntity<String> response = result.get();
          statuses.add(HttpStatus.valueOf(response.getStatusCode().value()));
          if (response.getStatusCode().value() == 409) {
            conflicts++;
            assertThat(response.getBody()).contains("他の人が同時に処理したため");
          }
          if (response.getStatusCode().value() == 404) {
            notFound++;
          }
        }
        assertThat(statuses).as("round %d", round).containsOnlyOnce(HttpStatus.NO_CONTENT);
        assertThat(statuses).as("round %d", round).doesNotContain(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(instance.getId())
            .taskDefinitionKey(TakeOutProcess.TASK_APPROVE).count()).isEqualTo(1);
      }
      System.out.printf("concurrent completions: 5 rounds, %d answered 409, %d answered 404, 0 answered 500%n",
          conflicts, notFound);
    } finally {
      pool.shutdownNow();
      identityService.deleteMembership(DemoOrganisation.HR_HEAD, "department-head.development");
    }
  }

  @Test
  void completingATaskTwiceGets404() {
    ProcessInstance instance = new Requests(engine).file(DemoOrganisation.DESIGN_EMPLOYEE, TakeOutProcess.KEY,
        TakeOutProcessTest.laptop(TakeOutProcessTest.INTERNAL_DRAWINGS));
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(submit(DemoOrganisation.DEVELOPMENT_HEAD, task.getId()).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    ResponseEntity<String> again = submit(DemoOrganisation.DEVELOPMENT_HEAD, task.getId());
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(again.getBody()).contains("対象が見つかりません");
  }
}
