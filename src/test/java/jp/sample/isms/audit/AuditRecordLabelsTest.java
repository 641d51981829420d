package jp.sample.isms.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import com.fasterxml.jackson.databind.JsonNode;

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.support.RecordVocabulary;
import jp.sample.isms.support.DemoOrganisation;

import jp.sample.isms.auditor.AuditClient;

/**
 * What an auditor reads of a request whose record holds every outcome, every kind of step, both four-eyes flags and
 * every acting role: the timeline gives each its label, never the raw code, and the chain over these records verifies.
 */
@IsmsSpringBootTest
class AuditRecordLabelsTest {

  @Autowired
  TestRestTemplate rest;
  @Autowired
  ProcessEngine engine;
  @Autowired
  AuditRecorder recorder;
  @Autowired
  AuditChain chain;
  @Autowired
  PlatformTransactionManager transactionManager;

  @Test
  void theTimelineLabelsEveryCodeOfTheRecord() {
    List<JsonNode> records = new ArrayList<>();
    for (String key : RecordVocabulary.requestsWithEveryKindOfRecord(engine, recorder, transactionManager)) {
      new AuditClient(rest).get(DemoOrganisation.AUDIT_OFFICER, "/api/audit/requests/" + key).get("records").forEach(records::add);
    }

    Set<String> outcomes = new HashSet<>();
    Set<String> kinds = new HashSet<>();
    Set<String> roles = new HashSet<>();
    Set<String> flags = new HashSet<>();
    for (JsonNode record : records) {
      String outcome = record.get("outcome").asText();
      assertThat(record.get("outcomeLabel").asText()).as(outcome).isEqualTo(Outcome.valueOf(outcome).label());
      String kind = record.get("stepKind").asText();
      assertThat(record.get("stepKindLabel").asText()).as(kind).isEqualTo(AuditStepKind.valueOf(kind).label());
      // the product's own steps may name no role
      String role = record.get("actingRole").isNull() ? null : record.get("actingRole").asText();
      if (role != null) {
        assertThat(record.get("actingRoleLabel").asText()).as(role).isNotBlank().isNotEqualTo(role);
        roles.add(role);
      }
      for (int i = 0; i < record.get("flags").size(); i++) {
        String flag = record.get("flags").get(i).asText();
        assertThat(record.get("flagLabels").get(i).asText()).as(flag).isEqualTo(RecordFlag.valueOf(flag).label());
        flags.add(flag);
      }
      outcomes.add(outcome);
      kinds.add(kind);
    }
    assertThat(outcomes).hasSize(Outcome.values().length);
    assertThat(kinds).hasSize(AuditStepKind.values().length);
    assertThat(roles).containsAll(RecordVocabulary.actingRoles());
    assertThat(flags).containsExactlyInAnyOrder("SELF_APPROVAL", "REPEATED_APPROVER");
    assertThat(chain.verify().intact()).isTrue();
  }

  @Test
  void theSearchOffersEveryOutcomeAndKindOfStepByItsLabel() {
    JsonNode options = new AuditClient(rest).get(DemoOrganisation.AUDIT_OFFICER, "/api/audit/options");
    JsonNode offered = options.get("outcomes");
    for (Outcome outcome : Outcome.values()) {
      assertThat(offered.get(outcome.code()).asText()).isEqualTo(outcome.label());
    }
    JsonNode stepKinds = options.get("stepKinds");
    for (AuditStepKind kind : AuditStepKind.values()) {
      assertThat(stepKinds.get(kind.code()).asText()).isEqualTo(kind.label());
    }
  }
}
