package jp.sample.isms.system;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

import jp.sample.isms.organisation.OrganisationGroups;

/**
 * The ready-made Tasklist filters: 自分のタスク, 自分のグループのタスク and 期限切れ shared by everybody, and
 * 自分の申請 owned by each user. Created at start, idempotently.
 */
@Component
class TasklistFilters {

  static final String MY_TASKS = "自分のタスク";
  static final String MY_GROUP_TASKS = "自分のグループのタスク";
  static final String MY_REQUESTS = "自分の申請";
  static final String OVERDUE = "期限切れ";

  /** Process variable holding the user id of who filed the request (set by the approval kernel). */
  static final String REQUESTER_VARIABLE = "requester";

  private final FilterService filterService;
  private final TaskService taskService;
  private final IdentityService identityService;
  private final EngineAuthorizations authorizations;

  TasklistFilters(FilterService filterService, TaskService taskService, IdentityService identityService,
      EngineAuthorizations authorizations) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.identityService = identityService;
    this.authorizations = authorizations;
  }

  void ensure() {
    ensureShared(MY_TASKS, -10, "自分が担当しているタスク",
        taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    ensureShared(MY_GROUP_TASKS, -5, "自分の役割に届いている未担当のタスク",
        taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").taskUnassigned());
    ensureShared(OVERDUE, 10, "期限を過ぎた自分と自分のグループのタスク",
        taskService.createTaskQuery().dueBeforeExpression("${now()}")
            .or().taskAssigneeExpression("${currentUser()}")
            .taskCandidateGroupInExpression("${currentUserGroups()}").endOr());
    for (User user : identityService.createUserQuery().memberOfGroup(OrganisationGroups.EMPLOYEES).list()) {
      ensureMyRequests(user.getId());
    }
  }

  /** 自分の申請 for one user: the open steps of the requests they filed. */
  void ensureMyRequests(String userId) {
    boolean exists = filterService.createTaskFilterQuery().filterName(MY_REQUESTS).filterOwner(userId).count() > 0;
    if (!exists) {
      Filter filter = filterService.newTaskFilter(MY_REQUESTS)
          .setOwner(userId)
          .setQuery(taskService.createTaskQuery().processVariableValueEquals(REQUESTER_VARIABLE, userId))
          .setProperties(properties(0, "自分が申請した手続きの進行中のステップ"));
      filterService.saveFilter(filter);
    }
  }

  private void ensureShared(String name, int priority, String description, TaskQuery query) {
    Filter filter = filterService.createTaskFilterQuery().filterName(name).list().stream()
        .filter(f -> f.getOwner() == null).findFirst().orElse(null);
    if (filter == null) {
      filter = filterService.newTaskFilter(name).setQuery(query).setProperties(properties(priority, description));
      filter = filterService.saveFilter(filter);
    }
    authorizations.grant(OrganisationGroups.EMPLOYEES, Resources.FILTER, filter.getId(), Permissions.READ);
  }

  private static Map<String, Object> properties(int priority, String description) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", description);
    properties.put("priority", priority);
    properties.put("refresh", true);
    // shown in each row of the task list (Tasklist reads these process variables in one query)
    properties.put("variables", List.of(
        Map.of("name", "businessKey", "label", "申請番号"),
        Map.of("name", "requesterName", "label", "申請者"),
        Map.of("name", "flowName", "label", "手続き")));
    return properties;
  }
}
