package jp.sample.isms.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

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

/** An ordinary refusal is one INFO line in the log, not an engine ERROR with a stack trace; a login logs no WARN. */
@IsmsSpringBootTest
@ExtendWith(OutputCaptureExtension.class)
class LogNoiseTest {

  @Autowired
  TestRestTemplate rest;

  @Test
  void aRefusedFilingIsOneInfoLine(CapturedOutput output) {
    Map<String, Object> values = Requests.internalLaptopTakeOut();
    values.remove("attestDiskEncrypted");

    ResponseEntity<String> answer = rest.withBasicAuth("yamamoto", RestCalls.PASSWORD).postForEntity(
        "/engine-rest/process-definition/key/takeOut/submit-form", RestCalls.variables(values), String.class);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    String log = output.getOut() + output.getErr();
    assertThat(log).contains("INFO").contains("request refused (400): ").contains("3.2");
    assertThat(log).doesNotContain("ENGINE-16004").doesNotContain("\tat org.camunda.bpm.engine");
  }

  @Test
  void aLoginInTheWebappsLogsNoWarning(CapturedOutput output) {
    WebappSession session = new WebappSession(rest);
    assertThat(session.login("yamamoto", RestCalls.PASSWORD, "tasklist").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(output.getOut() + output.getErr()).doesNotContain("WARN").doesNotContain("request body has been consumed");
  }
}
