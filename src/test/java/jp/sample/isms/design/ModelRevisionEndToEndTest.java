package jp.sample.isms.design;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.audit.AuditEntry;
import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.support.Requests;
import jp.sample.isms.support.DemoOrganisation;

/**
 * 1.4 end to end over REST: suzuki proposes takeOutApprover.dmn with the INTERNAL rule routed to the section chief,
 * cannot approve it herself, tanaka approves; a new take-out is decided by the new table and its records carry the
 * new regulation revision.
 */
@IsmsSpringBootTest
class ModelRevisionEndToEndTest {

  @Autowired
  TestRestTemplate rest;
  @Autowired
  ProcessEngine engine;
  @Autowired
  AuditRecorder audit;

  static String sectionChiefForInternal() {
    String table = DesignProposalRestTest.file("bpmn", "takeOutApprover.dmn");
    String changed = table.replace("<text>\"DEPARTMENT_HEAD\"</text>\n        </outputEntry>\n      </rule>\n"
        + "      <rule id=\"Rule_SecretByPresident\">", "<text>\"SECTION_CHIEF\"</text>\n        </outputEntry>\n"
        + "      </rule>\n      <rule id=\"Rule_SecretByPresident\">");
    assertThat(changed).isNotEqualTo(table);
    return changed;
  }

  /**
   * The other tests of this context expect the repository's flow and table: deployed again together (the flow binds
   * its table and forms from its own deployment), as the application deploys them.
   */
  @AfterEach
  void restoreTheFlow() throws java.io.IOException {
    var builder = engine.getRepositoryService().createDeployment().name("takeOut (restored)")
        .addString("bpmn/takeOut.bpmn", DesignProposalRestTest.file("bpmn", "takeOut.bpmn"))
        .addString("bpmn/takeOutApprover.dmn", DesignProposalRestTest.file("bpmn", "takeOutApprover.dmn"));
    try (var forms = java.nio.file.Files.list(java.nio.file.Path.of("forms"))) {
      for (java.nio.file.Path form : forms.filter(f -> f.getFileName().toString().startsWith("takeOut")).toList()) {
        builder.addString("forms/" + form.getFileName(), java.nio.file.Files.readString(form));
      }
    }
    builder.deploy();
  }

  @Test
  void aProcessOwnerChangesARoutingRuleWithFourEyesAndTheRevisionIsInEveryNewRecord() {
    // given suzuki proposes the changed table from the workbench
    ResponseEntity<JsonNode> proposed = rest.withBasicAuth(DemoOrganisation.DEPARTMENT_PROCESS_OWNER,
        DemoOrganisation.PASSWORD).postForEntity(
        "/api/design/proposals", Map.of("files", List.of(Map.of("name", "takeOutApprover.dmn", "content",
            sectionChiefForInternal())), "reason", "社外秘の持ち出しは課長が許可する", "clauses", "3.2",
            "procedureChange", false), JsonNode.class);
    assertThat(proposed.getStatusCode()).as(String.valueOf(proposed.getBody())).isEqualTo(HttpStatus.CREATED);
    String businessKey = proposed.getBody().path("businessKey").asText();
    assertThat(businessKey).matches("MR-\\d{4}-\\d{4}");
    ProcessInstance revision = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(proposed.getBody().path("processInstanceId").asText()).singleResult();
    Requests requests = new Requests(engine);
    Task task = requests.task(revision);
    // when suzuki tries to approve her own proposal, then she cannot (four eyes)
    ResponseEntity<String> own = rest.withBasicAuth(DemoOrganisation.DEPARTMENT_PROCESS_OWNER,
        DemoOrganisation.PASSWORD).postForEntity(
        "/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", DemoOrganisation.DEPARTMENT_PROCESS_OWNER),
            String.class);
    assertThat(own.getStatusCode().is2xxSuccessful()).as(own.getBody()).isFalse();
    assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();
    // when tanaka approves
    requests.complete(DemoOrganisation.SECURITY_OFFICER, revision, Map.of("decision", "APPROVED", "decisionComment",
        ""));
    String newRevision = rest.withBasicAuth(DemoOrganisation.SECURITY_OFFICER,
        DemoOrganisation.PASSWORD).getForEntity("/api/design/revision",
        JsonNode.class).getBody().path("revision").asText();
    assertThat(rest.withBasicAuth(DemoOrganisation.SECURITY_OFFICER,
        DemoOrganisation.PASSWORD).getForEntity("/api/design/revision", JsonNode.class)
        .getBody().path("businessKey").asText()).isEqualTo(businessKey);
    // then a new take-out of an INTERNAL asset is decided by the new table
    ProcessInstance takeOut = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, "takeOut",
        Requests.internalLaptopTakeOut(DemoOrganisation.DESIGN_EMPLOYEE));
    assertThat(engine.getRuntimeService().getVariable(takeOut.getId(), "approverRole")).isEqualTo("SECTION_CHIEF");
    // and its decision record carries the new revision
    List<AuditEntry> records = audit.forBusinessKey(takeOut.getBusinessKey());
    assertThat(records).isNotEmpty();
    assertThat(records).extracting(AuditEntry::regulationRevision).containsOnly(newRevision);
    // and the new version is listed with its origin and downloadable
    JsonNode models = rest.withBasicAuth(DemoOrganisation.DEPARTMENT_PROCESS_OWNER,
        DemoOrganisation.PASSWORD).getForEntity("/api/design/models", JsonNode.class)
        .getBody();
    JsonNode latest = null;
    for (JsonNode model : models) {
      if (model.path("key").asText().equals("takeOutApprover")) {
        latest = model.path("versions").get(0);
      }
    }
    assertThat(latest.path("source").asText()).isEqualTo("REVISION");
    assertThat(latest.path("businessKey").asText()).isEqualTo(businessKey);
    assertThat(latest.path("revision").asText()).isEqualTo(newRevision);
    String downloaded = rest.withBasicAuth(DemoOrganisation.DEPARTMENT_PROCESS_OWNER,
        DemoOrganisation.PASSWORD).getForEntity("/api/design/models/DMN/"
        + "takeOutApprover/versions/" + latest.path("version").asInt() + "/download", String.class).getBody();
    assertThat(downloaded).isEqualTo(sectionChiefForInternal());
  }
}
