package jp.sample.isms.mediadisposal;

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
 * {@code ServiceTask_IdentifyAssets}, 3.3.1 and 3.1: reads what the medium holds from the 情報資産管理台帳 and sets the
 * highest classification of the selected assets, their owning department and what the approvers read of them;
 * unregistered content counts as 極秘 and belongs to the requester's department until it is registered. Records which
 * versions and classifications the request was filed for. The requester's own words never set the classification.
 */
@Component
class IdentifyDisposalAssetsDelegate implements JavaDelegate {

  private final InformationAssets assets;
  private final MediaDisposalRegister register;
  private final OrganisationService organisation;
  private final AuditRecorder audit;
  private final RequestRecords records;

  IdentifyDisposalAssetsDelegate(InformationAssets assets, MediaDisposalRegister register,
      OrganisationService organisation, AuditRecorder audit, RequestRecords records) {
    this.assets = assets;
    this.register = register;
    this.organisation = organisation;
    this.audit = audit;
    this.records = records;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<String> ids = AssetSelection.ids(RequestValues.string(execution, MediaDisposalProcess.ASSET_IDS),
        MediaDisposalProcess.ASSET_IDS, new ValidationErrors());
    List<InformationAsset> found = assets.findAll(ids);
    if (found.size() != ids.size()) {
      // the filing checked them: a change in between is a race, roll it back
      throw new IllegalStateException("assets " + ids + " are not all in the register");
    }
    Classification highest = found.isEmpty() ? Classification.SECRET
        : Classification.highest(found.stream().map(InformationAsset::classification).toList());
    execution.setVariable(MediaDisposalProcess.CLASSIFICATION, highest.name());
    execution.setVariable(MediaDisposalProcess.ASSETS_REGISTERED, !found.isEmpty());
    execution.setVariable(MediaDisposalProcess.ASSET_OWNER_DEPARTMENT, found.isEmpty() ? records.department(execution)
        : found.get(0).ownerDepartment());
    execution.setVariable(MediaDisposalProcess.ASSET_SUMMARY, found.isEmpty()
        ? "台帳に未登録の情報 (極秘として扱い、申請者の部門長が管理責任者として承認します)"
        : found.stream().map(this::summary).collect(Collectors.joining("\n")));
    String businessKey = records.businessKey(execution);
    register.assets(businessKey, found);
    if (!found.isEmpty()) {
      audit.record(AuditEntry.systemStep(businessKey, execution.getProcessInstanceId(), MediaDisposalProcess.KEY,
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
        + organisation.departmentName(asset.ownerDepartment()).orElse(asset.ownerDepartment()) + "の部門長 (台帳 v"
        + asset.version() + ")";
  }
}
