package jp.sample.isms.attachment;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.RequestRecords;
import jp.sample.isms.audit.AuditEntry;
import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.audit.AuditStepKind;
import jp.sample.isms.audit.Outcome;
import jp.sample.isms.engine.CurrentUser;
import jp.sample.isms.engine.EngineInternals;
import jp.sample.isms.organisation.OrganisationGroups;
import jp.sample.isms.organisation.OrganisationService;

/**
 * The attachments of a request (certificates of destruction 3.3.1, re-subcontracting documents 8.1.5), kept with the
 * engine's attachment API on the request's process instance and the step they were uploaded in. The engine checks no
 * ownership, so this class does: who may read, upload and remove, the format by its magic bytes, 10 MB, and an
 * audit record of every upload and removal.
 */
@Component
class RequestAttachments {

  static final int MAX_BYTES = 10 * 1024 * 1024;
  static final String ATTACHED = Outcome.ATTACHED.code();
  static final String DESCRIPTION_UPLOADER = "uploadedBy=";
  static final String DESCRIPTION_SIZE = "size=";
  static final String ATTACHMENT_REMOVED = Outcome.ATTACHMENT_REMOVED.code();
  /** Groups that read every request (1.2). */
  private static final List<String> READERS = List.of("audit-officer", "security-officer",
      OrganisationGroups.CAMUNDA_ADMIN);

  /** Why a call is refused: the HTTP status says which (400, 403, 404, 409). */
  static class Refused extends RuntimeException {
    final int status;

    Refused(int status, String message) {
      super(message);
      this.status = status;
    }
  }

  /** An attachment as the 添付ファイル tab lists it. */
  record Item(String id, String name, String type, String kindLabel, Long size, String uploadedBy,
      String uploadedByName, java.util.Date uploadedAt, String taskId, boolean removable) {
  }

  /** A request as found by its process instance id or business key. */
  record Request(String processInstanceId, String businessKey, String processKey, String requester, boolean open) {
  }

  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final HistoryService historyService;
  private final ProcessEngine engine;
  private final OrganisationService organisation;
  private final AuditRecorder audit;
  private final Map<String, List<AttachmentKinds.Kind>> kindsByProcess;
  private final RequestRecords records;

  RequestAttachments(@Lazy TaskService taskService, @Lazy RuntimeService runtimeService,
      @Lazy HistoryService historyService, @Lazy ProcessEngine engine,
      OrganisationService organisation, AuditRecorder audit, List<AttachmentKinds> kinds, RequestRecords records) {
    this.records = records;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.historyService = historyService;
    this.engine = engine;
    this.organisation = organisation;
    this.audit = audit;
    this.kindsByProcess = kinds.stream().collect(Collectors.toUnmodifiableMap(AttachmentKinds::processKey,
        AttachmentKinds::kinds));
  }

  /** The kinds of document the request's flow declares; empty when attachments of any kind are welcome. */
  List<AttachmentKinds.Kind> kinds(Request request, CurrentUser user) {
    if (!mayRead(request, user)) {
      throw new Refused(403, "この申請の添付ファイルを閲覧する権限がありません");
    }
    return kindsOf(request);
  }

  private List<AttachmentKinds.Kind> kindsOf(Request request) {
    return kindsByProcess.getOrDefault(request.processKey(), List.of());
  }

  private String kindLabel(Request request, String type) {
    return kindsOf(request).stream().filter(k -> k.code().equals(type)).map(AttachmentKinds.Kind::label)
        .findFirst().orElse(null);
  }

  Request request(String processInstanceOrBusinessKey) {
    HistoricProcessInstance instance = withoutAuthorization(() -> {
      HistoricProcessInstance byId = historyService.createHistoricProcessInstanceQuery()
          .processInstanceId(processInstanceOrBusinessKey).singleResult();
      return byId != null ? byId : historyService.createHistoricProcessInstanceQuery()
          .processInstanceBusinessKey(processInstanceOrBusinessKey).list().stream().findFirst().orElse(null);
    });
    if (instance == null) {
      throw new Refused(404, "申請が見つかりません: " + processInstanceOrBusinessKey);
    }
    String requester = records.filing(instance.getId()).map(RequestRecords.Filing::requester).orElse(null);
    return new Request(instance.getId(), instance.getBusinessKey(), instance.getProcessDefinitionKey(), requester,
        instance.getEndTime() == null);
  }

