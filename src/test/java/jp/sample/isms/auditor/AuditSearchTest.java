package jp.sample.isms.auditor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Attachment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.support.Requests;
import jp.sample.isms.support.DemoOrganisation;

import jp.sample.isms.audit.AuditRequestIndex;

/**
 * The auditor's search: each filter narrows to the requests it names, pages and counts agree, and one request's
 * timeline shows every record with actor and role, its attachments and the path it took. The database is shared
 * with the other test classes: the assertions look for this class's requests, never at totals.
 */
@IsmsSpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditSearchTest {

  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));
  static final byte[] PDF = ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
      .getBytes(StandardCharsets.US_ASCII);

  @Autowired
  TestRestTemplate rest;
  @Autowired
  ProcessEngine engine;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  PlatformTransactionManager transactionManager;
  @Autowired
  AuditRequestIndex index;

  AuditClient client;
  Requests requests;
  /** yamamoto's INTERNAL take-out, approved by ito (開発設計部長). */
  String approvedTakeOut;
  /** yamamoto's SECRET take-out, rejected by tanaka (president). */
  String rejectedTakeOut;
  /** yamamoto's INTERNAL take-out, sent back by ito. */
  String sentBackTakeOut;
  /** kato's (総務部) INTERNAL disposal: suzuki receives, tanaka approves (suzuki cannot take both steps). */
  String katosDisposal;
  /** yamamoto's outsourced SECRET destruction, closed with a PDF certificate. */
  String outsourcedDisposal;
  String certificateId;

  /** Once per class, in the first test (the coverage listener wants processes run inside a test). */
  @BeforeEach
  void requests() {
    if (client != null) {
      return;
    }
    client = new AuditClient(rest);
    requests = new Requests(engine);

    ProcessInstance approved = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, "takeOut", Requests.internalLaptopTakeOut());
    requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, approved, Map.of("decision", "APPROVED", "decisionComment", "気をつけて"));
    approvedTakeOut = approved.getBusinessKey();

    Map<String, Object> secret = Requests.internalLaptopTakeOut();
    secret.put("assetIds", "IA-0002");
    ProcessInstance rejected = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, "takeOut", secret);
    requests.complete(DemoOrganisation.PRESIDENT, rejected, Map.of("decision", "REJECTED", "decisionComment", "極秘は持ち出し不可"));
    rejectedTakeOut = rejected.getBusinessKey();

    ProcessInstance sentBack = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, "takeOut", Requests.internalLaptopTakeOut());
    requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, sentBack, Map.of("decision", "SENT_BACK", "decisionComment", "返却日を確認"));
    sentBackTakeOut = sentBack.getBusinessKey();

    ProcessInstance disposal = requests.file(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, "mediaDisposal",
        disposal("IA-0009", "USB_MEMORY", "PHYSICAL_DESTRUCTION"));
    requests.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, disposal, approve());
    requests.complete(DemoOrganisation.MANUFACTURING_HEAD, disposal, approve());
    requests.complete(DemoOrganisation.PRESIDENT, disposal, approve());
    katosDisposal = disposal.getBusinessKey();

    Map<String, Object> outsourced = disposal("IA-0002", "HDD", "OUTSOURCED_DESTRUCTION");
    outsourced.put("contractor", "株式会社データ抹消サービス");
    ProcessInstance destruction = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, "mediaDisposal", outsourced);
    requests.complete(DemoOrganisation.DESIGN_CHIEF, destruction, approve());
    requests.complete(DemoOrganisation.PRESIDENT, destruction, approve());
    requests.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, destruction, approve());
    String taskId = requests.task(destruction).getId();
    Attachment certificate = requests.as(DemoOrganisation.DESIGN_EMPLOYEE, () -> engine.getTaskService().createAttachment(
        "application/pdf", taskId, destruction.getId(), "破壊証明書.pdf", "破壊証明書", new ByteArrayInputStream(PDF)));
    requests.complete(DemoOrganisation.DESIGN_EMPLOYEE, destruction, Map.of("executedOn", TODAY.toString(), "executionNote", "立会い"));
    outsourcedDisposal = destruction.getBusinessKey();
    certificateId = certificate.getId();
  }

  /** A disposal of a medium holding the assets (their classification comes from the 情報資産管理台帳). */
  static Map<String, Object> disposal(String assetIds, String mediaType, String method) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("assetIds", assetIds);
    variables.put("mediaType", mediaType);
    variables.put("action", "DISPOSE");
    variables.put("method", method);
    variables.put("quantity", 2);
    variables.put("description", "監査テスト用の媒体");
    return variables;
  }

  static Map<String, Object> approve() {
    return Map.of("decision", "APPROVED", "decisionComment", "");
  }

  /** The business keys the search finds today with the filter (the first 500, newest first). */
  List<String> found(String filter) {
    JsonNode page = client.get(DemoOrganisation.AUDIT_OFFICER, "/api/audit/requests?size=500&from=" + TODAY + "&to=" + TODAY
        + (filter.isEmpty() ? "" : "&" + filter));
    List<String> keys = new ArrayList<>();
    page.get("items").forEach(item -> keys.add(item.get("request").get("businessKey").asText()));
    return keys;
  }

  @Test
  void withoutFiltersEveryRequestOfTheDayIsFound() {
    assertThat(found("")).contains(approvedTakeOut, rejectedTakeOut, sentBackTakeOut, katosDisposal,
        outsourcedDisposal);
  }

  @Test
  void byFlow() {
    assertThat(found("flow=takeOut")).contains(approvedTakeOut, rejectedTakeOut)
        .doesNotContain(katosDisposal, outsourcedDisposal).allMatch(key -> key.startsWith("TO-"));
    assertThat(found("flow=mediaDisposal")).contains(katosDisposal, outsourcedDisposal)
        .doesNotContain(approvedTakeOut);
  }

  @Test
  void byBusinessKey() {
    assertThat(found("businessKey=" + rejectedTakeOut)).containsExactly(rejectedTakeOut);
  }

  @Test
  void byRequester() {
    assertThat(found("requester=kato")).contains(katosDisposal)
        .doesNotContain(approvedTakeOut, outsourcedDisposal);
  }

  @Test
  void byApprover() {
    assertThat(found("approver=ito")).contains(approvedTakeOut, sentBackTakeOut)
        .doesNotContain(rejectedTakeOut, katosDisposal);
    // the president approves the 極秘 disposal as its assets' 管理責任者, takahashi kato's as 製造部's
    assertThat(found("approver=tanaka")).contains(rejectedTakeOut, katosDisposal, outsourcedDisposal)
        .doesNotContain(approvedTakeOut);
    assertThat(found("approver=takahashi")).contains(katosDisposal).doesNotContain(outsourcedDisposal);
    assertThat(found("approver=suzuki")).contains(katosDisposal, outsourcedDisposal)
        .doesNotContain(approvedTakeOut);
  }

  @Test
  void byDepartment() {
    assertThat(found("department=general-affairs")).contains(katosDisposal)
        .doesNotContain(approvedTakeOut, outsourcedDisposal);
    assertThat(found("department=development")).contains(approvedTakeOut, outsourcedDisposal)
        .doesNotContain(katosDisposal);
  }

  @Test
  void byClassification() {
    assertThat(found("classification=SECRET")).contains(rejectedTakeOut, outsourcedDisposal)
        .doesNotContain(approvedTakeOut, katosDisposal);
    assertThat(found("classification=INTERNAL")).contains(approvedTakeOut, katosDisposal)
        .doesNotContain(rejectedTakeOut);
  }

  @Test
  void byOutcomeOfAnyRecord() {
    assertThat(found("outcome=REJECTED")).contains(rejectedTakeOut)
        .doesNotContain(approvedTakeOut, sentBackTakeOut, katosDisposal);
    assertThat(found("outcome=SENT_BACK")).contains(sentBackTakeOut).doesNotContain(approvedTakeOut);
    assertThat(found("outcome=APPROVED")).contains(approvedTakeOut, katosDisposal)
        .doesNotContain(rejectedTakeOut, sentBackTakeOut);
  }

  @Test
  void byClauseAndTheClausesUnderIt() {
    assertThat(found("clause=3.2")).contains(approvedTakeOut).doesNotContain(katosDisposal);
    assertThat(found("clause=3.3.1")).contains(katosDisposal).doesNotContain(approvedTakeOut);
    assertThat(found("clause=3.3")).contains(katosDisposal, outsourcedDisposal).doesNotContain(approvedTakeOut);
    assertThat(found("clause=3")).contains(approvedTakeOut, katosDisposal);
    assertThat(found("clause=3.22")).doesNotContain(approvedTakeOut);
  }

  @Test
  void byDateRangeInJapan() {
    JsonNode tomorrow = client.get(DemoOrganisation.AUDIT_OFFICER, "/api/audit/requests?size=500&from=" + TODAY.plusDays(1));
    assertThat(tomorrow.get("items")).isEmpty();
    JsonNode yesterday = client.get(DemoOrganisation.AUDIT_OFFICER, "/api/audit/requests?size=500&requester=kato&to="
        + TODAY.minusDays(1));
    assertThat(yesterday.toString()).doesNotContain(katosDisposal);
  }

  @Test
  void filtersCombine() {
    assertThat(found("flow=takeOut&approver=ito&outcome=APPROVED")).contains(approvedTakeOut)
        .doesNotContain(sentBackTakeOut, rejectedTakeOut);
  }

  @Test
  void pagesAndCountAgree() {
    String filter = "requester=yamamoto&flow=takeOut&from=" + TODAY + "&to=" + TODAY;
    long count = client.get(DemoOrganisation.AUDIT_OFFICER, "/api/audit/requests/count?" + filter).get("count").asLong();
    assertThat(count).isGreaterThanOrEqualTo(3);

    List<String> paged = new ArrayList<>();
    for (int page = 0; ; page++) {
      JsonNode result = client.get(DemoOrganisation.AUDIT_OFFICER, "/api/audit/requests?size=2&page=" + page + "&" + filter);
      result.get("items").forEach(item -> paged.add(item.get("request").get("businessKey").asText()));
      assertThat(result.get("items").size()).isLessThanOrEqualTo(2);
      if (!result.get("hasMore").asBoolean()) {
        break;
      }
    }
    assertThat(paged).hasSize((int) count).doesNotHaveDuplicates()
        .contains(approvedTakeOut, rejectedTakeOut, sentBackTakeOut);
    assertThat(client.get(DemoOrganisation.AUDIT_OFFICER, "/api/audit/requests/count?businessKey=" + katosDisposal).get("count")
        .asLong()).isEqualTo(1);
  }

  @Test
  void aListedRequestSaysWhatItIs() {
    JsonNode item = client.get(DemoOrganisation.AUDIT_OFFICER, "/api/audit/requests?businessKey=" + katosDisposal).get("items").get(0);
    assertThat(item.get("flowName").asText()).isEqualTo("媒体の廃棄・再利用申請");
    JsonNode request = item.get("request");
    assertThat(request.get("requester").asText()).isEqualTo(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE);
    assertThat(request.get("requesterName").asText()).isEqualTo("加藤 大輔");
    assertThat(request.get("departmentName").asText()).isEqualTo("総務部");
    assertThat(request.get("classificationLabel").asText()).isEqualTo("社外秘 (機密性1)");
    assertThat(request.get("filedAt").asText()).endsWith("+09:00");
  }

  @Test
  void aTimelineCarriesTheFormsLabelsOfWhatWasSubmittedAndThePathInWords() {
    JsonNode timeline = client.get(DemoOrganisation.AUDIT_OFFICER, "/api/audit/requests/" + approvedTakeOut);
    // the labels of the flow's own forms (another flow's form may label a field of the same name differently)
    JsonNode fields = timeline.get("fields");
    assertThat(fields.get("assetIds").get("label").asText()).isEqualTo("持ち出す情報資産 (情報資産管理台帳のID)");
    assertThat(fields.get("assetDescription").get("label").asText()).isEqualTo("持ち出す内容 (ファイル名・書類名など)");
    assertThat(fields.get("medium").get("choices").get("LAPTOP").asText()).isEqualTo("ノートパソコン");
    assertThat(fields.get("startDate").get("label").asText()).isEqualTo("持ち出し日");
    assertThat(fields.get("attestDiskEncrypted").get("type").asText()).isEqualTo("checkbox");
    assertThat(fields.get("decision").get("choices").get("APPROVED").asText()).isEqualTo("承認する");
    // the recorded values stay as they were submitted
    assertThat(timeline.get("records").get(0).get("submittedValues").asText()).contains("medium", "LAPTOP");
    // the path's kinds in Japanese
    assertThat(timeline.get("path")).extracting(step -> step.get("activityTypeLabel").asText())
        .contains("開始", "担当者のステップ", "分岐 (いずれか一つ)").doesNotContain("userTask", "exclusiveGateway");
  }

  @Test
  void wrongParametersAre400InJapanese() {
    ResponseEntity<String> date = client.call(DemoOrganisation.AUDIT_OFFICER, "/api/audit/requests?from=2026/04/01");
    assertThat(date.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(date.getBody()).contains("YYYY-MM-DD");
    assertThat(client.call(DemoOrganisation.AUDIT_OFFICER, "/api/audit/requests?clause=3.2%27%20or%201=1").getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(client.call(DemoOrganisation.AUDIT_OFFICER, "/api/audit/requests?size=100000").getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(client.call(DemoOrganisation.AUDIT_OFFICER, "/api/audit/requests/TO-1999-9999").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void theTimelineShowsEveryRecordWithActorRoleAndClause() {
    JsonNode timeline = client.get(DemoOrganisation.AUDIT_OFFICER, "/api/audit/requests/" + katosDisposal);

    assertThat(timeline.get("flowName").asText()).isEqualTo("媒体の廃棄・再利用申請");
    assertThat(timeline.get("historyAvailable").asBoolean()).isTrue();
    JsonNode records = timeline.get("records");
    List<String> steps = new ArrayList<>();
    records.forEach(r -> steps.add(r.get("actor").asText() + "/" + r.get("actingRole").asText() + "/"
        + r.get("outcome").asText()));
    assertThat(steps).startsWith("kato/REQUESTER/FILED").contains("suzuki/DEPARTMENT_HEAD/APPROVED",
        "tanaka/SECURITY_OFFICER/APPROVED");
    JsonNode tanakas = null;
    for (JsonNode r : records) {
      if (DemoOrganisation.PRESIDENT.equals(r.get("actor").asText())) {
        tanakas = r;
      }
    }
    assertThat(tanakas.get("actorName").asText()).isEqualTo("田中 一郎");
    assertThat(tanakas.get("actingRoleLabel").asText()).isEqualTo("情報セキュリティ責任者");
    assertThat(tanakas.get("outcomeLabel").asText()).isEqualTo("承認");
    assertThat(tanakas.get("stepKind").asText()).isEqualTo("APPROVAL");
    assertThat(tanakas.get("clauses").toString()).contains("3.3.1");
    assertThat(tanakas.get("occurredAt").asText()).endsWith("+09:00");
    assertThat(tanakas.get("regulationRevision").asText()).isNotBlank();
  }

  @Test
  void theTimelineShowsThePathTakenAndTheDiagram() {
    JsonNode timeline = client.get(DemoOrganisation.AUDIT_OFFICER, "/api/audit/requests/" + rejectedTakeOut);

    List<String> path = new ArrayList<>();
    timeline.get("path").forEach(step -> path.add(step.get("activityId").asText()));
    assertThat(path).startsWith("StartEvent_RequestFiled").contains("UserTask_ApproveTakeOut")
        .endsWith("EndEvent_TakeOutRejected");
    assertThat(timeline.get("instance").get("state").asText()).isEqualTo("COMPLETED");
    assertThat(timeline.get("instance").get("stateLabel").asText()).isEqualTo("完了");

    String diagramUrl = timeline.get("diagramUrl").asText();
    ResponseEntity<String> diagram = client.call(DemoOrganisation.AUDIT_OFFICER, diagramUrl);
    assertThat(diagram.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(diagram.getHeaders().getContentType().toString()).startsWith("application/xml");
    assertThat(diagram.getBody()).contains("id=\"takeOut\"").contains("UserTask_ApproveTakeOut");
  }

  @Test
  void theTimelineListsAttachmentsWithADownloadLink() {
    JsonNode timeline = client.get(DemoOrganisation.PRESIDENT, "/api/audit/requests/" + outsourcedDisposal);

    JsonNode attachment = timeline.get("attachments").get(0);
    assertThat(attachment.get("name").asText()).isEqualTo("破壊証明書.pdf");
    assertThat(attachment.get("type").asText()).isEqualTo("application/pdf");
    String url = attachment.get("downloadUrl").asText();
    assertThat(url).isEqualTo("/api/audit/requests/" + outsourcedDisposal + "/attachments/" + certificateId);

    ResponseEntity<byte[]> download = client.bytes(DemoOrganisation.AUDIT_OFFICER, url);
    assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(download.getBody()).isEqualTo(PDF);
    assertThat(download.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
    assertThat(download.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(download.getHeaders().getContentDisposition().getType()).isEqualTo("attachment");
    assertThat(download.getHeaders().getContentDisposition().getFilename()).isEqualTo("破壊証明書.pdf");
    // an attachment is only reachable through the request it belongs to
    assertThat(client.call(DemoOrganisation.AUDIT_OFFICER, "/api/audit/requests/" + katosDisposal + "/attachments/" + certificateId)
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(client.call(DemoOrganisation.DESIGN_EMPLOYEE, url).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void theIndexOfARequestCanBeRebuiltFromItsRecords() {
    Map<String, Object> indexed = indexRow(sentBackTakeOut);
    assertThat(indexed.get("OUTCOMES")).isEqualTo(",FILED,RECORDED,SENT_BACK,");
    assertThat(indexed.get("CLAUSES")).isEqualTo(",3.2,3.1.1,");
    assertThat(indexed.get("CLASSIFICATION")).isEqualTo("INTERNAL");
    // the row is derived data: dropped (in a transaction rolled back after), it comes back the same from the records
    new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
      jdbc.update("delete from audit_request where business_key = ?", sentBackTakeOut);
      index.addMissingRequests();
      assertThat(indexRow(sentBackTakeOut)).isEqualTo(indexed);
      status.setRollbackOnly();
    });
  }

  @Test
  void aSetColumnKeepsEachCodeOnceInOrder() {
    assertThat(AuditRequestIndex.merge(null, "3.3.1,3.3.2")).isEqualTo(",3.3.1,3.3.2,");
    assertThat(AuditRequestIndex.merge(",3.3.1,3.3.2,", "3.3.2,4.1.2")).isEqualTo(",3.3.1,3.3.2,4.1.2,");
    assertThat(AuditRequestIndex.merge(",FILED,", null)).isEqualTo(",FILED,");
    assertThat(AuditRequestIndex.merge(null, " ")).isNull();
  }

  private Map<String, Object> indexRow(String businessKey) {
    return jdbc.queryForMap("select * from audit_request where business_key = ?", businessKey);
  }

  @Test
  void recordsIncludeRefusalsAtFiling() {
    Map<String, Object> refused = Requests.internalLaptopTakeOut(DemoOrganisation.PRODUCTION_EMPLOYEE);
    refused.remove("attestDiskEncrypted");
    try {
      requests.file(DemoOrganisation.PRODUCTION_EMPLOYEE, "takeOut", refused);
    } catch (RuntimeException expected) {
      // 3.2: refused at filing, recorded without a business key
    }
    JsonNode page = client.get(DemoOrganisation.AUDIT_OFFICER, "/api/audit/records?outcome=REFUSED&actor=kobayashi&clause=3.2&from="
        + TODAY);
    JsonNode refusal = page.get("items").get(0);
    assertThat(refusal.get("businessKey").isNull()).isTrue();
    assertThat(refusal.get("outcomeLabel").asText()).isEqualTo("受付拒否 (規程違反)");
    assertThat(refusal.get("comment").asText()).contains("3.2");
    assertThat(client.get(DemoOrganisation.AUDIT_OFFICER, "/api/audit/records/count?outcome=REFUSED&actor=kobayashi").get("count")
        .asLong()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void theAuditorsOwnQueriesAreLeftOutUnlessAskedForAndTheCountAgreesWithTheList() {
    // nakamura's searches of today are records too (AUDIT_QUERY)
    client.get(DemoOrganisation.AUDIT_OFFICER, "/api/audit/records?actor=nakamura&from=" + TODAY);

    JsonNode plain = client.get(DemoOrganisation.AUDIT_OFFICER, "/api/audit/records?size=500&actor=nakamura&from=" + TODAY);
    plain.get("items").forEach(r -> assertThat(r.get("stepKind").asText()).isNotEqualTo("AUDIT_QUERY"));
    assertThat(client.get(DemoOrganisation.AUDIT_OFFICER, "/api/audit/records/count?actor=nakamura&from=" + TODAY).get("count").asLong())
        .isEqualTo(plain.get("items").size());

    JsonNode asked = client.get(DemoOrganisation.AUDIT_OFFICER, "/api/audit/records?size=500&includeQueries=true&actor=nakamura&from="
        + TODAY);
    assertThat(asked.get("items")).anySatisfy(r -> assertThat(r.get("stepKind").asText()).isEqualTo("AUDIT_QUERY"));
    // the count up to the newest record listed ignores the query records written since
    long newest = asked.get("items").get(0).get("id").asLong();
    assertThat(client.get(DemoOrganisation.AUDIT_OFFICER, "/api/audit/records/count?includeQueries=true&actor=nakamura&from=" + TODAY
        + "&upTo=" + newest).get("count").asLong()).isEqualTo(asked.get("items").size());
    assertThat(client.get(DemoOrganisation.AUDIT_OFFICER, "/api/audit/records?size=500&stepKind=AUDIT_QUERY&actor=nakamura&from="
        + TODAY).get("items")).isNotEmpty();
    assertThat(client.call(DemoOrganisation.AUDIT_OFFICER, "/api/audit/records?upTo=0").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }
}
