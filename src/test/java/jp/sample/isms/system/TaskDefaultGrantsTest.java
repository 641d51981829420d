package jp.sample.isms.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.support.DemoOrganisation;

/**
 * The default grants of a task's assignee and candidates: one authorization per user or group and task, with READ and
 * UPDATE, whether the task was created in the same command (no look-up of existing grants) or earlier (the existing
 * grant is extended, never duplicated).
 */
@IsmsSpringBootTest
class TaskDefaultGrantsTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  TaskService tasks;
  @Autowired
  AuthorizationService authorizations;

  private String taskId;

  @AfterEach
  void cleanUp() {
    if (taskId != null) {
      tasks.deleteTask(taskId, true);
      for (Resources resource : List.of(Resources.TASK, Resources.HISTORIC_TASK)) {
        authorizations.createAuthorizationQuery().resourceType(resource).resourceId(taskId).list()
            .forEach(a -> authorizations.deleteAuthorization(a.getId()));
      }
    }
  }

  @Test
  void aTaskCreatedWithItsCandidatesInOneCommandGetsOneGrantPerUserAndGroup() {
    taskId = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
        .execute(context -> {
          Task task = tasks.newTask();
          task.setName("default grants");
          task.setAssignee(DemoOrganisation.DEVELOPMENT_HEAD);
          tasks.saveTask(task);
          tasks.addCandidateUser(task.getId(), DemoOrganisation.DEVELOPMENT_HEAD);
          tasks.addCandidateUser(task.getId(), DemoOrganisation.DESIGN_EMPLOYEE);
          tasks.addCandidateGroup(task.getId(), "department-head.development");
          tasks.addCandidateGroup(task.getId(), "department-head.development");
          return task.getId();
        });

    assertGrantedOnce(DemoOrganisation.DEVELOPMENT_HEAD, null);
    assertGrantedOnce(DemoOrganisation.DESIGN_EMPLOYEE, null);
    assertGrantedOnce(null, "department-head.development");
    assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(taskId).count())
        .isEqualTo(3);
    // and on the task's history, one per user and group as well
    for (String user : List.of(DemoOrganisation.DEVELOPMENT_HEAD, DemoOrganisation.DESIGN_EMPLOYEE)) {
      assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.HISTORIC_TASK).resourceId(taskId)
          .userIdIn(user).list()).hasSize(1);
    }
    assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.HISTORIC_TASK).resourceId(taskId)
        .groupIdIn("department-head.development").list()).hasSize(1);
    assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.HISTORIC_TASK).resourceId(taskId)
        .count()).isEqualTo(3);
    assertThat(authorizations.isUserAuthorized(DemoOrganisation.DESIGN_EMPLOYEE, List.of(),
        HistoricTaskPermissions.READ,
        Resources.HISTORIC_TASK, taskId)).isTrue();
    assertThat(authorizations.isUserAuthorized(DemoOrganisation.DESIGN_EMPLOYEE, List.of(), Permissions.UPDATE,
        Resources.TASK, taskId))
        .isTrue();
    assertThat(authorizations.isUserAuthorized(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, List.of(), Permissions.READ,
        Resources.TASK, taskId))
        .isFalse();
  }

  @Test
  void aCandidateAddedToAnExistingTaskExtendsTheGrantItAlreadyHas() {
    Task task = tasks.newTask();
    task.setName("existing task");
    tasks.saveTask(task);
    taskId = task.getId();
    Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    read.setUserId(DemoOrganisation.DESIGN_EMPLOYEE);
    read.setResource(Resources.TASK);
    read.setResourceId(taskId);
    read.addPermission(Permissions.READ);
    authorizations.saveAuthorization(read);
    assertThat(authorizations.isUserAuthorized(DemoOrganisation.DESIGN_EMPLOYEE, List.of(), Permissions.UPDATE,
        Resources.TASK, taskId))
        .isFalse();

    tasks.addCandidateUser(taskId, DemoOrganisation.DESIGN_EMPLOYEE);

    assertGrantedOnce(DemoOrganisation.DESIGN_EMPLOYEE, null);
    assertThat(authorizations.createAuthorizationQuery().userIdIn(DemoOrganisation.DESIGN_EMPLOYEE).resourceType(Resources.TASK)
        .resourceId(taskId).singleResult().getId()).isEqualTo(read.getId());
  }

  private void assertGrantedOnce(String userId, String groupId) {
    var query = authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(taskId);
    List<Authorization> found = (userId != null ? query.userIdIn(userId) : query.groupIdIn(groupId)).list();
    assertThat(found).hasSize(1);
    assertThat(found.get(0).getAuthorizationType()).isEqualTo(Authorization.AUTH_TYPE_GRANT);
    assertThat(found.get(0).isPermissionGranted(Permissions.READ)).isTrue();
    assertThat(found.get(0).isPermissionGranted(Permissions.UPDATE)).isTrue();
  }
}
