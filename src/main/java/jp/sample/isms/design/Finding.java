package jp.sample.isms.design;

/** One result of the model checks: which file and element broke which rule, in Japanese and in English. */
public record Finding(Severity severity, String file, String element, String rule, String message,
    String messageEn) {

  /** An error blocks a proposal and a deployment; a warning is shown only. */
  public enum Severity { ERROR, WARNING }

  public static Finding error(String file, String element, String rule, String message, String messageEn) {
    return new Finding(Severity.ERROR, file, element, rule, message, messageEn);
  }

  public static Finding warning(String file, String element, String rule, String message, String messageEn) {
    return new Finding(Severity.WARNING, file, element, rule, message, messageEn);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** One line for logs and start-up failures: file, element, rule and both messages. */
  public String describe() {
    return severity + " " + file + (element != null ? " [" + element + "]" : "") + " " + rule + ": " + message
        + " / " + messageEn;
  }
}
