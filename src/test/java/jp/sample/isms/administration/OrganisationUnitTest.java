package jp.sample.isms.administration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.accounts.OrganisationChanges;
import jp.sample.isms.organisation.OrganisationImporter;
import jp.sample.isms.support.Requests;
import jp.sample.isms.system.WebappSession;
import jp.sample.isms.support.DemoOrganisation;

/**
 * 1.1 organisation upkeep without files: the system administrator adds, renames and closes departments and sections,
 * each change recorded; a unit with persons or open requests does not close (409, Japanese reason); bad input is a
 * 400 naming the field; nobody else changes anything. The units made here are removed afterwards.
 */
@IsmsSpringBootTest
class OrganisationUnitTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired
  TestRestTemplate rest;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  IdentityService identityService;
  @Autowired
  OrganisationImporter importer;
  @Autowired
  OrganisationChanges changes;
  @Autowired
  ProcessEngine engine;

  @AfterEach
  void removeUnits() {
    NewPerson.remove(identityService, jdbc, "unit-member");
    NewPerson.remove(identityService, jdbc, "unit-head");
    for (String section : List.of("qa-lab", "qa-line")) {
      jdbc.update("delete from org_section where code = ?", section);
      identityService.deleteGroup("section-chief." + section);
    }
    jdbc.update("delete from org_department where code = 'qa'");
    identityService.deleteGroup("department-head.qa");
  }

  private ResponseEntity<String> call(String user, HttpMethod method, String path, Object body) {
    return rest.withBasicAuth(user, DemoOrganisation.PASSWORD).exchange(path, method, new HttpEntity<>(body), String.class);
  }

  private String field(ResponseEntity<String> response, String name) throws Exception {
    return JSON.readTree(response.getBody()).get(name).asText();
  }

  private int records(String step) {
    return jdbc.queryForObject("select count(*) from audit_record where step = ?", Integer.class, step);
  }

  @Test
  void theSystemAdministratorAddsRenamesAndClosesADepartmentAndASectionEachRecorded() throws Exception {
    int added = records("DepartmentAdded");
    int others = otherChanges();
    assertThat(call(DemoOrganisation.SYSTEM_ADMINISTRATOR, HttpMethod.POST, "/api/organisation/departments",
        Map.of("code", "qa", "name", "品質保証部", "nameEn", "Quality Assurance")).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    assertThat(call(DemoOrganisation.SYSTEM_ADMINISTRATOR, HttpMethod.POST, "/api/organisation/departments/qa/sections",
        Map.of("code", "qa-lab", "name", "試験課")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(call(DemoOrganisation.SYSTEM_ADMINISTRATOR, HttpMethod.PUT, "/api/organisation/departments/qa",
        Map.of("name", "品質管理部")).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(call(DemoOrganisation.SYSTEM_ADMINISTRATOR, HttpMethod.PUT, "/api/organisation/sections/qa-lab",
        Map.of("name", "検査課")).getStatusCode()).isEqualTo(HttpStatus.OK);

    // the role groups follow the names (Camunda Admin, Tasklist show them)
    assertThat(identityService.createGroupQuery().groupId("department-head.qa").singleResult().getName())
        .isEqualTo("部門責任者 (品質管理部)");
    assertThat(identityService.createGroupQuery().groupId("section-chief.qa-lab").singleResult().getName())
        .isEqualTo("課長 (検査課)");
    String list = call(DemoOrganisation.SYSTEM_ADMINISTRATOR, HttpMethod.GET, "/api/organisation/departments",
        null).getBody();
    assertThat(list).contains("品質管理部", "検査課");

    assertThat(call(DemoOrganisation.SYSTEM_ADMINISTRATOR, HttpMethod.POST, "/api/organisation/departments/qa/close",
        null).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(jdbc.queryForObject("select count(*) from org_section where department_code = 'qa' "
        + "and closed_at is null", Integer.class)).isZero();
    // a closed unit takes no renames, sections or persons
    assertThat(call(DemoOrganisation.SYSTEM_ADMINISTRATOR, HttpMethod.PUT, "/api/organisation/departments/qa",
        Map.of("name", "x"))
        .getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(call(DemoOrganisation.SYSTEM_ADMINISTRATOR, HttpMethod.POST, "/api/organisation/departments/qa/sections",
        Map.of("code", "qa-line", "name", "ライン課")).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

    assertThat(records("DepartmentAdded")).isEqualTo(added + 1);
    assertThat(otherChanges()).isEqualTo(others + 4);
    assertThat(jdbc.queryForObject("select comment from audit_record where step = 'DepartmentRenamed' "
        + "order by id desc limit 1", String.class)).isEqualTo("qa: 品質保証部 → 品質管理部");
  }

  private int otherChanges() {
    return jdbc.queryForObject("select count(*) from audit_record where actor = 'suzuki' and step in "
        + "('SectionAdded', 'DepartmentRenamed', 'SectionRenamed', 'DepartmentClosed') and comment like '%qa%'",
        Integer.class);
  }

  @Test
  void aUnitWithPersonsOrOpenRequestsDoesNotClose() throws Exception {
    // given a department with a section and a person in it
    call(DemoOrganisation.SYSTEM_ADMINISTRATOR, HttpMethod.POST, "/api/organisation/departments", Map.of("code", "qa",
        "name", "品質保証部"));
    call(DemoOrganisation.SYSTEM_ADMINISTRATOR, HttpMethod.POST, "/api/organisation/departments/qa/sections",
        Map.of("code", "qa-lab",
        "name", "試験課"));
    byte[] csv = ("userId,lastName,firstName,email,departmentCode,departmentName,sectionCode,roles\r\n"
        + "unit-member,部,員,unit-member@sample-printing.example,qa,,qa-lab,\r\n"
        + "unit-head,部,長,unit-head@sample-printing.example,qa,,,DEPARTMENT_HEAD\r\n")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    importer.importOrganisation(jp.sample.isms.organisation.OrganisationFile.read("m.csv", csv, null).data(), null);

    // then neither closes while the person is there, with the reason in Japanese
    ResponseEntity<String> section = call(DemoOrganisation.SYSTEM_ADMINISTRATOR, HttpMethod.POST,
        "/api/organisation/sections/qa-lab/close", null);
    assertThat(section.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(field(section, "message")).contains("所属する従業員が 1 名いるため閉鎖できません");
    ResponseEntity<String> withPersons = call(DemoOrganisation.SYSTEM_ADMINISTRATOR, HttpMethod.POST,
        "/api/organisation/departments/qa/close",
        null);
    assertThat(withPersons.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(field(withPersons, "message")).contains("2 名");

    // given the person filed a request to the head and both moved away: the request is still open
    // (the new department has no registered asset yet: a take-out of an unregistered one goes to its head, 3.1)
    java.util.Map<String, Object> unregistered = Requests.internalLaptopTakeOut("unit-member");
    unregistered.remove("assetIds");
    unregistered.put("unregisteredAsset", true);
    ProcessInstance request = new Requests(engine).file("unit-member", "takeOut", unregistered);
    changes.move("unit-member", "development", null, DemoOrganisation.SYSTEM_ADMINISTRATOR);
    changes.move("unit-head", "development", null, DemoOrganisation.SYSTEM_ADMINISTRATOR);
    assertThat(call(DemoOrganisation.SYSTEM_ADMINISTRATOR, HttpMethod.POST, "/api/organisation/sections/qa-lab/close",
        null).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    ResponseEntity<String> department = call(DemoOrganisation.SYSTEM_ADMINISTRATOR, HttpMethod.POST,
        "/api/organisation/departments/qa/close",
        null);
    assertThat(department.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(field(department, "message")).contains("処理中の申請が 1 件あるため閉鎖できません");
    assertThat(jdbc.queryForObject("select count(*) from org_department where code = 'qa' and closed_at is null",
        Integer.class)).isEqualTo(1);
    engine.getRuntimeService().deleteProcessInstance(request.getId(), "test over");
  }

  @Test
  void badInputIs400WithTheFieldAndAnUnknownUnit404() throws Exception {
    ResponseEntity<String> badCode = call(DemoOrganisation.SYSTEM_ADMINISTRATOR, HttpMethod.POST,
        "/api/organisation/departments",
        Map.of("code", "品質", "name", "品質保証部"));
    assertThat(badCode.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(field(badCode, "field")).isEqualTo("code");
    ResponseEntity<String> noName = call(DemoOrganisation.SYSTEM_ADMINISTRATOR, HttpMethod.POST,
        "/api/organisation/departments",
        Map.of("code", "qa", "name", " "));
    assertThat(noName.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(field(noName, "field")).isEqualTo("name");
    ResponseEntity<String> existing = call(DemoOrganisation.SYSTEM_ADMINISTRATOR, HttpMethod.POST,
        "/api/organisation/departments",
        Map.of("code", "development", "name", "二つ目"));
    assertThat(existing.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(call(DemoOrganisation.SYSTEM_ADMINISTRATOR, HttpMethod.POST,
        "/api/organisation/departments/nowhere/close", null).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(jdbc.queryForObject("select name from org_department where code = 'development'", String.class))
        .isEqualTo("開発設計部");
    assertThat(jdbc.queryForObject("select count(*) from org_department where code = 'qa'", Integer.class)).isZero();
  }

  @Test
  void thePageIsServedWithAStrictContentSecurityPolicyAndHoldsNoData() {
    // the short address leads to the page
    assertThat(rest.getForEntity("/administration/", String.class).getBody()).contains("組織の管理");
    ResponseEntity<String> index = rest.getForEntity("/administration/index.html", String.class);
    assertThat(index.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(index.getHeaders().getFirst("Content-Security-Policy")).contains("script-src 'self'",
        "frame-ancestors 'none'").doesNotContain("unsafe");
    assertThat(index.getHeaders().getCacheControl()).isEqualTo("no-store");
    assertThat(index.getBody()).contains("組織の管理").doesNotContain("開発設計部");
  }

  @Test
  void nobodyElseChangesTheOrganisation() {
    int departments = jdbc.queryForObject("select count(*) from org_department", Integer.class);
    int records = jdbc.queryForObject("select count(*) from audit_record", Integer.class);
    for (String user : List.of(DemoOrganisation.DEVELOPMENT_HEAD, DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE,
        DemoOrganisation.PRESIDENT, DemoOrganisation.PRODUCTION_CHIEF)) {
      assertThat(call(user, HttpMethod.POST, "/api/organisation/departments", Map.of("code", "qa", "name", "品質"))
          .getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(call(user, HttpMethod.PUT, "/api/organisation/departments/development", Map.of("name", "乗っ取り"))
          .getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(call(user, HttpMethod.POST, "/api/organisation/sections/design/close", null)
          .getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(call(user, HttpMethod.GET, "/api/organisation/departments", null).getStatusCode()).as(user)
          .isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(rest.postForEntity("/api/organisation/departments", Map.of("code", "qa", "name", "品質"), String.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    WebappSession ito = new WebappSession(rest);
    ito.login(DemoOrganisation.DEVELOPMENT_HEAD, DemoOrganisation.PASSWORD, "tasklist");
    assertThat(ito.post("/api/organisation/departments", Map.of("code", "qa", "name", "品質"), true).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    WebappSession suzuki = new WebappSession(rest);
    suzuki.login(DemoOrganisation.SYSTEM_ADMINISTRATOR, DemoOrganisation.PASSWORD, "tasklist");
    assertThat(suzuki.post("/api/organisation/departments", Map.of("code", "qa", "name", "品質"), false)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    for (String spelling : List.of("/api/organisation/departments/", "/api//organisation/departments",
        "/api/organisation/./departments", "/api/organisation/DEPARTMENTS")) {
      assertThat(call(DemoOrganisation.DEVELOPMENT_HEAD, HttpMethod.POST, spelling, Map.of("code", "qa", "name",
          "品質")).getStatusCode()
          .is2xxSuccessful()).as(spelling).isFalse();
    }

    assertThat(jdbc.queryForObject("select count(*) from org_department", Integer.class)).isEqualTo(departments);
    assertThat(jdbc.queryForObject("select name from org_department where code = 'development'", String.class))
        .isEqualTo("開発設計部");
    assertThat(jdbc.queryForObject("select count(*) from org_section where code = 'design' and closed_at is null",
        Integer.class)).isEqualTo(1);
    assertThat(jdbc.queryForObject("select count(*) from audit_record", Integer.class)).isEqualTo(records);
  }
}
