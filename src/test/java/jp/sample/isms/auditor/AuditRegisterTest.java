package jp.sample.isms.auditor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.mediadisposal.MediaDisposalRegister;
import jp.sample.isms.support.Requests;
import jp.sample.isms.takeout.TakeOutRegister;
import jp.sample.isms.support.DemoOrganisation;


/**
 * The registers (持ち出し台帳, 媒体廃棄台帳, システムアカウント及び付帯情報管理台帳): filters, the statuses the flows derive,
 * and the CSV export: UTF-8 with BOM, Japanese headers, CRLF, RFC 4180 quoting, formula-like cells neutralised.
 */
@IsmsSpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditRegisterTest {

  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));
  static final String QUOTED_ASSET = "見積書, \"改訂版\" 一式";
  static final String FORMULA_ASSET = "=HYPERLINK(\"http://example.com\")";
  static final String RIGHTS = "設計部フォルダー \"読み取り\", 書き込み";

  static final List<String> TAKE_OUT_HEADERS = List.of("申請番号", "状態", "返却遅延あり", "申請者", "部門",
      "情報資産ID (情報資産管理台帳)", "情報資産", "機密性", "媒体", "持ち出し先", "持ち出し日", "返却予定日", "返却日", "承認者", "承認者の役割", "申請日時", "決裁日時");

  @Autowired
  TestRestTemplate rest;
  @Autowired
  ProcessEngine engine;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  TakeOutRegister takeOutRegister;
  @Autowired
  MediaDisposalRegister mediaDisposalRegister;
  @Autowired
  List<AuditRegister> declared;

  AuditClient client;
  Requests requests;
  String quotedTakeOut;
  String formulaTakeOut;
  String disposal;
  String certificateId;
  String accountRequest;
  String accountSystem;

  /** Once per class, in the first test (the coverage listener wants processes run inside a test). */
  @BeforeEach
  void requests() {
    if (client != null) {
      return;
    }
    requests = new Requests(engine);

    Map<String, Object> quoted = Requests.internalLaptopTakeOut();
    quoted.put("assetDescription", QUOTED_ASSET);
    ProcessInstance takeOut = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, "takeOut", quoted);
    requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, takeOut, Map.of("decision", "APPROVED", "decisionComment", ""));
    quotedTakeOut = takeOut.getBusinessKey();

    Map<String, Object> formula = Requests.internalLaptopTakeOut();
    formula.put("assetDescription", FORMULA_ASSET);
    formulaTakeOut = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, "takeOut", formula).getBusinessKey();

    Map<String, Object> outsourced = AuditSearchTest.disposal("IA-0002", "HDD", "OUTSOURCED_DESTRUCTION");
    outsourced.put("contractor", "株式会社データ抹消サービス");
    ProcessInstance destruction = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, "mediaDisposal", outsourced);
    requests.complete(DemoOrganisation.DESIGN_CHIEF, destruction, AuditSearchTest.approve());
    requests.complete(DemoOrganisation.PRESIDENT, destruction, AuditSearchTest.approve());
    requests.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, destruction, AuditSearchTest.approve());
    String taskId = requests.task(destruction).getId();
    certificateId = requests.as(DemoOrganisation.DESIGN_EMPLOYEE, () -> engine.getTaskService().createAttachment("application/pdf",
        taskId, destruction.getId(), "破壊証明書.pdf", "破壊証明書", new ByteArrayInputStream(AuditSearchTest.PDF)))
        .getId();
    requests.complete(DemoOrganisation.DESIGN_EMPLOYEE, destruction, Map.of("executedOn", TODAY.toString(), "executionNote", "立会い"));
    disposal = destruction.getBusinessKey();

    accountSystem = freeSystemOf(DemoOrganisation.DESIGN_CHIEF);
    Map<String, Object> account = new HashMap<>();
    account.put("requestType", "CREATE");
    account.put("targetUserId", DemoOrganisation.DESIGN_CHIEF);
    account.put("system", accountSystem);
    account.put("accountId", "watanabe.audit");
    account.put("reason", "設計業務のため");
    account.put("accessRights", RIGHTS);
    account.put("assetIds", "IA-0001");
    account.put("sharedAccount", false);
    account.put("privileged", false);
    ProcessInstance created = requests.file(DemoOrganisation.DESIGN_CHIEF, "accountRequest", account);
    requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, created, AuditSearchTest.approve());
    requests.complete(DemoOrganisation.PRESIDENT, created, AuditSearchTest.approve());
    requests.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, created, Map.of("grantedAccountId", "watanabe.audit", "grantedRights", RIGHTS,
        "passwordChangeEnforced", true, "comment", "初期パスワードを設定済み"));
    accountRequest = created.getBusinessKey();
    client = new AuditClient(rest);
  }

  /** A system on which the person has no active account (5.1.1: one per person and system). */
  private String freeSystemOf(String user) {
    List<String> taken = jdbc.queryForList("select system_code from account_register where user_id = ? and "
        + "status = 'ACTIVE'", String.class, user);
    return List.of("INTERNAL_SYSTEM_A", "INTERNAL_DB_A", "INTERNAL_MAIL", "EXTERNAL_MAIL").stream()
        .filter(system -> !taken.contains(system)).findFirst().orElseThrow();
  }

  @Test
  void theCsvIsUtf8WithBomJapaneseHeadersAndRfc4180Quoting() {
    ResponseEntity<byte[]> response = client.bytes(DemoOrganisation.AUDIT_OFFICER, "/api/audit/registers/takeout.csv?businessKey="
        + quotedTakeOut);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getHeaders().getContentType().toString()).isEqualTo("text/csv;charset=UTF-8");
    assertThat(response.getHeaders().getContentDisposition().getType()).isEqualTo("attachment");
    assertThat(response.getHeaders().getContentDisposition().getFilename())
        .isEqualTo("持ち出し台帳_" + TODAY.toString().replace("-", "") + ".csv");
    byte[] bytes = response.getBody();
    assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
    String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    assertThat(text).endsWith("\r\n");
    assertThat(text.split("\r\n")[0]).isEqualTo(String.join(",", TAKE_OUT_HEADERS));
    // the comma and the quotes: quoted, quotes doubled
    assertThat(text).contains(",\"見積書, \"\"改訂版\"\" 一式\",");

    List<List<String>> rows = parse(text);
    assertThat(rows).hasSize(2);
    Map<String, String> row = row(rows, 1);
    assertThat(row.get("申請番号")).isEqualTo(quotedTakeOut);
    assertThat(row.get("状態")).isEqualTo("持ち出し中");
    assertThat(row.get("返却遅延あり")).isEqualTo("いいえ");
    assertThat(row.get("申請者")).isEqualTo("山本 さくら (yamamoto)");
    assertThat(row.get("部門")).isEqualTo("開発設計部");
    assertThat(row.get("情報資産")).isEqualTo(QUOTED_ASSET);
    assertThat(row.get("機密性")).isEqualTo("社外秘 (機密性1)");
    assertThat(row.get("媒体")).isEqualTo("ノートパソコン");
    assertThat(row.get("持ち出し日")).isEqualTo(TODAY.toString());
    assertThat(row.get("返却予定日")).isEqualTo(TODAY.plusDays(1).toString());
    assertThat(row.get("返却日")).isEmpty();
    assertThat(row.get("承認者")).isEqualTo("伊藤 直樹 (ito)");
    assertThat(row.get("承認者の役割")).isEqualTo("部門責任者");
    assertThat(row.get("申請日時")).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
  }

  @Test
  void aCellThatLooksLikeAFormulaIsExportedAsText() {
    String text = csv("/api/audit/registers/takeout.csv?businessKey=" + formulaTakeOut);
    assertThat(row(parse(text), 1).get("情報資産")).isEqualTo("'" + FORMULA_ASSET);
  }

  @Test
  void theWholeRegisterIsExportedRowByRow() {
    List<List<String>> rows = parse(csv("/api/audit/registers/takeout.csv"));
    long inTable = jdbc.queryForObject("select count(*) from takeout_register", Long.class);
    assertThat(rows).hasSize((int) inTable + 1);
    assertThat(rows).allMatch(r -> r.size() == TAKE_OUT_HEADERS.size());
    assertThat(rows.stream().map(r -> r.get(0))).contains(quotedTakeOut, formulaTakeOut);
  }

  @Test
  void registerFiltersNarrow() {
    assertThat(keys("takeout", "status=持ち出し中")).contains(quotedTakeOut).doesNotContain(formulaTakeOut);
    assertThat(keys("takeout", "status=申請中")).contains(formulaTakeOut).doesNotContain(quotedTakeOut);
    assertThat(keys("takeout", "late=true")).doesNotContain(quotedTakeOut, formulaTakeOut);
    assertThat(keys("takeout", "classification=SECRET")).doesNotContain(quotedTakeOut);
    assertThat(keys("takeout", "department=development&medium=LAPTOP")).contains(quotedTakeOut);
    assertThat(keys("takeout", "department=general-affairs")).doesNotContain(quotedTakeOut);
    assertThat(keys("takeout", "requester=yamamoto&from=" + TODAY + "&to=" + TODAY)).contains(quotedTakeOut);
    assertThat(keys("takeout", "from=" + TODAY.plusDays(1))).doesNotContain(quotedTakeOut);
    assertThat(keys("media-disposal", "certificate=true&mediaType=HDD")).contains(disposal);
    assertThat(keys("media-disposal", "status=EXECUTED&method=OUTSOURCED_DESTRUCTION")).contains(disposal);
    assertThat(keys("media-disposal", "classification=INTERNAL")).doesNotContain(disposal);
  }

  @Test
  void theRegisterShowsTheStatusTheFlowDerives() {
    JsonNode takeOuts = client.get(DemoOrganisation.AUDIT_OFFICER, "/api/audit/registers/takeout?size=500").get("rows");
    assertThat(takeOuts.size()).isGreaterThan(0);
    takeOuts.forEach(row -> assertThat(row.get("status").asText()).as(row.get("businessKey").asText())
        .isEqualTo(takeOutRegister.find(row.get("businessKey").asText()).displayStatus()));
    JsonNode disposals = client.get(DemoOrganisation.AUDIT_OFFICER, "/api/audit/registers/media-disposal?size=500").get("rows");
    disposals.forEach(row -> assertThat(row.get("status").asText())
        .isEqualTo(mediaDisposalRegister.find(row.get("businessKey").asText()).displayStatus()));
  }

  @Test
  void theDisposalRegisterLinksTheCertificate() {
    JsonNode page = client.get(DemoOrganisation.AUDIT_OFFICER, "/api/audit/registers/media-disposal?businessKey=" + disposal);
    assertThat(page.get("total").asLong()).isEqualTo(1);
    JsonNode row = page.get("rows").get(0);
    String link = "/api/audit/requests/" + disposal + "/attachments/" + certificateId;
    assertThat(row.get("certificate").asText()).isEqualTo(link);
    assertThat(row.get("certificateSha256").asText()).hasSize(64);
    assertThat(row.get("contractor").asText()).isEqualTo("株式会社データ抹消サービス");
    assertThat(row.get("method").asText()).startsWith("外部委託による破壊");
    assertThat(client.bytes(DemoOrganisation.PRESIDENT, link).getBody()).isEqualTo(AuditSearchTest.PDF);

    // the CSV gives the full address
    Map<String, String> csvRow = row(parse(csv("/api/audit/registers/media-disposal.csv?businessKey=" + disposal)), 1);
    assertThat(csvRow.get("廃棄証明書")).startsWith("http://localhost:").endsWith(link);
    assertThat(csvRow.get("状態")).isEqualTo("実施済");
  }

  @Test
  void theAccountRegisterSaysWhoApprovedAndSetUpEachAccount() {
    Map<String, String> row = row(parse(csv("/api/audit/registers/accounts.csv?request=" + accountRequest)), 1);
    assertThat(row.get("利用者")).isEqualTo("渡辺 翔 (watanabe)");
    assertThat(row.get("所属部門 (現在)")).isEqualTo("開発設計部");
    assertThat(row.get("アカウントID")).isEqualTo("watanabe.audit");
    assertThat(row.get("アクセス権限")).isEqualTo(RIGHTS);
    assertThat(row.get("特権")).isEqualTo("いいえ");
    assertThat(row.get("状態")).isEqualTo("有効");
    assertThat(row.get("承認者")).isEqualTo("田中 一郎 (tanaka)");
    assertThat(row.get("設定者")).isEqualTo("鈴木 花子 (suzuki)");
    assertThat(row.get("作成申請")).isEqualTo(accountRequest);
    assertThat(keys("accounts", "user=watanabe&status=ACTIVE&system=" + accountSystem, "createdByRequest"))
        .containsExactly(accountRequest);
    assertThat(keys("accounts", "user=watanabe&status=DISABLED", "createdByRequest")).doesNotContain(accountRequest);
  }

  @Test
  void theCloudServiceAndContractorRegistersExportWithTheirHeaders() {
    for (String register : List.of("cloud-services", "contractors")) {
      assertThat(client.call(DemoOrganisation.AUDIT_OFFICER, "/api/audit/registers/" + register).getStatusCode()).isEqualTo(HttpStatus.OK);
      List<List<String>> rows = parse(csv("/api/audit/registers/" + register + ".csv"));
      assertThat(rows.get(0)).as(register).contains("申請者", "部門");
    }
    assertThat(parse(csv("/api/audit/registers/contractors.csv")).get(0))
        .contains("委託先", "状態", "評価の回数", "再委託先");
    assertThat(parse(csv("/api/audit/registers/cloud-services.csv")).get(0))
        .contains("承認番号", "サービス名", "見直し日");
  }

  /**
   * Every register has its Japanese and its English name, and the list the page reads gives both; English names are
   * English (no Japanese character) and tell the registers apart.
   */
  @Test
  void everyRegisterHasAJapaneseAndAnEnglishTitle() {
    JsonNode registers = client.get(DemoOrganisation.AUDIT_OFFICER, "/api/audit/registers");
    assertThat(registers.size()).isEqualTo(declared.size()).isGreaterThanOrEqualTo(19);
    List<String> english = new ArrayList<>();
    registers.forEach(r -> {
      assertThat(r.get("title").asText()).as(r.get("id").asText()).isNotBlank()
          .containsPattern("[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}]");
      assertThat(r.get("titleEn").asText()).as(r.get("id").asText()).isNotBlank()
          .doesNotContainPattern("[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}]");
      english.add(r.get("titleEn").asText());
    });
    assertThat(english).doesNotHaveDuplicates().contains("Take-out register", "Information asset register");
    assertThat(declared).allSatisfy(register -> assertThat(register.titleEn()).isNotBlank());
  }

  @Test
  void theRegistersAreListedWithTheirFiltersAndChoices() {
    JsonNode registers = client.get(DemoOrganisation.AUDIT_OFFICER, "/api/audit/registers");
    List<String> titles = new ArrayList<>();
    registers.forEach(r -> titles.add(r.get("title").asText()));
    assertThat(titles).containsExactlyInAnyOrder("持ち出し台帳", "媒体廃棄台帳", "システムアカウント及び付帯情報管理台帳",
        "クラウドサービス台帳", "委託先台帳", "情報資産管理台帳", "パスワード再発行の記録", "入社手続きの記録", "退職手続きの記録",
        "インシデント管理台帳", "社内IT機材管理台帳", "承認済みソフトウェア", "社内IT機材管理台帳・承認済みソフトウェアの変更履歴",
        "セキュリティ承認台帳", "定期業務の実施記録", "教育実施記録", "アカウントの棚卸し", "改善計画 (改善項目)", "バックアップの実施確認");
    // in the order of the regulation, whichever flow package declares them
    List<String> ids = new ArrayList<>();
    registers.forEach(r -> ids.add(r.get("id").asText()));
    assertThat(ids).containsSubsequence("improvement-items", "periodic-duties", "onboardings", "information-assets",
        "takeout", "media-disposal", "accounts", "it-devices", "cloud-services", "contractors", "incidents");
    JsonNode takeOut = null;
    for (JsonNode register : registers) {
      if ("takeout".equals(register.get("id").asText())) {
        takeOut = register;
      }
    }
    JsonNode classification = null;
    for (JsonNode filter : takeOut.get("filters")) {
      if ("classification".equals(filter.get("name").asText())) {
        classification = filter;
      }
    }
    assertThat(classification.get("options").get("SECRET").asText()).isEqualTo("極秘 (機密性2)");
    assertThat(client.call(DemoOrganisation.AUDIT_OFFICER, "/api/audit/registers/unknown").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    ResponseEntity<String> badDate = client.call(DemoOrganisation.AUDIT_OFFICER, "/api/audit/registers/takeout.csv?from=昨日");
    assertThat(badDate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(badDate.getHeaders().getFirst("Content-Disposition")).isNull();
    assertThat(badDate.getBody()).contains("YYYY-MM-DD");
  }

  // ---------------------------------------------------------------- helpers

  private List<String> keys(String register, String filter) {
    return keys(register, filter, "businessKey");
  }

  private List<String> keys(String register, String filter, String column) {
    List<String> keys = new ArrayList<>();
    client.get(DemoOrganisation.AUDIT_OFFICER, "/api/audit/registers/" + register + "?size=500&" + filter).get("rows")
        .forEach(row -> keys.add(row.get(column).asText()));
    return keys;
  }

  private String csv(String url) {
    byte[] bytes = client.bytes(DemoOrganisation.PRODUCTION_CHIEF, url).getBody();
    assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
    return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
  }

  private static Map<String, String> row(List<List<String>> rows, int index) {
    Map<String, String> row = new HashMap<>();
    for (int i = 0; i < rows.get(0).size(); i++) {
      row.put(rows.get(0).get(i), rows.get(index).get(i));
    }
    return row;
  }

  /** An RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks. */
  static List<List<String>> parse(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(field.toString());
        field.setLength(0);
      } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        row.add(field.toString());
        field.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
        i++;
      } else {
        field.append(c);
      }
    }
    assertThat(field).as("the last record ends with CRLF").isEmpty();
    return rows;
  }
}
