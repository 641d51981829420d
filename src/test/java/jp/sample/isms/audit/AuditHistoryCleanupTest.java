package jp.sample.isms.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.support.Requests;
import jp.sample.isms.support.DemoOrganisation;

import jp.sample.isms.auditor.AuditClient;

/**
 * The engine's history cleanup removes what the engine keeps of a request once its time to live is over, and never
 * a decision record: those are in the application's own table, kept for {@code isms.audit.retention}.
 */
@IsmsSpringBootTest
class AuditHistoryCleanupTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  AuditChain chain;
  @Autowired
  TestRestTemplate rest;

  @Test
  void historyCleanupLeavesTheDecisionRecordIntact() {
    // given a rejected take-out whose engine history is due for removal (as if its historyTimeToLive had passed)
    Requests requests = new Requests(engine);
    ProcessInstance instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, "takeOut", Requests.internalLaptopTakeOut());
    requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, Map.of("decision", "REJECTED", "decisionComment", "目的が不明確です"));
    String businessKey = instance.getBusinessKey();
    HistoryService history = engine.getHistoryService();
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
        .getEndTime()).isNotNull();
    List<Map<String, Object>> recordsBefore = records(businessKey);
    assertThat(recordsBefore).extracting(r -> r.get("OUTCOME")).containsExactly("FILED", "RECORDED", "REJECTED");
    Date yesterday = new Date(System.currentTimeMillis() - 24L * 60 * 60 * 1000);
    runBatch(history.setRemovalTimeToHistoricProcessInstances().absoluteRemovalTime(yesterday)
        .byIds(instance.getId()).executeAsync());

    // when the engine's history cleanup runs
    Job cleanup = history.cleanUpHistoryAsync(true);
    engine.getManagementService().executeJob(cleanup.getId());

    // then the engine's history of the request is gone
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
    // and every decision record is still there, unchanged, and the chain intact
    assertThat(records(businessKey)).isEqualTo(recordsBefore);
    assertThat(chain.verify().intact()).isTrue();
    // and the auditor still reads the request's timeline and diagram, without the engine's path
    AuditClient client = new AuditClient(rest);
    JsonNode timeline = client.get(DemoOrganisation.AUDIT_OFFICER, "/api/audit/requests/" + businessKey);
    assertThat(timeline.get("historyAvailable").asBoolean()).isFalse();
    assertThat(timeline.get("records")).hasSize(3);
    assertThat(timeline.get("records").get(2).get("comment").asText()).isEqualTo("目的が不明確です");
    assertThat(timeline.get("path")).isEmpty();
    assertThat(client.call(DemoOrganisation.AUDIT_OFFICER, timeline.get("diagramUrl").asText()).getBody()).contains("id=\"takeOut\"");
    assertThat(client.get(DemoOrganisation.AUDIT_OFFICER, "/api/audit/requests?businessKey=" + businessKey).get("items")).hasSize(1);
  }

  @Test
  void theRetentionIsConfigurationAndReported() {
    JsonNode retention = new AuditClient(rest).get(DemoOrganisation.PRESIDENT, "/api/audit/retention");
    assertThat(retention.get("retention").asText()).isEqualTo("P7Y");
    assertThat(retention.get("retentionDays").asLong()).isBetween(2555L, 2557L);
    assertThat(retention.get("records").asLong()).isPositive();
    assertThat(retention.get("recordsBeyondRetention").asLong()).isZero();
  }

  private List<Map<String, Object>> records(String businessKey) {
    return jdbc.queryForList("select * from audit_record where business_key = ? order by id", businessKey);
  }

  /** Runs a batch's seed, execution and monitor jobs by hand (the job executor is off in tests). */
  private void runBatch(Batch batch) {
    ManagementService management = engine.getManagementService();
    for (String definition : List.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(),
        batch.getMonitorJobDefinitionId())) {
      for (Job job : management.createJobQuery().jobDefinitionId(definition).list()) {
        management.executeJob(job.getId());
      }
    }
  }
}
