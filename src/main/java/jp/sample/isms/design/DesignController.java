package jp.sample.isms.design;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/design}: the workbench's REST side (1.4) for process owners only — the deployed models and their
 * versions, checks, dry run, proposals of a {@code modelRevision} and the current regulation revision.
 */
@RestController
@RequestMapping("/api/design")
class DesignController {

  record FilesRequest(List<ModelFile> files) {
  }

  record ProposalRequest(List<ModelFile> files, String reason, String clauses, Boolean procedureChange) {
  }

  record Findings(List<Finding> findings) {
  }

  record Proposal(String businessKey, String processInstanceId) {
  }

  record RevisionAnswer(String revision, OffsetDateTime approvedAt, String businessKey) {
  }

  /** A request the workbench refuses with 400: Japanese and English message, the field and any findings. */
  static class BadDesignRequest extends RuntimeException {
    final String messageEn;
    final String field;
    final transient List<Finding> findings;

    BadDesignRequest(String message, String messageEn, String field, List<Finding> findings) {
      super(message);
      this.messageEn = messageEn;
      this.field = field;
      this.findings = findings;
    }
  }

  /** 404 for a model or version that does not exist. */
  static class NotFound extends RuntimeException {
    NotFound() {
      super("そのモデルまたは版はありません");
    }
  }

  private final DesignAccess access;
  private final DesignModels models;
  private final ModelChecks checks;
  private final DryRun dryRun;
  private final ModelRevisionFiling filing;
  private final RegulationRevisions revisions;

  DesignController(DesignAccess access, DesignModels models, ModelChecks checks, DryRun dryRun,
      ModelRevisionFiling filing, RegulationRevisions revisions) {
    this.access = access;
    this.models = models;
    this.checks = checks;
    this.dryRun = dryRun;
    this.filing = filing;
    this.revisions = revisions;
  }

  @GetMapping("/models")
  List<DesignModels.Model> models() {
    access.processOwner();
    return models.models();
  }

  @GetMapping("/models/{kind}/{key}/versions/{version}")
  DesignModels.Content version(@PathVariable String kind, @PathVariable String key, @PathVariable int version) {
    access.processOwner();
    return content(kind, key, version);
  }

  @GetMapping("/models/{kind}/{key}/versions/{version}/download")
  ResponseEntity<byte[]> download(@PathVariable String kind, @PathVariable String key, @PathVariable int version) {
    access.processOwner();
    DesignModels.Content content = content(kind, key, version);
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(content.name(), StandardCharsets.UTF_8).build().toString())
        .contentType(content.name().endsWith(".form") ? MediaType.APPLICATION_JSON : MediaType.APPLICATION_XML)
        .body(content.content().getBytes(StandardCharsets.UTF_8));
  }

  @PostMapping("/checks")
  Findings check(@RequestBody FilesRequest request) {
    access.processOwner();
    return new Findings(checks.check(files(request == null ? null : request.files())));
  }

  @PostMapping("/dry-run")
  DryRun.Result dryRun(@RequestBody FilesRequest request) {
    access.processOwner();
    return dryRun.run(files(request == null ? null : request.files()));
  }

  @PostMapping("/proposals")
  ResponseEntity<Proposal> propose(@RequestBody ProposalRequest request) {
    String user = access.processOwner();
    if (request == null) {
      throw new BadDesignRequest("申請の内容がありません", "The request has no body", "files", null);
    }
    List<ModelFile> files = files(request.files());
    ModelRevisionFiling.Filed filed = filing.file(user, files, request.reason(), request.clauses(),
        Boolean.TRUE.equals(request.procedureChange()));
    return ResponseEntity.status(HttpStatus.CREATED).body(new Proposal(filed.businessKey(),
        filed.processInstanceId()));
  }

  @GetMapping("/revision")
  RevisionAnswer revision() {
    access.processOwner();
    RegulationRevisions.Revision current = revisions.current();
    return new RevisionAnswer(current.revision(), current.approvedAt(), current.businessKey());
  }

  private DesignModels.Content content(String kind, String key, int version) {
    ModelKind modelKind = ModelKind.parse(kind);
    DesignModels.Content content = modelKind == null ? null : models.content(modelKind, key, version);
    if (content == null) {
      throw new NotFound();
    }
    return content;
  }

  private static List<ModelFile> files(List<ModelFile> files) {
    if (files == null || files.isEmpty()) {
      throw new BadDesignRequest("ファイルがありません", "No files", "files", null);
    }
    for (ModelFile file : files) {
      if (file == null || file.name() == null || file.name().isBlank() || file.content() == null
          || file.content().isBlank()) {
        throw new BadDesignRequest("ファイルの名前と内容が必要です", "Each file needs a name and content", "files", null);
      }
      if (file.kind() == null) {
        throw new BadDesignRequest("ファイルの種類は .bpmn、.dmn、.form のいずれかです (" + file.name() + ")",
            "A file must be .bpmn, .dmn or .form (" + file.name() + ")", "files", null);
      }
    }
    return files;
  }

  @ExceptionHandler(DesignAccess.NotAuthenticated.class)
  ResponseEntity<Map<String, Object>> notAuthenticated(DesignAccess.NotAuthenticated e) {
    return error(HttpStatus.UNAUTHORIZED, e.getMessage(), "Login required", null, null);
  }

  @ExceptionHandler(DesignAccess.Denied.class)
  ResponseEntity<Map<String, Object>> denied(DesignAccess.Denied e) {
    return error(HttpStatus.FORBIDDEN, e.getMessage(), "Process owners only (1.4)", null, null);
  }

  @ExceptionHandler(NotFound.class)
  ResponseEntity<Map<String, Object>> notFound(NotFound e) {
    return error(HttpStatus.NOT_FOUND, e.getMessage(), "No such model or version", null, null);
  }

  @ExceptionHandler(BadDesignRequest.class)
  ResponseEntity<Map<String, Object>> bad(BadDesignRequest e) {
    return error(HttpStatus.BAD_REQUEST, e.getMessage(), e.messageEn, e.field, e.findings);
  }

  @ExceptionHandler(jp.sample.isms.approval.RequestValidationException.class)
  ResponseEntity<Map<String, Object>> invalid(jp.sample.isms.approval.RequestValidationException e) {
    String field = e.errors().isEmpty() ? null : e.errors().get(0).field();
    String message = e.errors().stream().map(jp.sample.isms.approval.ValidationErrors.Error::message)
        .collect(java.util.stream.Collectors.joining("; "));
    return error(HttpStatus.BAD_REQUEST, message, message, field, null);
  }

  @ExceptionHandler(org.springframework.http.converter.HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(Exception e) {
    return error(HttpStatus.BAD_REQUEST, "JSON を読めません", "The JSON body cannot be read", null, null);
  }

  private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message, String messageEn,
      String field, List<Finding> findings) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", message);
    body.put("errorEn", messageEn);
    body.put("message", message);
    if (field != null) {
      body.put("field", field);
    }
    if (findings != null) {
      body.put("findings", findings);
    }
    return ResponseEntity.status(status).header(HttpHeaders.CACHE_CONTROL, "no-store")
        .contentType(MediaType.APPLICATION_JSON).body(body);
  }
}
