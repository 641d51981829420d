package jp.sample.isms.design;

/** A model file as the page or a client sends it: its file name and its text (XML, or JSON for a form). */
public record ModelFile(String name, String content) {

  public ModelKind kind() {
    return ModelKind.ofFileName(name);
  }
}
