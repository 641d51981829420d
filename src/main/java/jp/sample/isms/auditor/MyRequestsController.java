package jp.sample.isms.auditor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jp.sample.isms.auditor.MyRequests.Criteria;
import jp.sample.isms.auditor.MyRequests.Item;
import jp.sample.isms.auditor.RequestSearch.RecordView;
import jp.sample.isms.auditor.RequestSearch.RequestSummary;
import jp.sample.isms.engine.CurrentUser;
import jp.sample.isms.organisation.OrganisationService;
import jp.sample.isms.organisation.Role;

import jp.sample.isms.audit.AuditLabels;
import jp.sample.isms.audit.EngineHistory;

/**
 * {@code /api/my}: 申請一覧 of the user who calls (session or HTTP Basic, as all of {@code /api}). Their own requests
 * with state, whom they wait for and the last decision; the timeline of one of them as its requester may read it
 * (decisions, comments, attachments, the path through the diagram; no auditor-only fields); the CSV of their list;
 * and, for approvers, the decisions they took and the steps they hold now. Only one's own data: a request of someone
 * else is answered like a number nobody filed (404), whatever the spelling of the path.
 */
@RestController
@RequestMapping("/api/my")
class MyRequestsController {

  private static final Pattern BUSINESS_KEY = Pattern.compile("[A-Za-z0-9-]{1,32}");
  private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  /** The outcomes of an approval decision, in the order the pages offer them. */
  private static final List<String> DECISIONS = List.of("APPROVED", "REJECTED", "SENT_BACK");
  private static final List<String> CSV_HEADER = List.of("申請番号", "フロー", "申請日時", "機密性", "状態",
      "処理待ちのステップ", "担当", "最新の判断", "判断した人", "判断日時", "判断のコメント");

  /**
   * Who is calling, and whether they hold a role that approves (they see what they decided and hold). With the
   * webapps' session, its CSRF token: the webapps keep it in a cookie of {@code /camunda} only, and the pages under
   * {@code /my/} need it to withdraw a request (null with HTTP Basic, which needs none).
   */
  record Me(String userId, String name, boolean approver, Map<String, List<String>> flows, List<StateChoice> states,
      Map<String, String> outcomes, String csrfToken) {
  }

  record StateChoice(String code, String label, String labelEn) {
  }

  /** A record of the request as its requester reads it: numbered within the request, without auditor-only fields. */
  record Entry(int number, OffsetDateTime occurredAt, String stepName, String stepKindLabel, String actorName,
      String actingRoleLabel, String outcome, String outcomeLabel, String comment, List<String> clauses,
      String submittedValues) {
  }

  record MyAttachment(String name, String description, String type, OffsetDateTime createdAt, String downloadUrl,
      String externalUrl) {
  }

  record PathStep(String activityId, String activityName, OffsetDateTime startTime, OffsetDateTime endTime) {
  }

  record Timeline(Item request, List<Entry> records, List<MyAttachment> attachments, List<PathStep> path,
      boolean historyAvailable, String diagramUrl) {
  }

  /** No login reached the controller. */
  static class NotAuthenticated extends RuntimeException {
    NotAuthenticated() {
      super("ログインが必要です (login required)");
    }
  }

  /** A parameter names another person. */
  static class OthersData extends RuntimeException {
    OthersData() {
      super("他の人の申請は参照できません (only your own requests are listed)");
    }
  }

  private final IdentityService identityService;
  private final MyRequests requests;
  private final RequestSearch search;
  private final EngineHistory engine;
  private final AuditAccess access;
  private final OrganisationService organisation;
  private final ZoneId zone;

  MyRequestsController(IdentityService identityService, MyRequests requests, RequestSearch search,
      EngineHistory engine, AuditAccess access, OrganisationService organisation, ZoneId zone) {
    this.identityService = identityService;
    this.requests = requests;
    this.search = search;
    this.engine = engine;
    this.access = access;
    this.organisation = organisation;
    this.zone = zone;
  }

  /** What one reads of one's own requests must not stay in a shared browser's or proxy's cache. */
  @ModelAttribute
  void noStore(HttpServletResponse response) {
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
  }

  @GetMapping
  Me me(HttpServletRequest request) {
    CurrentUser user = user();
    List<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
    boolean approver = groups.stream().anyMatch(group -> Arrays.stream(Role.values())
        .anyMatch(role -> group.equals(role.groupPrefix()) || group.startsWith(role.groupPrefix() + ".")));
    return new Me(user.getUserId(), organisation.displayName(user.getUserId()), approver, requests.flowNames(),
        Arrays.stream(MyRequests.State.values()).map(s -> new StateChoice(s.name(), s.label, s.labelEn)).toList(),
        DECISIONS.stream().collect(Collectors.toMap(code -> code, AuditLabels.OUTCOMES::get, (a, b) -> a,
            LinkedHashMap::new)), csrfToken(request));
  }

