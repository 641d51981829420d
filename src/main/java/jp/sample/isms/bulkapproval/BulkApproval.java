package jp.sample.isms.bulkapproval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import jp.sample.isms.approval.ApprovalVariables;
import jp.sample.isms.approval.Decision;
import jp.sample.isms.approval.FourEyesViolationException;
import jp.sample.isms.approval.RequestLifecycle;
import jp.sample.isms.approval.RequestValidationException;
import jp.sample.isms.approval.StepKind;

/**
 * 一括承認: approves several approval steps of the flows configured as bulk-approvable ({@code isms.bulk-approval.flows})
 * with one comment. Each task is claimed and completed through the engine's FormService as the logged-in user, in a
 * transaction of its own, so four eyes, validation and the decision record apply to each, and one refusal does not
 * stop the others.
 */
@Component
class BulkApproval {

  /** The outcome for one task: ok, or refused with the reason. */
  record Result(String taskId, String businessKey, boolean ok, String message) {
  }

  /** A task the user may approve in bulk. */
  record Candidate(String taskId, String name, String description, String processKey, java.util.Date created,
      String assignee) {
  }

  private final Set<String> flows;
  private final TaskService taskService;
  private final FormService formService;
  private final RepositoryService repositoryService;
  private final TransactionTemplate transaction;

  BulkApproval(@Value("${isms.bulk-approval.flows:takeOut}") List<String> flows, @Lazy ProcessEngine engine,
      PlatformTransactionManager transactionManager) {
    this.flows = Set.copyOf(flows);
    this.taskService = engine.getTaskService();
    this.formService = engine.getFormService();
    this.repositoryService = engine.getRepositoryService();
    this.transaction = new TransactionTemplate(transactionManager);
  }

  Set<String> flows() {
    return flows;
  }

  /** The user's open approval steps of bulk-approvable flows (assigned to them or offered to them). */
  List<Candidate> candidates(String userId) {
    if (flows.isEmpty()) {
      return List.of();
    }
    Map<String, Task> tasks = new LinkedHashMap<>();
    String[] keys = flows.toArray(String[]::new);
    taskService.createTaskQuery().taskAssignee(userId).processDefinitionKeyIn(keys).active()
        .orderByTaskCreateTime().asc().list().forEach(t -> tasks.put(t.getId(), t));
    taskService.createTaskQuery().taskCandidateUser(userId).processDefinitionKeyIn(keys).active()
        .orderByTaskCreateTime().asc().list().forEach(t -> tasks.putIfAbsent(t.getId(), t));
    return tasks.values().stream().filter(t -> kind(t) == StepKind.APPROVAL)
        .map(t -> new Candidate(t.getId(), t.getName(), t.getDescription(), processKey(t), t.getCreateTime(),
            t.getAssignee()))
        .toList();
  }

  List<Result> approve(List<String> taskIds, String comment, String userId) {
    List<Result> results = new ArrayList<>();
    for (String taskId : taskIds.stream().distinct().toList()) {
      Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
      String businessKey = task == null || task.getDescription() == null ? null
          : task.getDescription().split(" ／ ")[0];
      if (task == null) {
        results.add(new Result(taskId, null, false, "タスクが見つかりません。既に処理済みか、閲覧権限がありません"));
        continue;
      }
      if (!flows.contains(processKey(task))) {
        results.add(new Result(taskId, businessKey, false, "このフローは一括承認の対象外です"));
        continue;
      }
      if (kind(task) != StepKind.APPROVAL) {
        results.add(new Result(taskId, businessKey, false, "承認ステップではないため一括承認できません"));
        continue;
      }
      if (task.getAssignee() != null && !task.getAssignee().equals(userId)) {
        results.add(new Result(taskId, businessKey, false, "このタスクは既に他の人が担当しています"));
        continue;
      }
      try {
        transaction.executeWithoutResult(status -> {
          if (task.getAssignee() == null) {
            taskService.claim(taskId, userId);
          }
          Map<String, Object> variables = new LinkedHashMap<>();
          variables.put(ApprovalVariables.DECISION, Decision.APPROVED.name());
          if (comment != null && !comment.isBlank()) {
            variables.put(ApprovalVariables.DECISION_COMMENT, comment);
          }
          formService.submitTaskForm(taskId, variables);
        });
        results.add(new Result(taskId, businessKey, true, "承認しました"));
      } catch (ProcessEngineException e) {
        results.add(new Result(taskId, businessKey, false, message(e)));
      }
    }
    return results;
  }

  /** The kernel's refusals speak Japanese already; the engine's own are translated. */
  private static String message(ProcessEngineException e) {
    if (e instanceof FourEyesViolationException || e instanceof RequestValidationException) {
      return e.getMessage();
    }
    if (e instanceof org.camunda.bpm.engine.TaskAlreadyClaimedException) {
      return "このタスクは既に他の人が担当しています";
    }
    if (e instanceof org.camunda.bpm.engine.OptimisticLockingException) {
      return "他の人が同時に処理しました。画面を更新してやり直してください";
    }
    if (e instanceof org.camunda.bpm.engine.AuthorizationException) {
      return "このタスクを処理する権限がありません";
    }
    return "承認できませんでした: " + e.getMessage();
  }

  private String processKey(Task task) {
    return repositoryService.getProcessDefinition(task.getProcessDefinitionId()).getKey();
  }

  private StepKind kind(Task task) {
    return RequestLifecycle.stepKind(repositoryService, task.getProcessDefinitionId(), task.getTaskDefinitionKey());
  }
}
