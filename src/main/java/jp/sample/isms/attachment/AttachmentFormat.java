package jp.sample.isms.attachment;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The formats a request's attachment may have (PDF, PNG, JPEG): the MIME type, the file name extensions and the bytes
 * the content starts with. The upload checks all three; a download takes its content type from here.
 */
public enum AttachmentFormat {
  PDF("application/pdf", new byte[] {'%', 'P', 'D', 'F'}, "pdf"),
  PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}, "png"),
  JPEG("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, "jpg", "jpeg");

  final String mimeType;
  private final byte[] magic;
  private final List<String> extensions;

  AttachmentFormat(String mimeType, byte[] magic, String... extensions) {
    this.mimeType = mimeType;
    this.magic = magic;
    this.extensions = List.of(extensions);
  }

  /**
   * The content type to send an attachment with: its type when that is one of ours, else (a document of a declared
   * kind, whose type is the kind) the one its file name says; empty when neither is ours.
   */
  public static Optional<String> contentTypeOf(String type, String fileName) {
    return ofType(type).or(() -> ofName(fileName)).map(format -> format.mimeType);
  }

  static Optional<AttachmentFormat> ofName(String fileName) {
    if (fileName == null || !fileName.contains(".")) {
      return Optional.empty();
    }
    String extension = fileName.substring(fileName.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(f -> f.extensions.contains(extension)).findFirst();
  }

  static Optional<AttachmentFormat> ofType(String mimeType) {
    if (mimeType == null || mimeType.isBlank() || "application/octet-stream".equals(mimeType)) {
      return Optional.empty();
    }
    String type = mimeType.toLowerCase(Locale.ROOT).split(";")[0].trim();
    return Arrays.stream(values()).filter(f -> f.mimeType.equals(type) || ("image/jpg".equals(type) && f == JPEG))
        .findFirst();
  }

  /**
   * The format a MIME type, a bare extension ({@code pdf}) or a file name declares; empty when none of ours. For an
   * attachment whose engine type says its format.
   */
  public static Optional<AttachmentFormat> declaredBy(String typeOrName) {
    if (typeOrName == null || typeOrName.isBlank()) {
      return Optional.empty();
    }
    String text = typeOrName.trim();
    return text.contains("/") ? ofType(text) : ofName(text.contains(".") ? text : "." + text);
  }

  /** The format a file name declares by its extension; empty when none of ours. */
  public static Optional<AttachmentFormat> declaredByName(String fileName) {
    return ofName(fileName);
  }

  public boolean starts(byte[] content) {
    return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
  }
}
