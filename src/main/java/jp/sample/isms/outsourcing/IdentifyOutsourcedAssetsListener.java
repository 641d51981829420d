package jp.sample.isms.outsourcing;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.RequestValues;
import jp.sample.isms.approval.ValidationErrors;
import jp.sample.isms.asset.AssetSelection;
import jp.sample.isms.asset.Classification;
import jp.sample.isms.asset.InformationAsset;
import jp.sample.isms.asset.InformationAssets;

/**
 * Start listener of {@code BusinessRuleTask_DetermineRoute}, 8.1.1 and 3.1.1: the classification of what is handed
 * over, which the routing table and the contractor register read, is the highest of the chosen assets as the
 * 情報資産管理台帳 has them at filing (and at each resubmission), never the requester's word.
 */
@Component
class IdentifyOutsourcedAssetsListener implements ExecutionListener {

  private final InformationAssets assets;

  IdentifyOutsourcedAssetsListener(InformationAssets assets) {
    this.assets = assets;
  }

  @Override
  public void notify(DelegateExecution execution) {
    List<String> ids = AssetSelection.ids(RequestValues.string(execution, OutsourcingProcess.ASSET_IDS),
        OutsourcingProcess.ASSET_IDS, new ValidationErrors());
    List<InformationAsset> found = assets.findAll(ids);
    if (found.isEmpty() || found.size() != ids.size()) {
      // the filing checked them: a change in between is a race, roll it back
      throw new IllegalStateException("assets " + ids + " are not all in the register");
    }
    execution.setVariable(OutsourcingProcess.ASSET_CLASSIFICATION,
        Classification.highest(found.stream().map(InformationAsset::classification).toList()).name());
  }
}
