package jp.sample.isms.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

import jp.sample.isms.organisation.OrganisationService;
import jp.sample.isms.support.DemoOrganisation;

/**
 * 1.1, 10.1, 5.1.10 over HTTP: the system administrator suzuki (camunda-admin, every engine right) tries to make
 * herself security officer, to take tanaka out, to create, rename and delete role groups, through every API root and
 * path spelling and in Camunda Admin: refused with 403 each time, and the groups are as before. The calls
 * authenticate as the subclass says: the product's passwords ({@link GuardedGroupsAttackTest}) or single sign-on.
 */
abstract class GuardedGroupsAttacks {

  abstract ProcessEngine engine();

  abstract OrganisationService organisation();

  /** A call on /engine-rest as suzuki. */
  abstract EngineApiClient.Answer asSuzuki(HttpMethod method, String path, String json);

  /** suzuki signs in to Camunda Admin: whether the sign-in succeeded. */
  abstract boolean suzukiSignsInToCamundaAdmin();

  /** A call in suzuki's Camunda Admin session, with its CSRF token. */
  abstract EngineApiClient.Answer inCamundaAdmin(HttpMethod method, String path, String json);

  /** The role groups and their members, and the groups themselves, as they are now. */
  Map<String, Object> state() {
    OrganisationService organisation = organisation();
    IdentityService identity = engine().getIdentityService();
    return Map.of(
        "security-officer", organisation.members("security-officer"),
        "camunda-admin", organisation.members("camunda-admin"),
        "president", organisation.members("president"),
        "department-head.hr", organisation.members("department-head.hr"),
        "groups", identity.createGroupQuery().list().stream().map(g -> g.getId() + "=" + g.getName()).sorted().toList());
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
    EngineApiClient.Answer response = asSuzuki(method, path, json);
    assertThat(response.status() >= 200 && response.status() < 300).as("%s %s: %s", method, path, response.body())
        .isFalse();
    assertThat(response.status()).as("%s %s: %s", method, path, response.body())
        .isIn(403, 400, 404);
    assertThat(state()).isEqualTo(before);
    assertThat(organisation().members("security-officer")).containsExactly(DemoOrganisation.SECURITY_OFFICER);
  }

  @Test
  void theCanonicalRestPathsAnswer403() {
    Map<String, Object> before = state();
    for (String path : List.of("/engine-rest/group/security-officer/members/suzuki",
        "/engine-rest/group/camunda-admin/members/kato")) {
      EngineApiClient.Answer response = asSuzuki(HttpMethod.PUT, path, null);
      assertThat(response.status()).as(path).isEqualTo(HttpStatus.FORBIDDEN.value());
      assertThat(response.body()).contains("roleChange");
    }
    assertThat(asSuzuki(HttpMethod.DELETE, "/engine-rest/group/security-officer/members/tanaka", null)
        .status()).isEqualTo(HttpStatus.FORBIDDEN.value());
    assertThat(asSuzuki(HttpMethod.DELETE, "/engine-rest/group/department-head.hr", null).status())
        .isEqualTo(HttpStatus.FORBIDDEN.value());
    assertThat(state()).isEqualTo(before);
  }

  @Test
  void theSystemAdministratorCannotChangeARoleGroupInCamundaAdmin() {
    Map<String, Object> before = state();
    assertThat(suzukiSignsInToCamundaAdmin()).isTrue();
    String api = "/camunda/api/engine/engine/default";
    assertThat(inCamundaAdmin(HttpMethod.PUT, api + "/group/security-officer/members/suzuki", null).status())
        .isEqualTo(HttpStatus.FORBIDDEN.value());
    assertThat(inCamundaAdmin(HttpMethod.DELETE, api + "/group/security-officer/members/tanaka", null)
        .status()).isEqualTo(HttpStatus.FORBIDDEN.value());
    assertThat(inCamundaAdmin(HttpMethod.PUT, api + "/group/camunda-admin",
        "{\"id\":\"camunda-admin\",\"name\":\"x\",\"type\":\"SYSTEM\"}").status())
        .isEqualTo(HttpStatus.FORBIDDEN.value());
    assertThat(inCamundaAdmin(HttpMethod.DELETE, api + "/group/president", null).status())
        .isEqualTo(HttpStatus.FORBIDDEN.value());
    // the admin API's set-up of the first administrator refuses once there is one, and changes nothing either
    EngineApiClient.Answer setup = inCamundaAdmin(HttpMethod.POST, "/camunda/api/admin/setup/default/user/create",
        "{\"profile\":{\"id\":\"intruder\",\"firstName\":\"x\",\"lastName\":\"y\",\"email\":\"x@example.com\"},"
            + "\"credentials\":{\"password\":\"Intruder-2026!x\"}}");
    assertThat(setup.status() >= 200 && setup.status() < 300).as(setup.body()).isFalse();
    assertThat(engine().getIdentityService().createUserQuery().userId("intruder").count()).isZero();
    assertThat(state()).isEqualTo(before);
  }
}
