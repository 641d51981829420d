package jp.sample.isms.support;

import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * Drives requests through the real engine as the demo users do: every call runs authenticated as a user, through the
 * same commands the REST API and Tasklist use (submit start form, claim, submit task form).
 */
public final class Requests {

  private final ProcessEngine engine;

  public Requests(ProcessEngine engine) {
    this.engine = engine;
  }

  /** Files a request as {@code user} through the start form. */
  public ProcessInstance file(String user, String processKey, Map<String, Object> variables) {
    return as(user, () -> {
      String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
          .processDefinitionKey(processKey).latestVersion().singleResult().getId();
      return engine.getFormService().submitStartForm(definitionId, variables);
    });
  }

  /** The one open task of the instance. */
  public Task task(ProcessInstance instance) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }

  public List<Task> tasks(ProcessInstance instance) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).list();
  }

  /** Claims and completes the open task as {@code user} through its form. */
  public void complete(String user, ProcessInstance instance, Map<String, Object> variables) {
    Task task = task(instance);
    as(user, () -> {
      if (task.getAssignee() == null) {
        engine.getTaskService().claim(task.getId(), user);
      }
      engine.getFormService().submitTaskForm(task.getId(), variables);
      return null;
    });
  }

  public void claim(String user, Task task) {
    as(user, () -> {
      engine.getTaskService().claim(task.getId(), user);
      return null;
    });
  }

  public void submit(String user, Task task, Map<String, Object> variables) {
    as(user, () -> {
      engine.getFormService().submitTaskForm(task.getId(), variables);
      return null;
    });
  }

  /** Runs the timer job of the instance that is due first, as the job executor would. */
  public void fireTimer(ProcessInstance instance, String activityId) {
    ManagementService management = engine.getManagementService();
    Job job = management.createJobQuery().processInstanceId(instance.getId()).timers().activityId(activityId)
        .singleResult();
    if (job == null) {
      throw new AssertionError("no timer waiting at " + activityId);
    }
    management.executeJob(job.getId());
  }

  public Date timerDueDate(ProcessInstance instance, String activityId) {
    return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers()
        .activityId(activityId).singleResult().getDuedate();
  }

  /** Runs {@code action} authenticated as {@code user} with the groups the organisation gives them. */
  public <T> T as(String user, java.util.concurrent.Callable<T> action) {
    IdentityService identity = engine.getIdentityService();
    List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    identity.setAuthentication(user, groups);
    try {
      return action.call();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      identity.clearAuthentication();
    }
  }

  /**
   * An INTERNAL asset of each demo department in the demo 情報資産管理台帳, which its members may take out and its head
   * approves (3.2, 3.1.3).
   */
  static final Map<String, String> INTERNAL_ASSET_OF = Map.of("yamamoto", "IA-0001", "watanabe", "IA-0001",
      "ito", "IA-0001", "kato", "IA-0014", "suzuki", "IA-0014", "kobayashi", "IA-0008", "nakamura", "IA-0008",
      "takahashi", "IA-0008", "sato", "IA-0024");

  /** A valid take-out of a laptop (3.2) of 開発設計部's INTERNAL drawings (IA-0001), for tests that need some request. */
  public static Map<String, Object> internalLaptopTakeOut() {
    return internalLaptopTakeOut("yamamoto");
  }

  /** A valid take-out of a laptop (3.2) of an INTERNAL asset of the requester's own department. */
  public static Map<String, Object> internalLaptopTakeOut(String requester) {
    java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo"));
    Map<String, Object> variables = new java.util.HashMap<>();
    variables.put("assetIds", INTERNAL_ASSET_OF.getOrDefault(requester, "IA-0001"));
    variables.put("assetDescription", "設計資料 (ノートPC内)");
    variables.put("medium", "LAPTOP");
    variables.put("destination", "取引先");
    variables.put("purpose", "打ち合わせ");
    variables.put("startDate", today.toString());
    variables.put("plannedReturnDate", today.plusDays(1).toString());
    variables.put("attestDiskEncrypted", true);
    variables.put("attestEncryptedChannel", true);
    variables.put("attestKeptInSight", true);
    return variables;
  }

  public static void resetClock() {
    ClockUtil.reset();
  }
}
