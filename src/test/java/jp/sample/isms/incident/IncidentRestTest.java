package jp.sample.isms.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.support.RestCalls;
import jp.sample.isms.support.DemoOrganisation;

/**
 * The incident over HTTP as a script or another client sees it: a report through the engine REST API, the later
 * re-levelling {@code POST /api/incidents/{number}/level} (400 with field and clause, 403, 404, 409, nothing changed),
 * a filing that cannot be skipped, and the インシデント管理台帳 with its CSV for the auditor only.
 */
@IsmsSpringBootTest
class IncidentRestTest {

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  IncidentRegister register;

  RestCalls rest;
  IncidentDriver incidents;

  @BeforeEach
  void setUp() {
    rest = new RestCalls("http://localhost:" + port, Duration.ofSeconds(60));
    incidents = new IncidentDriver(engine, jdbc);
  }

  static Map<String, Object> variables(Map<String, Object> values) {
    Map<String, Object> variables = new HashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value,
        "type", value instanceof Boolean ? "Boolean" : "String")));
    return Map.of("variables", variables);
  }

  String report(String user, Map<String, Object> values) {
    // by the definition's id, as Tasklist files: "incident" is also the name of the engine API's own incident
    // resource, a segment the API guard never takes for a key
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(IncidentProcess.KEY).latestVersion().singleResult().getId();
    RestCalls.Call call = rest.post(user, "/engine-rest/process-definition/" + definitionId + "/submit-form",
        variables(values));
    assertThat(call.status()).as(call.text()).isEqualTo(200);
    return call.body().get("id").asText();
  }

  ProcessInstance instance(String id) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).singleResult();
  }

  @Test
  void anyoneReportsThroughTheEngineApiAndOnlyTheResponderRolesReLevelWithAReason() {
    // given kobayashi's report of a leak (level 2), in its procedure
    ProcessInstance instance = instance(report(DemoOrganisation.PRODUCTION_EMPLOYEE, IncidentDriver.report("LEAK")));
    String number = instance.getBusinessKey();
    String path = "/api/incidents/" + number + "/level";
    assertThat(rest.post(DemoOrganisation.INCIDENT_OFFICER, path, Map.of("level", 3, "reason", "個人情報を含む")).status()).isEqualTo(409);
    incidents.acknowledgeAll(instance);
    incidents.confirmLevel(instance);

    // another role, the reporter: 403
    assertThat(rest.post(DemoOrganisation.DEVELOPMENT_HEAD, path, Map.of("level", 3, "reason", "理由")).status()).isEqualTo(403);
    assertThat(rest.post(DemoOrganisation.PRODUCTION_EMPLOYEE, path, Map.of("level", 3, "reason", "理由")).status()).isEqualTo(403);
    // without a reason, a leak lowered below 2, no level: 400 with field and clause
    RestCalls.Call noReason = rest.post(DemoOrganisation.INCIDENT_OFFICER, path, Map.of("level", 3));
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.body().get("errors").get(0).get("field").asText()).isEqualTo("levelReason");
    assertThat(noReason.body().get("errors").get(0).get("clause").asText()).isEqualTo("9.2");
    RestCalls.Call lowered = rest.post(DemoOrganisation.PRESIDENT, path, Map.of("level", 1, "reason", "誤報"));
    assertThat(lowered.status()).isEqualTo(400);
    assertThat(lowered.text()).contains("9.4.1");
    assertThat(rest.post(DemoOrganisation.INCIDENT_OFFICER, path, Map.of("reason", "理由")).status()).isEqualTo(400);
    assertThat(rest.post(DemoOrganisation.INCIDENT_OFFICER, "/api/incidents/IN-1999-0001/level", Map.of("level", 3, "reason", "x"))
        .status()).isEqualTo(404);
    // nothing changed
    assertThat(register.find(number).orElseThrow().level()).isEqualTo(2);
    assertThat(register.find(number).orElseThrow().levelChanges()).isNull();
    assertThat(incidents.tasks(instance, IncidentProcess.TASK_CARRY_OUT_STEP)).hasSize(3);

    // when the president raises it with a reason, then it is re-routed
    RestCalls.Call raised = rest.post(DemoOrganisation.PRESIDENT, path, Map.of("level", 3, "reason", "顧客の個人情報が含まれていた"));
    assertThat(raised.status()).as(raised.text()).isEqualTo(200);
    assertThat(register.find(number).orElseThrow().levelChanges()).contains("2→3 tanaka: 顧客の個人情報が含まれていた");
    assertThat(incidents.tasks(instance, IncidentProcess.TASK_ACKNOWLEDGE)).hasSize(2);
  }

  @Test
  void aLevelThreeFilingSkippedThroughTheEngineApiIsRefusedWithTheClause() {
    ProcessInstance instance = instance(report(DemoOrganisation.PRODUCTION_EMPLOYEE, IncidentDriver.lostUsbStickWithCustomerData()));
    incidents.acknowledgeAll(instance);
    incidents.confirmLevel(instance);
    Task filing = incidents.tasks(instance, IncidentProcess.TASK_CARRY_OUT_STEP).stream()
        .filter(t -> "LeakSupervisoryPreliminaryReport".equals(incidents.variable(t, IncidentProcess.PROCEDURE_STEP)))
        .findFirst().orElseThrow();
    assertThat(rest.post(DemoOrganisation.INCIDENT_OFFICER, "/engine-rest/task/" + filing.getId() + "/claim", Map.of("userId", DemoOrganisation.INCIDENT_OFFICER))
        .status()).isEqualTo(204);
    RestCalls.Call skipped = rest.post(DemoOrganisation.INCIDENT_OFFICER, "/engine-rest/task/" + filing.getId() + "/submit-form",
        variables(Map.of(IncidentProcess.STEP_OUTCOME, IncidentProcess.NOT_APPLICABLE,
            IncidentProcess.STEP_EVIDENCE, "不要と判断")));
    assertThat(skipped.status()).isEqualTo(400);
    assertThat(skipped.text()).contains("9.4.1").contains("省略できません");
    assertThat(engine.getTaskService().createTaskQuery().taskId(filing.getId()).count()).isEqualTo(1);
    assertThat(register.step(instance.getBusinessKey(), "LeakSupervisoryPreliminaryReport").orElseThrow().outcome())
        .isNull();
  }

  @Test
  void theIncidentRegisterAndItsCsvAreTheAuditorsOnly() {
    ProcessInstance instance = instance(report(DemoOrganisation.PRODUCTION_EMPLOYEE, IncidentDriver.lostUsbStickWithCustomerData()));
    String number = instance.getBusinessKey();
    RestCalls.Call page = rest.get(DemoOrganisation.AUDIT_OFFICER, "/api/audit/registers/incidents?incidentNumber=" + number);
    assertThat(page.status()).as(page.text()).isEqualTo(200);
    assertThat(page.body().get("rows")).hasSize(1);
    assertThat(page.body().get("rows").get(0).get("incidentKind").asText()).startsWith("漏えい・流出");
    assertThat(page.body().get("rows").get(0).get("level").asInt()).isEqualTo(3);
    RestCalls.Call csv = rest.get(DemoOrganisation.AUDIT_OFFICER, "/api/audit/registers/incidents.csv?incidentNumber=" + number);
    assertThat(csv.status()).isEqualTo(200);
    List<String> lines = csv.text().lines().toList();
    assertThat(lines.get(0)).contains("インシデント番号", "区分", "事故レベル", "事故レベルの変更 (理由)", "報告日時", "受領日時",
        "届出 (日付・届出先・受理番号)", "再発防止策", "終結日時", "状態");
    assertThat(lines.get(1)).startsWith(number).contains("報告受付").contains("小林 優 (kobayashi)");
    // the reporter and the responders are no auditors
    assertThat(rest.get(DemoOrganisation.PRODUCTION_EMPLOYEE, "/api/audit/registers/incidents").status()).isEqualTo(403);
    assertThat(rest.get(DemoOrganisation.INCIDENT_OFFICER, "/api/audit/registers/incidents.csv").status()).isEqualTo(403);
  }
}