  List<Item> list(Request request, CurrentUser user) {
    if (!mayRead(request, user)) {
      throw new Refused(403, "この申請の添付ファイルを閲覧する権限がありません");
    }
    List<Task> open = openTasks(request);
    return withoutAuthorization(() -> taskService.getProcessInstanceAttachments(request.processInstanceId())).stream()
        .sorted(Comparator.comparing(Attachment::getCreateTime))
        .map(a -> new Item(a.getId(), a.getName(), a.getType(), kindLabel(request, a.getType()), size(a), uploader(a),
            uploader(a) == null ? null : organisation.displayName(uploader(a)), a.getCreateTime(), a.getTaskId(),
            user.getUserId().equals(uploader(a)) && open.stream().anyMatch(t -> t.getId().equals(a.getTaskId()))))
        .toList();
  }

  Attachment attachment(Request request, String attachmentId, CurrentUser user) {
    if (!mayRead(request, user)) {
      throw new Refused(403, "この申請の添付ファイルを閲覧する権限がありません");
    }
    Attachment attachment = withoutAuthorization(() -> taskService.getAttachment(attachmentId));
    if (attachment == null || !request.processInstanceId().equals(attachment.getProcessInstanceId())) {
      throw new Refused(404, "添付ファイルが見つかりません");
    }
    return attachment;
  }

  InputStream content(Attachment attachment) {
    return withoutAuthorization(() -> taskService.getAttachmentContent(attachment.getId()));
  }

  /** Uploads in the user's open step of the request ({@code taskId} when they have several). */
  Item upload(Request request, String taskId, String kind, String fileName, String declaredType, byte[] content,
      CurrentUser user) {
    if (!mayRead(request, user)) {
      throw new Refused(403, "この申請の添付ファイルを閲覧する権限がありません");
    }
    if (!request.open()) {
      throw new Refused(409, "この申請は完了しているため、添付ファイルを追加できません");
    }
    List<Task> mine = openTasks(request).stream().filter(t -> isActor(t, request, user.getUserId())).toList();
    Task task = mine.stream().filter(t -> taskId == null || t.getId().equals(taskId)).findFirst().orElse(null);
    if (task == null) {
      throw new Refused(mine.isEmpty() && taskId != null && !exists(taskId) ? 409 : 403, mine.isEmpty() && taskId != null
          && !exists(taskId) ? "このタスクは既に完了しているため、添付ファイルを追加できません"
          : "この申請で担当中のステップがないため、添付ファイルを追加できません");
    }
    AttachmentFormat format = check(fileName, declaredType, content);
    String type = type(request, kind, format);
    String name = fileName.replaceAll("[\\\\/\\r\\n\\t]", "_");
    // the engine would ask for UPDATE on the task, which a candidate who has not claimed it lacks
    Attachment attachment = withoutAuthorization(() -> taskService.createAttachment(type, task.getId(),
        request.processInstanceId(), name, DESCRIPTION_UPLOADER + user.getUserId() + ";" + DESCRIPTION_SIZE + content.length, new ByteArrayInputStream(content)));
    record(request, task, user, Outcome.ATTACHED, name + " (" + (type.equals(format.mimeType) ? "" : type + ", ") + format
        + ", " + content.length + " bytes)");
    return new Item(attachment.getId(), name, type, kindLabel(request, type), (long) content.length, user.getUserId(),
        organisation.displayName(user.getUserId()), attachment.getCreateTime(), task.getId(), true);
  }

  void remove(Request request, String attachmentId, CurrentUser user) {
    Attachment attachment = attachment(request, attachmentId, user);
    if (!user.getUserId().equals(uploader(attachment))) {
      throw new Refused(403, "添付ファイルを削除できるのはアップロードした本人のみです");
    }
    Task task = attachment.getTaskId() == null ? null
        : withoutAuthorization(() -> taskService.createTaskQuery().taskId(attachment.getTaskId()).singleResult());
    if (task == null) {
      throw new Refused(409, "アップロードしたタスクが完了しているため、添付ファイルは削除できません");
    }
    withoutAuthorization(() -> {
      taskService.deleteTaskAttachment(task.getId(), attachmentId);
      return null;
    });
    record(request, task, user, Outcome.ATTACHMENT_REMOVED, attachment.getName());
  }

  /** The attachment's type: the kind's code in a flow that declares kinds, otherwise the MIME type. */
  private String type(Request request, String kind, AttachmentFormat format) {
    List<AttachmentKinds.Kind> kinds = kindsOf(request);
    String code = kind == null ? "" : kind.trim();
    if (kinds.isEmpty()) {
      if (!code.isEmpty()) {
        throw new Refused(400, "この申請の添付ファイルには種類を指定できません (kind)");
      }
      return format.mimeType;
    }
    if (code.isEmpty()) {
      throw new Refused(400, "添付ファイルの種類を選んでください (kind): " + codes(kinds));
    }
    return kinds.stream().map(AttachmentKinds.Kind::code).filter(code::equals).findFirst()
        .orElseThrow(() -> new Refused(400, "添付ファイルの種類 (kind) が正しくありません: " + code + "。指定できるのは "
            + codes(kinds) + " です"));
  }

