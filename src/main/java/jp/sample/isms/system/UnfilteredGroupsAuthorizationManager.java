package jp.sample.isms.system;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

import jp.sample.isms.engine.EngineInternals;

/**
 * The engine's authorization manager without one query: before every authorization check of a command the engine
 * reads {@code SELECT distinct(GROUP_ID_) FROM ACT_RU_AUTHORIZATION} (every group that holds any authorization) to
 * drop the user's groups that hold none from the checks. That read scans the whole table: every open task adds
 * authorization rows, so at 10,000 open tasks it cost about 9 ms per command, five times per Tasklist page, growing
 * with the number of tasks. Our users belong to a handful of groups, so the checks simply use all of them; a group
 * without authorizations matches nothing, so what a user may see and do is unchanged.
 *
 * <p>Nor does it look for an existing grant before each default grant on a task the running command created: when a
 * task gets its assignee or candidates, the engine first reads the authorization of that user or group on that task
 * and on its history (historic instance permissions are on) to add to it (one query per identity link and resource). A task created in this command is not in the database yet, so nothing
 * can hold an authorization on it there; grants made earlier in the same command are still merged by the engine from
 * its entity cache, as before.
 */
class UnfilteredGroupsAuthorizationManager extends AuthorizationManager {

  @Override
  public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
    return authenticatedGroupIds == null ? List.of() : new ArrayList<>(authenticatedGroupIds);
  }

  @Override
  public AuthorizationEntity findAuthorizationByUserIdAndResourceId(int type, String userId, Resource resource,
      String resourceId) {
    return taskOfThisCommand(resource, resourceId) ? null
        : super.findAuthorizationByUserIdAndResourceId(type, userId, resource, resourceId);
  }

  @Override
  public AuthorizationEntity findAuthorizationByGroupIdAndResourceId(int type, String groupId, Resource resource,
      String resourceId) {
    return taskOfThisCommand(resource, resourceId) ? null
        : super.findAuthorizationByGroupIdAndResourceId(type, groupId, resource, resourceId);
  }

  private static boolean taskOfThisCommand(Resource resource, String resourceId) {
    // the task's historic twin (historic instance permissions) has the task's id
    return resource != null && (resource.resourceType() == Resources.TASK.resourceType()
        || resource.resourceType() == Resources.HISTORIC_TASK.resourceType())
        && EngineInternals.createdInThisCommand(TaskEntity.class, resourceId);
  }

  /** Replaces the engine's factory of {@link AuthorizationManager} sessions. */
  static final class Factory implements SessionFactory {

    @Override
    public Class<?> getSessionType() {
      return AuthorizationManager.class;
    }

    @Override
    public Session openSession() {
      return new UnfilteredGroupsAuthorizationManager();
    }
  }
}
