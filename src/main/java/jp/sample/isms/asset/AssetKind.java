package jp.sample.isms.asset;

/** The kinds of 3.1.2, each with where its importance is shown. */
public enum AssetKind {
  ELECTRONIC_DATA("電子データ", "保存先サーバーのフォルダー名"),
  DOCUMENT("書類", "保管先キャビネット・ファイル・バインダー"),
  OBJECT("物", "物そのもの、もしくは保管容器");

  private final String label;
  private final String labelledOn;

  AssetKind(String label, String labelledOn) {
    this.label = label;
    this.labelledOn = labelledOn;
  }

  public String label() {
    return label;
  }

  /** Where 3.1.2 has the importance shown for this kind. */
  public String labelledOn() {
    return labelledOn;
  }

  static AssetKind of(String code) {
    for (AssetKind kind : values()) {
      if (kind.name().equals(code)) {
        return kind;
      }
    }
    return null;
  }
}
