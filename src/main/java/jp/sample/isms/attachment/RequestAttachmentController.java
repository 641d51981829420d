package jp.sample.isms.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.task.Attachment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import jp.sample.isms.engine.CurrentUser;

/**
 * {@code /api/requests/{processInstanceOrBusinessKey}/attachments}: the 添付ファイル tab of Tasklist (and any client
 * with HTTP Basic) lists, downloads, uploads ({@code multipart/form-data}: {@code file}, optional {@code taskId}, and
 * {@code kind} for flows that declare kinds of document, listed by {@code GET …/attachments/kinds}) and removes the
 * attachments of a request.
 */
@RestController
@RequestMapping("/api/requests/{request}/attachments")
class RequestAttachmentController {

  private final RequestAttachments attachments;
  private final IdentityService identityService;

  RequestAttachmentController(RequestAttachments attachments, IdentityService identityService) {
    this.attachments = attachments;
    this.identityService = identityService;
  }

  @GetMapping
  List<RequestAttachments.Item> list(@PathVariable String request) {
    return attachments.list(attachments.request(request), user());
  }

  /** The kinds of document the request's flow asks for (empty: any PDF, PNG or JPEG without a kind). */
  @GetMapping("/kinds")
  List<AttachmentKinds.Kind> kinds(@PathVariable String request) {
    return attachments.kinds(attachments.request(request), user());
  }

  @GetMapping("/{attachmentId}")
  ResponseEntity<byte[]> download(@PathVariable String request, @PathVariable String attachmentId) throws IOException {
    Attachment attachment = attachments.attachment(attachments.request(request), attachmentId, user());
    byte[] content;
    try (InputStream in = attachments.content(attachment)) {
      content = in == null ? new byte[0] : in.readAllBytes();
    }
    MediaType type = AttachmentFormat.contentTypeOf(attachment.getType(), attachment.getName())
        .map(MediaType::parseMediaType).orElse(MediaType.APPLICATION_OCTET_STREAM);
    String name = attachment.getName() == null ? attachment.getId() : attachment.getName();
    return ResponseEntity.ok().contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename*=UTF-8''"
            + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"))
        .header("X-Content-Type-Options", "nosniff")
        .body(content);
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Transactional
  ResponseEntity<RequestAttachments.Item> upload(@PathVariable String request,
      @RequestParam(value = "file", required = false) MultipartFile file,
      @RequestParam(value = "taskId", required = false) String taskId,
      @RequestParam(value = "kind", required = false) String kind) throws IOException {
    CurrentUser user = user();
    RequestAttachments.Request found = attachments.request(request);
    if (file == null) {
      throw new RequestAttachments.Refused(400, "ファイルを指定してください (file)");
    }
    if (file.getSize() > RequestAttachments.MAX_BYTES) {
      throw new RequestAttachments.Refused(400, "ファイルは 10MB 以下にしてください");
    }
    return ResponseEntity.status(HttpStatus.CREATED).body(attachments.upload(found, taskId, kind,
        file.getOriginalFilename(), file.getContentType(), file.getBytes(), user));
  }

  @DeleteMapping("/{attachmentId}")
  @Transactional
  ResponseEntity<Void> remove(@PathVariable String request, @PathVariable String attachmentId) {
    attachments.remove(attachments.request(request), attachmentId, user());
    return ResponseEntity.noContent().build();
  }

  private CurrentUser user() {
    CurrentUser user = CurrentUser.of(identityService);
    if (user == null) {
      throw new RequestAttachments.Refused(401, "ログインが必要です");
    }
    return user;
  }

  @ExceptionHandler(RequestAttachments.Refused.class)
  ResponseEntity<Map<String, String>> refused(RequestAttachments.Refused e) {
    return ResponseEntity.status(e.status).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("message", e.getMessage()));
  }
}
