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
    return rest.withBasicAuth(user, "Demo-2026!").getForEntity("/api/organisation-chart", JsonNode.class);
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
    ResponseEntity<JsonNode> response = chart("yamamoto");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode chart = response.getBody();
    assertThat(role(chart, "SECURITY_OFFICER").path("holders").get(0).path("userId").asText()).isEqualTo("tanaka");
    assertThat(role(chart, "SYSTEM_ADMINISTRATOR").path("holders").get(0).path("name").asText()).isEqualTo("鈴木 花子");
    assertThat(role(chart, "CAMUNDA_ADMIN").path("holders").findValuesAsText("userId")).contains("suzuki");
    assertThat(chart.path("committee").findValuesAsText("userId"))
        .contains("tanaka", "suzuki", "sato", "takahashi", "nakamura", "ito").doesNotContain("yamamoto", "kato");
    JsonNode development = null;
    for (JsonNode department : chart.path("departments")) {
      if (department.path("code").asText().equals("development")) {
        development = department;
      }
    }
    assertThat(development).isNotNull();
    assertThat(development.path("heads").findValuesAsText("userId")).containsExactly("ito");
    assertThat(development.path("sections").get(0).path("chiefs").findValuesAsText("userId"))
        .containsExactly("watanabe");
    assertThat(chart.path("breakGlass").asBoolean()).isFalse();
  }

  @Test
  void anApprovedChangeIsInTheHistoryWithItsRequest() {
    Requests requests = new Requests(engine);
    ProcessInstance instance = requests.file("suzuki", RoleChangeProcess.KEY,
        RoleChangeProcessTest.change("ADD", "EDUCATION_OFFICER", "kato"));
    try {
      requests.complete("tanaka", instance, RoleChangeProcessTest.approve());
      JsonNode chart = chart("kobayashi").getBody();
      assertThat(role(chart, "EDUCATION_OFFICER").path("holders").findValuesAsText("userId")).contains("kato");
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
      changes.removeRoleHolder("education-officer", "kato", "system", "test");
    }
  }

  @Test
  void nobodyReadsItWithoutALoginAndThePageHasAStrictPolicy() {
    assertThat(rest.getForEntity("/api/organisation-chart", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.withBasicAuth("yamamoto", "wrong").getForEntity("/api/organisation-chart", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    ResponseEntity<String> page = rest.getForEntity("/organisation-chart/index.html", String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getHeaders().getFirst("Content-Security-Policy")).contains("script-src 'self'")
        .contains("frame-ancestors 'none'");
    assertThat(page.getBody()).contains("組織体制図");
    // read only: no method changes it
    assertThat(rest.withBasicAuth("suzuki", "Demo-2026!").postForEntity("/api/organisation-chart", Map.of(),
        String.class).getStatusCode().is2xxSuccessful()).isFalse();
  }
}
