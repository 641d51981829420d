package jp.sample.isms.support;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
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

  /** The candidate groups of a task, as its identity links name them (a user link has no group). */
  public List<String> candidateGroups(Task task) {
    return candidateGroups(task.getId());
  }

  /** The candidate groups of the task of this id. */
  public List<String> candidateGroups(String taskId) {
    return engine.getTaskService().getIdentityLinksForTask(taskId).stream().map(IdentityLink::getGroupId)
        .filter(Objects::nonNull).toList();
  }

  /** The candidate groups of the one open task of the instance. */
  public List<String> candidateGroups(ProcessInstance instance) {
    return candidateGroups(task(instance));
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

  /** A valid take-out of a laptop (3.2) of 開発設計部's INTERNAL drawings (IA-0001), for tests that need some request. */
  public static Map<String, Object> internalLaptopTakeOut() {
    return TakeOutFixture.internalLaptopOf(DemoOrganisation.DESIGN_EMPLOYEE).build();
  }

  /** A valid take-out of a laptop (3.2) of an INTERNAL asset of the requester's own department. */
  public static Map<String, Object> internalLaptopTakeOut(String requester) {
    return TakeOutFixture.internalLaptopOf(requester).build();
  }

  public static void resetClock() {
    ClockUtil.reset();
  }
}
