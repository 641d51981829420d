package jp.sample.isms.accountrequest;

/** The information systems of 5.1.2 and 5.1.4 whose accounts are requested through this flow. */
enum AccountSystem {
  FILE_SERVER("ファイルサーバー"),
  INTERNAL_SYSTEM_A("社内システムＡ"),
  INTERNAL_DB_A("社内データベースＡ"),
  INTERNAL_MAIL("内部メール"),
  EXTERNAL_MAIL("外部メール");

  private final String label;

  AccountSystem(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }

  static AccountSystem of(String value) {
    try {
      return value == null ? null : valueOf(value);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The label of a system code, or the code itself when it is not one of ours. */
  static String labelOf(String value) {
    AccountSystem system = of(value);
    return system == null ? value : system.label();
  }
}
