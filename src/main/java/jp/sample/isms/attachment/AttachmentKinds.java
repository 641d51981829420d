package jp.sample.isms.attachment;

import java.util.List;

/**
 * The kinds of document a flow's requests carry as attachments (e.g. the documents of 8.1.5 for a re-subcontracting
 * request). A flow that declares kinds gets a 種類 selector in the 添付ファイル tab; every upload to its requests must
 * name one, and the attachment's type is the kind's code, which is how the flow's own rules find the document.
 * Flows without kinds keep the file's MIME type as the attachment type.
 */
public interface AttachmentKinds {

  /** The process definition key of the flow. */
  String processKey();

  /** The kinds, in the order the tab offers them. */
  List<Kind> kinds();

  /** A kind of document: its code (the attachment type) and its labels. */
  record Kind(String code, String label, String labelEn) {
  }
}
