package jp.sample.isms.design;

import java.util.Locale;

/** The kinds of model a process owner changes, told apart by the file name's extension. */
public enum ModelKind {
  BPMN(".bpmn"),
  DMN(".dmn"),
  FORM(".form");

  private final String extension;

  ModelKind(String extension) {
    this.extension = extension;
  }

  public String extension() {
    return extension;
  }

  /** The kind of a file name, or null when the extension is none of the three. */
  public static ModelKind ofFileName(String name) {
    if (name == null) {
      return null;
    }
    String lower = name.toLowerCase(Locale.ROOT);
    for (ModelKind kind : values()) {
      if (lower.endsWith(kind.extension)) {
        return kind;
      }
    }
    return null;
  }

  /** {@code bpmn}, {@code BPMN} → BPMN; null when unknown. */
  public static ModelKind parse(String text) {
    for (ModelKind kind : values()) {
      if (kind.name().equalsIgnoreCase(text)) {
        return kind;
      }
    }
    return null;
  }
}
