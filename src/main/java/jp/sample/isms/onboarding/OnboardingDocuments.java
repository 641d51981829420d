package jp.sample.isms.onboarding;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Attachment;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import jp.sample.isms.attachment.AttachmentKinds;
import jp.sample.isms.engine.EngineInternals;

/**
 * 2.1: the signed confidentiality undertaking, attached to the onboarding request in the 添付ファイル tab with the
 * kind {@code CONFIDENTIALITY_UNDERTAKING} (the kernel checks format and size at upload). The newest one counts.
 */
@Component
class OnboardingDocuments implements AttachmentKinds {

  static final String UNDERTAKING = "CONFIDENTIALITY_UNDERTAKING";

  /** The undertaking as attached: its attachment id and the SHA-256 of its content. */
  record Undertaking(String attachmentId, String sha256) {
  }

  private final TaskService taskService;

  // lazy: the flow's rules are built before the engine whose service this is
  OnboardingDocuments(@Lazy TaskService taskService) {
    this.taskService = taskService;
  }

  @Override
  public String processKey() {
    return OnboardingProcess.KEY;
  }

  @Override
  public List<Kind> kinds() {
    return List.of(new Kind(UNDERTAKING, "秘密保持誓約書 (署名済み)", "Signed confidentiality undertaking"));
  }

  Optional<Undertaking> undertaking(String processInstanceId) {
    if (processInstanceId == null) {
      return Optional.empty();
    }
    List<Attachment> attachments = new ArrayList<>(withoutAuthorization(
        () -> taskService.getProcessInstanceAttachments(processInstanceId)));
    attachments.sort((a, b) -> b.getCreateTime().compareTo(a.getCreateTime()));
    return attachments.stream().filter(a -> UNDERTAKING.equals(a.getType())).findFirst()
        .map(a -> new Undertaking(a.getId(), sha256(a.getId())));
  }

  private String sha256(String attachmentId) {
    byte[] content = withoutAuthorization(() -> {
      try (InputStream in = taskService.getAttachmentContent(attachmentId)) {
        return in == null ? new byte[0] : in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
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
