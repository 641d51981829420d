package jp.sample.isms.asset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import jp.sample.isms.approval.RequestValidationException;
import jp.sample.isms.organisation.OrganisationService;
import jp.sample.isms.support.PostgresApplication;
import jp.sample.isms.support.Requests;
import jp.sample.isms.support.DemoOrganisation;

/** The 情報資産管理台帳 on a real PostgreSQL: the demo register, search, import all or nothing, owner routing, auditors. */
@Tag("postgres")
class InformationAssetPostgresIT {

  static PostgresApplication application;
  static ConfigurableApplicationContext context;

  @BeforeAll
  static void start() {
    application = PostgresApplication.start();
    context = application.context();
  }

  @AfterAll
  static void stop() {
    if (application != null) {
      application.close();
    }
  }

  @Test
  void theRegisterWorksOnPostgres() {
    InformationAssets assets = context.getBean(InformationAssets.class);
    OrganisationService organisation = context.getBean(OrganisationService.class);
    JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
    // the demo register, and what yamamoto may use of it
    assertThat(assets.all()).hasSize(26);
    assertThat(assets.usable(organisation.person(DemoOrganisation.DESIGN_EMPLOYEE).orElseThrow(), "設計", 20))
        .extracting(InformationAsset::assetId).contains("IA-0001", "IA-0002").doesNotContain("IA-0026");
    assertThat(assets.nextId()).isEqualTo("IA-0027");

    // a Shift_JIS import; then a file with a bad row writes nothing
    AssetImport importer = context.getBean(AssetImport.class);
    String header = String.join(",", AssetRules.FIELDS) + "\r\n";
    importer.load((header + "IA-0801,検査治具,,物,製造部 倉庫,極秘,MAJOR_IMPACT_ON_PARTNERS,manufacturing,,,容器に表示,"
        + "false,false,,有効\r\n").getBytes(AssetImport.SHIFT_JIS), DemoOrganisation.SYSTEM_ADMINISTRATOR, "IMPORT");
    assertThat(assets.find("IA-0801").orElseThrow().classification()).isEqualTo(Classification.SECRET);
    int versions = jdbc.queryForObject("select count(*) from information_asset_history", Integer.class);
    assertThatThrownBy(() -> importer.load((header
        + "IA-0802,正しい行,,DOCUMENT,棚,INTERNAL,MAJOR_IMPACT_ON_BUSINESS,hr,,,表示,false,false,,ACTIVE\r\n"
        + "IA-0803,誤った行,,DOCUMENT,棚,INTERNAL,NO_IMPACT,hr,,,表示,false,false,,ACTIVE\r\n")
        .getBytes(StandardCharsets.UTF_8), DemoOrganisation.SYSTEM_ADMINISTRATOR, "IMPORT")).isInstanceOf(RequestValidationException.class)
        .hasMessageContaining("3行目 classificationReason");
    assertThat(jdbc.queryForObject("select count(*) from information_asset_history", Integer.class))
        .isEqualTo(versions);

    // a take-out of 製造部's manual by yamamoto goes to the head of 製造部
    ProcessEngine engine = context.getBean(ProcessEngine.class);
    Requests requests = new Requests(engine);
    Map<String, Object> takeOut = Requests.internalLaptopTakeOut();
    takeOut.put("assetIds", "IA-0007");
    ProcessInstance instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, "takeOut", takeOut);
    List<String> groups = requests.candidateGroups(instance);
    assertThat(groups).containsExactly("department-head.manufacturing");
    assertThat(jdbc.queryForObject("select classification from takeout_asset where business_key = ?", String.class,
        instance.getBusinessKey())).isEqualTo("INTERNAL");

    // the auditors' register and its CSV
    TestRestTemplate rest = new TestRestTemplate().withBasicAuth(DemoOrganisation.PRODUCTION_CHIEF, DemoOrganisation.PASSWORD);
    String base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    ResponseEntity<String> page = rest.getForEntity(base + "/api/audit/registers/information-assets?current=true"
        + "&classification=SECRET&department=manufacturing", String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody()).contains("IA-0010", "IA-0801", "取り込み").doesNotContain("IA-0007");
    assertThat(rest.getForEntity(base + "/api/audit/registers/information-assets.csv", String.class).getBody())
        .contains("情報資産ID,版,現行版");
  }
}
