package jp.sample.isms.engine;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.RepositoryServiceImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteHistoricTaskInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteHistoricVariableInstancesByProcessInstanceIdCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessInstanceCommentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCommentCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAuthorizationCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateCommentCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.CachedDbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityState;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;

/**
 * Every use the product makes of what the engine does not publish: private fields of engine commands read by
 * reflection, and the running command's context. Each reflective access is declared below with the class, the field
 * and why the product needs it; nothing else in the product uses reflection on the engine. {@code EngineInternalsTest}
 * resolves every declared access against the engine on the class path and names whatever an engine upgrade (or a
 * move to the community fork) moved; the application resolves them at start too, so a moved field stops the start
 * instead of a request. The current user ({@link CurrentUser}), running work as the system or as
 * another user, the engine's clock and a delegate's process definition key are offered here in engine-neutral types,
 * so that the flows, controllers and audit need none of the engine's internal classes.
 */
public final class EngineInternals {

  private EngineInternals() {
  }

  /** A private field of an engine class the product reads: where, and why. */
  public static final class Access {

    private final Class<?> type;
    private final String field;
    private final String why;
    private volatile Field resolved;

    Access(Class<?> type, String field, String why) {
      this.type = type;
      this.field = field;
      this.why = why;
    }

    public Class<?> type() {
      return type;
    }

    public String field() {
      return field;
    }

    public String why() {
      return why;
    }

    /** The field, made accessible; fails naming the class, the field and what depends on it if the engine moved it. */
    Field resolve() {
      Field known = resolved;
      if (known == null) {
        try {
          known = type.getDeclaredField(field);
          known.setAccessible(true);
        } catch (NoSuchFieldException | RuntimeException e) {
          throw new IllegalStateException("The engine on the class path has no field " + type.getName() + "."
              + field + ", which the product reads: " + why, e);
        }
        resolved = known;
      }
      return known;
    }

    /** The field's value in {@code target} (an instance of {@link #type()}). */
    public Object read(Object target) {
      try {
        return resolve().get(target);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("Cannot read " + type.getName() + "." + field, e);
      }
    }

    @Override
    public String toString() {
      return type.getSimpleName() + "." + field;
    }
  }

  private static final String SUBMISSION = "the kernel tells submitted fields from those the request had "
      + "(approval/SubmittedVariables); the engine offers no getter";
  private static final String HISTORY = "history protection records which comment or task an administrator changed "
      + "(audit/HistoryProtection); the engine offers no getter";

  // approval/SubmittedVariables
  public static final Access COMPLETE_TASK_ID = new Access(CompleteTaskCmd.class, "taskId", SUBMISSION);
  public static final Access COMPLETE_TASK_VARIABLES = new Access(CompleteTaskCmd.class, "variables", SUBMISSION);
  public static final Access SUBMIT_TASK_FORM_ID = new Access(SubmitTaskFormCmd.class, "taskId", SUBMISSION);
  public static final Access SUBMIT_TASK_FORM_PROPERTIES = new Access(SubmitTaskFormCmd.class, "properties",
      SUBMISSION);
  public static final Access SUBMIT_START_FORM_VARIABLES = new Access(SubmitStartFormCmd.class, "variables",
      SUBMISSION);
  public static final Access START_INSTANTIATION_BUILDER = new Access(StartProcessInstanceCmd.class,
      "instantiationBuilder", SUBMISSION);

  // system/GrantOnlyAuthorizations
  public static final Access SAVE_AUTHORIZATION = new Access(SaveAuthorizationCmd.class, "authorization",
      "a REVOKE is refused when saved, since the engine does not look for revocations "
          + "(system/GrantOnlyAuthorizations); without it a REVOKE would be saved and silently ignored");

