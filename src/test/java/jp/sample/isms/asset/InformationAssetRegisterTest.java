package jp.sample.isms.asset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.support.DemoOrganisation;

/**
 * The 情報資産管理台帳 (3.1): the demo register, what a user finds of it (3.1.4) and its import from a CSV in UTF-8 or
 * Shift_JIS, all rows or none.
 */
@IsmsSpringBootTest
class InformationAssetRegisterTest {

  private static final String PASSWORD = DemoOrganisation.PASSWORD;
  static final String HEADER = String.join(",", AssetRules.FIELDS) + "\r\n";

  @Autowired
  TestRestTemplate rest;
  @Autowired
  InformationAssets assets;
  @Autowired
  AuditRecorder audit;
  @Autowired
  JdbcTemplate jdbc;

  private final ObjectMapper json = new ObjectMapper();

  private ResponseEntity<String> get(String user, String path) {
    return rest.withBasicAuth(user, PASSWORD).getForEntity(path, String.class);
  }

  private ResponseEntity<String> upload(String user, byte[] content) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType("text/csv"));
    return rest.withBasicAuth(user, PASSWORD).exchange("/api/assets/import", HttpMethod.POST,
        new HttpEntity<>(content, headers), String.class);
  }

  private int versions() {
    return jdbc.queryForObject("select count(*) from information_asset_history", Integer.class);
  }

  @Test
  void theDemoCompanyHasItsRegister() {
    assertThat(assets.all()).hasSizeGreaterThanOrEqualTo(26);
    InformationAsset drawings = assets.find("IA-0001").orElseThrow();
    assertThat(drawings.name()).isEqualTo("印刷機設計図面 (標準機)");
    assertThat(drawings.classification()).isEqualTo(Classification.INTERNAL);
    assertThat(drawings.ownerDepartment()).isEqualTo("development");
    assertThat(drawings.userDepartments()).containsExactly("manufacturing");
    assertThat(assets.find("IA-0010").orElseThrow().labelImpossible()).isTrue();
    assertThat(assets.find("IA-0026").orElseThrow().retired()).isTrue();
    assertThat(assets.history("IA-0001")).first().extracting(InformationAsset::changeReference).isEqualTo("DEMO");
  }

  @Test
  void aUserFindsOnlyTheAssetsInTheirScope() throws Exception {
    // when yamamoto (開発設計部) searches
    JsonNode found = json.readTree(get(DemoOrganisation.DESIGN_EMPLOYEE, "/api/assets?q=設計").getBody());
    // then his department's drawings, not the retired ones
    assertThat(found.findValuesAsText("assetId")).contains("IA-0001", "IA-0002").doesNotContain("IA-0026");
    assertThat(found.get(0).get("classificationLabel").asText()).isEqualTo("社外秘 (機密性1)");

    // kato (総務部) is outside the scope of the drawings (3.1.4): not listed, not found
    assertThat(json.readTree(get(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, "/api/assets?q=設計").getBody()).findValuesAsText("assetId"))
        .doesNotContain("IA-0001", "IA-0002");
    ResponseEntity<String> outside = get(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, "/api/assets/IA-0001");
    assertThat(outside.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(outside.getBody()).contains("3.1.4");
    // a person named in the scope finds it although of another department
    assertThat(get(DemoOrganisation.PRODUCTION_CHIEF, "/api/assets/IA-0002").getStatusCode()).isEqualTo(HttpStatus.OK);
    // without login nothing
    assertThat(rest.getForEntity("/api/assets?q=", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void theSystemAdministratorImportsAUtf8Csv() throws Exception {
    String csv = HEADER + "IA-0901,営業提案書テンプレート,,ELECTRONIC_DATA,\\\\fileserver\\総務部\\社外秘,社外秘,"
        + "MAJOR_IMPACT_ON_BUSINESS,general-affairs,development,,フォルダー名に「社外秘」,false,false,3年,ACTIVE\r\n";
    ResponseEntity<String> response = upload(DemoOrganisation.SYSTEM_ADMINISTRATOR, ("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8));
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    InformationAsset imported = assets.find("IA-0901").orElseThrow();
    assertThat(imported.classification()).isEqualTo(Classification.INTERNAL);
    assertThat(imported.changeReference()).isEqualTo("IMPORT");
    assertThat(imported.changedBy()).isEqualTo(DemoOrganisation.SYSTEM_ADMINISTRATOR);
    assertThat(jdbc.queryForObject("select count(*) from audit_record where flow_key = 'assetRegister' "
        + "and actor = 'suzuki' and comment like '%IA-0901%'", Integer.class)).isEqualTo(1);
  }

  @Test
  void aShiftJisCsvFromExcelIsReadAsSuch() {
    String csv = HEADER + "IA-0902,検査治具,治具一式,物,製造部 倉庫,極秘,MAJOR_IMPACT_ON_PARTNERS,manufacturing,,,"
        + "容器に「極秘」,false,false,返却まで,有効\r\n";
    ResponseEntity<String> response = upload(DemoOrganisation.SYSTEM_ADMINISTRATOR, csv.getBytes(AssetImport.SHIFT_JIS));
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    InformationAsset imported = assets.find("IA-0902").orElseThrow();
    assertThat(imported.name()).isEqualTo("検査治具");
    assertThat(imported.kind()).isEqualTo(AssetKind.OBJECT);
    assertThat(imported.classification()).isEqualTo(Classification.SECRET);
  }

  @Test
  void oneBadRowRefusesTheWholeFile() throws Exception {
    int before = versions();
    String csv = HEADER
        + "IA-0911,正しい行,,DOCUMENT,棚,INTERNAL,MAJOR_IMPACT_ON_BUSINESS,hr,,,ファイルに表示,false,false,,ACTIVE\r\n"
        + "IA-0912,機密性が表にない,,DOCUMENT,棚,TOP_SECRET,MAJOR_IMPACT_ON_BUSINESS,hr,,,表示,false,false,,ACTIVE\r\n"
        + "IA-0913,部門なし,,DOCUMENT,棚,PUBLIC,NO_IMPACT,,,,表示,false,false,,ACTIVE\r\n"
        + "IA-0911,重複,,DOCUMENT,棚,PUBLIC,NO_IMPACT,hr,,,表示,false,false,,ACTIVE\r\n"
        + "IA-0914,基準違い,,DOCUMENT,棚,PUBLIC,LEGAL_SAFEGUARDS,hr,,nobody,,false,false,,ACTIVE\r\n";
    ResponseEntity<String> response = upload(DemoOrganisation.SYSTEM_ADMINISTRATOR, csv.getBytes(StandardCharsets.UTF_8));
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    JsonNode errors = json.readTree(response.getBody()).get("errors");
    assertThat(errors.findValuesAsText("field")).contains("3行目 classification", "4行目 ownerDepartment",
        "5行目 assetId", "6行目 classificationReason", "6行目 userPersons", "6行目 labelling");
    assertThat(errors.findValuesAsText("clause")).contains("3.1.1", "3.1.3", "3.1.4", "3.1.2");
    // nothing of the file was written, not even its good row
    assertThat(assets.find("IA-0911")).isEmpty();
    assertThat(versions()).isEqualTo(before);
  }

  @Test
  void aFileInAnotherEncodingIsRefused() {
    int before = versions();
    ResponseEntity<String> response = upload(DemoOrganisation.SYSTEM_ADMINISTRATOR,
        (HEADER + "IA-0921,名称,,DOCUMENT,棚,PUBLIC,NO_IMPACT,hr,,,表示,false,false,,ACTIVE\r\n")
            .getBytes(StandardCharsets.UTF_16));
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).contains("\"field\":\"file\"", "UTF-8", "Shift_JIS");
    assertThat(versions()).isEqualTo(before);
  }

  @Test
  void onlyTheSystemAdministratorImports() {
    int before = versions();
    ResponseEntity<String> response = upload(DemoOrganisation.DEVELOPMENT_HEAD,
        (HEADER + "IA-0931,名称,,DOCUMENT,棚,PUBLIC,NO_IMPACT,development,,,表示,false,false,,ACTIVE\r\n")
            .getBytes(StandardCharsets.UTF_8));
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(assets.find("IA-0931")).isEmpty();
    assertThat(versions()).isEqualTo(before);
  }

  @Test
  void auditorsReadTheRegisterWithItsHistoryAndExportIt() throws Exception {
    // nakamura, the audit officer, reads every version with who changed it and through what
    ResponseEntity<String> page = get(DemoOrganisation.AUDIT_OFFICER, "/api/audit/registers/information-assets?assetId=IA-0010");
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode row = json.readTree(page.getBody()).get("rows").get(0);
    assertThat(row.get("name").asText()).isEqualTo("顧客預託の印刷版・金型");
    assertThat(row.get("classification").asText()).isEqualTo("極秘 (機密性2)");
    assertThat(row.get("classificationReason").asText()).isEqualTo("漏えいすると取引先や顧客に大きな影響がある");
    assertThat(row.get("ownerDepartment").asText()).isEqualTo("製造部");
    assertThat(row.get("labelling").asText()).isEqualTo("表示困難 (台帳に明記)");
    assertThat(row.get("kind").asText()).isEqualTo("物");
    assertThat(row.get("status").asText()).isEqualTo("有効");
    assertThat(row.get("current").asText()).isEqualTo("はい");
    assertThat(row.get("changeKind").asText()).isEqualTo("取り込み");
    assertThat(row.get("changeReference").asText()).isEqualTo("DEMO");
    // the retired ones are filtered
    JsonNode retired = json.readTree(get(DemoOrganisation.AUDIT_OFFICER, "/api/audit/registers/information-assets?status=RETIRED")
        .getBody()).get("rows");
    assertThat(retired.findValuesAsText("assetId")).contains("IA-0026").doesNotContain("IA-0010");

    // and exports it as CSV like the other registers
    ResponseEntity<String> csv = get(DemoOrganisation.AUDIT_OFFICER, "/api/audit/registers/information-assets.csv?department=hr");
    assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(csv.getBody()).contains("情報資産ID,版,現行版,名称,種別,保管場所,機密性,評価の基準,保有部門 (管理責任者)",
        "IA-0020", "人事情報 (社員台帳・人事評価)").doesNotContain("IA-0001");

    // an employee is no auditor
    assertThat(get(DemoOrganisation.DESIGN_EMPLOYEE, "/api/audit/registers/information-assets").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }
}