  private static String csrfToken(HttpServletRequest request) {
    HttpSession session = request.getHeader(HttpHeaders.AUTHORIZATION) == null ? request.getSession(false) : null;
    return session != null && session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME) instanceof String token
        ? token : null;
  }

  @GetMapping("/requests")
  MyRequests.ItemPage list(@RequestParam Map<String, String> parameters) {
    String me = own(parameters);
    AuditQueryParameters p = new AuditQueryParameters(parameters, zone);
    return requests.requests(me, Criteria.of(p), p.page(), p.size());
  }

  /** The whole list (as filtered) as CSV, as the auditor's exports: UTF-8 with BOM, Japanese headers, RFC 4180. */
  @GetMapping("/requests.csv")
  void csv(HttpServletResponse response, @RequestParam Map<String, String> parameters) throws IOException {
    String me = own(parameters);
    Criteria criteria = Criteria.of(new AuditQueryParameters(parameters, zone));
    String name = "申請一覧_" + me + "_" + LocalDate.now(zone).format(DateTimeFormatter.BASIC_ISO_DATE)
        + ".csv";
    response.setContentType("text/csv; charset=UTF-8");
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
        ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString());
    CsvWriter csv = new CsvWriter(response.getOutputStream());
    csv.row(CSV_HEADER);
    requests.forEach(me, criteria, item -> csv.row(csvRow(item)));
    csv.flush();
  }

  @GetMapping("/requests/{businessKey}")
  Timeline timeline(@PathVariable String businessKey) {
    String me = user().getUserId();
    RequestSummary summary = own(me, businessKey);
    Item item = requests.request(me, businessKey);
    List<RecordView> records = search.timeline(businessKey);
    List<Entry> entries = new ArrayList<>();
    for (RecordView r : records) {
      entries.add(new Entry(entries.size() + 1, r.occurredAt(), r.stepName(), r.stepKindLabel(), r.actorName(),
          r.actingRoleLabel(), r.outcome(), r.outcomeLabel(), r.comment(), r.clauses(),
          // what the requester entered; what an approver entered is theirs (the decision and comment are shown)
          me.equals(r.actor()) ? r.submittedValues() : null));
    }
    return access.unrestricted(() -> {
      EngineHistory.Instance instance = engine.instance(summary.processInstanceId());
      boolean history = instance != null;
      String definitionId = engine.processDefinitionId(instance, summary.flowKey(), summary.flowVersion());
      List<MyAttachment> attachments = !history ? List.of()
          : engine.attachments(businessKey, summary.processInstanceId()).stream()
              .map(a -> new MyAttachment(a.name(), a.description(), a.type(), a.createdAt(),
                  a.downloadUrl() == null ? null : "/api/my/requests/" + businessKey + "/attachments/" + a.id(),
                  a.externalUrl()))
              .toList();
      List<PathStep> path = !history ? List.of() : engine.path(summary.processInstanceId()).stream()
          .map(s -> new PathStep(s.activityId(), s.activityName(), s.startTime(), s.endTime())).toList();
      return new Timeline(item, entries, attachments, path, history,
          definitionId == null ? null : "/api/my/requests/" + businessKey + "/diagram");
    });
  }

  /** The BPMN XML of the version the request ran on. */
  @GetMapping("/requests/{businessKey}/diagram")
  ResponseEntity<byte[]> diagram(@PathVariable String businessKey) {
    RequestSummary summary = own(user().getUserId(), businessKey);
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
      throw new AuditRequestController.NotFound("この申請のフロー図は見つかりません: " + businessKey);
    }
    return ResponseEntity.ok().contentType(new MediaType("application", "xml", StandardCharsets.UTF_8)).body(xml);
  }

  @GetMapping("/requests/{businessKey}/attachments/{attachmentId}")
  void attachment(HttpServletResponse response, @PathVariable String businessKey, @PathVariable String attachmentId)
      throws IOException {
    RequestSummary summary = own(user().getUserId(), businessKey);
    Attachment attachment = access.unrestricted(() -> engine.attachment(summary.processInstanceId(), attachmentId));
    if (attachment == null || attachment.getUrl() != null) {
      throw new AuditRequestController.NotFound("この申請にその添付ファイルはありません: " + attachmentId);
    }
    AttachmentDownload.send(attachment, access.unrestricted(() -> engine.content(attachment)), response);
  }

  /** The approval decisions the user took (承認・却下・差し戻し), newest first. */
  @GetMapping("/decisions")
  RequestSearch.Page<MyRequests.DecisionTaken> decisions(@RequestParam Map<String, String> parameters) {
    String me = own(parameters);
    AuditQueryParameters p = new AuditQueryParameters(parameters, zone);
    String outcome = p.code("outcome", "結果");
    if (outcome != null && !DECISIONS.contains(outcome)) {
      throw new AuditQueryParameters.BadQuery("結果は APPROVED・REJECTED・SENT_BACK のいずれかで指定してください: " + outcome);
    }
    return requests.decisions(me, outcome, p.startOfDay("from", "期間の開始日"), p.endOfDay("to", "期間の終了日"),
        p.page(), p.size());
  }

  /** The steps of other people's requests the user holds now (assigned, or offered to their role). */
  @GetMapping("/tasks")
  List<MyRequests.HeldStep> tasks() {
    CurrentUser user = user();
    return requests.held(user.getUserId(), user.getGroupIds() == null ? List.of() : user.getGroupIds());
  }

  private List<String> csvRow(Item item) {
    String steps = item.waitingFor().stream().map(this::stepName).collect(Collectors.joining(" / "));
    String holders = item.waitingFor().stream().map(MyRequestsController::holders)
        .collect(Collectors.joining(" / "));
    MyRequests.Decision d = item.lastDecision();
    return Arrays.asList(item.businessKey(), item.flowName(), time(item.filedAt()), item.classificationLabel(),
        item.stateLabel(), steps, holders, d == null ? null : d.outcomeLabel(), d == null ? null : d.actorName(),
        d == null ? null : time(d.at()), d == null ? null : d.comment());
  }

  private String stepName(MyRequests.OpenStep step) {
    return step.name() + (step.dueAt() == null ? "" : " (期限 " + time(step.dueAt()) + ")");
  }

  /** 伊藤 直樹 (部門責任者 (開発設計部)); the requester themselves for their own step. */
  static String holders(MyRequests.OpenStep step) {
    if (step.yours()) {
      return "申請者 (あなた)";
    }
    String people = step.assigneeName() != null ? step.assigneeName() : String.join("・", step.holders());
    return step.roleLabel() == null ? people : people + " (" + step.roleLabel() + ")";
  }

  private String time(OffsetDateTime time) {
    return time == null ? null : CSV_TIME.format(time.atZoneSameInstant(zone));
  }

  private CurrentUser user() {
    CurrentUser authentication = CurrentUser.of(identityService);
    if (authentication == null || authentication.getUserId() == null) {
      throw new NotAuthenticated();
    }
    return authentication;
  }

  /** The caller's id; a parameter naming anyone else is refused. */
  private String own(Map<String, String> parameters) {
    String me = user().getUserId();
    for (String name : List.of("requester", "user", "approver")) {
      String value = parameters.get(name);
      if (value != null && !value.isBlank() && !value.trim().equals(me)) {
        throw new OthersData();
      }
    }
    return me;
  }

  /** The request if the caller filed it; anything else is not found, as a number nobody filed. */
  private RequestSummary own(String me, String businessKey) {
    RequestSummary summary = BUSINESS_KEY.matcher(businessKey).matches() ? search.request(businessKey) : null;
    if (summary == null || !me.equals(summary.requester())) {
      throw new AuditRequestController.NotFound("申請番号 " + businessKey + " のあなたの申請はありません"
          + " (no request of yours has this number)");
    }
    return summary;
  }

  @ExceptionHandler(NotAuthenticated.class)
  ResponseEntity<Map<String, String>> notAuthenticated(NotAuthenticated e) {
    return answer(HttpStatus.UNAUTHORIZED, e.getMessage());
  }

  @ExceptionHandler(OthersData.class)
  ResponseEntity<Map<String, String>> othersData(OthersData e) {
    return answer(HttpStatus.FORBIDDEN, e.getMessage());
  }

  @ExceptionHandler(AuditQueryParameters.BadQuery.class)
  ResponseEntity<Map<String, String>> badQuery(AuditQueryParameters.BadQuery e) {
    return answer(HttpStatus.BAD_REQUEST, e.getMessage());
  }

  @ExceptionHandler(AuditRequestController.NotFound.class)
  ResponseEntity<Map<String, String>> notFound(AuditRequestController.NotFound e) {
    return answer(HttpStatus.NOT_FOUND, e.getMessage());
  }

  private static ResponseEntity<Map<String, String>> answer(HttpStatus status, String message) {
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of("message", message));
  }
}
