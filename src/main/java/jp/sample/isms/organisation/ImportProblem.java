package jp.sample.isms.organisation;

/**
 * Why an organisation file cannot be imported: the line (1 = the first line of the file; 0 = the file as a whole),
 * the field and the reason, Japanese first.
 */
public record ImportProblem(int line, String field, String message) {

  @Override
  public String toString() {
    return (line > 0 ? line + "行目 (line " + line + ")" : "ファイル (file)") + " " + field + ": " + message;
  }
}
