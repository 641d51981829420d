package jp.sample.isms.accountrequest;

import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.RequestRecords;
import jp.sample.isms.approval.RequestValues;
import jp.sample.isms.approval.ValidationErrors;
import jp.sample.isms.asset.AssetSelection;
import jp.sample.isms.asset.InformationAsset;
import jp.sample.isms.asset.InformationAssets;
import jp.sample.isms.audit.AuditEntry;
import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.audit.Outcome;
import jp.sample.isms.organisation.OrganisationService;

/**
 * {@code ServiceTask_IdentifyAssets}, 5.1.1 and 3.1: reads the assets the access rights are for from the
 * 情報資産管理台帳, so that the endorser and the security officer see their classification, owner and user scope as the
 * register has them (not as the requester describes them), and records which versions the request was filed for.
 */
@Component
class IdentifyAccountAssetsDelegate implements JavaDelegate {

  private final InformationAssets assets;
  private final OrganisationService organisation;
  private final AuditRecorder audit;
  private final RequestRecords records;

  IdentifyAccountAssetsDelegate(InformationAssets assets, OrganisationService organisation, AuditRecorder audit,
      RequestRecords records) {
    this.assets = assets;
    this.organisation = organisation;
    this.audit = audit;
    this.records = records;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean deletion = RequestType.DELETE.name().equals(
        RequestValues.string(execution, AccountRequestProcess.REQUEST_TYPE));
    List<String> ids = deletion ? List.of() : AssetSelection.ids(RequestValues.string(execution,
        AccountRequestProcess.ASSET_IDS), AccountRequestProcess.ASSET_IDS, new ValidationErrors());
    List<InformationAsset> found = assets.findAll(ids);
    execution.setVariable(AccountRequestProcess.ASSET_SUMMARY, found.isEmpty() ? "なし"
        : found.stream().map(this::summary).collect(Collectors.joining("\n")));
    if (!found.isEmpty()) {
      String businessKey = records.businessKey(execution);
      audit.record(AuditEntry.systemStep(businessKey, execution.getProcessInstanceId(), AccountRequestProcess.KEY,
              execution.getCurrentActivityId(), "情報資産を台帳で確認する")
          .version(execution.getProcessEngineServices().getRepositoryService()
              .getProcessDefinition(execution.getProcessDefinitionId()).getVersion())
          .requester(records.requester(execution), records.department(execution)).outcome(Outcome.RECORDED)
          .comment(found.stream().map(a -> a.assetId() + " " + a.classification().name() + " (v" + a.version() + ")")
              .collect(Collectors.joining(", ")))
          .clauses("5.1.1,3.1.4").build());
    }
  }

  private String summary(InformationAsset asset) {
    return asset.assetId() + " " + asset.name() + " — " + asset.classification().label() + " / 管理責任者: "
        + organisation.departmentName(asset.ownerDepartment()).orElse(asset.ownerDepartment()) + "の部門長 / 利用者範囲: "
        + (asset.userDepartments().isEmpty() && asset.userPersons().isEmpty() ? "保有部門のみ"
            : String.join(", ", asset.userDepartments()) + (asset.userPersons().isEmpty() ? ""
                : " " + String.join(", ", asset.userPersons())))
        + " (台帳 v" + asset.version() + ")";
  }
}