  /** audit/HistoryProtection: the fields of the comment and history commands it reads, by command. */
  static final List<Access> HISTORY_FIELDS = List.of(
      new Access(AddCommentCmd.class, "taskId", HISTORY),
      new Access(AddCommentCmd.class, "processInstanceId", HISTORY),
      new Access(AddCommentCmd.class, "message", HISTORY),
      new Access(UpdateCommentCmd.class, "taskId", HISTORY),
      new Access(UpdateCommentCmd.class, "processInstanceId", HISTORY),
      new Access(UpdateCommentCmd.class, "commentId", HISTORY),
      new Access(UpdateCommentCmd.class, "message", HISTORY),
      new Access(DeleteTaskCommentCmd.class, "taskId", HISTORY),
      new Access(DeleteTaskCommentCmd.class, "commentId", HISTORY),
      new Access(DeleteProcessInstanceCommentCmd.class, "processInstanceId", HISTORY),
      new Access(DeleteProcessInstanceCommentCmd.class, "commentId", HISTORY),
      new Access(DeleteHistoricTaskInstanceCmd.class, "taskId", HISTORY),
      new Access(DeleteHistoricVariableInstancesByProcessInstanceIdCmd.class, "processInstanceId", HISTORY));

  /** Every declared access. */
  public static List<Access> declared() {
    List<Access> all = new java.util.ArrayList<>(List.of(COMPLETE_TASK_ID, COMPLETE_TASK_VARIABLES,
        SUBMIT_TASK_FORM_ID, SUBMIT_TASK_FORM_PROPERTIES, SUBMIT_START_FORM_VARIABLES, START_INSTANTIATION_BUILDER,
        SAVE_AUTHORIZATION));
    all.addAll(HISTORY_FIELDS);
    return List.copyOf(all);
  }

  /** Resolves every declared access: fails naming the first one the engine on the class path does not have. */
  public static void resolveAll() {
    declared().forEach(Access::resolve);
  }

  /**
   * The value of the field {@code name} of a comment or history command, as text; null where that command has no
   * such field (declared in {@link #HISTORY_FIELDS}) or it is null.
   */
  public static String historyField(Object command, String name) {
    for (Access access : HISTORY_FIELDS) {
      if (access.type().isInstance(command) && access.field().equals(name)) {
        Object value = access.read(command);
        return value == null ? null : value.toString();
      }
    }
    return null;
  }

  /** Whether this thread runs inside an engine command. */
  public static boolean inCommand() {
    return Context.getCommandContext() != null;
  }

  /** The user the running engine command is authenticated as; null outside a command or without a user. */
  public static String commandUser() {
    CommandContext context = Context.getCommandContext();
    return context == null ? null : context.getAuthenticatedUserId();
  }

