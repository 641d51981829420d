package jp.sample.isms.asset;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.stereotype.Component;

import jp.sample.isms.approval.ValidationErrors;
import jp.sample.isms.organisation.Person;

/**
 * The assets a request names in one field ({@code IA-0001, IA-0002}), checked against the 情報資産管理台帳 for the
 * requester: each must be registered (3.1.1) and in force, and the requester in its user scope (3.1.4).
 */
@Component
public class AssetSelection {

  private final InformationAssets assets;

  AssetSelection(InformationAssets assets) {
    this.assets = assets;
  }

  /** The ids named in the field, upper-cased, each once, in order; malformed ones are reported. */
  public static List<String> ids(String text, String field, ValidationErrors errors) {
    Set<String> ids = new LinkedHashSet<>();
    for (String id : InformationAssets.list(text)) {
      String normalised = id.toUpperCase(Locale.ROOT);
      if (!AssetRules.ASSET_ID.matcher(normalised).matches()) {
        errors.field(field, "情報資産IDは IA-0001 の形式で指定してください (" + id + ")");
      } else {
        ids.add(normalised);
      }
    }
    return List.copyOf(ids);
  }

  /** The registered assets the requester may use; everything else is reported on {@code field}. */
  public List<InformationAsset> select(String text, Person requester, String field, ValidationErrors errors) {
    List<InformationAsset> selected = new ArrayList<>();
    for (String id : ids(text, field, errors)) {
      InformationAsset asset = assets.find(id).orElse(null);
      if (asset == null) {
        errors.refuse(field, "3.1.1", "情報資産管理台帳に登録されていない情報資産です: " + id
            + " (未登録の場合は「未登録の情報資産」として申請してください)");
      } else if (asset.retired()) {
        errors.refuse(field, "3.1.1", "廃棄済の情報資産です: " + id + " " + asset.name());
      } else if (!asset.usableBy(requester)) {
        errors.refuse(field, "3.1.4", "情報資産 " + id + " (" + asset.name() + ") の利用者範囲に含まれていません");
      } else {
        selected.add(asset);
      }
    }
    return selected;
  }
}
