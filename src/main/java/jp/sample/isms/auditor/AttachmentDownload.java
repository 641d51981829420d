package jp.sample.isms.auditor;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import org.camunda.bpm.engine.task.Attachment;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import jakarta.servlet.http.HttpServletResponse;

import jp.sample.isms.attachment.AttachmentFormat;

/** An attachment of a request as the auditors and the requester download it. */
final class AttachmentDownload {

  private AttachmentDownload() {
  }

  /** Sends an attachment as a download: the content type of its format, never sniffed, never shown inline. */
  static void send(Attachment attachment, InputStream content, HttpServletResponse response) throws IOException {
    response.setContentType(AttachmentFormat.contentTypeOf(attachment.getType(), attachment.getName())
        .orElse(MediaType.APPLICATION_OCTET_STREAM_VALUE));
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
        .filename(attachment.getName() == null ? attachment.getId() : attachment.getName(), StandardCharsets.UTF_8)
        .build().toString());
    try (InputStream in = content; OutputStream out = response.getOutputStream()) {
      if (in != null) {
        in.transferTo(out);
      }
    }
  }
}
