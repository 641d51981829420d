package jp.sample.isms.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.support.DemoOrganisation;

@IsmsSpringBootTest
class RestAuthenticationTest {

  @Autowired
  TestRestTemplate rest;
  @Autowired
  org.camunda.bpm.engine.ProcessEngine engine;

  /**
   * Groups are remembered between REST calls (60 s), but a membership written on this node counts at once; and the
   * engine's authorization checks use all of the user's groups (UnfilteredGroupsAuthorizationManager) with the same
   * outcome: the task is visible exactly while kato is in the group it is offered to.
   */
  @Test
  void aNewOrRemovedMembershipCountsAtTheNextCall() {
    assertThat(((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getSessionFactories().get(org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager.class))
        .isInstanceOf(UnfilteredGroupsAuthorizationManager.Factory.class);
    var identity = engine.getIdentityService();
    var tasks = engine.getTaskService();
    identity.saveGroup(identity.newGroup("rest-cache-test"));
    var task = tasks.newTask();
    task.setName("rest cache test");
    tasks.saveTask(task);
    tasks.addCandidateGroup(task.getId(), "rest-cache-test");
    String count = "/engine-rest/task/count?taskId=" + task.getId();
    try {
      assertThat(rest.withBasicAuth(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE,
          DemoOrganisation.PASSWORD).getForObject(count, String.class)).contains("\"count\":0");
      identity.createMembership(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, "rest-cache-test");
      assertThat(rest.withBasicAuth(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE,
          DemoOrganisation.PASSWORD).getForObject(count, String.class)).contains("\"count\":1");
      identity.deleteMembership(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, "rest-cache-test");
      assertThat(rest.withBasicAuth(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE,
          DemoOrganisation.PASSWORD).getForObject(count, String.class)).contains("\"count\":0");
    } finally {
      tasks.deleteTask(task.getId(), true);
      identity.deleteGroup("rest-cache-test");
    }
  }

  @Test
  void anUnauthenticatedCallIsRefused() {
    ResponseEntity<String> response = rest.getForEntity("/engine-rest/task", String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(response.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
  }

  @Test
  void aDemoUserWithTheRightPasswordIsServed() {
    ResponseEntity<String> response = rest.withBasicAuth(DemoOrganisation.DESIGN_EMPLOYEE, DemoOrganisation.PASSWORD)
        .getForEntity("/engine-rest/task", String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void aWrongPasswordIsRefused() {
    ResponseEntity<String> response = rest.withBasicAuth(DemoOrganisation.DESIGN_EMPLOYEE, "wrong-password")
        .getForEntity("/engine-rest/task", String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void everyEndpointFamilyNeedsAuthentication() {
    for (String path : new String[] {"/engine-rest/process-definition", "/engine-rest/user", "/engine-rest/group",
        "/engine-rest/deployment", "/engine-rest/history/process-instance", "/engine-rest/filter",
        "/engine-rest/authorization", "/engine-rest/engine/default/task"}) {
      assertThat(rest.getForEntity(path, String.class).getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
    }
  }

  @Test
  void onlyHealthIsOpenOfActuator() {
    assertThat(rest.getForEntity("/actuator/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(rest.getForEntity("/actuator/health/readiness", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(rest.getForEntity("/actuator/env", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(rest.getForEntity("/actuator/beans", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }
}
