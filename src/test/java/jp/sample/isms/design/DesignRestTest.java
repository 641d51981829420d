package jp.sample.isms.design;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.support.DemoOrganisation;

/** 1.4: the workbench's read side for process owners only; every version downloads as the file it was. */
@IsmsSpringBootTest
class DesignRestTest {

  @Autowired
  TestRestTemplate rest;

  private ResponseEntity<JsonNode> get(String user, String path) {
    return rest.withBasicAuth(user, DemoOrganisation.PASSWORD).getForEntity(path, JsonNode.class);
  }

  @Test
  void aProcessOwnerListsEveryDeployedModelWithItsVersions() {
    ResponseEntity<JsonNode> response = get("suzuki", "/api/design/models");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode takeOutApprover = null;
    for (JsonNode model : response.getBody()) {
      if (model.path("kind").asText().equals("DMN") && model.path("key").asText().equals("takeOutApprover")) {
        takeOutApprover = model;
      }
    }
    assertThat(takeOutApprover).isNotNull();
    assertThat(takeOutApprover.path("resourceName").asText()).endsWith("takeOutApprover.dmn");
    assertThat(takeOutApprover.path("versions").get(0).path("source").asText()).isEqualTo("STARTUP");
    assertThat(response.getBody().findValuesAsText("kind")).contains("BPMN", "DMN", "FORM");
  }

  @Test
  void everyVersionIsReadAndDownloadedAsTheFileItWas() {
    JsonNode versions = null;
    for (JsonNode model : get("tanaka", "/api/design/models").getBody()) {
      if (model.path("key").asText().equals("takeOut") && model.path("kind").asText().equals("BPMN")) {
        versions = model.path("versions");
      }
    }
    int version = versions.get(0).path("version").asInt();
    ResponseEntity<JsonNode> content = get("tanaka", "/api/design/models/BPMN/takeOut/versions/" + version);
    assertThat(content.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(content.getBody().path("name").asText()).isEqualTo("takeOut.bpmn");
    assertThat(content.getBody().path("content").asText()).contains("<bpmn:process id=\"takeOut\"");
    ResponseEntity<String> download = rest.withBasicAuth("tanaka", DemoOrganisation.PASSWORD)
        .getForEntity("/api/design/models/BPMN/takeOut/versions/" + version + "/download", String.class);
    assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(download.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).contains("attachment")
        .contains("takeOut.bpmn");
    assertThat(download.getBody()).isEqualTo(content.getBody().path("content").asText());
    assertThat(get("tanaka", "/api/design/models/BPMN/takeOut/versions/9999").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get("tanaka", "/api/design/models/FORM/takeOutStart/versions/1").getBody().path("content").asText())
        .contains("\"takeOutStart\"");
  }

  @Test
  void anyoneButAProcessOwnerIsRefusedInJapanese() {
    for (String user : List.of("kobayashi", "nakamura", "ito")) {
      for (String path : List.of("/api/design/models", "/api/design/revision",
          "/api/design/models/BPMN/takeOut/versions/1", "/api/design/models/BPMN/takeOut/versions/1/download")) {
        ResponseEntity<JsonNode> response = get(user, path);
        assertThat(response.getStatusCode()).as(user + " " + path).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(response.getBody().path("error").asText()).contains("プロセスオーナー");
      }
      ResponseEntity<JsonNode> post = rest.withBasicAuth(user, DemoOrganisation.PASSWORD).postForEntity("/api/design/checks",
          Map.of("files", List.of(Map.of("name", "a.bpmn", "content", "<x/>"))), JsonNode.class);
      assertThat(post.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }
  }

  @Test
  void theRevisionIsTheConfiguredOneUntilARevisionIsApproved() {
    ResponseEntity<JsonNode> response = get("suzuki", "/api/design/revision");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody().path("revision").asText()).matches("\\d{4}-\\d{2}(-\\d+)?");
  }
}
