package jp.sample.isms.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
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
import jp.sample.isms.organisation.GuardedGroups;
import jp.sample.isms.organisation.OrganisationService;
import jp.sample.isms.support.Requests;
import jp.sample.isms.support.DemoOrganisation;

/**
 * 1.1, 10.1, 5.1.10: the role groups and camunda-admin change only through an approved roleChange request. The attacks
 * of {@link GuardedGroupsAttacks} with the product's own passwords (HTTP Basic, the webapps' login form), and the
 * Java API, the break-glass switch and the organisation import.
 */
@IsmsSpringBootTest
@ExtendWith(OutputCaptureExtension.class)
class GuardedGroupsAttackTest extends GuardedGroupsAttacks {

  static final String PASSWORD = DemoOrganisation.PASSWORD;

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
  @Autowired
  GuardedGroups guardedGroups;
  @Autowired
  LoginCache logins;
  @Autowired
  jp.sample.isms.organisation.AccountStates accounts;

  @Override
  ProcessEngine engine() {
    return engine;
  }

  @Override
  OrganisationService organisation() {
    return organisation;
  }

  @Override
  EngineApiClient.Answer asSuzuki(HttpMethod method, String path, String json) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return answer(rest.withBasicAuth(DemoOrganisation.SYSTEM_ADMINISTRATOR, PASSWORD).exchange(path, method,
        new HttpEntity<>(json, headers), String.class));
  }

  private WebappSession admin;

  @Override
  boolean suzukiSignsInToCamundaAdmin() {
    admin = new WebappSession(rest);
    return admin.login(DemoOrganisation.SYSTEM_ADMINISTRATOR, PASSWORD, "admin").getStatusCode() == HttpStatus.OK;
  }

  @Override
  EngineApiClient.Answer inCamundaAdmin(HttpMethod method, String path, String json) {
    return answer(method == HttpMethod.POST ? admin.postJson(path, json) : admin.exchange(method, path, json));
  }

  private static EngineApiClient.Answer answer(ResponseEntity<String> response) {
    return new EngineApiClient.Answer(response.getStatusCode().value(), response.getBody());
  }

  @Test
  void theJavaApiRefusesTooWhoeverIsLoggedIn() {
    Map<String, Object> before = state();
    Requests requests = new Requests(engine);
    IdentityService identity = engine.getIdentityService();
    assertThatThrownBy(() -> requests.as(DemoOrganisation.SYSTEM_ADMINISTRATOR, () -> {
      identity.createMembership(DemoOrganisation.SYSTEM_ADMINISTRATOR, "security-officer");
      return null;
    })).isInstanceOf(AuthorizationException.class).hasMessageContaining("roleChange");
    assertThatThrownBy(() -> requests.as(DemoOrganisation.PRESIDENT, () -> {
      identity.deleteMembership(DemoOrganisation.SYSTEM_ADMINISTRATOR, "camunda-admin");
      return null;
    })).isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> requests.as(DemoOrganisation.SYSTEM_ADMINISTRATOR, () -> {
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
    assertThat(guardedGroups.breakGlassEnabled()).isFalse();
    Requests requests = new Requests(engine);
    IdentityService identity = engine.getIdentityService();
    // the identity provider as the engine builds it, with the setting on
    GuardedGroups open = new GuardedGroups(true);
    assertThat(open.breakGlassEnabled()).isTrue();
    assertThat(output.getAll()).contains("BREAK-GLASS: isms.identity.break-glass is on");
    IsmsIdentityProvider.Factory factory = new IsmsIdentityProvider.Factory(logins, () -> accounts, false, open);
    CommandExecutor commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired();
    requests.as(DemoOrganisation.SYSTEM_ADMINISTRATOR,
        () -> commands.execute(context -> ((IsmsIdentityProvider) factory.openSession())
        .createMembership(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, "audit-officer")));
    assertThat(organisation.members("audit-officer")).containsExactlyInAnyOrder(DemoOrganisation.AUDIT_OFFICER,
        DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE);
    requests.as(DemoOrganisation.SYSTEM_ADMINISTRATOR,
        () -> commands.execute(context -> ((IsmsIdentityProvider) factory.openSession())
        .deleteMembership(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, "audit-officer")));
    assertThat(output.getAll()).contains("BREAK-GLASS: create membership of group audit-officer (user kato) by suzuki")
        .contains("BREAK-GLASS: delete membership of group audit-officer (user kato) by suzuki");
    assertThat(organisation.members("audit-officer")).containsExactly(DemoOrganisation.AUDIT_OFFICER);
    // the engine's provider, built with the setting off, refuses the same change
    assertThatThrownBy(() -> requests.as(DemoOrganisation.SYSTEM_ADMINISTRATOR, () -> {
      identity.createMembership(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, "audit-officer");
      return null;
    })).isInstanceOf(AuthorizationException.class);
    assertThat(organisation.members("audit-officer")).containsExactly(DemoOrganisation.AUDIT_OFFICER);
  }

  @Test
  void anImportByTheSystemAdministratorGivesNoRoles() {
    Map<String, Object> before = state();
    byte[] csv = ("userId,lastName,firstName,email,departmentCode,departmentName,sectionCode,roles\r\n"
        + "shadow-officer,影,一,shadow@sample-printing.example,general-affairs,,,SECURITY_OFFICER\r\n")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    jp.sample.isms.organisation.OrganisationData data = jp.sample.isms.organisation.OrganisationFile
        .read("roles.csv", csv, null).data();
    assertThatThrownBy(() -> new Requests(engine).as(DemoOrganisation.SYSTEM_ADMINISTRATOR,
        () -> importer.importOrganisation(data, null)))
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
