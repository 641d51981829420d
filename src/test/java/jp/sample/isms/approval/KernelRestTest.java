package jp.sample.isms.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.audit.AuditEntry;
import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.support.Requests;
import jp.sample.isms.system.WebappSession;
import jp.sample.isms.support.DemoOrganisation;

/**
 * The kernel's refusals over both REST roots ({@code /engine-rest} with HTTP Basic, the webapps'
 * {@code /camunda/api/engine/engine/default} with a session): a step cannot be ended by a BPMN error or escalation,
 * an administrator's cancellation is recorded, and a client's mistake is a 4xx naming the field, never a 500.
 */
@IsmsSpringBootTest
class KernelRestTest {

  private static final String PASSWORD = DemoOrganisation.PASSWORD;
  private static final String WEBAPP_ROOT = "/camunda/api/engine/engine/default";
  private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));

  @Autowired
  TestRestTemplate rest;
  @Autowired
  ProcessEngine engine;
  @Autowired
  AuditRecorder audit;
  @Autowired
  JdbcTemplate jdbc;

  Requests requests;

  @BeforeEach
  void setUp() {
    requests = new Requests(engine);
  }

  private ResponseEntity<String> basic(String user, HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, PASSWORD).exchange(path, method, new HttpEntity<>(body, headers), String.class);
  }

  private WebappSession session(String user) {
    WebappSession session = new WebappSession(rest);
    assertThat(session.login(user, PASSWORD, "tasklist").getStatusCode().value()).isEqualTo(200);
    session.get(WEBAPP_ROOT + "/task/count");
    return session;
  }

  private static Map<String, Object> typed(Map<String, Object> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value,
        "type", value instanceof Boolean ? "Boolean" : "String")));
    return variables;
  }

  private List<String> outcomes(String processInstanceId) {
    return audit.forProcessInstance(processInstanceId).stream().map(AuditEntry::outcome).toList();
  }

  @Test
  void aHolderCannotEndAStepByABpmnErrorOrEscalationOnEitherRoot() {
    // given
    var instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, "takeOut", Requests.internalLaptopTakeOut());
    Task task = requests.task(instance);
    List<String> before = outcomes(instance.getId());
    WebappSession ito = session(DemoOrganisation.DEVELOPMENT_HEAD);
    for (String action : List.of("bpmnError", "bpmnEscalation")) {
      Map<String, Object> body = Map.of(action.equals("bpmnError") ? "errorCode" : "escalationCode", "ANY");
      // when / then
      assertThat(basic(DemoOrganisation.DEVELOPMENT_HEAD, HttpMethod.POST, "/engine-rest/task/" + task.getId() + "/" + action, body)
          .getStatusCode().value()).isEqualTo(403);
      assertThat(ito.exchange(HttpMethod.POST, WEBAPP_ROOT + "/task/" + task.getId() + "/" + action, body)
          .getStatusCode().value()).isEqualTo(403);
    }
    assertThat(requests.task(instance).getId()).isEqualTo(task.getId());
    assertThat(outcomes(instance.getId())).isEqualTo(before);
    // an administrator's escalation nobody catches: 400, nothing changes
    ResponseEntity<String> escalation = basic(DemoOrganisation.SYSTEM_ADMINISTRATOR, HttpMethod.POST,
        "/engine-rest/task/" + task.getId() + "/bpmnEscalation", Map.of("escalationCode", "ANY"));
    assertThat(escalation.getStatusCode().value()).isEqualTo(400);
    assertThat(requests.task(instance).getId()).isEqualTo(task.getId());
    assertThat(outcomes(instance.getId())).isEqualTo(before);
  }

  @Test
  void anAdministratorsDeletionOverRestIsRecordedAsCancelled() {
    var instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, "takeOut", Requests.internalLaptopTakeOut());
    ResponseEntity<String> deleted = basic(DemoOrganisation.SYSTEM_ADMINISTRATOR, HttpMethod.DELETE,
        "/engine-rest/process-instance/" + instance.getId() + "?skipCustomListeners=true", null);
    assertThat(deleted.getStatusCode().value()).isEqualTo(204);
    List<AuditEntry> records = audit.forProcessInstance(instance.getId());
    assertThat(records).extracting(AuditEntry::outcome).containsExactly("FILED", "RECORDED", RequestLifecycle.CANCELLED);
    assertThat(records.get(records.size() - 1).actor()).isEqualTo(DemoOrganisation.SYSTEM_ADMINISTRATOR);
    assertThat(jdbc.queryForObject("select status from takeout_register where business_key = ?", String.class,
        instance.getBusinessKey())).isEqualTo("CANCELLED");
  }

  @Test
  void kernelVariablesOnStartAre400LikeOnSubmitForm() {
    long before = engine.getRuntimeService().createProcessInstanceQuery().count();
    Map<String, Object> values = new LinkedHashMap<>(Requests.internalLaptopTakeOut());
    values.put(ApprovalVariables.REQUESTER, DemoOrganisation.PRESIDENT);
    for (String path : List.of("/process-definition/key/takeOut/start", "/process-definition/key/takeOut/submit-form")) {
      ResponseEntity<String> response = basic(DemoOrganisation.DESIGN_EMPLOYEE, HttpMethod.POST, "/engine-rest" + path,
          Map.of("variables", typed(values)));
      assertThat(response.getStatusCode().value()).as(path).isEqualTo(400);
      assertThat(response.getBody()).contains(ApprovalVariables.REQUESTER);
    }
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(before);
  }

  @Test
  void anImpossibleDateIs400WithTheField() {
    long before = engine.getRuntimeService().createProcessInstanceQuery().count();
    Map<String, Object> values = new LinkedHashMap<>(Requests.internalLaptopTakeOut());
    values.put("plannedReturnDate", "2026-02-30");
    ResponseEntity<String> response = basic(DemoOrganisation.DESIGN_EMPLOYEE, HttpMethod.POST,
        "/engine-rest/process-definition/key/takeOut/submit-form", Map.of("variables", typed(values)));
    assertThat(response.getStatusCode().value()).isEqualTo(400);
    assertThat(response.getBody()).contains("plannedReturnDate");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(before);
  }

  @Test
  void objectVariablesOfAnyFormatAre400() {
    var instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, "takeOut", Requests.internalLaptopTakeOut());
    Task task = requests.task(instance);
    long before = engine.getRuntimeService().createProcessInstanceQuery().count();
    for (String format : List.of("application/json", "application/x-unknown")) {
      Map<String, Object> object = Map.of("type", "Object", "value", "{\"a\":1}", "valueInfo",
          Map.of("objectTypeName", "java.util.HashMap", "serializationDataFormat", format));
      Map<String, Object> variables = new LinkedHashMap<>(typed(Requests.internalLaptopTakeOut()));
      variables.put("purpose", object);
      for (String path : List.of("/process-definition/key/takeOut/start",
          "/process-definition/key/takeOut/submit-form")) {
        ResponseEntity<String> response = basic(DemoOrganisation.DESIGN_EMPLOYEE, HttpMethod.POST, "/engine-rest" + path,
            Map.of("variables", variables));
        assertThat(response.getStatusCode().value()).as(path + " " + format).isBetween(400, 499);
      }
      ResponseEntity<String> complete = basic(DemoOrganisation.DEVELOPMENT_HEAD, HttpMethod.POST, "/engine-rest/task/" + task.getId() + "/complete",
          Map.of("variables", Map.of("decision", object)));
      assertThat(complete.getStatusCode().value()).as("complete " + format).isBetween(400, 499);
    }
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(before);
    assertThat(requests.task(instance).getId()).isEqualTo(task.getId());
    assertThat(outcomes(instance.getId())).containsExactly("FILED", "RECORDED");
  }

  @Test
  void overLongAndOutOfRangeInputOfTheProductApiIs400() {
    String huge = "あ".repeat(100_000);
    long substitutions = jdbc.queryForObject("select count(*) from approval_substitute", Long.class);
    ResponseEntity<String> substitute = basic(DemoOrganisation.DEVELOPMENT_HEAD, HttpMethod.POST, "/api/substitutes", Map.of("substitute",
        DemoOrganisation.DESIGN_CHIEF, "validFrom", TODAY.toString(), "validTo", TODAY.plusDays(1).toString(), "reason", huge));
    assertThat(substitute.getStatusCode().value()).isEqualTo(400);
    assertThat(substitute.getBody()).contains("reason");
    ResponseEntity<String> farFuture = basic(DemoOrganisation.DEVELOPMENT_HEAD, HttpMethod.POST, "/api/substitutes", Map.of("substitute",
        DemoOrganisation.DESIGN_CHIEF, "validFrom", TODAY.toString(), "validTo", "+999999999-12-31"));
    assertThat(farFuture.getStatusCode().value()).isEqualTo(400);
    assertThat(jdbc.queryForObject("select count(*) from approval_substitute", Long.class)).isEqualTo(substitutions);

    ResponseEntity<String> disable = basic(DemoOrganisation.SYSTEM_ADMINISTRATOR, HttpMethod.POST, "/api/accounts/kobayashi/disable",
        Map.of("reason", huge));
    assertThat(disable.getStatusCode().value()).isEqualTo(400);
    assertThat(disable.getBody()).contains("reason");
    assertThat(jdbc.queryForObject("select count(*) from account_state where user_id = 'kobayashi' and disabled",
        Long.class)).isZero();

    ResponseEntity<String> search = basic(DemoOrganisation.AUDIT_OFFICER, HttpMethod.GET, "/api/audit/requests?to=+999999999-12-31", null);
    assertThat(search.getStatusCode().value()).isEqualTo(400);
  }
}
