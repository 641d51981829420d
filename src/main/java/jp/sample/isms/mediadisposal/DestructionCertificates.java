package jp.sample.isms.mediadisposal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Attachment;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The certificate of destruction of 3.3.1 (破壊又はデータの完全消去を実行したことの証明書): an attachment of the request's
 * process instance, declared as PDF, PNG or JPEG by its type or file name, whose content really is that format (its
 * magic bytes) and at most 10 MB. A renamed text file or an oversized scan does not count.
 */
@Component
class DestructionCertificates {

  static final int MAX_BYTES = 10 * 1024 * 1024;

  /** A format the certificate may have, with the bytes its content starts with. */
  enum Format {
    PDF(new byte[] {'%', 'P', 'D', 'F'}, "application/pdf", "pdf"),
    PNG(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, "image/png", "png"),
    JPEG(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, "image/jpeg", "jpg", "jpeg");

    private final byte[] magic;
    private final List<String> names;

    Format(byte[] magic, String... names) {
      this.magic = magic;
      this.names = List.of(names);
    }

    /** The format a MIME type, a bare extension or a file name declares; null when none of ours. */
    static Format declaredBy(String typeOrName) {
      if (typeOrName == null || typeOrName.isBlank()) {
        return null;
      }
      String text = typeOrName.trim().toLowerCase(Locale.ROOT);
      String extension = text.contains("/") ? text : text.substring(text.lastIndexOf('.') + 1);
      for (Format format : values()) {
        if (format.names.contains(extension) || ("image/jpg".equals(extension) && format == JPEG)) {
          return format;
        }
      }
      return null;
    }

    boolean starts(byte[] content) {
      return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }
  }

  /** The accepted certificate (null when none) and why the other attachments were not accepted. */
  record Check(Attachment certificate, String sha256, List<String> problems) {

    boolean found() {
      return certificate != null;
    }
  }

  private final TaskService taskService;

  // lazy: the flow's rules are built before the engine whose service this is
  DestructionCertificates(@Lazy TaskService taskService) {
    this.taskService = taskService;
  }

  /** Looks through the attachments of the request for a valid certificate; the newest valid one wins. */
  Check check(String processInstanceId) {
    List<String> problems = new ArrayList<>();
    if (processInstanceId == null) {
      return new Check(null, null, problems);
    }
    List<Attachment> attachments = new ArrayList<>(taskService.getProcessInstanceAttachments(processInstanceId));
    attachments.sort((a, b) -> b.getCreateTime().compareTo(a.getCreateTime()));
    for (Attachment attachment : attachments) {
      String label = "添付「" + (attachment.getName() == null ? attachment.getId() : attachment.getName()) + "」";
      Format byType = Format.declaredBy(attachment.getType());
      Format byName = Format.declaredBy(attachment.getName());
      if (byType == null && byName == null) {
        problems.add(label + "は PDF・PNG・JPEG ではありません");
        continue;
      }
      if (byType != null && byName != null && byType != byName) {
        problems.add(label + "の種類 (" + attachment.getType() + ") とファイル名が一致しません");
        continue;
      }
      Format declared = byType != null ? byType : byName;
      byte[] content = content(attachment);
      if (content == null || content.length == 0) {
        problems.add(label + "に内容がありません");
      } else if (content.length > MAX_BYTES) {
        problems.add(label + "は 10MB を超えています");
      } else if (!declared.starts(content)) {
        problems.add(label + "の内容は " + declared + " ではありません");
      } else {
        return new Check(attachment, sha256(content), problems);
      }
    }
    return new Check(null, null, problems);
  }

  private byte[] content(Attachment attachment) {
    try (InputStream in = taskService.getAttachmentContent(attachment.getId())) {
      return in == null ? null : in.readNBytes(MAX_BYTES + 1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