  private static String codes(List<AttachmentKinds.Kind> kinds) {
    return kinds.stream().map(k -> k.label() + " (" + k.code() + ")").collect(Collectors.joining("、"));
  }

  private static final int MAX_NAME = 255;

  private static AttachmentFormat check(String fileName, String declaredType, byte[] content) {
    if (fileName == null || fileName.isBlank()) {
      throw new Refused(400, "ファイル名がありません");
    }
    if (fileName.length() > MAX_NAME) {
      // the engine keeps an attachment's name in a column of 255 characters
      throw new Refused(400, "ファイル名は " + MAX_NAME + " 文字以内にしてください");
    }
    if (content.length == 0) {
      throw new Refused(400, "ファイルが空です");
    }
    if (content.length > MAX_BYTES) {
      throw new Refused(400, "ファイルは 10MB 以下にしてください");
    }
    AttachmentFormat byName = AttachmentFormat.ofName(fileName).orElseThrow(() ->
        new Refused(400, "添付できるのは PDF・PNG・JPEG のファイルのみです"));
    Optional<AttachmentFormat> byType = AttachmentFormat.ofType(declaredType);
    if (byType.isPresent() && byType.get() != byName) {
      throw new Refused(400, "ファイルの種類 (" + declaredType + ") とファイル名が一致しません");
    }
    if (!byName.starts(content)) {
      throw new Refused(400, "ファイルの内容が " + byName + " ではありません (拡張子だけを変えたファイルは添付できません)");
    }
    return byName;
  }

  /** The requester, an assignee or candidate of an open step, an auditor. */
  boolean mayRead(Request request, CurrentUser user) {
    if (user.getUserId().equals(request.requester())
        || (user.getGroupIds() != null && user.getGroupIds().stream().anyMatch(READERS::contains))) {
      return true;
    }
    return openTasks(request).stream().anyMatch(t -> isActor(t, request, user.getUserId()));
  }

  /** May act on the step: its assignee, or a candidate who is not the requester (four eyes). */
  private boolean isActor(Task task, Request request, String userId) {
    if (userId.equals(task.getAssignee())) {
      return true;
    }
    if (task.getAssignee() != null || userId.equals(request.requester())) {
      return false;
    }
    return withoutAuthorization(() -> taskService.getIdentityLinksForTask(task.getId())).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
        .anyMatch((IdentityLink link) -> userId.equals(link.getUserId())
            || (link.getGroupId() != null && organisation.members(link.getGroupId()).contains(userId)));
  }

  private List<Task> openTasks(Request request) {
    return withoutAuthorization(() -> taskService.createTaskQuery().processInstanceId(request.processInstanceId())
        .list());
  }

  private boolean exists(String taskId) {
    return withoutAuthorization(() -> historyService.createHistoricTaskInstanceQuery().taskId(taskId).count() > 0);
  }

  /** Who uploaded it: the engine keeps no owner of an attachment, so the description carries it. */
  static String uploader(Attachment attachment) {
    return field(attachment, DESCRIPTION_UPLOADER);
  }

  private static Long size(Attachment attachment) {
    String size = field(attachment, DESCRIPTION_SIZE);
    try {
      return size == null ? null : Long.valueOf(size);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String field(Attachment attachment, String prefix) {
    String description = attachment.getDescription();
    if (description == null) {
      return null;
    }
    for (String part : description.split(";")) {
      if (part.startsWith(prefix)) {
        return part.substring(prefix.length());
      }
    }
    return null;
  }

  private void record(Request request, Task task, CurrentUser user, Outcome outcome, String comment) {
    Integer version = withoutAuthorization(() -> engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionId(task.getProcessDefinitionId()).singleResult().getVersion());
    audit.record(AuditEntry.step(request.businessKey(), request.processInstanceId(), request.processKey(),
            task.getTaskDefinitionKey(), task.getName(), AuditStepKind.ATTACHMENT)
        .version(version).by(user.getUserId(), organisation.displayName(user.getUserId()))
        .requester(request.requester()).outcome(outcome).comment(comment).build());
  }

  /** The checks above are the product's; the engine's own authorizations do not know attachments' owners. */
  private <T> T withoutAuthorization(Supplier<T> call) {
    return EngineInternals.inCommand(engine.getProcessEngineConfiguration(),
        () -> EngineInternals.withoutAuthorization(call::get));
  }
}
