package jp.sample.isms.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Attachment;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import jp.sample.isms.engine.EngineInternals;

/**
 * The one check of a document a flow demands as an attachment of the request (a certificate of destruction, the
 * documents of a re-subcontracting): a PDF, PNG or JPEG ({@link AttachmentFormat}) whose content really is the format
 * it declares (its magic bytes), not empty and at most 10 MB, with the SHA-256 of its content for the record. How an
 * attachment declares its format and which document it is stays the flow's; the attachments are read as the system,
 * since the rule is the flow's, whoever completes the step.
 */
@Component
public class AttachedDocuments {

  public static final int MAX_BYTES = RequestAttachments.MAX_BYTES;

  /** The outcome for one attachment: accepted with the SHA-256 of its content, or the problem (Japanese). */
  public record Examined(Attachment attachment, String sha256, String problem) {

    public boolean accepted() {
      return problem == null;
    }
  }

  private final TaskService taskService;

  // lazy: the flows' rules are built before the engine whose service this is
  AttachedDocuments(@Lazy TaskService taskService) {
    this.taskService = taskService;
  }

  /** The attachments of the request, the newest first (the newest valid one of a kind wins). */
  public List<Attachment> newestFirst(String processInstanceId) {
    if (processInstanceId == null) {
      return List.of();
    }
    List<Attachment> attachments = new ArrayList<>(withoutAuthorization(
        () -> taskService.getProcessInstanceAttachments(processInstanceId)));
    attachments.sort((a, b) -> b.getCreateTime().compareTo(a.getCreateTime()));
    return attachments;
  }

  /** How the flows name an attachment in a problem: 添付「file name」. */
  public static String label(Attachment attachment) {
    return "添付「" + (attachment.getName() == null ? attachment.getId() : attachment.getName()) + "」";
  }

  /** Checks the content of an attachment that declares {@code declared}. */
  public Examined examine(Attachment attachment, AttachmentFormat declared) {
    String label = label(attachment);
    byte[] content = content(attachment);
    if (content == null || content.length == 0) {
      return new Examined(attachment, null, label + "に内容がありません");
    }
    if (content.length > MAX_BYTES) {
      return new Examined(attachment, null, label + "は 10MB を超えています");
    }
    if (!declared.starts(content)) {
      return new Examined(attachment, null, label + "の内容は " + declared + " ではありません");
    }
    return new Examined(attachment, sha256(content), null);
  }

  private byte[] content(Attachment attachment) {
    return withoutAuthorization(() -> {
      try (InputStream in = taskService.getAttachmentContent(attachment.getId())) {
        return in == null ? null : in.readNBytes(MAX_BYTES + 1);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static <T> T withoutAuthorization(Callable<T> read) {
    return EngineInternals.withoutAuthorization(read);
  }
}
