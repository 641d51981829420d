package jp.sample.isms.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.organisation.OrganisationService;
import jp.sample.isms.support.Requests;

/**
 * 1.1, 10.1, 5.1.10: the role groups and camunda-admin change only through an approved roleChange request. The system
 * administrator suzuki (camunda-admin, every engine right) tries to make herself security officer, to take tanaka out,
 * to create, rename and delete role groups, through every API root and path spelling: refused with 403 each time,
 * and the groups are as before.
 */
@IsmsSpringBootTest
@ExtendWith(OutputCaptureExtension.class)
class GuardedGroupsAttackTest {

  static final String PASSWORD = "Demo-2026!";

  @Autowired
  TestRestTemplate rest;
  @Autowired
  ProcessEngine engine;
  @Autowired
  OrganisationService organisation;
  @Autowired
  jp.sample.isms.organisation.OrganisationImporter importer;
  @Value("${isms.identity.break-glass}")
  boolean breakGlassProperty;

  /** The role groups and their members, and the groups themselves, as they are now. */
  private Map<String, Object> state() {
    IdentityService identity = engine.getIdentityService();
    return Map.of(
        "security-officer", organisation.members("security-officer"),
        "camunda-admin", organisation.members("camunda-admin"),
        "president", organisation.members("president"),
        "department-head.hr", organisation.members("department-head.hr"),
        "groups", identity.createGroupQuery().list().stream().map(g -> g.getId() + "=" + g.getName()).sorted().toList());
  }

