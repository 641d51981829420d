package jp.sample.isms.assetregistration;

import java.util.List;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.RequestFlow;
import jp.sample.isms.approval.RequestInput;
import jp.sample.isms.approval.RequestValues;
import jp.sample.isms.approval.ValidationErrors;

/**
 * The rules of a request to change the 情報資産管理台帳 (3.1.1–3.1.4) beyond its forms: the row it asks for must be one
 * the register accepts (the table of 3.1.1, a label or none possible, a user scope of the organisation), and only
 * the owning department asks for a change of its asset (3.1.3); a move to another owning department is approved by
 * both departments' heads.
 */
@Component
class AssetRegistrationFlow implements RequestFlow {

  private final AssetChanges changes;

  AssetRegistrationFlow(AssetChanges changes) {
    this.changes = changes;
  }

  @Override
  public String processKey() {
    return AssetRegistrationProcess.KEY;
  }

  @Override
  public String businessKeyPrefix() {
    return "AR";
  }

  @Override
  public String nameEn() {
    return "Registering and changing information assets";
  }

  @Override
  public void validateRequest(RequestInput input, ValidationErrors errors) {
    if (AssetRegistrationProcess.REGISTER.equals(input.string(AssetRegistrationProcess.CHANGE_KIND))
        && input.string(AssetRegistrationProcess.ASSET_ID) != null) {
      errors.field(AssetRegistrationProcess.ASSET_ID, "新規登録では情報資産IDは空欄にしてください (承認時に採番します)");
    }
    changes.requested(input.variables(), input.requester(), errors);
  }

  /**
   * 3.1.3: a move to another owning department is approved by that department's head as well; the current owner's
   * head approves first, as for every change.
   */
  @Override
  public String ownerDepartment(VariableScope execution) {
    return AssetRegistrationProcess.MOVE.equals(execution.getVariable(AssetRegistrationProcess.CHANGE_KIND))
        ? RequestValues.string(execution, AssetRegistrationProcess.NEW_OWNER_DEPARTMENT) : null;
  }
}
