package jp.sample.isms.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.audit.AuditEntry;
import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.organisation.OrganisationService;
import jp.sample.isms.organisation.OrganisationUnits;
import jp.sample.isms.organisation.Role;
import jp.sample.isms.support.Requests;
import jp.sample.isms.support.DemoOrganisation;

/** 人事異動 with requests in flight: the open steps follow the role, decided ones are untouched. */
@IsmsSpringBootTest
class OrganisationChangesTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  TestRestTemplate rest;
  @Autowired
  AuditRecorder audit;
  @Autowired
  OrganisationService organisation;
  @Autowired
  OrganisationChanges changes;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  OrganisationUnits units;
  @Autowired
  PlatformTransactionManager transactionManager;

  @Test
  void aChangeAndItsRecordCommitOrRollBackTogether() {
    String group = "department-head.development";
    String recorded = "select count(*) from audit_record where outcome = 'ROLE_HOLDER_ADDED' "
        + "and comment like '%RC-2026-0999%'";
    new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
      changes.addRoleHolder(group, DemoOrganisation.HR_HEAD, DemoOrganisation.PRESIDENT, "RC-2026-0999");
      // the record is written in the change's own transaction, before it commits
      assertThat(jdbc.queryForObject(recorded, Integer.class)).isEqualTo(1);
      assertThat(organisation.members(group)).contains(DemoOrganisation.HR_HEAD);
      status.setRollbackOnly();
    });
    // rolled back: neither the change nor its record remains
    assertThat(jdbc.queryForObject(recorded, Integer.class)).isZero();
    assertThat(organisation.members(group)).doesNotContain(DemoOrganisation.HR_HEAD);
  }

  @Test
  void aNewDepartmentHeadTakesOverTheStepsWaitingOnTheOldOne() {
    Requests requests = new Requests(engine);
    ProcessInstance claimedByIto = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, "takeOut", Requests.internalLaptopTakeOut());
    requests.claim(DemoOrganisation.DEVELOPMENT_HEAD, requests.task(claimedByIto));
    ProcessInstance waiting = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, "takeOut", Requests.internalLaptopTakeOut());
    ProcessInstance decided = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, "takeOut", Requests.internalLaptopTakeOut());
    requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, decided, Map.of("decision", "APPROVED"));
    try {
      // the system administrator cannot replace a role holder directly (1.1, 10.1): a roleChange request does
      ResponseEntity<JsonNode> response = rest.withBasicAuth(DemoOrganisation.SYSTEM_ADMINISTRATOR, DemoOrganisation.PASSWORD).postForEntity(
          "/api/organisation/role-holders",
          Map.of("group", "department-head.development", "from", DemoOrganisation.DEVELOPMENT_HEAD, "to", DemoOrganisation.HR_HEAD), JsonNode.class);
      assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(organisation.holders(Role.DEPARTMENT_HEAD, DemoOrganisation.DESIGN_EMPLOYEE).userIds()).containsExactly(DemoOrganisation.DEVELOPMENT_HEAD);
      // when the approved change replaces the head of 開発設計部
      changes.replaceRoleHolder("department-head.development", DemoOrganisation.DEVELOPMENT_HEAD, DemoOrganisation.HR_HEAD, DemoOrganisation.PRESIDENT);

      // then ito's claimed step is back with the role, and sato decides both open requests
      assertThat(requests.task(claimedByIto).getAssignee()).isNull();
      assertThat(organisation.holders(Role.DEPARTMENT_HEAD, DemoOrganisation.DESIGN_EMPLOYEE).userIds()).containsExactly(DemoOrganisation.HR_HEAD);
      requests.complete(DemoOrganisation.HR_HEAD, claimedByIto, Map.of("decision", "APPROVED"));
      requests.complete(DemoOrganisation.HR_HEAD, waiting, Map.of("decision", "APPROVED"));
      assertThat(audit.latest(waiting.getId(), "UserTask_ApproveTakeOut").actor()).isEqualTo(DemoOrganisation.HR_HEAD);
      // and the request decided before the change still shows ito
      assertThat(audit.latest(decided.getId(), "UserTask_ApproveTakeOut").actor()).isEqualTo(DemoOrganisation.DEVELOPMENT_HEAD);
      assertThat(jdbc.queryForObject("select count(*) from audit_record where outcome = 'ROLE_HOLDER_REPLACED' "
          + "and comment like '%伊藤 直樹 → 佐藤 健%'", Integer.class)).isPositive();
    } finally {
      changes.replaceRoleHolder("department-head.development", DemoOrganisation.HR_HEAD, DemoOrganisation.DEVELOPMENT_HEAD, DemoOrganisation.GENERAL_AFFAIRS_HEAD);
    }
  }

  @Test
  void onlyTheSystemAdministratorRecordsAMoveAndBadInputIs400() {
    assertThat(rest.withBasicAuth(DemoOrganisation.DEVELOPMENT_HEAD, DemoOrganisation.PASSWORD).postForEntity("/api/organisation/moves",
        Map.of("user", DemoOrganisation.DESIGN_EMPLOYEE, "department", "hr"), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<JsonNode> unknown = rest.withBasicAuth(DemoOrganisation.SYSTEM_ADMINISTRATOR, DemoOrganisation.PASSWORD).postForEntity(
        "/api/organisation/moves", Map.of("user", DemoOrganisation.DESIGN_EMPLOYEE, "department", "nowhere"), JsonNode.class);
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(unknown.getBody().get("field").asText()).isEqualTo("department");
  }

  @Test
  void aSectionChiefWhoMovesLeavesTheStepsOfTheOldSection() {
    Requests requests = new Requests(engine);
    java.util.Map<String, Object> disposal = new java.util.HashMap<>(Map.of("assetIds", "IA-0004",
        "mediaType", "PAPER", "action", "DISPOSE", "method", "SHREDDER", "quantity", 1L,
        "description", "設計図面の廃棄"));
    ProcessInstance instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, "mediaDisposal", disposal);
    requests.claim(DemoOrganisation.DESIGN_CHIEF, requests.task(instance));
    try {
      changes.move(DemoOrganisation.DESIGN_CHIEF, "hr", null, DemoOrganisation.SYSTEM_ADMINISTRATOR);
      assertThat(requests.task(instance).getAssignee()).isNull();
      assertThat(organisation.person(DemoOrganisation.DESIGN_CHIEF).orElseThrow().departmentCode()).isEqualTo("hr");
      assertThat(organisation.holders(Role.SECTION_CHIEF, DemoOrganisation.DESIGN_EMPLOYEE).userIds()).isEmpty();
    } finally {
      changes.move(DemoOrganisation.DESIGN_CHIEF, "development", "design", DemoOrganisation.SYSTEM_ADMINISTRATOR);
      engine.getIdentityService().createMembership(DemoOrganisation.DESIGN_CHIEF, "section-chief.design");
      engine.getRuntimeService().deleteProcessInstance(instance.getId(), "test cleanup");
    }
  }

  @Test
  void nobodyIsMovedIntoAClosedDepartmentOrSection() {
    units.addDepartment("moves-closed", "閉鎖部", null);
    units.addSection("moves-closed", "moves-closed-sec", "閉鎖課", null);
    try {
      units.closeSection("moves-closed-sec");
      int moves = jdbc.queryForObject("select count(*) from audit_record where outcome = 'MOVED'", Integer.class);
      ResponseEntity<JsonNode> intoSection = move(Map.of("user", DemoOrganisation.DESIGN_EMPLOYEE, "department", "moves-closed",
          "section", "moves-closed-sec"));
      assertThat(intoSection.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
      assertThat(intoSection.getBody().get("field").asText()).isEqualTo("section");
      assertThat(intoSection.getBody().get("message").asText()).contains("閉鎖されているため異動できません");

      units.closeDepartment("moves-closed");
      ResponseEntity<JsonNode> intoDepartment = move(Map.of("user", DemoOrganisation.DESIGN_EMPLOYEE, "department", "moves-closed"));
      assertThat(intoDepartment.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
      assertThat(intoDepartment.getBody().get("field").asText()).isEqualTo("department");

      // nothing changed: yamamoto sits where she sat, and no move was recorded
      assertThat(organisation.person(DemoOrganisation.DESIGN_EMPLOYEE).orElseThrow().departmentCode()).isEqualTo("development");
      assertThat(organisation.person(DemoOrganisation.DESIGN_EMPLOYEE).orElseThrow().sectionCode()).isEqualTo("design");
      assertThat(jdbc.queryForObject("select count(*) from audit_record where outcome = 'MOVED'", Integer.class))
          .isEqualTo(moves);
    } finally {
      jdbc.update("delete from org_section where code = 'moves-closed-sec'");
      jdbc.update("delete from org_department where code = 'moves-closed'");
      engine.getIdentityService().deleteGroup("section-chief.moves-closed-sec");
      engine.getIdentityService().deleteGroup("department-head.moves-closed");
    }
  }

  private ResponseEntity<JsonNode> move(Map<String, String> body) {
    return rest.withBasicAuth(DemoOrganisation.SYSTEM_ADMINISTRATOR, DemoOrganisation.PASSWORD).postForEntity("/api/organisation/moves", body, JsonNode.class);
  }
}
