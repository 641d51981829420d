package jp.sample.isms.substitution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.audit.AuditEntry;
import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.support.Requests;
import jp.sample.isms.support.DemoOrganisation;

/**
 * 代理承認, the README walk-through: yamamoto files an INTERNAL take-out, ito is away and names watanabe (設計課長), who
 * approves as substitute; the record shows 代理, yamamoto is told.
 */
@IsmsSpringBootTest
class SubstituteTest {

  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));

  @Autowired
  ProcessEngine engine;
  @Autowired
  TestRestTemplate rest;
  @Autowired
  AuditRecorder audit;
  @Autowired
  JdbcTemplate jdbc;

  private ResponseEntity<JsonNode> name(String as, Map<String, String> body) {
    return rest.withBasicAuth(as, DemoOrganisation.PASSWORD).postForEntity("/api/substitutes", body, JsonNode.class);
  }

  private void revoke(String as, long id) {
    rest.withBasicAuth(as, DemoOrganisation.PASSWORD).delete("/api/substitutes/" + id);
  }

  private List<String> candidateUsers(ProcessInstance instance) {
    Requests requests = new Requests(engine);
    return engine.getTaskService().getIdentityLinksForTask(requests.task(instance).getId()).stream()
        .map(IdentityLink::getUserId).filter(u -> u != null).toList();
  }

  @Test
  void watanabeApprovesForIto() {
    Requests requests = new Requests(engine);
    long outboxMark = jdbc.queryForObject("select coalesce(max(id), 0) from mail_outbox", Long.class);
    ProcessInstance instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, "takeOut", Requests.internalLaptopTakeOut());
    assertThat(candidateUsers(instance)).isEmpty();

    // ito is away this week and names watanabe
    ResponseEntity<JsonNode> named = name(DemoOrganisation.DEVELOPMENT_HEAD, Map.of("substitute", DemoOrganisation.DESIGN_CHIEF, "validFrom", TODAY.toString(),
        "validTo", TODAY.plusDays(4).toString(), "reason", "出張"));
    assertThat(named.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    long id = named.getBody().get("id").asLong();
    try {
      // the open step is offered to watanabe too
      assertThat(candidateUsers(instance)).containsExactly(DemoOrganisation.DESIGN_CHIEF);
      requests.complete(DemoOrganisation.DESIGN_CHIEF, instance, Map.of("decision", "APPROVED"));

      AuditEntry approval = audit.latest(instance.getId(), "UserTask_ApproveTakeOut");
      assertThat(approval.actor()).isEqualTo(DemoOrganisation.DESIGN_CHIEF);
      assertThat(approval.principal()).isEqualTo(DemoOrganisation.DEVELOPMENT_HEAD);
      assertThat(approval.actorName()).isEqualTo("渡辺 翔 (伊藤 直樹 代理)");
      assertThat(approval.actingRole()).isEqualTo("DEPARTMENT_HEAD");
      assertThat(jdbc.queryForList("select subject from mail_outbox where id > ? and recipient = 'yamamoto' "
          + "and dedup_key like 'decision:%'", String.class, outboxMark))
          .containsExactly("【承認】" + instance.getBusinessKey() + " 情報資産の社外持ち出し申請");
    } finally {
      revoke(DemoOrganisation.DEVELOPMENT_HEAD, id);
    }
  }

  @Test
  void aSubstituteNeverGetsTheirOwnRequestAndARevokedOneIsRemoved() {
    Requests requests = new Requests(engine);
    ProcessInstance watanabesOwn = requests.file(DemoOrganisation.DESIGN_CHIEF, "takeOut", Requests.internalLaptopTakeOut());
    ProcessInstance yamamotos = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, "takeOut", Requests.internalLaptopTakeOut());
    long id = name(DemoOrganisation.DEVELOPMENT_HEAD, Map.of("substitute", DemoOrganisation.DESIGN_CHIEF, "validFrom", TODAY.toString(),
        "validTo", TODAY.toString())).getBody().get("id").asLong();
    assertThat(candidateUsers(watanabesOwn)).isEmpty();
    assertThat(candidateUsers(yamamotos)).containsExactly(DemoOrganisation.DESIGN_CHIEF);

    revoke(DemoOrganisation.DEVELOPMENT_HEAD, id);
    assertThat(candidateUsers(yamamotos)).isEmpty();
  }

  @Test
  void onlyThePrincipalOrTheAdministratorNamesASubstitute() {
    assertThat(name(DemoOrganisation.DESIGN_EMPLOYEE, Map.of("principal", DemoOrganisation.DEVELOPMENT_HEAD, "substitute", DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, "validFrom", TODAY.toString(),
        "validTo", TODAY.toString())).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(name(DemoOrganisation.DEVELOPMENT_HEAD, Map.of("substitute", "nobody", "validFrom", TODAY.toString(), "validTo", TODAY.toString()))
        .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    ResponseEntity<JsonNode> backwards = name(DemoOrganisation.DEVELOPMENT_HEAD, Map.of("substitute", DemoOrganisation.DESIGN_CHIEF,
        "validFrom", TODAY.plusDays(2).toString(), "validTo", TODAY.toString()));
    assertThat(backwards.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(backwards.getBody().get("field").asText()).isEqualTo("validTo");
    ResponseEntity<JsonNode> byAdministrator = name(DemoOrganisation.SYSTEM_ADMINISTRATOR, Map.of("principal", DemoOrganisation.DEVELOPMENT_HEAD, "substitute", DemoOrganisation.DESIGN_CHIEF,
        "validFrom", TODAY.plusDays(10).toString(), "validTo", TODAY.plusDays(12).toString()));
    assertThat(byAdministrator.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    revoke(DemoOrganisation.SYSTEM_ADMINISTRATOR, byAdministrator.getBody().get("id").asLong());
  }
}
