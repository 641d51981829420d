package jp.sample.isms.assetregistration;

import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Component;

import jp.sample.isms.approval.RequestValues;
import jp.sample.isms.approval.ValidationErrors;
import jp.sample.isms.asset.AssetRules;
import jp.sample.isms.asset.InformationAsset;
import jp.sample.isms.asset.InformationAssets;
import jp.sample.isms.organisation.OrganisationService;
import jp.sample.isms.organisation.Person;

/**
 * The version of the register row a request asks for (3.1): a new asset of the requester's department, or the row in
 * force with the fields the request fills in (blank ones stay), the row retired, or the row handed to another owning
 * department (its other fields as they are). Only someone in the owning
 * department may ask (3.1.3). Checked at filing, at resubmission and again when the change is written.
 */
@Component
class AssetChanges {

  /** A valid id for checking a new asset's row; the real one is given when the registration is approved. */
  static final String PENDING_ID = "IA-0000";

  private final InformationAssets assets;
  private final AssetRules rules;
  private final OrganisationService organisation;

  AssetChanges(InformationAssets assets, AssetRules rules, OrganisationService organisation) {
    this.assets = assets;
    this.rules = rules;
    this.organisation = organisation;
  }

  /** The requested version (id {@link #PENDING_ID} for a new asset), or null with the reasons in {@code errors}. */
  InformationAsset requested(Map<String, Object> variables, Person requester, ValidationErrors errors) {
    String kind = RequestValues.string(variables.get(AssetRegistrationProcess.CHANGE_KIND));
    String assetId = RequestValues.string(variables.get(AssetRegistrationProcess.ASSET_ID));
    String department = requester == null ? null : requester.departmentCode();
    if (department == null) {
      errors.refuse(AssetRegistrationProcess.CHANGE_KIND, "3.1.3", "情報資産の登録・変更は保有部門に所属する者が申請します");
      return null;
    }
    Map<String, String> values;
    if (AssetRegistrationProcess.REGISTER.equals(kind)) {
      values = new java.util.HashMap<>();
      values.put("assetId", PENDING_ID);
      values.put("ownerDepartment", department);
      merge(values, variables);
    } else if (AssetRegistrationProcess.CHANGE.equals(kind) || AssetRegistrationProcess.RETIRE.equals(kind)
        || AssetRegistrationProcess.MOVE.equals(kind)) {
      InformationAsset current = assetId == null ? null : assets.find(assetId).orElse(null);
      if (current == null) {
        errors.refuse(AssetRegistrationProcess.ASSET_ID, "3.1.1", "情報資産管理台帳にない情報資産です: " + assetId);
        return null;
      }
      if (current.retired()) {
        errors.refuse(AssetRegistrationProcess.ASSET_ID, "3.1.1", "廃棄済の情報資産は変更できません: " + assetId);
        return null;
      }
      if (!current.ownerDepartment().equals(department)) {
        errors.refuse(AssetRegistrationProcess.ASSET_ID, "3.1.3", "情報資産 " + assetId + " の変更・廃棄は保有部門の者が申請し、"
            + "その管理責任者が承認します");
        return null;
      }
      values = AssetRules.values(current);
      if (AssetRegistrationProcess.RETIRE.equals(kind)) {
        values.put("status", InformationAsset.Status.RETIRED.name());
      } else if (AssetRegistrationProcess.MOVE.equals(kind)) {
        // 3.1.3: only the owning department changes, and with it the 管理責任者
        String newOwner = RequestValues.string(variables.get(AssetRegistrationProcess.NEW_OWNER_DEPARTMENT));
        if (newOwner == null || newOwner.equals(current.ownerDepartment())
            || organisation.departmentName(newOwner).isEmpty()) {
          errors.refuse(AssetRegistrationProcess.NEW_OWNER_DEPARTMENT, "3.1.3",
              "移管先として、組織にある、現在の保有部門 (" + current.ownerDepartment() + ") 以外の部門を指定してください ("
                  + newOwner + ")");
          return null;
        }
        values.put("ownerDepartment", newOwner);
      } else {
        merge(values, variables);
      }
    } else {
      return null;
    }
    return rules.asset(values, "", errors);
  }

  /** REGISTERED, RECLASSIFIED, SCOPE_CHANGED, CHANGED, MOVED or RETIRED: what the new version changes. */
  static String changeKind(InformationAsset current, InformationAsset next) {
    if (current == null) {
      return "REGISTERED";
    }
    if (next.retired()) {
      return "RETIRED";
    }
    if (!current.ownerDepartment().equals(next.ownerDepartment())) {
      return "MOVED";
    }
    if (current.classification() != next.classification()) {
      return "RECLASSIFIED";
    }
    if (!Objects.equals(current.userDepartments(), next.userDepartments())
        || !Objects.equals(current.userPersons(), next.userPersons())) {
      return "SCOPE_CHANGED";
    }
    return "CHANGED";
  }

  /** The fields the request fills in replace the row's; check boxes as submitted. */
  private static void merge(Map<String, String> values, Map<String, Object> variables) {
    for (String field : AssetRules.FIELDS) {
      if (field.equals("assetId") || field.equals("ownerDepartment") || field.equals("status")) {
        continue;
      }
      Object value = variables.get(field);
      String text = RequestValues.string(value);
      if (text != null) {
        values.put(field, value instanceof Boolean flag ? String.valueOf(flag) : text);
      }
    }
  }
}
