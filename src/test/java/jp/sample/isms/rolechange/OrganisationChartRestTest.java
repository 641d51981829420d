package jp.sample.isms.rolechange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.accounts.OrganisationChanges;
import jp.sample.isms.support.Requests;
import jp.sample.isms.support.DemoOrganisation;

/** 10.1: the 組織体制図 for every employee, read only; the history shows the request that approved each change. */
@IsmsSpringBootTest
class OrganisationChartRestTest {

  @Autowired
  TestRestTemplate rest;
  @Autowired
  ProcessEngine engine;
  @Autowired
  OrganisationChanges changes;

  private ResponseEntity<JsonNode> chart(String user) {
    return rest.withBasicAuth(user, DemoOrganisation.PASSWORD).getForEntity("/api/organisation-chart", JsonNode.class);
  }

  private static JsonNode role(JsonNode chart, String code) {
    for (JsonNode role : chart.path("roles")) {
      if (role.path("code").asText().equals(code)) {
        return role;
      }
    }
    throw new AssertionError("no role " + code);
  }

  @Test
  void everyEmployeeReadsTheRolesTheDepartmentsAndTheCommittee() {
    ResponseEntity<JsonNode> response = chart(DemoOrganisation.DESIGN_EMPLOYEE);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode chart = response.getBody();
    assertThat(role(chart, "SECURITY_OFFICER").path("holders").get(0).path("userId").asText()).isEqualTo(DemoOrganisation.SECURITY_OFFICER);
    assertThat(role(chart, "SYSTEM_ADMINISTRATOR").path("holders").get(0).path("name").asText()).isEqualTo("鈴木 花子");
    assertThat(role(chart, "CAMUNDA_ADMIN").path("holders").findValuesAsText("userId")).contains(DemoOrganisation.SYSTEM_ADMINISTRATOR);
    assertThat(chart.path("committee").findValuesAsText("userId"))
        .contains(DemoOrganisation.SECURITY_OFFICER, DemoOrganisation.SYSTEM_ADMINISTRATOR, DemoOrganisation.HR_HEAD, DemoOrganisation.MANUFACTURING_HEAD, DemoOrganisation.PRODUCTION_CHIEF, DemoOrganisation.DEVELOPMENT_HEAD).doesNotContain(DemoOrganisation.DESIGN_EMPLOYEE, DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE);
    JsonNode development = null;
    for (JsonNode department : chart.path("departments")) {
      if (department.path("code").asText().equals("development")) {
        development = department;
      }
    }
    assertThat(development).isNotNull();
    assertThat(development.path("heads").findValuesAsText("userId")).containsExactly(DemoOrganisation.DEVELOPMENT_HEAD);
    assertThat(development.path("sections").get(0).path("chiefs").findValuesAsText("userId"))
        .containsExactly(DemoOrganisation.DESIGN_CHIEF);
    assertThat(chart.path("breakGlass").asBoolean()).isFalse();
  }

  @Test
  void anApprovedChangeIsInTheHistoryWithItsRequest() {
    Requests requests = new Requests(engine);
    ProcessInstance instance = requests.file(DemoOrganisation.SYSTEM_ADMINISTRATOR, RoleChangeProcess.KEY,
        RoleChangeProcessTest.change("ADD", "EDUCATION_OFFICER", DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE));
    try {
      requests.complete(DemoOrganisation.SECURITY_OFFICER, instance, RoleChangeProcessTest.approve());
      JsonNode chart = chart(DemoOrganisation.PRODUCTION_EMPLOYEE).getBody();
      assertThat(role(chart, "EDUCATION_OFFICER").path("holders").findValuesAsText("userId")).contains(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE);
      JsonNode latest = null;
      for (JsonNode entry : chart.path("history")) {
        if (entry.path("businessKey").asText().equals(instance.getBusinessKey())) {
          latest = entry;
        }
      }
      assertThat(latest).isNotNull();
      assertThat(latest.path("changeKind").asText()).isEqualTo("ADD");
      assertThat(latest.path("person").asText()).isEqualTo("加藤 大輔 (kato)");
      assertThat(latest.path("requestedBy").asText()).isEqualTo("鈴木 花子");
      assertThat(latest.path("approvedBy").asText()).isEqualTo("田中 一郎");
    } finally {
      changes.removeRoleHolder("education-officer", DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, "system", "test");
    }
  }

  @Test
  void nobodyReadsItWithoutALoginAndThePageHasAStrictPolicy() {
    assertThat(rest.getForEntity("/api/organisation-chart", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.withBasicAuth(DemoOrganisation.DESIGN_EMPLOYEE, "wrong").getForEntity("/api/organisation-chart", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    ResponseEntity<String> page = rest.getForEntity("/organisation-chart/index.html", String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getHeaders().getFirst("Content-Security-Policy")).contains("script-src 'self'")
        .contains("frame-ancestors 'none'");
    assertThat(page.getBody()).contains("組織体制図");
    // read only: no method changes it
    assertThat(rest.withBasicAuth(DemoOrganisation.SYSTEM_ADMINISTRATOR, DemoOrganisation.PASSWORD).postForEntity("/api/organisation-chart", Map.of(),
        String.class).getStatusCode().is2xxSuccessful()).isFalse();
  }
}
