package jp.sample.isms.securityapproval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.approval.RequestWithdrawal;
import jp.sample.isms.support.Requests;
import jp.sample.isms.support.DemoOrganisation;

/**
 * The 社内IT機材管理台帳 (7.3) and the approved software list (7.4) from outside the flow: the system administrator's
 * CSV import (UTF-8 or Shift_JIS, all or nothing), refused to everyone else with nothing changed; the auditors'
 * registers and CSV; bulk approval limited to the simple types.
 */
@IsmsSpringBootTest
class ItRegisterTest {

  static final String PASSWORD = DemoOrganisation.PASSWORD;
  static final Charset SHIFT_JIS = Charset.forName("windows-31j");
  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));

  @Autowired
  TestRestTemplate rest;
  @Autowired
  ItRegister register;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  ProcessEngine engine;
  @Autowired
  RequestWithdrawal withdrawal;

  final ObjectMapper json = new ObjectMapper();
  Requests requests;

  @BeforeEach
  void setUp() {
    requests = new Requests(engine);
  }

  @AfterEach
  void tearDown() {
    jdbc.update("delete from it_device_software where device_id like 'T-IMP-%' or software_name like 'テスト取込%'");
    jdbc.update("delete from approved_software where name like 'テスト取込%'");
    jdbc.update("delete from it_device where device_id like 'T-IMP-%'");
    jdbc.update("delete from it_register_history where item_key like 'T-IMP-%' or item_key like 'テスト取込%'");
  }

  ResponseEntity<String> importCsv(String user, String register, byte[] content) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType("text/csv"));
    TestRestTemplate client = user == null ? rest : rest.withBasicAuth(user, PASSWORD);
    return client.postForEntity("/api/it-register/" + register + "/import", new HttpEntity<>(content, headers),
        String.class);
  }

  int rows() {
    return jdbc.queryForObject("select (select count(*) from it_device) + (select count(*) from approved_software)"
        + " + (select count(*) from it_register_history) + (select count(*) from it_device_software)", Integer.class);
  }

  static final String DEVICES = """
      deviceId,kind,product,owner,departmentCode,location,macAddress,ipAddress,os,purpose,remoteAccess,remoteAccessUntil
      T-IMP-PC-01,CLIENT,ノートPC 検査用,kobayashi,manufacturing,第一工場,00:1A:2B:3C:4D:01,192.168.20.50,Windows 11 Pro,検査,false,
      T-IMP-SV-01,SERVER,"検査サーバー (RAID1, 冗長電源)",suzuki,general-affairs,本社 サーバー室,,192.168.1.50,Windows Server 2022,検査データ,false,
      """;

  // ---------------------------------------------------------------- import

  @Test
  void theSystemAdministratorImportsDevicesFromShiftJisAndSoftwareFromUtf8() throws Exception {
    // when suzuki imports the company's device list as Excel saves it (Shift_JIS)
    ResponseEntity<String> devices = importCsv(DemoOrganisation.SYSTEM_ADMINISTRATOR, "devices", DEVICES.getBytes(SHIFT_JIS));
    // then every device is in the register, recorded as imported (no request number)
    assertThat(devices.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(json.readTree(devices.getBody()).get("imported").asInt()).isEqualTo(2);
    ItRegister.Device server = register.device("T-IMP-SV-01").orElseThrow();
    assertThat(server.product()).isEqualTo("検査サーバー (RAID1, 冗長電源)");
    assertThat(server.kind()).isEqualTo("SERVER");
    assertThat(register.history(ItRegister.DEVICE, "T-IMP-SV-01")).singleElement().satisfies(change -> {
      assertThat(change.change()).isEqualTo("IMPORTED");
      assertThat(change.requestNumber()).isNull();
      assertThat(change.actor()).isEqualTo(DemoOrganisation.SYSTEM_ADMINISTRATOR);
    });
    // when the software list follows, in UTF-8 with a BOM, installed on the new devices
    String software = "\uFEFFname,version,category,vendor,licence,supportUntil,devices\n"
        + "テスト取込ビューア,1.0,APPLICATION,サンプル,永続,2030-03-31,T-IMP-PC-01;T-IMP-SV-01\n";
    ResponseEntity<String> imported = importCsv(DemoOrganisation.SYSTEM_ADMINISTRATOR, "software", software.getBytes(StandardCharsets.UTF_8));
    assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(register.software("テスト取込ビューア", "1.0").orElseThrow().supportUntil())
        .isEqualTo(LocalDate.of(2030, 3, 31));
    assertThat(register.installedOn("T-IMP-PC-01")).containsExactly("テスト取込ビューア 1.0");
  }

  @Test
  void oneBadRowRefusesTheWholeFileWithItsLineAndNothingIsWritten() throws Exception {
    int before = rows();
    String bad = DEVICES + "T-IMP-PC-02,TABLET,タブレット,,,,,,,,,\nT-IMP-PC-01,CLIENT,重複,,,,,,,,,\n";
    ResponseEntity<String> response = importCsv(DemoOrganisation.SYSTEM_ADMINISTRATOR, "devices", bad.getBytes(StandardCharsets.UTF_8));
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    JsonNode body = json.readTree(response.getBody());
    assertThat(body.get("message").asText()).contains("取り込みませんでした");
    assertThat(body.get("errors").findValuesAsText("field")).contains("4行目 kind", "5行目 deviceId");
    assertThat(rows()).isEqualTo(before);
    assertThat(register.device("T-IMP-PC-01")).isEmpty();
    // software on a device that is not in the register: refused as a whole too
    ResponseEntity<String> software = importCsv(DemoOrganisation.SYSTEM_ADMINISTRATOR, "software",
        "name,version,category,devices\nテスト取込A,1,APPLICATION,NO-SUCH-PC\n".getBytes(StandardCharsets.UTF_8));
    assertThat(software.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(software.getBody()).contains("NO-SUCH-PC");
    assertThat(rows()).isEqualTo(before);
  }

  @Test
  void nobodyButTheSystemAdministratorMayImportAndNothingChanges() {
    int before = rows();
    byte[] content = DEVICES.getBytes(StandardCharsets.UTF_8);
    // an employee, the auditor, the security officer: 403
    for (String user : List.of(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, DemoOrganisation.PRODUCTION_CHIEF, DemoOrganisation.SECURITY_OFFICER)) {
      assertThat(importCsv(user, "devices", content).getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(importCsv(user, "software", content).getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
    }
    // no credentials: 401; an unknown register: 404
    assertThat(importCsv(null, "devices", content).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(importCsv(DemoOrganisation.SYSTEM_ADMINISTRATOR, "accounts", content).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(rows()).isEqualTo(before);
  }

  @Test
  void anEmptyOrUnreadableFileIs400() {
    assertThat(importCsv(DemoOrganisation.SYSTEM_ADMINISTRATOR, "devices", new byte[0]).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(importCsv(DemoOrganisation.SYSTEM_ADMINISTRATOR, "devices", new byte[] {(byte) 0x81, (byte) 0x00, (byte) 0xff})
        .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(importCsv(DemoOrganisation.SYSTEM_ADMINISTRATOR, "devices", "deviceId,colour\nX,red\n".getBytes(StandardCharsets.UTF_8))
        .getBody()).contains("1行目 colour", "1行目 kind");
  }

  // ---------------------------------------------------------------- auditors' registers

  @Test
  void theAuditorReadsTheRegistersAndExportsThemAsCsv() throws Exception {
    TestRestTemplate auditor = rest.withBasicAuth(DemoOrganisation.AUDIT_OFFICER, PASSWORD);
    JsonNode devices = json.readTree(auditor.getForObject("/api/audit/registers/it-devices?deviceId=PC-DEV-001",
        String.class));
    assertThat(devices.get("rows")).hasSize(1);
    assertThat(devices.get("rows").get(0).get("software").asText()).contains("AutoCAD 2025",
        "Microsoft Defender Antivirus 4.18");
    assertThat(devices.get("rows").get(0).get("kind").asText()).isEqualTo("クライアント");
    for (String id : List.of("it-devices", "approved-software", "it-register-history", "security-permits")) {
      ResponseEntity<String> csv = auditor.getForEntity("/api/audit/registers/" + id + ".csv", String.class);
      assertThat(csv.getStatusCode()).as(id).isEqualTo(HttpStatus.OK);
    }
    assertThat(auditor.getForObject("/api/audit/registers/it-devices.csv", String.class))
        .contains("ノード名", "MAC アドレス", "ソフトウェアとそのバージョン", "PC-DEV-001");
    assertThat(auditor.getForObject("/api/audit/registers/approved-software.csv", String.class))
        .contains("保守サポートの終了日", "AutoCAD");
    // an employee may not read them
    assertThat(rest.withBasicAuth(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, PASSWORD).getForEntity("/api/audit/registers/it-devices", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  // ---------------------------------------------------------------- bulk approval of the simple types only

  @Test
  void bulkApprovalApprovesTheSimpleTypesAndLeavesTheOthersForTheirOwnCheck() throws Exception {
    ProcessInstance simple = requests.file(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, SecurityApprovalProcess.KEY, Map.of("requestType",
        "BROWSER_PASSWORD", "purpose", "経理の業務", "subject", "https://bank.example.jp/"));
    ProcessInstance photo = requests.file(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, SecurityApprovalProcess.KEY, Map.of("requestType",
        "PHOTO_RECORDING", "purpose", "広報", "area", "第一工場", "participants", "加藤",
        "validFrom", TODAY.toString(), "validUntil", TODAY.toString()));
    ProcessInstance banking = requests.file(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, SecurityApprovalProcess.KEY, Map.of("requestType",
        "DATA_CENTRE", "purpose", "バックアップ", "subject", "サンプルDC", "dataCentreTier", "TIER_2",
        "classification", "INTERNAL", "ndaConcluded", true));
    try {
      String simpleTask = requests.task(simple).getId();
      String dataCentreTask = requests.task(banking).getId();
      ResponseEntity<String> suzuki = rest.withBasicAuth(DemoOrganisation.SYSTEM_ADMINISTRATOR, PASSWORD).postForEntity(
          "/api/tasks/bulk-approve", Map.of("taskIds", List.of(simpleTask), "comment", "一括"), String.class);
      assertThat(suzuki.getStatusCode()).isEqualTo(HttpStatus.OK);
      ResponseEntity<String> tanaka = rest.withBasicAuth(DemoOrganisation.SECURITY_OFFICER, PASSWORD).postForEntity(
          "/api/tasks/bulk-approve", Map.of("taskIds", List.of(requests.task(photo).getId(), dataCentreTask),
              "comment", "一括"), String.class);
      JsonNode results = json.readTree(tanaka.getBody()).get("results");
      assertThat(results.get(0).get("message").asText()).isEqualTo("承認しました");
      // the simple ones are approved; the data centre needs the approver's own look and stays where it was
      assertThat(results.get(0).get("ok").asBoolean()).isTrue();
      assertThat(results.get(1).get("ok").asBoolean()).isFalse();
      assertThat(results.get(1).get("message").asText()).contains("reviewedIndividually");
      assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(simple.getId())
          .singleResult().getEndTime()).isNotNull();
      assertThat(requests.task(banking).getId()).isEqualTo(dataCentreTask);
      assertThat(requests.task(banking).getAssignee()).isNull();
    } finally {
      withdrawal.withdraw(banking.getBusinessKey(), DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, null);
      if (requests.task(photo) != null) {
        withdrawal.withdraw(photo.getBusinessKey(), DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, null);
      } else {
        requests.fireTimer(photo, SecurityApprovalProcess.TIMER_BEFORE_EXPIRY);
        requests.fireTimer(photo, SecurityApprovalProcess.TIMER_PERMIT_ENDS);
      }
      jdbc.update("delete from security_permit where approval_number in (?, ?)", simple.getBusinessKey(),
          photo.getBusinessKey());
    }
  }
}
