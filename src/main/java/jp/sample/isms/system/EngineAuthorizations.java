package jp.sample.isms.system;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

import jp.sample.isms.organisation.OrganisationGroups;
import jp.sample.isms.organisation.Role;

/**
 * The engine authorizations every installation needs (least privilege, 5.1.1). Members of {@code camunda-admin}
 * (system administrators) are engine administrators and need none. Idempotent.
 */
@Component
class EngineAuthorizations {

  /** Tasklist only: Cockpit and Admin are for administrators. */
  static final String TASKLIST = "tasklist";
  /** The process of an occurrence of a periodic duty (package periodicduty). */
  static final String PERIODIC_DUTY = "periodicDuty";

  private final AuthorizationService authorizationService;
  private final RepositoryService repositoryService;

  EngineAuthorizations(AuthorizationService authorizationService, RepositoryService repositoryService) {
    this.authorizationService = authorizationService;
    this.repositoryService = repositoryService;
  }

  void ensure() {
    // what the starter's admin-user set-up would grant: administrators may use every webapp and resource
    for (Resources resource : Resources.values()) {
      grant(OrganisationGroups.CAMUNDA_ADMIN, resource, Authorization.ANY, Permissions.ALL);
    }
    String employees = OrganisationGroups.EMPLOYEES;
    grant(employees, Resources.APPLICATION, TASKLIST, Permissions.ACCESS);
    grant(employees, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
    // names in Tasklist (assignee, candidates) and the directory of colleagues
    grant(employees, Resources.USER, Authorization.ANY, Permissions.READ);
    grant(employees, Resources.GROUP, Authorization.ANY, Permissions.READ);
    for (String key : startableProcessKeys()) {
      grant(employees, Resources.PROCESS_DEFINITION, key, Permissions.READ, Permissions.CREATE_INSTANCE);
    }
    // occurrences of periodic duties are filed by the product itself (nobody may start one); whoever does or
    // accepts one reads its definition for the task's deployed form
    grant(employees, Resources.PROCESS_DEFINITION, PERIODIC_DUTY, Permissions.READ);
    String processOwners = Role.PROCESS_OWNER.groupId(null);
    // process owners read deployments; they change models only through an approved modelRevision (1.4), never by
    // deploying (the model deployment gate refuses them anyway), so they hold no CREATE, not even one granted by an
    // earlier version
    grant(processOwners, Resources.DEPLOYMENT, Authorization.ANY, Permissions.READ);
    withdraw(processOwners, Resources.DEPLOYMENT, Authorization.ANY, Permissions.CREATE);
    grant(processOwners, Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ);
    grant(processOwners, Resources.DECISION_DEFINITION, Authorization.ANY, Permissions.READ);
    grant(processOwners, Resources.DECISION_REQUIREMENTS_DEFINITION, Authorization.ANY, Permissions.READ);
  }

  /** The flows an employee may file: every deployed process that Tasklist may start. */
  private List<String> startableProcessKeys() {
    return repositoryService.createProcessDefinitionQuery().latestVersion().startableInTasklist().list().stream()
        .map(ProcessDefinition::getKey).distinct().toList();
  }

  void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization existing = existing(groupId, resource, resourceId);
    Authorization authorization = existing != null
        ? existing
        : authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    if (existing == null) {
      authorization.setGroupId(groupId);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    boolean changed = existing == null;
    for (Permission permission : permissions) {
      if (!authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorizationService.saveAuthorization(authorization);
    }
  }

  /** Takes {@code permission} out of the group's grant, if it holds it; the grant stays with its other permissions. */
  void withdraw(String groupId, Resource resource, String resourceId, Permission permission) {
    Authorization existing = existing(groupId, resource, resourceId);
    if (existing != null && existing.isPermissionGranted(permission)) {
      existing.removePermission(permission);
      authorizationService.saveAuthorization(existing);
    }
  }

  private Authorization existing(String groupId, Resource resource, String resourceId) {
    return authorizationService.createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_GRANT).groupIdIn(groupId)
        .resourceType(resource).resourceId(resourceId).singleResult();
  }
}
