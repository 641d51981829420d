package jp.sample.isms.mediadisposal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.task.Attachment;
import org.springframework.stereotype.Component;

import jp.sample.isms.attachment.AttachedDocuments;
import jp.sample.isms.attachment.AttachmentFormat;

/**
 * The certificate of destruction of 3.3.1 (破壊又はデータの完全消去を実行したことの証明書): an attachment of the request's
 * process instance, declared as PDF, PNG or JPEG by its type or file name, whose content passes the kernel's document
 * check ({@link AttachedDocuments}: really that format, at most 10 MB). A renamed text file or an oversized scan does
 * not count.
 */
@Component
class DestructionCertificates {

  static final int MAX_BYTES = AttachedDocuments.MAX_BYTES;

  /** The accepted certificate (null when none) and why the other attachments were not accepted. */
  record Check(Attachment certificate, String sha256, List<String> problems) {

    boolean found() {
      return certificate != null;
    }
  }

  private final AttachedDocuments documents;

  DestructionCertificates(AttachedDocuments documents) {
    this.documents = documents;
  }

  /** Looks through the attachments of the request for a valid certificate; the newest valid one wins. */
  Check check(String processInstanceId) {
    List<String> problems = new ArrayList<>();
    for (Attachment attachment : documents.newestFirst(processInstanceId)) {
      String label = AttachedDocuments.label(attachment);
      Optional<AttachmentFormat> byType = AttachmentFormat.declaredBy(attachment.getType());
      Optional<AttachmentFormat> byName = AttachmentFormat.declaredBy(attachment.getName());
      if (byType.isEmpty() && byName.isEmpty()) {
        problems.add(label + "は PDF・PNG・JPEG ではありません");
        continue;
      }
      if (byType.isPresent() && byName.isPresent() && byType.get() != byName.get()) {
        problems.add(label + "の種類 (" + attachment.getType() + ") とファイル名が一致しません");
        continue;
      }
      AttachedDocuments.Examined examined = documents.examine(attachment, byType.orElseGet(byName::get));
      if (examined.accepted()) {
        return new Check(attachment, examined.sha256(), problems);
      }
      problems.add(examined.problem());
    }
    return new Check(null, null, problems);
  }
}
