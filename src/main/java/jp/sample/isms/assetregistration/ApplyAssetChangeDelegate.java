package jp.sample.isms.assetregistration;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.RequestRecords;
import jp.sample.isms.approval.ValidationErrors;
import jp.sample.isms.asset.InformationAsset;
import jp.sample.isms.asset.InformationAssets;
import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.organisation.OrganisationService;

/**
 * {@code ServiceTask_ApplyChange}, 3.1: writes the approved change as a new version of the register row, with the
 * request number; a new asset gets the next free id. Checked once more, so that a change approved after the row
 * moved on (retired by another request) is refused, not written.
 */
@Component
class ApplyAssetChangeDelegate implements JavaDelegate {

  private final AssetChanges changes;
  private final InformationAssets assets;
  private final OrganisationService organisation;
  private final AuditRecorder audit;
  private final RequestRecords records;

  ApplyAssetChangeDelegate(AssetChanges changes, InformationAssets assets, OrganisationService organisation,
      AuditRecorder audit, RequestRecords records) {
    this.records = records;
    this.changes = changes;
    this.assets = assets;
    this.organisation = organisation;
    this.audit = audit;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String requester = records.requester(execution);
    ValidationErrors errors = new ValidationErrors();
    InformationAsset requested = changes.requested(execution.getVariables(),
        organisation.person(requester).orElse(null), errors);
    errors.throwIfAny();
    boolean registration = AssetChanges.PENDING_ID.equals(requested.assetId());
    InformationAsset current = registration ? null : assets.find(requested.assetId()).orElseThrow();
    String assetId = registration ? assets.nextId() : requested.assetId();
    InformationAsset next = new InformationAsset(assetId, 0, requested.name(), requested.description(),
        requested.kind(), requested.location(), requested.classification(), requested.classificationReason(),
        requested.ownerDepartment(), requested.userDepartments(), requested.userPersons(), requested.labelling(),
        requested.labelImpossible(), requested.personalData(), requested.retention(), requested.status(), null, null,
        null, null);
    assets.save(next, requester, records.businessKey(execution),
        AssetChanges.changeKind(current, next), audit.now());
    execution.setVariable(AssetRegistrationProcess.ASSET_ID, assetId);
  }
}
