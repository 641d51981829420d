package jp.sample.isms.audit;

import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteHistoricProcessInstancesCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteHistoricTaskInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteHistoricVariableInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteHistoricVariableInstancesByProcessInstanceIdCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessInstanceCommentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCommentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteUserOperationLogEntryCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateCommentCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.task.Comment;

import jp.sample.isms.engine.EngineInternals;

/**
 * What the engine lets users change or delete afterwards — comments (update and delete since 7.23), the user
 * operation log, historic instances, tasks and variables — is refused (403) for everyone but the system administrator
 * (camunda-admin). Every comment is also kept in the decision record when it is written, and the original of a comment
 * an administrator changes or deletes is recorded before the change, so the record keeps what the history loses.
 * The engine's own history cleanup (no user) is not concerned.
 */
public class HistoryProtection extends CommandInterceptor {

  private static final Map<Class<?>, String> PROTECTED = Map.of(
      DeleteTaskCommentCmd.class, "コメントの削除",
      DeleteProcessInstanceCommentCmd.class, "コメントの削除",
      UpdateCommentCmd.class, "コメントの変更",
      DeleteUserOperationLogEntryCmd.class, "操作ログの削除",
      DeleteHistoricProcessInstancesCmd.class, "履歴の削除",
      DeleteHistoricTaskInstanceCmd.class, "タスク履歴の削除",
      DeleteHistoricVariableInstanceCmd.class, "変数履歴の削除",
      DeleteHistoricVariableInstancesByProcessInstanceIdCmd.class, "変数履歴の削除");

  private final Supplier<AuditRecorder> audit;
  private final Supplier<IdentityService> identityService;
  private final Supplier<TaskService> taskService;

  public HistoryProtection(Supplier<AuditRecorder> audit, Supplier<IdentityService> identityService,
      Supplier<TaskService> taskService) {
    this.audit = audit;
    this.identityService = identityService;
    this.taskService = taskService;
  }

  @Override
  public <T> T execute(Command<T> command) {
    String action = PROTECTED.get(command.getClass());
    Authentication user = action == null && !(command instanceof AddCommentCmd) ? null
        : identityService.get().getCurrentAuthentication();
    if (user == null) {
      return next.execute(command);
    }
    if (command instanceof AddCommentCmd) {
      T result = next.execute(command);
      String taskId = field(command, "taskId");
      String processInstanceId = field(command, "processInstanceId");
      if (processInstanceId == null && taskId != null) {
        var task = taskService.get().createTaskQuery().taskId(taskId).singleResult();
        processInstanceId = task == null ? null : task.getProcessInstanceId();
      }
      record(user, Outcome.COMMENTED, processInstanceId, taskId, field(command, "message"));
      return result;
    }
    if (user.getGroupIds() == null || !user.getGroupIds().contains("camunda-admin")) {
      throw new AuthorizationException(action + "はシステム管理者のみが行えます (history is kept for the auditors: "
          + command.getClass().getSimpleName() + " refused for " + user.getUserId() + ")");
    }
    String original = null;
    String taskId = field(command, "taskId");
    String processInstanceId = field(command, "processInstanceId");
    if (processInstanceId == null && taskId != null) {
      var task = taskService.get().createTaskQuery().taskId(taskId).singleResult();
      processInstanceId = task == null ? null : task.getProcessInstanceId();
    }
    String commentId = field(command, "commentId");
    if (commentId != null && taskId != null) {
      Comment comment = taskService.get().getTaskComment(taskId, commentId);
      original = comment == null ? null : comment.getFullMessage();
    } else if (commentId != null) {
      original = taskService.get().getProcessInstanceComments(field(command, "processInstanceId")).stream()
          .filter(c -> c.getId().equals(commentId)).map(Comment::getFullMessage).findFirst().orElse(null);
    }
    record(user, Outcome.HISTORY_CHANGED, processInstanceId, taskId,
        action + (original == null ? "" : "; 元のコメント: " + original)
            + (command instanceof UpdateCommentCmd ? "; 新しいコメント: " + field(command, "message") : ""));
    return next.execute(command);
  }

  private void record(Authentication user, Outcome outcome, String processInstanceId, String taskId, String comment) {
    audit.get().recordSeparately(AuditEntry.step(null, processInstanceId, "history",
            taskId == null ? "History" : "Task:" + taskId, "コメント・履歴", AuditStepKind.HISTORY)
        .by(user.getUserId(), null).outcome(outcome).comment(comment).clauses("1.2").build());
  }

  /** A field of a comment or history command (declared in {@link EngineInternals}); null where it has none. */
  private static String field(Object command, String name) {
    return EngineInternals.historyField(command, name);
  }
}
