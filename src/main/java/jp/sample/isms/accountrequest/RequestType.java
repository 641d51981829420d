package jp.sample.isms.accountrequest;

/** What an account request asks for (5.1.5 新設・変更, 5.1.7 削除). */
enum RequestType {
  CREATE("新設"),
  CHANGE("変更"),
  DELETE("削除");

  private final String label;

  RequestType(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }

  static RequestType of(String value) {
    try {
      return value == null ? null : valueOf(value);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
