package jp.sample.isms.assetregistration;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.RequestValues;
import jp.sample.isms.asset.InformationAsset;
import jp.sample.isms.asset.InformationAssets;

/**
 * {@code ServiceTask_ReadRegister}, 3.1.1: reads the row in force of the asset a change names, so that the routing
 * table sees its classification and the approvers what is changed.
 */
@Component
class ReadAssetRegisterDelegate implements JavaDelegate {

  private final InformationAssets assets;

  ReadAssetRegisterDelegate(InformationAssets assets) {
    this.assets = assets;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean registration = AssetRegistrationProcess.REGISTER.equals(
        execution.getVariable(AssetRegistrationProcess.CHANGE_KIND));
    String assetId = RequestValues.string(execution, AssetRegistrationProcess.ASSET_ID);
    InformationAsset current = registration || assetId == null ? null : assets.find(assetId).orElse(null);
    execution.setVariable(AssetRegistrationProcess.CURRENT_CLASSIFICATION,
        current == null ? null : current.classification().name());
    execution.setVariable(AssetRegistrationProcess.CURRENT_ENTRY, current == null ? "新規登録"
        : current.assetId() + " " + current.name() + " (台帳 v" + current.version() + ")\n機密性: "
            + current.classification().label() + " — " + current.classificationReason().label() + "\n種別: "
            + current.kind().label() + " / 保管場所: " + current.location() + "\n保有部門: "
            + current.ownerDepartment() + "\n利用者範囲: 部署 "
            + String.join(", ", current.userDepartments()) + " / 担当者 " + String.join(", ", current.userPersons())
            + "\n状態: " + current.status().label());
  }
}
