package jp.sample.isms.engine;

import java.lang.reflect.Field;
import java.util.List;
import java.util.concurrent.Callable;

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
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Every use the product makes of what the engine does not publish: private fields of engine commands read by
 * reflection, and the running command's context. Each reflective access is declared below with the class, the field
 * and why the product needs it; nothing else in the product uses reflection on the engine. {@code EngineInternalsTest}
 * resolves every declared access against the engine on the class path and names whatever an engine upgrade (or a
 * move to the community fork) moved; the application resolves them at start too, so a moved field stops the start
 * instead of a request.
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

  /**
   * The running engine command's context as an opaque key, or null outside a command: a nested command of the same
   * engine runs in the same context and so has the same key; a command that opens a context of its own has another.
   */
  public static Object currentCommand() {
    return Context.getCommandContext();
  }
}
