package jp.sample.isms.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.audit.AuditEntry;
import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.support.Outsourcings;
import jp.sample.isms.support.Requests;
import jp.sample.isms.support.DemoOrganisation;

/** {@code /api/requests/{request}/attachments}: who may list, upload and remove; format, size; the audit record. */
@IsmsSpringBootTest
class RequestAttachmentsRestTest {

  private static final String PASSWORD = DemoOrganisation.PASSWORD;
  private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));
  static final byte[] PDF = ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
      .getBytes(StandardCharsets.US_ASCII);

  @Autowired
  TestRestTemplate rest;
  @Autowired
  ProcessEngine engine;
  @Autowired
  AuditRecorder audit;
  @Autowired
  org.springframework.jdbc.core.JdbcTemplate jdbc;

  private final ObjectMapper json = new ObjectMapper();
  private Requests requests;

  @BeforeEach
  void setUp() {
    requests = new Requests(engine);
  }

  /** yamamoto's outsourced disposal, received by watanabe and approved by tanaka (極秘) and suzuki: waits for her execution report. */
  private ProcessInstance disposalAwaitingExecution() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("assetIds", "IA-0002");
    variables.put("mediaType", "HDD");
    variables.put("action", "DISPOSE");
    variables.put("method", "OUTSOURCED_DESTRUCTION");
    variables.put("quantity", 3);
    variables.put("description", "旧設計図面データ (2019年度) を保存していた媒体");
    variables.put("contractor", "株式会社データ抹消サービス");
    ProcessInstance instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, "mediaDisposal", variables);
    Map<String, Object> approve = Map.of("decision", "APPROVED", "decisionComment", "");
    requests.complete(DemoOrganisation.DESIGN_CHIEF, instance, approve);
    requests.complete(DemoOrganisation.PRESIDENT, instance, approve);
    requests.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, instance, approve);
    return instance;
  }

  private ResponseEntity<String> upload(String user, String request, String name, String type, byte[] content) {
    return upload(user, request, null, name, type, content);
  }

  private ResponseEntity<String> upload(String user, String request, String kind, String name, String type,
      byte[] content) {
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    if (kind != null) {
      form.add("kind", kind);
    }
    HttpHeaders part = new HttpHeaders();
    part.setContentType(MediaType.parseMediaType(type));
    form.add("file", new HttpEntity<>(new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return name;
      }
    }, part));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return rest.withBasicAuth(user, PASSWORD).exchange("/api/requests/" + request + "/attachments", HttpMethod.POST,
        new HttpEntity<>(form, headers), String.class);
  }

  private ResponseEntity<String> list(String user, String request) {
    return rest.withBasicAuth(user, PASSWORD).getForEntity("/api/requests/" + request + "/attachments", String.class);
  }

  private ResponseEntity<String> remove(String user, String request, String attachmentId) {
    return rest.withBasicAuth(user, PASSWORD).exchange("/api/requests/" + request + "/attachments/" + attachmentId,
        HttpMethod.DELETE, null, String.class);
  }

  private JsonNode read(ResponseEntity<String> response) throws Exception {
    return json.readTree(response.getBody());
  }

  @Test
  void theRequesterUploadsACertificateInHerStepAndTheApproversAndAuditorsSeeIt() throws Exception {
    // given
    ProcessInstance instance = disposalAwaitingExecution();

    // when
    ResponseEntity<String> uploaded = upload(DemoOrganisation.DESIGN_EMPLOYEE, instance.getBusinessKey(), "破壊証明書.pdf",
        "application/pdf", PDF);

    // then
    assertThat(uploaded.getStatusCode()).as(uploaded.getBody()).isEqualTo(HttpStatus.CREATED);
    String id = read(uploaded).get("id").asText();
    JsonNode listed = read(list(DemoOrganisation.DESIGN_EMPLOYEE, instance.getId()));
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).get("name").asText()).isEqualTo("破壊証明書.pdf");
    assertThat(listed.get(0).get("type").asText()).isEqualTo("application/pdf");
    assertThat(listed.get(0).get("size").asLong()).isEqualTo(PDF.length);
    assertThat(listed.get(0).get("uploadedBy").asText()).isEqualTo(DemoOrganisation.DESIGN_EMPLOYEE);
    assertThat(listed.get(0).get("removable").asBoolean()).isTrue();
    // an auditor reads it, but may not remove it
    ResponseEntity<String> auditors = list(DemoOrganisation.AUDIT_OFFICER, instance.getBusinessKey());
    assertThat(auditors.getStatusCode()).as(auditors.getBody()).isEqualTo(HttpStatus.OK);
    ResponseEntity<byte[]> download = rest.withBasicAuth(DemoOrganisation.DESIGN_EMPLOYEE, PASSWORD)
        .getForEntity("/api/requests/" + instance.getBusinessKey() + "/attachments/" + id, byte[].class);
    assertThat(download.getBody()).isEqualTo(PDF);
    assertThat(download.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    assertThat(audit.forBusinessKey(instance.getBusinessKey())).extracting(AuditEntry::outcome)
        .contains(RequestAttachments.ATTACHED);
    // the certificate counts for the execution report (3.3.1)
    requests.complete(DemoOrganisation.DESIGN_EMPLOYEE, instance, Map.of("executedOn", TODAY.toString(), "executionNote", "立会いのもと破壊した"));
  }

  @Test
  void someoneWithoutPartInTheRequestGets403() throws Exception {
    ProcessInstance instance = disposalAwaitingExecution();
    String id = read(upload(DemoOrganisation.DESIGN_EMPLOYEE, instance.getBusinessKey(), "cert.pdf", "application/pdf", PDF)).get("id")
        .asText();

    // kato has no part in it; watanabe's step is done
    assertThat(list(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, instance.getBusinessKey()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> katosUpload = upload(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, instance.getBusinessKey(), "x.pdf", "application/pdf", PDF);
    assertThat(katosUpload.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(read(katosUpload).get("message").asText()).contains("権限がありません");
    assertThat(upload(DemoOrganisation.DESIGN_CHIEF, instance.getBusinessKey(), "x.pdf", "application/pdf", PDF).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(remove(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, instance.getBusinessKey(), id).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    // an auditor reads, but only the uploader removes
    ResponseEntity<String> auditorRemoves = remove(DemoOrganisation.AUDIT_OFFICER, instance.getBusinessKey(), id);
    assertThat(auditorRemoves.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(read(auditorRemoves).get("message").asText()).contains("アップロードした本人のみ");
    // and the engine's attachment API is closed to them
    ResponseEntity<String> engineDelete = rest.withBasicAuth(DemoOrganisation.DESIGN_EMPLOYEE, PASSWORD).exchange("/engine-rest/task/"
        + requests.task(instance).getId() + "/attachment/" + id, HttpMethod.DELETE, null, String.class);
    assertThat(engineDelete.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(read(list(DemoOrganisation.DESIGN_EMPLOYEE, instance.getBusinessKey()))).hasSize(1);
  }

  @Test
  void aRenamedTextFileOrAMismatchedTypeGets400() throws Exception {
    ProcessInstance instance = disposalAwaitingExecution();

    ResponseEntity<String> fake = upload(DemoOrganisation.DESIGN_EMPLOYEE, instance.getBusinessKey(), "証明書.pdf", "application/pdf",
        "これは PDF ではありません".getBytes(StandardCharsets.UTF_8));
    assertThat(fake.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(read(fake).get("message").asText()).contains("PDF ではありません");

    ResponseEntity<String> word = upload(DemoOrganisation.DESIGN_EMPLOYEE, instance.getBusinessKey(), "証明書.docx",
        "application/octet-stream", PDF);
    assertThat(word.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(read(word).get("message").asText()).contains("PDF・PNG・JPEG");

    ResponseEntity<String> mismatch = upload(DemoOrganisation.DESIGN_EMPLOYEE, instance.getBusinessKey(), "証明書.png", "application/pdf",
        PDF);
    assertThat(mismatch.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

    byte[] tooLarge = new byte[RequestAttachments.MAX_BYTES + 1];
    System.arraycopy(PDF, 0, tooLarge, 0, PDF.length);
    ResponseEntity<String> large = upload(DemoOrganisation.DESIGN_EMPLOYEE, instance.getBusinessKey(), "大きな証明書.pdf", "application/pdf",
        tooLarge);
    assertThat(large.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(read(large).get("message").asText()).contains("10MB");

    ResponseEntity<String> longName = upload(DemoOrganisation.DESIGN_EMPLOYEE, instance.getBusinessKey(), "c".repeat(300) + ".pdf",
        "application/pdf", PDF);
    assertThat(longName.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(read(longName).get("message").asText()).contains("255");

    assertThat(read(list(DemoOrganisation.DESIGN_EMPLOYEE, instance.getBusinessKey()))).isEmpty();
  }

  @Test
  void theUploaderRemovesWhileTheTaskIsOpenAnd409Afterwards() throws Exception {
    // given two certificates of yamamoto
    ProcessInstance instance = disposalAwaitingExecution();
    String first = read(upload(DemoOrganisation.DESIGN_EMPLOYEE, instance.getBusinessKey(), "古い証明書.pdf", "application/pdf", PDF))
        .get("id").asText();
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};
    String second = read(upload(DemoOrganisation.DESIGN_EMPLOYEE, instance.getBusinessKey(), "証明書.png", "image/png", png)).get("id")
        .asText();

    // when she removes the first while her step is open
    assertThat(remove(DemoOrganisation.DESIGN_EMPLOYEE, instance.getBusinessKey(), first).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(audit.forBusinessKey(instance.getBusinessKey())).extracting(AuditEntry::outcome)
        .contains(RequestAttachments.ATTACHMENT_REMOVED);

    // and completes the step: then the second is kept for good
    Task step = requests.task(instance);
    requests.complete(DemoOrganisation.DESIGN_EMPLOYEE, instance, Map.of("executedOn", TODAY.toString(), "executionNote", "立会いのもと破壊した"));
    assertThat(engine.getTaskService().createTaskQuery().taskId(step.getId()).count()).isZero();
    ResponseEntity<String> late = remove(DemoOrganisation.DESIGN_EMPLOYEE, instance.getBusinessKey(), second);
    assertThat(late.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(read(late).get("message").asText()).contains("完了しているため");
    ResponseEntity<String> lateUpload = upload(DemoOrganisation.DESIGN_EMPLOYEE, instance.getBusinessKey(), "追加.pdf", "application/pdf",
        PDF);
    assertThat(lateUpload.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(read(list(DemoOrganisation.DESIGN_EMPLOYEE, instance.getBusinessKey()))).hasSize(1);
  }

  @Test
  void anUnknownRequestGets404() {
    assertThat(list(DemoOrganisation.DESIGN_EMPLOYEE, "MD-1999-9999").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void reSubcontractingDocumentsAreUploadedWithTheirKindAndCountForTheFlow() throws Exception {
    // given yamamoto's re-subcontracting request, waiting for his documents (8.1.5)
    Outsourcings outsourcings = new Outsourcings(engine, jdbc);
    try {
      ProcessInstance outsourcing = outsourcings.running(DemoOrganisation.DESIGN_EMPLOYEE);
      ProcessInstance instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, "resubcontracting",
          Outsourcings.resubcontracting(outsourcing.getBusinessKey()));
      String key = instance.getBusinessKey();

      // the tab offers the four documents of 8.1.5
      JsonNode kinds = read(rest.withBasicAuth(DemoOrganisation.DESIGN_EMPLOYEE, PASSWORD)
          .getForEntity("/api/requests/" + key + "/attachments/kinds", String.class));
      assertThat(kinds.findValuesAsText("code"))
          .containsExactly("PRIOR_REPORT", "CONTRACT_EXTRACT", "SELECTION_CRITERIA", "CERTIFICATION");
      assertThat(kinds.get(0).get("label").asText()).isEqualTo("委託先からの事前の書面による報告");

      // without a kind, or with one the flow does not know: 400 naming the field, nothing attached
      ResponseEntity<String> noKind = upload(DemoOrganisation.DESIGN_EMPLOYEE, key, "報告書.pdf", "application/pdf", PDF);
      assertThat(noKind.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(read(noKind).get("message").asText()).contains("種類", "(kind)", "PRIOR_REPORT");
      ResponseEntity<String> unknown = upload(DemoOrganisation.DESIGN_EMPLOYEE, key, "INVOICE", "請求書.pdf", "application/pdf", PDF);
      assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(read(unknown).get("message").asText()).contains("INVOICE");
      assertThat(engine.getTaskService().getProcessInstanceAttachments(instance.getId())).isEmpty();

      // with their kinds the three documents are listed by kind, and downloaded as what they are
      ResponseEntity<String> report = upload(DemoOrganisation.DESIGN_EMPLOYEE, key, "PRIOR_REPORT", "再委託事前報告書.pdf",
          "application/pdf", PDF);
      assertThat(report.getStatusCode()).as(report.getBody()).isEqualTo(HttpStatus.CREATED);
      assertThat(read(report).get("type").asText()).isEqualTo("PRIOR_REPORT");
      assertThat(read(report).get("kindLabel").asText()).isEqualTo("委託先からの事前の書面による報告");
      upload(DemoOrganisation.DESIGN_EMPLOYEE, key, "CONTRACT_EXTRACT", "契約書案_抜粋.pdf", "application/pdf", PDF);
      upload(DemoOrganisation.DESIGN_EMPLOYEE, key, "SELECTION_CRITERIA", "選定基準.pdf", "application/pdf", PDF);
      JsonNode listed = read(list(DemoOrganisation.DESIGN_EMPLOYEE, key));
      assertThat(listed.findValuesAsText("type"))
          .containsExactly("PRIOR_REPORT", "CONTRACT_EXTRACT", "SELECTION_CRITERIA");
      ResponseEntity<byte[]> download = rest.withBasicAuth(DemoOrganisation.DESIGN_EMPLOYEE, PASSWORD).getForEntity(
          "/api/requests/" + key + "/attachments/" + read(report).get("id").asText(), byte[].class);
      assertThat(download.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
      assertThat(download.getBody()).isEqualTo(PDF);

      // then the flow counts them: yamamoto's step completes and the review by his department head is next
      requests.complete(DemoOrganisation.DESIGN_EMPLOYEE, instance, Map.of("comment", ""));
      assertThat(requests.task(instance).getTaskDefinitionKey()).isEqualTo("UserTask_ReviewEquivalence");
      engine.getRuntimeService().deleteProcessInstance(instance.getId(), "test clean-up");
    } finally {
      outsourcings.cleanUp();
    }
  }

  @Test
  void aFlowWithoutKindsRefusesAKindAndOffersNone() throws Exception {
    ProcessInstance instance = disposalAwaitingExecution();

    assertThat(read(rest.withBasicAuth(DemoOrganisation.DESIGN_EMPLOYEE, PASSWORD).getForEntity(
        "/api/requests/" + instance.getBusinessKey() + "/attachments/kinds", String.class))).isEmpty();
    ResponseEntity<String> withKind = upload(DemoOrganisation.DESIGN_EMPLOYEE, instance.getBusinessKey(), "PRIOR_REPORT", "証明書.pdf",
        "application/pdf", PDF);
    assertThat(withKind.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(read(withKind).get("message").asText()).contains("(kind)");
    assertThat(engine.getTaskService().getProcessInstanceAttachments(instance.getId())).isEmpty();
  }
}
