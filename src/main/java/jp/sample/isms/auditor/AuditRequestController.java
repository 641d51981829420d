package jp.sample.isms.auditor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.task.Attachment;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.sample.isms.auditor.RequestSearch.Page;
import jp.sample.isms.auditor.RequestSearch.RecordView;
import jp.sample.isms.auditor.RequestSearch.RequestSummary;

import jp.sample.isms.audit.AuditLabels;
import jp.sample.isms.audit.EngineHistory;

/**
 * The auditor's search (1.2): requests by flow, number, requester, approver, department, classification, outcome,
 * period and clause; one request's timeline with its attachments and the path it took through its diagram; single
 * records (refusals at filing and the auditors' own queries included). Read-only; every call is logged.
 */
@RestController
@RequestMapping("/api/audit")
class AuditRequestController {

  private static final Pattern BUSINESS_KEY = Pattern.compile("[A-Za-z0-9-]{1,32}");

  /** The request is not in the record. */
  static class NotFound extends RuntimeException {
    NotFound(String message) {
      super(message);
    }
  }

  /** A request found by the search, with its flow's name. */
  record RequestItem(String flowName, RequestSummary request) {
  }

  record Count(long count) {
  }

  /**
   * Everything about one request: the record is complete; what the engine keeps may have been cleaned up. The fields
   * are the forms' labels and choice labels of what the records' submitted values name (the values stay raw).
   */
  record Timeline(RequestSummary request, String flowName, EngineHistory.Instance instance,
      boolean historyAvailable, List<RecordView> records, List<EngineHistory.AttachmentView> attachments,
      List<EngineHistory.Step> path, String diagramUrl, Map<String, AuditLabels.Field> fields) {
  }

  private final AuditAccess access;
  private final RequestSearch search;
  private final EngineHistory engine;
  private final AuditLabels labels;
  private final ZoneId zone;
  private final ObjectMapper json = new ObjectMapper();

  AuditRequestController(AuditAccess access, RequestSearch search, EngineHistory engine, AuditLabels labels,
      ZoneId zone) {
    this.access = access;
    this.search = search;
    this.engine = engine;
    this.labels = labels;
    this.zone = zone;
  }

  @GetMapping("/requests")
  Page<RequestItem> requests(HttpServletRequest request, @RequestParam Map<String, String> parameters) {
    access.authorize(request, "AuditQuery_SearchRequests", "申請の検索");
    AuditQueryParameters p = new AuditQueryParameters(parameters, zone);
    Page<RequestSummary> page = search.requests(RequestSearch.RequestCriteria.of(p), p.page(), p.size());
    Map<String, String> flows = access.unrestricted(engine::flowNames);
    return new Page<>(page.page(), page.size(), page.hasMore(),
        page.items().stream().map(r -> new RequestItem(flows.getOrDefault(r.flowKey(), r.flowKey()), r)).toList());
  }

  @GetMapping("/requests/count")
  Count countRequests(HttpServletRequest request, @RequestParam Map<String, String> parameters) {
    access.authorize(request, "AuditQuery_CountRequests", "申請の件数");
    return new Count(search.countRequests(
        RequestSearch.RequestCriteria.of(new AuditQueryParameters(parameters, zone))));
  }

  @GetMapping("/requests/{businessKey}")
  Timeline timeline(HttpServletRequest request, @PathVariable String businessKey) {
    access.authorize(request, "AuditQuery_Timeline", "申請の経過の参照");
    RequestSummary summary = summary(businessKey);
    return access.unrestricted(() -> {
      EngineHistory.Instance instance = engine.instance(summary.processInstanceId());
      boolean history = instance != null;
      String definitionId = engine.processDefinitionId(instance, summary.flowKey(), summary.flowVersion());
      List<RecordView> records = search.timeline(businessKey);
      return new Timeline(summary, engine.flowNames().getOrDefault(summary.flowKey(), summary.flowKey()), instance,
          history, records,
          history ? engine.attachments(businessKey, summary.processInstanceId()) : List.of(),
          history ? engine.path(summary.processInstanceId()) : List.of(),
          definitionId == null ? null : "/api/audit/requests/" + businessKey + "/diagram",
          labels.fields(summary.flowKey(), submittedFields(records)));
    });
  }

  /** The BPMN XML of the version the request ran on, for the diagram with the path taken. */
  @GetMapping("/requests/{businessKey}/diagram")
  ResponseEntity<byte[]> diagram(HttpServletRequest request, @PathVariable String businessKey) throws IOException {
    access.authorize(request, "AuditQuery_Diagram", "申請のフロー図の参照");
    RequestSummary summary = summary(businessKey);
    byte[] xml = access.unrestricted(() -> {
      String definitionId = engine.processDefinitionId(engine.instance(summary.processInstanceId()),
          summary.flowKey(), summary.flowVersion());
      if (definitionId == null) {
        return null;
      }
      try (InputStream in = engine.model(definitionId)) {
        return in.readAllBytes();
      }
    });
    if (xml == null) {
      throw new NotFound("この申請のフロー図は見つかりません: " + businessKey);
    }
    return ResponseEntity.ok().contentType(new MediaType("application", "xml", StandardCharsets.UTF_8)).body(xml);
  }

  /** An attachment of the request (e.g. a certificate of destruction), always as a download. */
  @GetMapping("/requests/{businessKey}/attachments/{attachmentId}")
  void attachment(HttpServletRequest request, HttpServletResponse response, @PathVariable String businessKey,
      @PathVariable String attachmentId) throws IOException {
    access.authorize(request, "AuditQuery_Attachment", "添付ファイルのダウンロード");
    RequestSummary summary = summary(businessKey);
    Attachment attachment = access.unrestricted(() -> engine.attachment(summary.processInstanceId(), attachmentId));
    if (attachment == null || attachment.getUrl() != null) {
      throw new NotFound("この申請にその添付ファイルはありません: " + attachmentId);
    }
    AttachmentDownload.send(attachment, access.unrestricted(() -> engine.content(attachment)), response);
  }

  @GetMapping("/records")
  Page<RecordView> records(HttpServletRequest request, @RequestParam Map<String, String> parameters) {
    access.authorize(request, "AuditQuery_SearchRecords", "記録の検索");
    AuditQueryParameters p = new AuditQueryParameters(parameters, zone);
    return search.records(RequestSearch.RecordCriteria.of(p), p.page(), p.size());
  }

  @GetMapping("/records/count")
  Count countRecords(HttpServletRequest request, @RequestParam Map<String, String> parameters) {
    access.authorize(request, "AuditQuery_CountRecords", "記録の件数");
    return new Count(search.countRecords(
        RequestSearch.RecordCriteria.of(new AuditQueryParameters(parameters, zone))));
  }

  /** The names of the fields the records' submitted values hold. */
  private Set<String> submittedFields(List<RecordView> records) {
    Set<String> names = new LinkedHashSet<>();
    for (RecordView record : records) {
      if (record.submittedValues() == null) {
        continue;
      }
      try {
        json.readTree(record.submittedValues()).fieldNames().forEachRemaining(names::add);
      } catch (JsonProcessingException e) {
        // a record written before values were kept as JSON: shown as it is
      }
    }
    return names;
  }

  private RequestSummary summary(String businessKey) {
    RequestSummary summary = BUSINESS_KEY.matcher(businessKey).matches() ? search.request(businessKey) : null;
    if (summary == null) {
      throw new NotFound("申請番号 " + businessKey + " の記録はありません");
    }
    return summary;
  }
}