  private ResponseEntity<String> basic(HttpMethod method, String path, String json) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth("suzuki", PASSWORD).exchange(path, method,
        new HttpEntity<>(json, headers), String.class);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', value = {
      "PUT    | /engine-rest/group/security-officer/members/suzuki  |",
      "PUT    | /engine-rest/group/camunda-admin/members/kato       |",
      "PUT    | /engine-rest/group/department-head.hr/members/suzuki |",
      "DELETE | /engine-rest/group/security-officer/members/tanaka  |",
      "DELETE | /engine-rest/group/camunda-admin/members/suzuki     |",
      "PUT    | /engine-rest/group/security-officer                 | {\"id\":\"security-officer\",\"name\":\"誰でも\",\"type\":\"ROLE\"}",
      "DELETE | /engine-rest/group/security-officer                 |",
      "DELETE | /engine-rest/group/department-head.hr               |",
      "POST   | /engine-rest/group/create                           | {\"id\":\"section-chief.shadow\",\"name\":\"影\",\"type\":\"ROLE\"}",
      "POST   | /engine-rest/group/create                           | {\"id\":\"audit-officer\",\"name\":\"x\",\"type\":\"ROLE\"}",
      "PUT    | /engine-rest/group/security-officer/members/suzuki/  |",
      "PUT    | /engine-rest/group/security%2Dofficer/members/suzuki |",
      "PUT    | /engine-rest/group/SECURITY-OFFICER/members/suzuki  |",
      "PUT    | /engine-rest/engine/default/group/security-officer/members/suzuki |",
      "PUT    | /engine-rest/./group/security-officer/members/suzuki |",
      "PUT    | /engine-rest/group/president/members/suzuki;x=1     |"})
  void theSystemAdministratorCannotChangeARoleGroupOverRest(HttpMethod method, String path, String json) {
    Map<String, Object> before = state();
    ResponseEntity<String> response = basic(method, path, json);
    assertThat(response.getStatusCode().is2xxSuccessful()).as("%s %s: %s", method, path, response.getBody()).isFalse();
    assertThat(response.getStatusCode().value()).as("%s %s: %s", method, path, response.getBody())
        .isIn(403, 400, 404);
    assertThat(state()).isEqualTo(before);
    assertThat(organisation.members("security-officer")).containsExactly("tanaka");
  }

  @Test
  void theCanonicalRestPathsAnswer403() {
    Map<String, Object> before = state();
    for (String path : List.of("/engine-rest/group/security-officer/members/suzuki",
        "/engine-rest/group/camunda-admin/members/kato")) {
      ResponseEntity<String> response = basic(HttpMethod.PUT, path, null);
      assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(response.getBody()).contains("roleChange");
    }
    assertThat(basic(HttpMethod.DELETE, "/engine-rest/group/security-officer/members/tanaka", null)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(basic(HttpMethod.DELETE, "/engine-rest/group/department-head.hr", null).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(state()).isEqualTo(before);
  }

  @Test
  void theSystemAdministratorCannotChangeARoleGroupInCamundaAdmin() {
    Map<String, Object> before = state();
    WebappSession admin = new WebappSession(rest);
    assertThat(admin.login("suzuki", PASSWORD, "admin").getStatusCode()).isEqualTo(HttpStatus.OK);
    String api = "/camunda/api/engine/engine/default";
    assertThat(admin.exchange(HttpMethod.PUT, api + "/group/security-officer/members/suzuki", null).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(admin.exchange(HttpMethod.DELETE, api + "/group/security-officer/members/tanaka", null)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(admin.exchange(HttpMethod.PUT, api + "/group/camunda-admin",
        "{\"id\":\"camunda-admin\",\"name\":\"x\",\"type\":\"SYSTEM\"}").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(admin.exchange(HttpMethod.DELETE, api + "/group/president", null).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    // the admin API's set-up of the first administrator refuses once there is one, and changes nothing either
    ResponseEntity<String> setup = admin.postJson("/camunda/api/admin/setup/default/user/create",
        "{\"profile\":{\"id\":\"intruder\",\"firstName\":\"x\",\"lastName\":\"y\",\"email\":\"x@example.com\"},"
            + "\"credentials\":{\"password\":\"Intruder-2026!x\"}}");
    assertThat(setup.getStatusCode().is2xxSuccessful()).as(setup.getBody()).isFalse();
    assertThat(engine.getIdentityService().createUserQuery().userId("intruder").count()).isZero();
    assertThat(state()).isEqualTo(before);
  }

  @Test
  void theJavaApiRefusesTooWhoeverIsLoggedIn() {
    Map<String, Object> before = state();
    Requests requests = new Requests(engine);
    IdentityService identity = engine.getIdentityService();
    assertThatThrownBy(() -> requests.as("suzuki", () -> {
      identity.createMembership("suzuki", "security-officer");
      return null;
    })).isInstanceOf(AuthorizationException.class).hasMessageContaining("roleChange");
    assertThatThrownBy(() -> requests.as("tanaka", () -> {
      identity.deleteMembership("suzuki", "camunda-admin");
      return null;
    })).isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> requests.as("suzuki", () -> {
      Group group = identity.newGroup("section-chief.shadow");
      group.setName("影");
      identity.saveGroup(group);
      return null;
    })).isInstanceOf(AuthorizationException.class);
    assertThat(state()).isEqualTo(before);
  }

  @Test
  void breakGlassIsOffByDefaultAndLogsEveryUseAtError(CapturedOutput output) {
    assertThat(breakGlassProperty).isFalse();
    assertThat(GuardedGroups.breakGlassEnabled()).isFalse();
    Requests requests = new Requests(engine);
    IdentityService identity = engine.getIdentityService();
    GuardedGroups.breakGlass = true;
    try {
      requests.as("suzuki", () -> {
        identity.createMembership("kato", "audit-officer");
        identity.deleteMembership("kato", "audit-officer");
        return null;
      });
    } finally {
      GuardedGroups.breakGlass = false;
    }
    assertThat(output.getAll()).contains("BREAK-GLASS: create membership of group audit-officer (user kato) by suzuki")
        .contains("BREAK-GLASS: delete membership of group audit-officer (user kato) by suzuki");
    assertThat(organisation.members("audit-officer")).containsExactly("nakamura");
  }

  @Test
  void anImportByTheSystemAdministratorGivesNoRoles() {
    Map<String, Object> before = state();
    byte[] csv = ("userId,lastName,firstName,email,departmentCode,departmentName,sectionCode,roles\r\n"
        + "shadow-officer,影,一,shadow@sample-printing.example,general-affairs,,,SECURITY_OFFICER\r\n")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    jp.sample.isms.organisation.OrganisationData data = jp.sample.isms.organisation.OrganisationFile
        .read("roles.csv", csv, null).data();
    assertThatThrownBy(() -> new Requests(engine).as("suzuki", () -> importer.importOrganisation(data, null)))
        .isInstanceOf(jp.sample.isms.organisation.OrganisationImportException.class).hasMessageContaining("10.1");
    assertThat(engine.getIdentityService().createUserQuery().userId("shadow-officer").count()).isZero();
    assertThat(state()).isEqualTo(before);
  }

  @Test
  void otherGroupsAreNotGuarded() {
    assertThat(GuardedGroups.isGuarded("security-officer")).isTrue();
    assertThat(GuardedGroups.isGuarded("department-head.development")).isTrue();
    assertThat(GuardedGroups.isGuarded("section-chief.anything")).isTrue();
    assertThat(GuardedGroups.isGuarded("camunda-admin")).isTrue();
    assertThat(GuardedGroups.isGuarded("process-owner")).isTrue();
    assertThat(GuardedGroups.isGuarded("employees")).isFalse();
    assertThat(GuardedGroups.isGuarded("department-head")).isFalse();
    assertThat(GuardedGroups.isGuarded("rest-cache-test")).isFalse();
  }
}
