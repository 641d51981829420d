package jp.sample.isms.asset;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.RequestValues;
import jp.sample.isms.approval.ValidationErrors;

/**
 * What a row of the 情報資産管理台帳 must be (3.1.1–3.1.4), whether it comes from an import or a registration request:
 * an id {@code IA-nnnn}, a kind and a classification of the regulation's tables, a criterion that belongs to the
 * classification, an owning department and a user scope the organisation knows, and a label or the note that none is
 * possible. Values are the codes ({@code INTERNAL}) or their Japanese words ({@code 社外秘}).
 */
@Component
public class AssetRules {

  public static final Pattern ASSET_ID = Pattern.compile("IA-\\d{4}");

  /** The fields of an asset, as the import's CSV header and the registration form name them. */
  public static final List<String> FIELDS = List.of("assetId", "name", "description", "kind", "location",
      "classification", "classificationReason", "ownerDepartment", "userDepartments", "userPersons", "labelling",
      "labelImpossible", "personalData", "retention", "status");

  private final JdbcTemplate jdbc;

  AssetRules(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The asset the values describe, or null with the reasons in {@code errors} (each field prefixed with
   * {@code prefix}, e.g. {@code 3行目 }).
   */
  public InformationAsset asset(Map<String, String> values, String prefix, ValidationErrors errors) {
    int before = errors.list().size();
    String assetId = text(values, "assetId");
    if (assetId == null || !ASSET_ID.matcher(assetId).matches()) {
      errors.field(prefix + "assetId", "情報資産IDは IA-0001 の形式で指定してください (" + assetId + ")");
    }
    String name = text(values, "name");
    if (name == null || name.length() > 200) {
      errors.field(prefix + "name", "名称は1〜200文字で指定してください");
    }
    String description = text(values, "description");
    if (description != null && description.length() > 1000) {
      errors.field(prefix + "description", "説明は1000文字以内にしてください");
    }
    AssetKind kind = kind(text(values, "kind"));
    if (kind == null) {
      errors.refuse(prefix + "kind", "3.1.2", "種別は 電子データ / 書類 / 物 (ELECTRONIC_DATA / DOCUMENT / OBJECT) のいずれかです ("
          + text(values, "kind") + ")");
    }
    String location = text(values, "location");
    if (location == null || location.length() > 300) {
      errors.refuse(prefix + "location", "3.1.2", "保管場所 (サーバーのフォルダー・キャビネット・保管容器) を300文字以内で指定してください");
    }
    Classification classification = classification(text(values, "classification"));
    if (classification == null) {
      errors.refuse(prefix + "classification", "3.1.1", "機密性は 公開 / 社外秘 / 極秘 (PUBLIC / INTERNAL / SECRET) のいずれかです ("
          + text(values, "classification") + ")");
    }
    ClassificationReason reason = ClassificationReason.of(text(values, "classificationReason"));
    if (reason == null || (classification != null && reason.classification() != classification)) {
      errors.refuse(prefix + "classificationReason", "3.1.1", "評価の基準が機密性の表にありません: "
          + (classification == null ? "" : classification.label() + " の基準は " + reasons(classification) + " です"));
    }
    String owner = text(values, "ownerDepartment");
    if (owner == null || !departmentExists(owner)) {
      errors.refuse(prefix + "ownerDepartment", "3.1.3", "保有部門 (管理責任者の部門) が組織にありません (" + owner + ")");
    }
    List<String> userDepartments = InformationAssets.list(text(values, "userDepartments"));
    for (String department : userDepartments) {
      if (!departmentExists(department)) {
        errors.refuse(prefix + "userDepartments", "3.1.4", "利用者範囲の部署が組織にありません (" + department + ")");
      }
    }
    List<String> userPersons = InformationAssets.list(text(values, "userPersons"));
    for (String person : userPersons) {
      if (!personExists(person)) {
        errors.refuse(prefix + "userPersons", "3.1.4", "利用者範囲の担当者が組織にいません (" + person + ")");
      }
    }
    String labelling = text(values, "labelling");
    boolean labelImpossible = flag(values, "labelImpossible", prefix, errors);
    if (labelling == null && !labelImpossible) {
      errors.refuse(prefix + "labelling", "3.1.2", "重要度の表示方法を記入するか、表示が困難であること (labelImpossible) を指定してください");
    }
    if (labelling != null && labelling.length() > 300) {
      errors.field(prefix + "labelling", "表示方法は300文字以内にしてください");
    }
    boolean personalData = flag(values, "personalData", prefix, errors);
    String retention = text(values, "retention");
    if (retention != null && retention.length() > 200) {
      errors.field(prefix + "retention", "保存期間は200文字以内にしてください");
    }
    InformationAsset.Status status = status(text(values, "status"));
    if (status == null) {
      errors.field(prefix + "status", "状態は 有効 / 廃棄済 (ACTIVE / RETIRED) のいずれかです");
    }
    if (errors.list().size() > before) {
      return null;
    }
    return new InformationAsset(assetId, 0, name, description, kind, location, classification, reason, owner,
        userDepartments, userPersons, labelling, labelImpossible, personalData, retention, status, null, null, null,
        null);
  }

  /** An asset as the values {@link #asset} reads: codes, comma-separated lists, {@code true}/{@code false}. */
  public static Map<String, String> values(InformationAsset asset) {
    Map<String, String> values = new java.util.HashMap<>();
    values.put("assetId", asset.assetId());
    values.put("name", asset.name());
    values.put("description", asset.description());
    values.put("kind", asset.kind().name());
    values.put("location", asset.location());
    values.put("classification", asset.classification().name());
    values.put("classificationReason", asset.classificationReason().name());
    values.put("ownerDepartment", asset.ownerDepartment());
    values.put("userDepartments", String.join(",", asset.userDepartments()));
    values.put("userPersons", String.join(",", asset.userPersons()));
    values.put("labelling", asset.labelling());
    values.put("labelImpossible", String.valueOf(asset.labelImpossible()));
    values.put("personalData", String.valueOf(asset.personalData()));
    values.put("retention", asset.retention());
    values.put("status", asset.status().name());
    return values;
  }

  private static String reasons(Classification classification) {
    StringBuilder text = new StringBuilder();
    for (ClassificationReason reason : ClassificationReason.values()) {
      if (reason.classification() == classification) {
        text.append(text.isEmpty() ? "" : " / ").append(reason.name()).append(" (").append(reason.label()).append(')');
      }
    }
    return text.toString();
  }

  boolean departmentExists(String code) {
    Integer count = jdbc.queryForObject("select count(*) from org_department where code = ?", Integer.class, code);
    return count != null && count > 0;
  }

  private boolean personExists(String userId) {
    Integer count = jdbc.queryForObject("select count(*) from org_person where user_id = ?", Integer.class, userId);
    return count != null && count > 0;
  }

  private static String text(Map<String, String> values, String field) {
    return RequestValues.string(values.get(field));
  }

  private static boolean flag(Map<String, String> values, String field, String prefix, ValidationErrors errors) {
    String value = text(values, field);
    if (value == null || value.equalsIgnoreCase("false") || value.equals("いいえ") || value.equals("0")) {
      return false;
    }
    if (value.equalsIgnoreCase("true") || value.equals("はい") || value.equals("1")) {
      return true;
    }
    errors.field(prefix + field, "はい / いいえ (true / false) で指定してください (" + value + ")");
    return false;
  }

  static AssetKind kind(String value) {
    for (AssetKind kind : AssetKind.values()) {
      if (kind.name().equals(value) || kind.label().equals(value)) {
        return kind;
      }
    }
    return null;
  }

  static Classification classification(String value) {
    for (Classification classification : Classification.values()) {
      if (classification.name().equals(value) || classification.label().equals(value)
          || classification.label().startsWith(value + " ")) {
        return classification;
      }
    }
    return null;
  }

  private static InformationAsset.Status status(String value) {
    if (value == null) {
      return InformationAsset.Status.ACTIVE;
    }
    for (InformationAsset.Status status : InformationAsset.Status.values()) {
      if (status.name().equals(value) || status.label().equals(value)) {
        return status;
      }
    }
    return null;
  }
}
