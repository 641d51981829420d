package jp.sample.isms.accountrequest;

/** The information systems of 5.1.2 and 5.1.4 whose accounts are requested through this flow. */
enum AccountSystem {
  FILE_SERVER("ファイルサーバー", true),
  INTERNAL_SYSTEM_A("社内システムＡ", true),
  INTERNAL_DB_A("社内データベースＡ", true),
  INTERNAL_MAIL("内部メール", false),
  EXTERNAL_MAIL("外部メール", false);

  private final String label;
  private final boolean holdsAssets;

  AccountSystem(String label, boolean holdsAssets) {
    this.label = label;
    this.holdsAssets = holdsAssets;
  }

  /**
   * The system keeps information assets of the 情報資産管理台帳 (folders, records, tables), so that an account's access
   * rights are for named assets (5.1.1 最小権限, 3.1.4); a mail account gives access to no asset of the register.
   */
  boolean holdsAssets() {
    return holdsAssets;
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
