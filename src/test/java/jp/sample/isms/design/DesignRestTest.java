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
  @Autowired
  org.camunda.bpm.engine.RepositoryService repositoryService;

  private ResponseEntity<JsonNode> get(String user, String path) {
    return rest.withBasicAuth(user, DemoOrganisation.PASSWORD).getForEntity(path, JsonNode.class);
  }

  @Test
  void aProcessOwnerListsEveryDeployedModelWithItsVersions() {
    ResponseEntity<JsonNode> response = get(DemoOrganisation.DEPARTMENT_PROCESS_OWNER, "/api/design/models");
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
    for (JsonNode model : get(DemoOrganisation.SECURITY_OFFICER, "/api/design/models").getBody()) {
      if (model.path("key").asText().equals("takeOut") && model.path("kind").asText().equals("BPMN")) {
        versions = model.path("versions");
      }
    }
    int version = versions.get(0).path("version").asInt();
    ResponseEntity<JsonNode> content = get(DemoOrganisation.SECURITY_OFFICER,
        "/api/design/models/BPMN/takeOut/versions/" + version);
    assertThat(content.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(content.getBody().path("name").asText()).isEqualTo("takeOut.bpmn");
    assertThat(content.getBody().path("content").asText()).contains("<bpmn:process id=\"takeOut\"");
    ResponseEntity<String> download = rest.withBasicAuth(DemoOrganisation.SECURITY_OFFICER, DemoOrganisation.PASSWORD)
        .getForEntity("/api/design/models/BPMN/takeOut/versions/" + version + "/download", String.class);
    assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(download.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).contains("attachment")
        .contains("takeOut.bpmn");
    assertThat(download.getBody()).isEqualTo(content.getBody().path("content").asText());
    assertThat(get(DemoOrganisation.SECURITY_OFFICER, "/api/design/models/BPMN/takeOut/versions/9999").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get(DemoOrganisation.SECURITY_OFFICER,
        "/api/design/models/FORM/takeOutStart/versions/1").getBody().path("content").asText())
        .contains("\"takeOutStart\"");
  }

  /**
   * A flow, a table and a form, each in the start-up version and a second one: every version is downloaded as the
   * bytes of its deployment, named as the file, and opens as its kind (the model readers Camunda Modeler's files are
   * read with; a form as form-js JSON with its schema version).
   */
  @Test
  void everyVersionOfEveryKindDownloadsAsTheDeployedFileThatOpensAgain() throws Exception {
    Map<String, String> second = new java.util.LinkedHashMap<>();
    second.put("bpmn/takeOut.bpmn", repositoryFile("bpmn/takeOut.bpmn") + "<!-- second version -->\n");
    second.put("bpmn/takeOutApprover.dmn", repositoryFile("bpmn/takeOutApprover.dmn") + "<!-- second version -->\n");
    String form = repositoryFile("forms/takeOutStart.form");
    assertThat(form).contains("\"label\": \"");
    second.put("forms/takeOutStart.form", form.replaceFirst("\"label\": \"", "\"label\": \"(第 2 版) "));
    org.camunda.bpm.engine.repository.DeploymentBuilder builder = repositoryService.createDeployment()
        .name("second versions for the download test");
    second.forEach((name, content) -> builder.addString(name, content));
    String deployment = builder.deploy().getId();
    try {
      for (String[] model : new String[][] {{"BPMN", "takeOut", "takeOut.bpmn", "bpmn/takeOut.bpmn"},
          {"DMN", "takeOutApprover", "takeOutApprover.dmn", "bpmn/takeOutApprover.dmn"},
          {"FORM", "takeOutStart", "takeOutStart.form", "forms/takeOutStart.form"}}) {
        JsonNode versions = null;
        for (JsonNode listed : get(DemoOrganisation.DEPARTMENT_PROCESS_OWNER, "/api/design/models").getBody()) {
          if (listed.path("kind").asText().equals(model[0]) && listed.path("key").asText().equals(model[1])) {
            versions = listed.path("versions");
          }
        }
        assertThat(versions).as(model[2]).isNotNull();
        assertThat(versions.size()).as(model[2] + " versions").isGreaterThanOrEqualTo(2);
        assertThat(versions.get(0).path("deploymentId").asText()).isEqualTo(deployment);
        List<String> downloaded = new java.util.ArrayList<>();
        for (JsonNode version : versions) {
          ResponseEntity<byte[]> download = rest.withBasicAuth(DemoOrganisation.DEPARTMENT_PROCESS_OWNER,
              DemoOrganisation.PASSWORD).getForEntity(
              "/api/design/models/" + model[0] + "/" + model[1] + "/versions/" + version.path("version").asInt()
                  + "/download", byte[].class);
          assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
          org.springframework.http.ContentDisposition disposition = download.getHeaders().getContentDisposition();
          assertThat(disposition.isAttachment()).isTrue();
          assertThat(disposition.getFilename()).isEqualTo(model[2]);
          byte[] deployed = resource(version.path("deploymentId").asText(), model[2]);
          assertThat(download.getBody()).as(model[2] + " version " + version.path("version").asInt())
              .isEqualTo(deployed);
          opens(model[0], download.getBody());
          downloaded.add(new String(download.getBody(), java.nio.charset.StandardCharsets.UTF_8));
        }
        // the newest is the second version as deployed, the oldest the repository's file
        assertThat(downloaded.get(0)).isEqualTo(second.get(model[3]));
        assertThat(downloaded.get(downloaded.size() - 1)).isEqualTo(repositoryFile(model[3]));
      }
    } finally {
      repositoryService.deleteDeployment(deployment, true);
    }
  }

  private static String repositoryFile(String path) throws java.io.IOException {
    return java.nio.file.Files.readString(java.nio.file.Path.of(path), java.nio.charset.StandardCharsets.UTF_8);
  }

  private byte[] resource(String deployment, String file) throws java.io.IOException {
    String name = repositoryService.getDeploymentResourceNames(deployment).stream()
        .filter(n -> n.equals(file) || n.endsWith("/" + file)).findFirst().orElseThrow();
    try (java.io.InputStream in = repositoryService.getResourceAsStream(deployment, name)) {
      return in.readAllBytes();
    }
  }

  /** The file opens as its kind, as Camunda Modeler reads it. */
  private static void opens(String kind, byte[] file) throws java.io.IOException {
    switch (kind) {
      case "BPMN" -> org.camunda.bpm.model.bpmn.Bpmn.validateModel(
          org.camunda.bpm.model.bpmn.Bpmn.readModelFromStream(new java.io.ByteArrayInputStream(file)));
      case "DMN" -> org.camunda.bpm.model.dmn.Dmn.validateModel(
          org.camunda.bpm.model.dmn.Dmn.readModelFromStream(new java.io.ByteArrayInputStream(file)));
      default -> {
        JsonNode form = new com.fasterxml.jackson.databind.ObjectMapper().readTree(file);
        assertThat(form.path("components").isArray()).isTrue();
        assertThat(form.path("schemaVersion").isInt()).isTrue();
        assertThat(form.path("executionPlatform").asText()).isEqualTo("Camunda Platform");
      }
    }
  }

  @Test
  void anyoneButAProcessOwnerIsRefusedInJapanese() {
    for (String user : List.of(DemoOrganisation.PRODUCTION_EMPLOYEE, DemoOrganisation.PRODUCTION_CHIEF,
        DemoOrganisation.DEVELOPMENT_HEAD)) {
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
    ResponseEntity<JsonNode> response = get(DemoOrganisation.DEPARTMENT_PROCESS_OWNER, "/api/design/revision");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody().path("revision").asText()).matches("\\d{4}-\\d{2}(-\\d+)?");
  }
}
