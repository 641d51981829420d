package jp.sample.isms.resubcontracting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.task.Attachment;
import org.springframework.stereotype.Component;

import jp.sample.isms.attachment.AttachedDocuments;
import jp.sample.isms.attachment.AttachmentFormat;
import jp.sample.isms.attachment.AttachmentKinds;
import jp.sample.isms.engine.EngineInternals;

/**
 * The documents of 8.1.5, attached to the request through the engine's attachment API: the attachment's type names
 * the document ({@code PRIOR_REPORT}, {@code CONTRACT_EXTRACT}, {@code SELECTION_CRITERIA}, {@code CERTIFICATION}),
 * its name is the file name, a PDF, PNG or JPEG by its extension whose content passes the kernel's document check
 * ({@link AttachedDocuments}: really that format, at most 10 MB). The prior written report, the contract draft extract and the selection criteria are always required; the
 * certificate when the re-subcontractor holds a certification.
 */
@Component
class ResubcontractingDocuments implements AttachmentKinds {

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

  /** One accepted document. */
  record Accepted(Kind kind, String attachmentId, String name, String sha256) {
  }

  /** The accepted documents, the required ones missing, and why other attachments were not accepted. */
  record Check(Map<Kind, Accepted> accepted, List<Kind> missing, List<String> problems) {

    boolean complete() {
      return missing.isEmpty();
    }
  }

  private final AttachedDocuments documents;

  ResubcontractingDocuments(AttachedDocuments documents) {
    this.documents = documents;
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
    for (Attachment attachment : documents.newestFirst(processInstanceId)) {
      Kind kind = Kind.of(attachment.getType());
      String label = AttachedDocuments.label(attachment);
      if (kind == null) {
        problems.add(label + "の種類 (" + attachment.getType() + ") は PRIOR_REPORT・CONTRACT_EXTRACT・"
            + "SELECTION_CRITERIA・CERTIFICATION のいずれでもありません");
        continue;
      }
      if (accepted.containsKey(kind)) {
        continue;
      }
      Optional<AttachmentFormat> declared = AttachmentFormat.declaredByName(attachment.getName());
      if (declared.isEmpty()) {
        problems.add(label + "は PDF・PNG・JPEG のファイル名 (.pdf .png .jpg) ではありません");
        continue;
      }
      AttachedDocuments.Examined examined = documents.examine(attachment, declared.get());
      if (examined.accepted()) {
        accepted.put(kind, new Accepted(kind, attachment.getId(), attachment.getName(), examined.sha256()));
      } else {
        problems.add(examined.problem());
      }
    }
    List<Kind> missing = required(certified).stream().filter(k -> !accepted.containsKey(k)).toList();
    return new Check(accepted, missing, problems);
  }
}