  /**
   * Runs {@code call} without the engine's authorization checks when inside a command (where the user is
   * authenticated); outside a command as it is. A checked exception of {@code call} is wrapped in an
   * {@link IllegalStateException}.
   */
  public static <T> T withoutAuthorization(Callable<T> call) {
    CommandContext context = Context.getCommandContext();
    try {
      return context == null ? call.call() : context.runWithoutAuthorization(call);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Whether the entity {@code type} with {@code id} was created by the running command and is not yet written: it is
   * in the command's entity cache as transient (to be inserted when the command ends). False outside a command.
   */
  public static boolean createdInThisCommand(Class<? extends DbEntity> type, String id) {
    CommandContext context = Context.getCommandContext();
    if (context == null || id == null) {
      return false;
    }
    CachedDbEntity cached = context.getDbEntityManager().getDbEntityCache().getCachedEntity(type, id);
    return cached != null && cached.getEntityState() == DbEntityState.TRANSIENT;
  }

  /**
   * Whether the entity {@code type} with {@code id} was written or changed by the running command: it is in the
   * command's entity cache as new, merged, deleted or changed since it was read. False outside a command.
   */
  public static boolean changedInThisCommand(Class<? extends DbEntity> type, String id) {
    CommandContext context = Context.getCommandContext();
    if (context == null || id == null) {
      return false;
    }
    CachedDbEntity cached = context.getDbEntityManager().getDbEntityCache().getCachedEntity(type, id);
    return cached != null && (cached.getEntityState() != DbEntityState.PERSISTENT || cached.isDirty());
  }

  /** Whether the running command saved or changed the engine user {@code userId} (name, mail address, password). */
  public static boolean userChangedInThisCommand(String userId) {
    return changedInThisCommand(org.camunda.bpm.engine.impl.persistence.entity.UserEntity.class, userId);
  }

  /** Work run under another authentication; throws what the work throws. */
  @FunctionalInterface
  public interface Work<T, E extends Exception> {
    T run() throws E;
  }

  /** The user the engine holds for this thread ({@code IdentityService#getCurrentAuthentication}); null if none. */
  static CurrentUser currentUser(IdentityService identity) {
    return user(identity.getCurrentAuthentication());
  }

  /** The authentication of the running engine command; null outside a command or without one. */
  static CurrentUser commandAuthentication() {
    CommandContext context = Context.getCommandContext();
    return context == null ? null : user(context.getAuthentication());
  }

  private static CurrentUser user(Authentication authentication) {
    return authentication == null ? null
        : new CurrentUser(authentication.getUserId(), authentication.getGroupIds(), authentication.getTenantIds());
  }

  /** The groups the running engine command is authenticated with; null outside a command. */
  public static List<String> commandGroups() {
    CommandContext context = Context.getCommandContext();
    return context == null ? null : context.getAuthenticatedGroupIds();
  }

  /**
   * Runs {@code work} as the system: with nobody logged in to the engine for this thread (so without the engine's
   * authorization checks of the caller); the caller's authentication, if there was one, is restored after.
   */
  public static <T, E extends Exception> T asSystem(IdentityService identity, Work<T, E> work) throws E {
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return work.run();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }

  /**
   * Runs {@code work} logged in as {@code userId} with {@code groupIds} (a filing in their name); after, the caller's
   * authentication is restored, or nobody is logged in if nobody was.
   */
  public static <T, E extends Exception> T asUser(IdentityService identity, String userId, List<String> groupIds,
      Work<T, E> work) throws E {
    Authentication caller = identity.getCurrentAuthentication();
    identity.setAuthentication(userId, groupIds);
    try {
      return work.run();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      } else {
        identity.clearAuthentication();
      }
    }
  }

  /** The engine's clock (which tests may set): now, as the engine sees it. */
  public static java.time.Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  /** The process definition {@code execution} runs (a delegate's or listener's execution): key, version, deployment. */
  public static ProcessDefinition processDefinition(DelegateExecution execution) {
    return ((ExecutionEntity) execution).getProcessDefinition();
  }

  /** Whether {@code execution} ends because it was cancelled (deleted, not completed by its model). */
  public static boolean isCanceled(DelegateExecution execution) {
    return ((ExecutionEntity) execution).isCanceled();
  }

  /** Why {@code execution} was deleted; null when it was not. */
  public static String deleteReason(DelegateExecution execution) {
    return ((ExecutionEntity) execution).getDeleteReason();
  }

  /**
   * Grants {@code permission} on {@code resource}/{@code resourceId} to {@code userId} or (when {@code userId} is null)
   * to {@code groupId} in the running command, on behalf of the engine (without the acting user's authorization
   * checks), unless the holder has a grant there already: stored, or made earlier in this same command and not yet
   * flushed (parallel steps for the same group are created in one command).
   */
  public static void grantOnce(String userId, String groupId, Resource resource, String resourceId,
      Permission permission) {
    CommandContext context = Context.getCommandContext();
    context.runWithoutAuthorization(() -> {
      boolean stored = userId != null
          ? context.getAuthorizationManager().findAuthorizationByUserIdAndResourceId(Authorization.AUTH_TYPE_GRANT,
              userId, resource, resourceId) != null
          : context.getAuthorizationManager().findAuthorizationByGroupIdAndResourceId(Authorization.AUTH_TYPE_GRANT,
              groupId, resource, resourceId) != null;
      if (!stored && !grantedInThisCommand(context, userId, groupId, resource, resourceId)) {
        AuthorizationEntity authorization = new AuthorizationEntity(Authorization.AUTH_TYPE_GRANT);
        if (userId != null) {
          authorization.setUserId(userId);
        } else {
          authorization.setGroupId(groupId);
        }
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        authorization.addPermission(permission);
        context.getAuthorizationManager().insert(authorization);
      }
      return null;
    });
  }

  private static boolean grantedInThisCommand(CommandContext context, String userId, String groupId,
      Resource resource, String resourceId) {
    return context.getDbEntityManager().getCachedEntitiesByType(AuthorizationEntity.class).stream()
        .anyMatch(a -> (userId != null ? userId.equals(a.getUserId()) : groupId.equals(a.getGroupId()))
            && a.getResourceType() == resource.resourceType() && resourceId.equals(a.getResourceId())
            && a.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT);
  }

  /** The key of the process definition {@code execution} runs (a delegate's or listener's execution). */
  public static String processDefinitionKey(DelegateExecution execution) {
    return ((ExecutionEntity) execution).getProcessDefinition().getKey();
  }

  /**
   * The property {@code name} a parse listener put on activity {@code activityId} of the process definition
   * {@code execution} runs; null when the definition has no such activity or the activity no such property.
   */
  public static Object parsedActivityProperty(DelegateExecution execution, String activityId, String name) {
    return property(((ExecutionEntity) execution).getProcessDefinition(), activityId, name);
  }

  /**
   * The property {@code name} a parse listener put on activity {@code activityId} of the deployed process definition
   * {@code processDefinitionId} (read through {@code repository}, so with its authorization checks); null when the
   * definition has no such activity or the activity no such property.
   */
  public static Object parsedActivityProperty(RepositoryService repository, String processDefinitionId,
      String activityId, String name) {
    return property((ProcessDefinitionEntity) ((RepositoryServiceImpl) repository)
        .getDeployedProcessDefinition(processDefinitionId), activityId, name);
  }

  private static Object property(ProcessDefinitionEntity definition, String activityId, String name) {
    ActivityImpl activity = definition.findActivity(activityId);
    return activity == null ? null : activity.getProperty(name);
  }

  /**
   * Runs {@code work} in an engine command of {@code configuration}'s engine that needs a transaction (joining the
   * running command where there is one, as the engine's services do) and returns what it returns.
   */
  public static <T> T inCommand(ProcessEngineConfiguration configuration, Supplier<T> work) {
    return ((ProcessEngineConfigurationImpl) configuration).getCommandExecutorTxRequired()
        .execute(context -> work.get());
  }

  /**
   * Runs {@code work} in an engine command of {@code configuration}'s engine with its authorization checks turned off,
   * turning them on again after (the product checks who may do it itself).
   */
  public static void inCommandWithoutAuthorizationChecks(ProcessEngineConfiguration configuration, Runnable work) {
    ((ProcessEngineConfigurationImpl) configuration).getCommandExecutorTxRequired().execute(context -> {
      context.disableAuthorizationCheck();
      try {
        work.run();
      } finally {
        context.enableAuthorizationCheck();
      }
      return null;
    });
  }

  /**
   * Runs {@code work} with the running command's authorization checks off where they are on, and on again after;
   * outside a command as it is.
   */
  public static <T> T withAuthorizationChecksOff(Supplier<T> work) {
    CommandContext context = Context.getCommandContext();
    boolean checking = context != null && context.isAuthorizationCheckEnabled();
    if (checking) {
      context.disableAuthorizationCheck();
    }
    try {
      return work.get();
    } finally {
      if (checking) {
        context.enableAuthorizationCheck();
      }
    }
  }

  /** The resources of deployment {@code deploymentId} by name, read in the running command. */
  public static Map<String, byte[]> deploymentResources(String deploymentId) {
    Map<String, byte[]> resources = new java.util.LinkedHashMap<>();
    for (ResourceEntity resource : Context.getCommandContext().getResourceManager()
        .findResourcesByDeploymentId(deploymentId)) {
      resources.put(resource.getName(), resource.getBytes());
    }
    return resources;
  }

  /** Whether {@code failure} is the engine's refusal of a form field (a submission's invalid input). */
  public static boolean isFormFieldRefusal(Throwable failure) {
    return failure instanceof FormFieldValidationException;
  }

  /**
   * The process variable {@code name} of the process instance {@code processInstanceId} as the running engine command
   * holds it (its own changes included); null outside a command or when the command does not know the instance.
   */
  public static Object processVariableInCommand(String processInstanceId, String name) {
    CommandContext context = processInstanceId == null ? null : Context.getCommandContext();
    if (context == null) {
      return null;
    }
    ExecutionEntity instance = context.getExecutionManager().findExecutionById(processInstanceId);
    return instance == null ? null : instance.getVariable(name);
  }

  /**
   * The running engine command's context as an opaque key, or null outside a command: a nested command of the same
   * engine runs in the same context and so has the same key; a command that opens a context of its own has another.
   */
  public static Object currentCommand() {
    return Context.getCommandContext();
  }
}
