package jp.sample.isms.auditor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.support.Requests;
import jp.sample.isms.system.WebappSession;
import jp.sample.isms.support.DemoOrganisation;


/**
 * 申請一覧 over {@code /api/my}: the requester's own requests with the state derived from the record and the engine,
 * filters and CSV, the timeline of one's own request without auditor-only fields, the approver's decisions and held
 * steps; and the attacks: another user's requests by number, by process instance, by other spellings of the path and
 * through both engine REST roots, and no credentials at all. The database is shared with the other test classes: the
 * assertions look for this class's requests.
 */
@IsmsSpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MyRequestsRestTest {

  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));
  static final byte[] PDF = ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
      .getBytes(StandardCharsets.US_ASCII);

  @Autowired
  TestRestTemplate rest;
  @Autowired
  ProcessEngine engine;
  @Autowired
  JdbcTemplate jdbc;

  AuditClient client;
  Requests requests;
  /** yamamoto's take-out waiting for ito (開発設計部長). */
  ProcessInstance pending;
  /** yamamoto's take-out approved by ito, waiting for her return report. */
  String approved;
  /** yamamoto's SECRET take-out rejected by tanaka. */
  String rejected;
  /** yamamoto's take-out sent back by ito. */
  String sentBack;
  /** yamamoto's take-out she withdrew. */
  String withdrawn;
  /** kobayashi's take-out waiting for takahashi (製造部長). */
  String kobayashis;
  String attachmentId;

  @BeforeEach
  void requests() {
    if (client != null) {
      return;
    }
    client = new AuditClient(rest);
    requests = new Requests(engine);

    pending = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, "takeOut", Requests.internalLaptopTakeOut());
    String pendingTask = requests.task(pending).getId();
    Attachment attachment = requests.as(DemoOrganisation.DESIGN_EMPLOYEE, () -> engine.getTaskService().createAttachment(
        "application/pdf", pendingTask, pending.getId(), "持ち出し資料一覧.pdf", "資料一覧", new ByteArrayInputStream(PDF)));
    attachmentId = attachment.getId();

    ProcessInstance a = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, "takeOut", Requests.internalLaptopTakeOut());
    requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, a, Map.of("decision", "APPROVED", "decisionComment", "気をつけて"));
    approved = a.getBusinessKey();

    Map<String, Object> secret = Requests.internalLaptopTakeOut();
    secret.put("assetIds", "IA-0002"); // 極秘 in the 情報資産管理台帳: the president decides
    ProcessInstance r = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, "takeOut", secret);
    requests.complete(DemoOrganisation.PRESIDENT, r, Map.of("decision", "REJECTED", "decisionComment", "極秘は持ち出し不可"));
    rejected = r.getBusinessKey();

    ProcessInstance s = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, "takeOut", Requests.internalLaptopTakeOut());
    requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, s, Map.of("decision", "SENT_BACK", "decisionComment", "返却日を確認してください"));
    sentBack = s.getBusinessKey();

    ProcessInstance w = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, "takeOut", Requests.internalLaptopTakeOut());
    withdrawn = w.getBusinessKey();
    assertThat(rest.withBasicAuth(DemoOrganisation.DESIGN_EMPLOYEE, AuditClient.PASSWORD).postForEntity(
        "/api/requests/" + withdrawn + "/withdraw", Map.of("comment", "予定が変わりました"), String.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);

    kobayashis = requests.file(DemoOrganisation.PRODUCTION_EMPLOYEE, "takeOut", Requests.internalLaptopTakeOut(DemoOrganisation.PRODUCTION_EMPLOYEE)).getBusinessKey();
  }

  /** The items of the user's list today with the filter, by business key. */
  Map<String, JsonNode> list(String user, String filter) {
    JsonNode page = client.get(user, "/api/my/requests?size=500&from=" + TODAY + "&to=" + TODAY
        + (filter.isEmpty() ? "" : "&" + filter));
    Map<String, JsonNode> items = new LinkedHashMap<>();
    page.get("items").forEach(item -> items.put(item.get("businessKey").asText(), item));
    return items;
  }

  @Test
  void theRequesterSeesEveryRequestSheFiledWithItsState() {
    Map<String, JsonNode> mine = list(DemoOrganisation.DESIGN_EMPLOYEE, "");

    assertThat(mine).containsKeys(pending.getBusinessKey(), approved, rejected, sentBack, withdrawn)
        .doesNotContainKey(kobayashis);
    assertThat(mine.get(pending.getBusinessKey()).get("state").asText()).isEqualTo("PENDING");
    assertThat(mine.get(pending.getBusinessKey()).get("stateLabel").asText()).isEqualTo("申請中");
    JsonNode waiting = mine.get(pending.getBusinessKey()).get("waitingFor").get(0);
    assertThat(waiting.get("name").asText()).isEqualTo("持ち出しを承認する");
    assertThat(waiting.get("roleLabel").asText()).isEqualTo("部門責任者 (開発設計部)");
    assertThat(waiting.get("roleLabelEn").asText()).isEqualTo("Department head (開発設計部)");
    assertThat(waiting.get("holders")).extracting(JsonNode::asText).containsExactly("伊藤 直樹");
    assertThat(mine.get(pending.getBusinessKey()).get("withdrawable").asBoolean()).isTrue();

    assertThat(mine.get(approved).get("state").asText()).isEqualTo("APPROVED");
    assertThat(mine.get(approved).get("lastDecision").get("outcomeLabel").asText()).isEqualTo("承認");
    assertThat(mine.get(approved).get("lastDecision").get("comment").asText()).isEqualTo("気をつけて");
    assertThat(mine.get(approved).get("lastDecision").get("actorName").asText()).isEqualTo("伊藤 直樹");
    assertThat(mine.get(approved).get("waitingFor").get(0).get("yours").asBoolean()).isTrue();
    assertThat(mine.get(approved).get("withdrawable").asBoolean()).isFalse();

    assertThat(mine.get(rejected).get("state").asText()).isEqualTo("REJECTED");
    assertThat(mine.get(rejected).get("lastDecision").get("comment").asText()).isEqualTo("極秘は持ち出し不可");
    assertThat(mine.get(rejected).get("waitingFor")).isEmpty();

    assertThat(mine.get(sentBack).get("state").asText()).isEqualTo("SENT_BACK");
    assertThat(mine.get(sentBack).get("stateLabel").asText()).isEqualTo("差し戻し中");
    assertThat(mine.get(sentBack).get("waitingFor").get(0).get("kind").asText()).isEqualTo("CORRECTION");
    assertThat(mine.get(sentBack).get("withdrawable").asBoolean()).isTrue();

    assertThat(mine.get(withdrawn).get("state").asText()).isEqualTo("WITHDRAWN");
    assertThat(mine.get(withdrawn).get("stateLabel").asText()).isEqualTo("取り下げ");
  }

  @Test
  void newestFirst() {
    List<String> keys = new ArrayList<>(list(DemoOrganisation.DESIGN_EMPLOYEE, "").keySet());
    assertThat(keys.indexOf(withdrawn)).isLessThan(keys.indexOf(sentBack));
    assertThat(keys.indexOf(sentBack)).isLessThan(keys.indexOf(approved));
    assertThat(keys.indexOf(approved)).isLessThan(keys.indexOf(pending.getBusinessKey()));
  }

  @Test
  void filtersByStateFlowAndPeriodAndCountsWhatItLists() {
    assertThat(list(DemoOrganisation.DESIGN_EMPLOYEE, "state=REJECTED")).containsKey(rejected)
        .doesNotContainKeys(approved, pending.getBusinessKey(), sentBack, withdrawn)
        .allSatisfy((key, item) -> assertThat(item.get("state").asText()).isEqualTo("REJECTED"));
    assertThat(list(DemoOrganisation.DESIGN_EMPLOYEE, "state=SENT_BACK")).containsKey(sentBack).doesNotContainKey(rejected);
    assertThat(list(DemoOrganisation.DESIGN_EMPLOYEE, "flow=mediaDisposal")).doesNotContainKeys(approved, rejected);
    assertThat(list(DemoOrganisation.DESIGN_EMPLOYEE, "flow=takeOut")).containsKeys(approved, rejected);
    JsonNode yesterday = client.get(DemoOrganisation.DESIGN_EMPLOYEE, "/api/my/requests?to=" + TODAY.minusDays(1));
    assertThat(yesterday.get("items").toString()).doesNotContain(approved);

    JsonNode page = client.get(DemoOrganisation.DESIGN_EMPLOYEE, "/api/my/requests?state=PENDING&from=" + TODAY + "&size=500");
    assertThat(page.get("total").asLong()).isEqualTo(page.get("items").size());
  }

  @Test
  void aWrongFilterIs400WithTheField() {
    ResponseEntity<String> state = client.call(DemoOrganisation.DESIGN_EMPLOYEE, "/api/my/requests?state=DONE'--");
    assertThat(state.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(client.read(state.getBody()).get("message").asText()).contains("状態");
    ResponseEntity<String> date = client.call(DemoOrganisation.DESIGN_EMPLOYEE, "/api/my/requests?from=2026-13-01");
    assertThat(date.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(client.read(date.getBody()).get("message").asText()).contains("期間の開始日");
    assertThat(client.call(DemoOrganisation.DEVELOPMENT_HEAD, "/api/my/decisions?outcome=FILED").getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void theCsvHoldsHerOwnListOnly() {
    ResponseEntity<byte[]> csv = client.bytes(DemoOrganisation.DESIGN_EMPLOYEE, "/api/my/requests.csv?from=" + TODAY);
    assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
    assertThat(csv.getHeaders().getContentDisposition().getFilename()).startsWith("申請一覧_yamamoto_");
    String text = new String(csv.getBody(), StandardCharsets.UTF_8);
    assertThat(text).startsWith("\uFEFF申請番号,フロー,申請日時,機密性,状態,");
    String[] lines = text.split("\r\n");
    assertThat(lines).anySatisfy(line -> assertThat(line).startsWith(rejected + ",").contains("却下", "極秘は持ち出し不可"));
    assertThat(lines).anySatisfy(line -> assertThat(line).startsWith(pending.getBusinessKey() + ",")
        .contains("申請中", "伊藤 直樹 (部門責任者 (開発設計部))"));
    assertThat(text).doesNotContain(kobayashis);
  }

  @Test
  void theTimelineShowsDecisionsCommentsAttachmentsAndPathButNoAuditorFields() {
    JsonNode timeline = client.get(DemoOrganisation.DESIGN_EMPLOYEE, "/api/my/requests/" + approved);

    assertThat(timeline.get("request").get("businessKey").asText()).isEqualTo(approved);
    JsonNode records = timeline.get("records");
    // filed, the assets read from the register, approved
    assertThat(records).extracting(r -> r.get("number").asInt()).containsExactly(1, 2, 3);
    assertThat(records.get(2).get("outcomeLabel").asText()).isEqualTo("承認");
    assertThat(records.get(2).get("actorName").asText()).isEqualTo("伊藤 直樹");
    assertThat(records.get(2).get("comment").asText()).isEqualTo("気をつけて");
    // her own input, not the approver's
    assertThat(records.get(0).get("submittedValues").asText()).contains("LAPTOP");
    assertThat(records.get(2).get("submittedValues").isNull()).isTrue();
    String text = timeline.toString();
    for (String auditorOnly : List.of("\"principal\"", "\"flags\"", "\"regulationRevision\"", "\"actor\"",
        "\"processInstanceId\"", "\"assignee\"", "\"recordHash\"", "\"requester\"")) {
      assertThat(text).doesNotContain(auditorOnly);
    }
    assertThat(timeline.get("path")).extracting(s -> s.get("activityId").asText())
        .contains("StartEvent_RequestFiled", "UserTask_ApproveTakeOut", "UserTask_ReportReturn");
    assertThat(timeline.get("diagramUrl").asText()).isEqualTo("/api/my/requests/" + approved + "/diagram");
    assertThat(client.call(DemoOrganisation.DESIGN_EMPLOYEE, "/api/my/requests/" + approved + "/diagram").getBody())
        .contains("UserTask_ApproveTakeOut");

    JsonNode withAttachment = client.get(DemoOrganisation.DESIGN_EMPLOYEE, "/api/my/requests/" + pending.getBusinessKey());
    JsonNode listed = withAttachment.get("attachments").get(0);
    assertThat(listed.get("name").asText()).isEqualTo("持ち出し資料一覧.pdf");
    ResponseEntity<byte[]> download = client.bytes(DemoOrganisation.DESIGN_EMPLOYEE, listed.get("downloadUrl").asText());
    assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(download.getBody()).isEqualTo(PDF);
    assertThat(download.getHeaders().getFirst("Content-Disposition")).startsWith("attachment");
  }

  @Test
  void kobayashiSeesNoneOfYamamotosRequestsByAnyPath() {
    assertThat(list(DemoOrganisation.PRODUCTION_EMPLOYEE, "")).containsKey(kobayashis)
        .doesNotContainKeys(pending.getBusinessKey(), approved, rejected, sentBack, withdrawn);

    String key = approved;
    String processInstanceId = jdbc.queryForObject(
        "select process_instance_id from audit_request where business_key = ?", String.class, key);
    List<String> paths = List.of("/api/my/requests/" + key, "/api/my/requests/" + key + "/",
        "/api/my/requests/" + key.toLowerCase(), "/api/my/requests/" + key + "/diagram",
        "/api/my/requests/" + pending.getBusinessKey() + "/attachments/" + attachmentId,
        "/api/my/requests/" + processInstanceId, "/api/my/./requests/" + key, "/api//my/requests/" + key,
        "/api/my/requests/%2e/" + key, "/api/my/requests/" + key + ";x=1", "/API/my/requests/" + key,
        "/api/my/requests/" + key + "%00", "/api/my/requests?requester=yamamoto",
        "/api/my/requests.csv?requester=yamamoto", "/api/my/decisions?user=ito");
    for (String path : paths) {
      ResponseEntity<String> answer = client.call(DemoOrganisation.PRODUCTION_EMPLOYEE, path);
      assertThat(answer.getStatusCode().value()).as(path).isIn(400, 401, 403, 404);
      assertThat(String.valueOf(answer.getBody())).as(path).doesNotContain("気をつけて", "持ち出し資料一覧",
          "UserTask_ApproveTakeOut", "山本");
    }
    assertThat(client.call(DemoOrganisation.PRODUCTION_EMPLOYEE, "/api/my/requests?requester=yamamoto").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);

    // nor through the engine's REST API (HTTP Basic) or the webapps' engine API (session)
    for (String path : List.of("/engine-rest/history/process-instance?processInstanceBusinessKey=" + key,
        "/engine-rest/history/process-instance/" + processInstanceId,
        "/engine-rest/process-instance?businessKey=" + pending.getBusinessKey())) {
      ResponseEntity<String> answer = client.call(DemoOrganisation.PRODUCTION_EMPLOYEE, path);
      assertThat(answer.getStatusCode().is2xxSuccessful() ? answer.getBody().trim() : "refused").as(path)
          .isIn("[]", "refused");
    }
    WebappSession session = new WebappSession(rest);
    assertThat(session.login(DemoOrganisation.PRODUCTION_EMPLOYEE, AuditClient.PASSWORD, "tasklist").getStatusCode()).isEqualTo(HttpStatus.OK);
    ResponseEntity<String> webapp = session.get(
        "/camunda/api/engine/engine/default/history/process-instance?processInstanceBusinessKey=" + key);
    assertThat(webapp.getStatusCode().is2xxSuccessful() ? webapp.getBody().trim() : "refused").isIn("[]", "refused");
    // and the session reaches /api/my as Basic does: his own list only, with the session's CSRF token for withdrawing
    ResponseEntity<String> own = session.get("/api/my/requests?from=" + TODAY);
    assertThat(own.getBody()).contains(kobayashis).doesNotContain(approved);
    assertThat(client.read(session.get("/api/my").getBody()).get("csrfToken").asText()).isNotBlank();
    assertThat(client.get(DemoOrganisation.PRODUCTION_EMPLOYEE, "/api/my").get("csrfToken").isNull()).isTrue();
  }

  @Test
  void kobayashiCannotWithdrawYamamotosRequestAndNothingChanges() {
    ResponseEntity<String> answer = rest.withBasicAuth(DemoOrganisation.PRODUCTION_EMPLOYEE, AuditClient.PASSWORD).postForEntity(
        "/api/requests/" + pending.getBusinessKey() + "/withdraw", Map.of("comment", "x"), String.class);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(list(DemoOrganisation.DESIGN_EMPLOYEE, "").get(pending.getBusinessKey()).get("state").asText()).isEqualTo("PENDING");
    assertThat(requests.task(pending).getTaskDefinitionKey()).isEqualTo("UserTask_ApproveTakeOut");
  }

  @Test
  void withoutCredentialsEverythingIs401() {
    for (String path : List.of("/api/my", "/api/my/requests", "/api/my/requests.csv", "/api/my/requests/" + approved,
        "/api/my/requests/" + approved + "/diagram", "/api/my/decisions", "/api/my/tasks")) {
      ResponseEntity<String> answer = client.call(null, path);
      assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
      assertThat(String.valueOf(answer.getBody())).as(path).doesNotContain(approved);
      assertThat(answer.getHeaders().getFirst("WWW-Authenticate")).as(path).startsWith("Basic");
    }
    // the pages ask as XMLHttpRequest: a 401 without the Basic challenge, so that they can show the login
    HttpHeaders page = new HttpHeaders();
    page.set("X-Requested-With", "XMLHttpRequest");
    ResponseEntity<String> fromPage = rest.exchange("/api/my/requests", HttpMethod.GET, new HttpEntity<>(page),
        String.class);
    assertThat(fromPage.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(fromPage.getHeaders().getFirst("WWW-Authenticate")).isNull();
    assertThat(fromPage.getBody()).contains("ログインが必要です").doesNotContain(approved);
  }

  @Test
  void theApproverSeesWhatHeDecidedAndWhatHeHolds() {
    JsonNode me = client.get(DemoOrganisation.DEVELOPMENT_HEAD, "/api/my");
    assertThat(me.get("name").asText()).isEqualTo("伊藤 直樹");
    assertThat(me.get("approver").asBoolean()).isTrue();
    assertThat(client.get(DemoOrganisation.DESIGN_EMPLOYEE, "/api/my").get("approver").asBoolean()).isFalse();

    Map<String, String> decided = new HashMap<>();
    client.get(DemoOrganisation.DEVELOPMENT_HEAD, "/api/my/decisions?size=500&from=" + TODAY).get("items")
        .forEach(d -> decided.put(d.get("businessKey").asText(), d.get("outcome").asText()));
    assertThat(decided).containsEntry(approved, "APPROVED").containsEntry(sentBack, "SENT_BACK")
        .doesNotContainKeys(rejected, pending.getBusinessKey());
    assertThat(client.get(DemoOrganisation.PRESIDENT, "/api/my/decisions?outcome=REJECTED&size=500").toString()).contains(rejected);
    assertThat(client.get(DemoOrganisation.DEVELOPMENT_HEAD, "/api/my/decisions?outcome=REJECTED&size=500&from=" + TODAY).toString())
        .doesNotContain(approved);

    JsonNode held = client.get(DemoOrganisation.DEVELOPMENT_HEAD, "/api/my/tasks");
    List<String> heldKeys = new ArrayList<>();
    held.forEach(step -> heldKeys.add(step.get("businessKey").asText()));
    assertThat(heldKeys).contains(pending.getBusinessKey()).doesNotContain(approved, kobayashis);
    assertThat(client.get(DemoOrganisation.MANUFACTURING_HEAD, "/api/my/tasks").toString()).contains(kobayashis)
        .doesNotContain(pending.getBusinessKey());
    // the requester's own steps are in her list, not among the steps she holds for others
    assertThat(client.get(DemoOrganisation.DESIGN_EMPLOYEE, "/api/my/tasks").toString()).doesNotContain(approved, sentBack);
  }

  @Test
  void aPageOfFiftyCostsAsManyStatementsAsAPageOfFive() {
    // given at least 50 requests of kato: public take-outs (recorded, closed) and, among them, internal ones waiting
    // for suzuki (総務部長), the newest of them on the first page of 5
    for (int i = 0; i < 50; i++) {
      Map<String, Object> values = Requests.internalLaptopTakeOut(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE);
      if (i % 10 != 9) {
        values.put("assetIds", "IA-0003"); // 公開 in the 情報資産管理台帳: recorded, not routed
      }
      requests.file(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, "takeOut", values);
    }
    client.get(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, "/api/my/requests?size=1");

    // when a page of 5 and a page of 50 are read (each with open steps, their candidates and holders to name)
    long five = statements(() -> assertThat(client.get(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, "/api/my/requests?size=5").get("items")).hasSize(5));
    long fifty = statements(() -> assertThat(client.get(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, "/api/my/requests?size=50").get("items")).hasSize(50));

    // then both cost the same few statements: no statement per row
    System.out.printf("statements of GET /api/my/requests: page of 5 = %d, page of 50 = %d%n", five, fifty);
    assertThat(fifty).isEqualTo(five).isLessThanOrEqualTo(8);
  }

  /** The statements H2 executed for {@code action}, without the query statistics' own. */
  private long statements(Runnable action) {
    jdbc.execute("SET QUERY_STATISTICS FALSE");
    jdbc.execute("SET QUERY_STATISTICS_MAX_ENTRIES 10000");
    jdbc.execute("SET QUERY_STATISTICS TRUE");
    try {
      action.run();
      List<Map<String, Object>> rows = jdbc.queryForList(
          "select SQL_STATEMENT, EXECUTION_COUNT from INFORMATION_SCHEMA.QUERY_STATISTICS");
      rows.forEach(row -> System.out.println("  " + row.get("EXECUTION_COUNT") + " × " + row.get("SQL_STATEMENT")));
      return rows.stream().filter(row -> !String.valueOf(row.get("SQL_STATEMENT")).contains("QUERY_STATISTICS"))
          .mapToLong(row -> ((Number) row.get("EXECUTION_COUNT")).longValue()).sum();
    } finally {
      jdbc.execute("SET QUERY_STATISTICS FALSE");
    }
  }
}
