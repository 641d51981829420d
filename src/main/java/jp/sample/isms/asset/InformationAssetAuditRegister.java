package jp.sample.isms.asset;

import static jp.sample.isms.auditor.AuditRegister.Kind.BOOLEAN;
import static jp.sample.isms.auditor.AuditRegister.Kind.NUMBER;
import static jp.sample.isms.auditor.AuditRegister.Kind.PERSON;
import static jp.sample.isms.auditor.AuditRegister.Kind.TEXT;
import static jp.sample.isms.auditor.AuditRegister.Kind.TIMESTAMP;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import jp.sample.isms.auditor.AuditRegister;
import jp.sample.isms.auditor.AuditRegister.Column;
import jp.sample.isms.auditor.AuditRegister.Filter;

/**
 * 情報資産管理台帳 (3.1) for the auditors' pages and CSV export: every version of every asset, newest first within
 * an asset, each with who changed it, when, and by which request (or import); the version in force is marked.
 */
@Configuration
class InformationAssetAuditRegister {

  @Bean
  AuditRegister informationAssetAuditRegisterDefinition() {
    return new AuditRegister("information-assets", "情報資産管理台帳",
        "Information asset register", "3.1.1, 3.1.2, 3.1.3, 3.1.4",
        "information_asset_history h join information_asset a on a.asset_id = h.asset_id "
            + "left join org_department d on d.code = h.owner_department",
        "h.asset_id, h.version desc",
        List.of(
            Column.of("assetId", "情報資産ID", "h.asset_id", TEXT),
            Column.of("version", "版", "h.version", NUMBER),
            Column.of("current", "現行版", "case when h.version = a.version then true else false end", BOOLEAN),
            Column.of("name", "名称", "h.name", TEXT),
            Column.labelled("kind", "種別", "h.kind", options(AssetKind.values())),
            Column.of("location", "保管場所", "h.location", TEXT),
            Column.code("classification", "機密性", "h.classification", "classification"),
            Column.labelled("classificationReason", "評価の基準", "h.classification_reason",
                options(ClassificationReason.values())),
            Column.of("ownerDepartment", "保有部門 (管理責任者)", "d.name", TEXT),
            Column.of("userDepartments", "利用者範囲 (部署)", "h.user_departments", TEXT),
            Column.of("userPersons", "利用者範囲 (担当者)", "h.user_persons", TEXT),
            Column.of("labelling", "重要度の表示",
                "case when h.label_impossible then '表示困難 (台帳に明記)' else h.labelling end", TEXT),
            Column.of("personalData", "個人情報", "h.personal_data", BOOLEAN),
            Column.of("retention", "保存期間", "h.retention", TEXT),
            Column.labelled("status", "状態", "h.status", options(InformationAsset.Status.values())),
            Column.labelled("changeKind", "変更の種類", "h.change_kind", CHANGE_KINDS),
            Column.of("changeReference", "変更した申請・取り込み", "h.change_reference", TEXT),
            Column.of("changedBy", "変更者", "h.changed_by", PERSON),
            Column.of("changedAt", "変更日時", "h.changed_at", TIMESTAMP)),
        List.of(
            Filter.text("assetId", "情報資産ID", "h.asset_id"),
            Filter.flag("current", "現行版のみ", "h.version = a.version"),
            Filter.choice("classification", "機密性", "h.classification", "form:classification"),
            Filter.choice("department", "保有部門", "h.owner_department", "departments"),
            Filter.choice("status", "状態", "h.status", options(InformationAsset.Status.values())),
            Filter.flag("personalData", "個人情報を含むもののみ", "h.personal_data = true"),
            Filter.text("changeReference", "変更した申請", "h.change_reference"),
            Filter.timeFrom("changedFrom", "変更日 (から)", "h.changed_at"),
            Filter.timeTo("changedTo", "変更日 (まで)", "h.changed_at")));
  }

  /** The kinds of change of an asset's history, as the auditor reads them. */
  static final Map<String, String> CHANGE_KINDS = changeKinds();

  private static Map<String, String> changeKinds() {
    Map<String, String> kinds = new LinkedHashMap<>();
    kinds.put("REGISTERED", "登録");
    kinds.put("RECLASSIFIED", "重要度の変更");
    kinds.put("SCOPE_CHANGED", "利用者範囲の変更");
    kinds.put("CHANGED", "変更");
    kinds.put("MOVED", "移管");
    kinds.put("RETIRED", "廃棄");
    kinds.put("IMPORTED", "取り込み");
    return kinds;
  }

  private static Map<String, String> options(Enum<?>[] values) {
    Map<String, String> options = new LinkedHashMap<>();
    for (Enum<?> value : values) {
      options.put(value.name(), value instanceof AssetKind kind ? kind.label()
          : value instanceof ClassificationReason reason ? reason.label()
          : value instanceof InformationAsset.Status status ? status.label() : value.name());
    }
    return options;
  }
}
