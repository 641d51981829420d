package jp.sample.isms.mediadisposal;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.RequestRecords;
import jp.sample.isms.approval.RequestValues;
import jp.sample.isms.asset.InformationAsset;
import jp.sample.isms.asset.InformationAssets;
import jp.sample.isms.audit.AuditEntry;
import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.audit.Outcome;

/**
 * {@code ServiceTask_RecordExecution}, 3.3.1: closes the 媒体廃棄台帳 row with the execution date and, for outsourced
 * destruction, the certificate of destruction the completion step accepted. A disposal of the last copy of its assets
 * retires them in the 情報資産管理台帳 now, when it is executed (not when it was approved): a new version, 廃棄済, with
 * the request number.
 */
@Component
class RecordMediaDisposalExecutionDelegate implements JavaDelegate {

  private final MediaDisposalRegister register;
  private final DestructionCertificates certificates;
  private final InformationAssets assets;
  private final AuditRecorder audit;
  private final RequestRecords records;

  RecordMediaDisposalExecutionDelegate(MediaDisposalRegister register, DestructionCertificates certificates,
      InformationAssets assets, AuditRecorder audit, RequestRecords records) {
    this.register = register;
    this.certificates = certificates;
    this.assets = assets;
    this.audit = audit;
    this.records = records;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String businessKey = RequestValues.businessKey(execution);
    DestructionCertificates.Check certificate = certificates.check(execution.getProcessInstanceId());
    register.executed(businessKey,
        MediaDisposalRequest.date(execution.getVariable(MediaDisposalProcess.EXECUTED_ON)),
        (String) execution.getVariable(MediaDisposalProcess.EXECUTION_NOTE),
        certificate.found() ? certificate.certificate().getId() : null, certificate.sha256());
    if (!RequestValues.isTrue(execution.getVariable(MediaDisposalProcess.LAST_COPY))) {
      return;
    }
    String requester = records.requester(execution);
    List<String> retired = new ArrayList<>();
    for (String assetId : register.assetIds(businessKey)) {
      // an asset another request retired meanwhile stays as that request recorded it
      assets.retire(assetId, requester, businessKey, audit.now()).map(InformationAsset::assetId)
          .ifPresent(retired::add);
    }
    register.retired(businessKey, retired);
    if (!retired.isEmpty()) {
      audit.record(AuditEntry.systemStep(businessKey, execution.getProcessInstanceId(), MediaDisposalProcess.KEY,
              execution.getCurrentActivityId(), "最後の複製を廃棄した情報資産を台帳で廃棄済にする")
          .version(execution.getProcessEngineServices().getRepositoryService()
              .getProcessDefinition(execution.getProcessDefinitionId()).getVersion())
          .requester(requester, records.department(execution)).outcome(Outcome.RECORDED)
          .comment("廃棄済: " + String.join(", ", retired)).clauses("3.1.1,3.3.1").build());
    }
  }
}
