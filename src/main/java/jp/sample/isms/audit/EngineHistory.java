package jp.sample.isms.audit;

import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Attachment;
import org.springframework.stereotype.Component;

/**
 * What the engine still knows of a request: its process instance's history (state, the path taken through the
 * diagram), its attachments and its process model. The engine's history cleanup removes these after the flow's
 * {@code historyTimeToLive}; the decision record stays (see {@link AuditRetention}).
 */
@Component
public class EngineHistory {

  /** The process instance as the history has it. */
  public record Instance(String id, String processDefinitionId, String state, String stateLabel,
      OffsetDateTime startTime, OffsetDateTime endTime, OffsetDateTime removalTime) {
  }

  /** One activity the request passed (or is waiting in). */
  public record Step(String activityId, String activityName, String activityType, String activityTypeLabel,
      OffsetDateTime startTime,
      OffsetDateTime endTime, String assignee, boolean canceled) {
  }

  /** An attachment of the request, with the product's download link (null for a link attachment). */
  public record AttachmentView(String id, String name, String description, String type, String taskId,
      OffsetDateTime createdAt, String externalUrl, String downloadUrl) {
  }

  private final HistoryService historyService;
  private final RepositoryService repositoryService;
  private final TaskService taskService;
  private final AuditLabels labels;
  private final ZoneId zone;

  EngineHistory(HistoryService historyService, RepositoryService repositoryService, TaskService taskService,
      AuditLabels labels, ZoneId zone) {
    this.zone = zone;
    this.historyService = historyService;
    this.repositoryService = repositoryService;
    this.taskService = taskService;
    this.labels = labels;
  }

  public Instance instance(String processInstanceId) {
    HistoricProcessInstance instance = processInstanceId == null ? null
        : historyService.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
    return instance == null ? null : new Instance(instance.getId(), instance.getProcessDefinitionId(),
        instance.getState(), labels.instanceState(instance.getState()), time(instance.getStartTime()),
        time(instance.getEndTime()), time(instance.getRemovalTime()));
  }

  /** The activities in the order they started (a loop after a send-back shows each pass). */
  public List<Step> path(String processInstanceId) {
    return historyService.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
        .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list().stream()
        .map(this::step).toList();
  }

  public List<AttachmentView> attachments(String businessKey, String processInstanceId) {
    return taskService.getProcessInstanceAttachments(processInstanceId).stream()
        .sorted((a, b) -> a.getCreateTime().compareTo(b.getCreateTime()))
        .map(a -> new AttachmentView(a.getId(), a.getName(), a.getDescription(), a.getType(), a.getTaskId(),
            time(a.getCreateTime()), a.getUrl(),
            a.getUrl() != null ? null : "/api/audit/requests/" + businessKey + "/attachments/" + a.getId()))
        .toList();
  }

  /** The attachment if it belongs to the process instance, else null. */
  public Attachment attachment(String processInstanceId, String attachmentId) {
    Attachment attachment = taskService.getAttachment(attachmentId);
    return attachment != null && processInstanceId != null && processInstanceId.equals(attachment.getProcessInstanceId())
        ? attachment : null;
  }

  public InputStream content(Attachment attachment) {
    return taskService.getAttachmentContent(attachment.getId());
  }

  /**
   * The process definition the request ran on: from its history, or, once that is cleaned up, from the flow key and
   * version in the record (definitions are never cleaned up).
   */
  public String processDefinitionId(Instance instance, String flowKey, Integer flowVersion) {
    if (instance != null) {
      return instance.processDefinitionId();
    }
    if (flowKey == null || flowVersion == null) {
      return null;
    }
    ProcessDefinition definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(flowKey)
        .processDefinitionVersion(flowVersion).singleResult();
    return definition == null ? null : definition.getId();
  }

  public InputStream model(String processDefinitionId) {
    return repositoryService.getProcessModel(processDefinitionId);
  }

  /** Names of the deployed flows (latest version), by key. */
  public Map<String, String> flowNames() {
    Map<String, String> names = new LinkedHashMap<>();
    repositoryService.createProcessDefinitionQuery().latestVersion().orderByProcessDefinitionKey().asc().list()
        .forEach(definition -> names.put(definition.getKey(),
            definition.getName() == null ? definition.getKey() : definition.getName()));
    return names;
  }

  private Step step(HistoricActivityInstance activity) {
    return new Step(activity.getActivityId(), activity.getActivityName(), activity.getActivityType(),
        labels.activityType(activity.getActivityType()),
        time(activity.getStartTime()), time(activity.getEndTime()), activity.getAssignee(), activity.isCanceled());
  }

  private OffsetDateTime time(Date date) {
    return date == null ? null : date.toInstant().atZone(zone).toOffsetDateTime();
  }
}
