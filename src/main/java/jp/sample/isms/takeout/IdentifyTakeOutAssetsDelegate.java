package jp.sample.isms.takeout;

import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.RequestRecords;
import jp.sample.isms.approval.RequestValues;
import jp.sample.isms.approval.ValidationErrors;
import jp.sample.isms.asset.AssetSelection;
import jp.sample.isms.asset.Classification;
import jp.sample.isms.asset.InformationAsset;
import jp.sample.isms.asset.InformationAssets;
import jp.sample.isms.audit.AuditEntry;
import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.audit.Outcome;
import jp.sample.isms.organisation.OrganisationService;

/**
 * {@code ServiceTask_IdentifyAssets}, 3.2 and 3.1: reads the assets of the request from the 情報資産管理台帳 and sets
 * their highest classification, whether they are registered and what the approver reads of them; records which
 * versions and classifications the request was filed for. The requester's own words never set the classification.
 */
@Component
class IdentifyTakeOutAssetsDelegate implements JavaDelegate {

  private final InformationAssets assets;
  private final TakeOutRegister register;
  private final OrganisationService organisation;
  private final AuditRecorder audit;
  private final RequestRecords records;

  IdentifyTakeOutAssetsDelegate(InformationAssets assets, TakeOutRegister register, OrganisationService organisation,
      AuditRecorder audit, RequestRecords records) {
    this.records = records;
    this.assets = assets;
    this.register = register;
    this.organisation = organisation;
    this.audit = audit;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<String> ids = AssetSelection.ids(RequestValues.string(execution, TakeOutProcess.ASSET_IDS),
        TakeOutProcess.ASSET_IDS, new ValidationErrors());
    List<InformationAsset> found = assets.findAll(ids);
    if (found.size() != ids.size()) {
      // the filing and the registration step checked them: a change in between is a race, roll it back
      throw new IllegalStateException("assets " + ids + " are not all in the register");
    }
    Classification highest = Classification.highest(found.stream().map(InformationAsset::classification).toList());
    execution.setVariable(TakeOutProcess.CLASSIFICATION, highest == null ? null : highest.name());
    execution.setVariable(TakeOutProcess.ASSETS_REGISTERED, !found.isEmpty());
    execution.setVariable(TakeOutProcess.ASSET_SUMMARY, found.isEmpty() ? "台帳に未登録の情報資産"
        : found.stream().map(this::summary).collect(Collectors.joining("\n")));
    String businessKey = records.businessKey(execution);
    register.assets(businessKey, found);
    if (!found.isEmpty()) {
      audit.record(AuditEntry.systemStep(businessKey, execution.getProcessInstanceId(), TakeOutProcess.KEY,
              execution.getCurrentActivityId(), "情報資産を台帳で確認する")
          .version(execution.getProcessEngineServices().getRepositoryService()
              .getProcessDefinition(execution.getProcessDefinitionId()).getVersion())
          .requester(records.requester(execution), records.department(execution)).outcome(Outcome.RECORDED)
          .comment(found.stream().map(a -> a.assetId() + " " + a.classification().name() + " (v" + a.version() + ")")
              .collect(Collectors.joining(", ")))
          .clauses("3.1.1").build());
    }
  }

  private String summary(InformationAsset asset) {
    return asset.assetId() + " " + asset.name() + " — " + asset.classification().label() + " / 管理責任者: "
        + departmentName(asset.ownerDepartment()) + "の部門長 (台帳 v" + asset.version() + ")";
  }

  private String departmentName(String code) {
    return organisation.departmentName(code).orElse(code);
  }
}
