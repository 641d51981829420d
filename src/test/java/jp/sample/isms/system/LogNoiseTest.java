package jp.sample.isms.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.support.Requests;
import jp.sample.isms.support.RestCalls;
import jp.sample.isms.support.DemoOrganisation;

/** An ordinary refusal is one INFO line in the log, not an engine ERROR with a stack trace; a login logs no WARN. */
@IsmsSpringBootTest
@ExtendWith(OutputCaptureExtension.class)
class LogNoiseTest {

  @Autowired
  TestRestTemplate rest;
  @Autowired
  ProcessEngine engine;

  @Test
  void aRefusedFilingIsOneInfoLine(CapturedOutput output) {
    Map<String, Object> values = Requests.internalLaptopTakeOut();
    values.remove("attestDiskEncrypted");

    ResponseEntity<String> answer = rest.withBasicAuth(DemoOrganisation.DESIGN_EMPLOYEE,
        RestCalls.PASSWORD).postForEntity(
        "/engine-rest/process-definition/key/takeOut/submit-form", RestCalls.variables(values), String.class);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    String log = output.getOut() + output.getErr();
    assertThat(log).contains("INFO").contains("refused: ").contains("3.2");
    assertThat(log).doesNotContain("ENGINE-16004").doesNotContain("\tat org.camunda.bpm.engine");
  }

  @Test
  void aWithdrawalByAnotherUserAndASelfApprovalAreOneInfoLineEach(CapturedOutput output) {
    ProcessInstance instance = new Requests(engine).file(DemoOrganisation.DESIGN_EMPLOYEE, "takeOut",
        Requests.internalLaptopTakeOut());
    String taskId = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult()
        .getId();

    ResponseEntity<String> withdrawal = rest.withBasicAuth(DemoOrganisation.PRODUCTION_EMPLOYEE,
        RestCalls.PASSWORD).postForEntity(
        "/api/requests/" + instance.getBusinessKey() + "/withdraw", Map.of(), String.class);
    ResponseEntity<String> claim = rest.withBasicAuth(DemoOrganisation.DESIGN_EMPLOYEE,
        RestCalls.PASSWORD).postForEntity(
        "/engine-rest/task/" + taskId + "/claim", Map.of("userId", DemoOrganisation.DESIGN_EMPLOYEE), String.class);

    assertThat(withdrawal.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(claim.getStatusCode().is4xxClientError()).as(claim.getBody()).isTrue();
    String log = output.getOut() + output.getErr();
    assertThat(log).contains("refused: 申請者本人のみが引き戻せます");
    assertThat(log).doesNotContain("ENGINE-16004").doesNotContain("\tat org.camunda.bpm.engine");
  }

  @Test
  void aLoginInTheWebappsLogsNoWarning(CapturedOutput output) {
    WebappSession session = new WebappSession(rest);
    assertThat(session.login(DemoOrganisation.DESIGN_EMPLOYEE, RestCalls.PASSWORD,
        "tasklist").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(output.getOut() + output.getErr()).doesNotContain("WARN").doesNotContain("request body has been consumed");
  }
}
