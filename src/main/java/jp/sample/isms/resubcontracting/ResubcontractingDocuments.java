package jp.sample.isms.resubcontracting;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Attachment;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.AttachmentKinds;
import jp.sample.isms.engine.EngineInternals;

/**
 * The documents of 8.1.5, attached to the request through the engine's attachment API: the attachment's type names
 * the document ({@code PRIOR_REPORT}, {@code CONTRACT_EXTRACT}, {@code SELECTION_CRITERIA}, {@code CERTIFICATION}),
 * its name is the file name, a PDF, PNG or JPEG whose content really is that format (its magic bytes) and at most
 * 10 MB. The prior written report, the contract draft extract and the selection criteria are always required; the
 * certificate when the re-subcontractor holds a certification.
 */
@Component
class ResubcontractingDocuments implements AttachmentKinds {

  static final int MAX_BYTES = 10 * 1024 * 1024;

  /** The documents 8.1.5 names, by attachment type. */
  enum Kind {
    PRIOR_REPORT("委託先からの事前の書面による報告", "Contractor's prior written report"),
    CONTRACT_EXTRACT("委託先と再委託先との契約書案の写し (情報セキュリティに関連する部分)",
        "Copy of the draft contract with the re-subcontractor (information-security part)"),
    SELECTION_CRITERIA("再委託先の選定基準", "Selection criteria of the re-subcontractor"),
    CERTIFICATION("再委託先の認証・認定の証書の写し", "Copy of the re-subcontractor's certification");

    private final String label;
    private final String labelEn;

    Kind(String label, String labelEn) {
      this.label = label;
      this.labelEn = labelEn;
    }

    String label() {
      return label;
    }

    static Kind of(String type) {
      if (type == null) {
        return null;
      }
      try {
        return valueOf(type.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
  }

  /** A format a document may have, with the bytes its content starts with. */
  enum Format {
    PDF(new byte[] {'%', 'P', 'D', 'F'}, "pdf"),
    PNG(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, "png"),
    JPEG(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, "jpg", "jpeg");

    private final byte[] magic;
    private final List<String> extensions;

    Format(byte[] magic, String... extensions) {
      this.magic = magic;
      this.extensions = List.of(extensions);
    }

    /** The format a file name declares by its extension; null when none of ours. */
    static Format declaredBy(String fileName) {
      if (fileName == null || fileName.lastIndexOf('.') < 0) {
        return null;
      }
      String extension = fileName.substring(fileName.lastIndexOf('.') + 1).trim().toLowerCase(Locale.ROOT);
      return Arrays.stream(values()).filter(f -> f.extensions.contains(extension)).findFirst().orElse(null);
    }

    boolean starts(byte[] content) {
      return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }
  }

  /** One accepted document. */
  record Accepted(Kind kind, String attachmentId, String name, String sha256) {
  }

  /** The accepted documents, the required ones missing, and why other attachments were not accepted. */
  record Check(Map<Kind, Accepted> accepted, List<Kind> missing, List<String> problems) {

    boolean complete() {
      return missing.isEmpty();
    }
  }

  private final TaskService taskService;

  // lazy: the flow's rules are built before the engine whose service this is
  ResubcontractingDocuments(@Lazy TaskService taskService) {
    this.taskService = taskService;
  }

  @Override
  public String processKey() {
    return "resubcontracting";
  }

  /** The 添付ファイル tab offers these as the 種類 of an upload; the certificate only when there is a certification. */
  @Override
  public List<AttachmentKinds.Kind> kinds() {
    return Arrays.stream(Kind.values()).map(k -> new AttachmentKinds.Kind(k.name(),
        k == Kind.CERTIFICATION ? k.label + " (認証・認定がある場合)" : k.label, k.labelEn)).toList();
  }

  static List<Kind> required(boolean certified) {
    return certified ? List.of(Kind.values())
        : List.of(Kind.PRIOR_REPORT, Kind.CONTRACT_EXTRACT, Kind.SELECTION_CRITERIA);
  }

  /** Looks through the request's attachments; for each document the newest valid attachment wins. */
  Check check(String processInstanceId, boolean certified) {
    Map<Kind, Accepted> accepted = new EnumMap<>(Kind.class);
    List<String> problems = new ArrayList<>();
    if (processInstanceId != null) {
      List<Attachment> attachments = new ArrayList<>(withoutAuthorization(
          () -> taskService.getProcessInstanceAttachments(processInstanceId)));
      attachments.sort((a, b) -> b.getCreateTime().compareTo(a.getCreateTime()));
      for (Attachment attachment : attachments) {
        Kind kind = Kind.of(attachment.getType());
        String label = "添付「" + (attachment.getName() == null ? attachment.getId() : attachment.getName()) + "」";
        if (kind == null) {
          problems.add(label + "の種類 (" + attachment.getType() + ") は PRIOR_REPORT・CONTRACT_EXTRACT・"
              + "SELECTION_CRITERIA・CERTIFICATION のいずれでもありません");
          continue;
        }
        if (accepted.containsKey(kind)) {
          continue;
        }
        String problem = problem(attachment, label);
        if (problem != null) {
          problems.add(problem);
        } else {
          accepted.put(kind, new Accepted(kind, attachment.getId(), attachment.getName(), sha256(content(attachment))));
        }
      }
    }
    List<Kind> missing = required(certified).stream().filter(k -> !accepted.containsKey(k)).toList();
    return new Check(accepted, missing, problems);
  }

  private String problem(Attachment attachment, String label) {
    Format declared = Format.declaredBy(attachment.getName());
    if (declared == null) {
      return label + "は PDF・PNG・JPEG のファイル名 (.pdf .png .jpg) ではありません";
    }
    byte[] content = content(attachment);
    if (content == null || content.length == 0) {
      return label + "に内容がありません";
    }
    if (content.length > MAX_BYTES) {
      return label + "は 10MB を超えています";
    }
    if (!declared.starts(content)) {
      return label + "の内容は " + declared + " ではありません";
    }
    return null;
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

  /** The rule is the flow's: whoever completes the step, the request's attachments are read as the system. */
  private static <T> T withoutAuthorization(Callable<T> read) {
    return EngineInternals.withoutAuthorization(read);
  }
}
