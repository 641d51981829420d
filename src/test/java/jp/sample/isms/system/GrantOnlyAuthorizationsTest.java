package jp.sample.isms.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
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

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.support.DemoOrganisation;

/**
 * The engine does not look up revocations before its permission checks (one query per command saved), so no REVOKE
 * may exist: saving one is refused, and REVOKE rows already in the database switch the look-up back on.
 */
@IsmsSpringBootTest
class GrantOnlyAuthorizationsTest {

  @Autowired
  TestRestTemplate rest;
  @Autowired
  ProcessEngine engine;
  @Autowired
  AuthorizationService authorizations;
  @Autowired
  JdbcTemplate jdbc;

  private ProcessEngineConfigurationImpl configuration() {
    return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  @Test
  void theEngineDoesNotLookUpRevocations() {
    assertThat(configuration().getAuthorizationCheckRevokes())
        .isEqualTo(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_NEVER);
  }

  @Test
  void aRevokeIsRefusedThroughTheJavaApiAndNothingIsSaved() {
    long before = authorizations.createAuthorizationQuery().count();
    Authorization revoke = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
    revoke.setUserId(DemoOrganisation.DESIGN_EMPLOYEE);
    revoke.setResource(Resources.PROCESS_DEFINITION);
    revoke.setResourceId("takeOut");
    revoke.removePermission(Permissions.CREATE_INSTANCE);

    assertThatThrownBy(() -> authorizations.saveAuthorization(revoke))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("REVOKE");
    assertThat(authorizations.createAuthorizationQuery().count()).isEqualTo(before);
    assertThat(authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_REVOKE).count())
        .isZero();
  }

  @Test
  void anAdministratorGets400ForARevokeOverRestAndAGrantStillWorks() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    Map<String, Object> revoke = Map.of("type", Authorization.AUTH_TYPE_REVOKE, "permissions", List.of("READ"),
        "userId", DemoOrganisation.DESIGN_EMPLOYEE, "resourceType", Resources.PROCESS_DEFINITION.resourceType(),
        "resourceId", "takeOut");
    ResponseEntity<String> refused = rest.withBasicAuth(DemoOrganisation.SYSTEM_ADMINISTRATOR,
        DemoOrganisation.PASSWORD).exchange(
        "/engine-rest/authorization/create", HttpMethod.POST, new HttpEntity<>(revoke, headers), String.class);
    assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).contains("拒否 (REVOKE) の権限設定は使えません");

    Map<String, Object> grant = Map.of("type", Authorization.AUTH_TYPE_GRANT, "permissions", List.of("READ"),
        "userId", DemoOrganisation.DESIGN_EMPLOYEE, "resourceType", Resources.PROCESS_DEFINITION.resourceType(),
        "resourceId", "grantOnlyTest");
    ResponseEntity<String> granted = rest.withBasicAuth(DemoOrganisation.SYSTEM_ADMINISTRATOR,
        DemoOrganisation.PASSWORD).exchange(
        "/engine-rest/authorization/create", HttpMethod.POST, new HttpEntity<>(grant, headers), String.class);
    try {
      assertThat(granted.getStatusCode()).as(granted.getBody()).isEqualTo(HttpStatus.OK);
    } finally {
      authorizations.createAuthorizationQuery().resourceId("grantOnlyTest").list()
          .forEach(a -> authorizations.deleteAuthorization(a.getId()));
    }
  }

  @Test
  void revokeRowsAlreadyInTheDatabaseSwitchTheLookUpBackOnAndAreHonoured() {
    // a REVOKE made outside the product (an earlier version, SQL): yamamoto may not start take-outs
    jdbc.update("insert into ACT_RU_AUTHORIZATION (ID_, REV_, TYPE_, USER_ID_, RESOURCE_TYPE_, RESOURCE_ID_, PERMS_) "
        + "values ('revoke-test', 1, 2, 'yamamoto', ?, 'takeOut', ?)", Resources.PROCESS_DEFINITION.resourceType(),
        ~Permissions.CREATE_INSTANCE.getValue());
    try {
      GrantOnlyAuthorizations.checkExisting(engine);
      assertThat(configuration().getAuthorizationCheckRevokes())
          .isEqualTo(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_AUTO);
      assertThat(authorizations.isUserAuthorized(DemoOrganisation.DESIGN_EMPLOYEE,
          List.of(jp.sample.isms.organisation.OrganisationGroups.EMPLOYEES), Permissions.CREATE_INSTANCE,
          Resources.PROCESS_DEFINITION, "takeOut")).isFalse();
    } finally {
      jdbc.update("delete from ACT_RU_AUTHORIZATION where ID_ = 'revoke-test'");
      GrantOnlyAuthorizations.configure(configuration());
    }
    assertThat(authorizations.isUserAuthorized(DemoOrganisation.DESIGN_EMPLOYEE,
        List.of(jp.sample.isms.organisation.OrganisationGroups.EMPLOYEES), Permissions.CREATE_INSTANCE,
        Resources.PROCESS_DEFINITION, "takeOut")).isTrue();
  }
}
