package jp.sample.isms.design;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.RequestRecords;
import jp.sample.isms.audit.AuditEntry;
import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.audit.Outcome;
import jp.sample.isms.audit.RecordFlag;

/**
 * {@code ServiceTask_DeployRevision}, 1.4: deploys exactly the approved files — only if every stored file still has the
 * SHA-256 it had at filing and still passes the checks — and records the new regulation revision that every later
 * decision record carries. An emergency deployment is deployed already: its approval records the revision. A refusal
 * is recorded with the reason and deploys nothing.
 */
@Component
class DeployModelRevisionDelegate implements JavaDelegate {

  private final ModelRevisionFilings filings;
  private final ModelDeployments deployments;
  private final ModelChecks checks;
  private final RegulationRevisions revisions;
  private final RequestRecords records;
  private final AuditRecorder audit;
  private final DesignModels deployed;

  DeployModelRevisionDelegate(ModelRevisionFilings filings, ModelDeployments deployments, ModelChecks checks,
      RegulationRevisions revisions, RequestRecords records, AuditRecorder audit, DesignModels deployed) {
    this.deployed = deployed;
    this.filings = filings;
    this.deployments = deployments;
    this.checks = checks;
    this.revisions = revisions;
    this.records = records;
    this.audit = audit;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String businessKey = records.businessKey(execution);
    ModelRevisionFilings.Filing filing = filings.of(businessKey);
    AuditEntry approval = audit.latest(execution.getProcessInstanceId(), ModelRevisionProcess.TASK_APPROVE);
    String approver = approval == null ? null : approval.actor();
    OffsetDateTime now = audit.now();
    List<String> changed = filing.files().stream().filter(f -> !f.intact()).map(ModelRevisionFilings.StoredFile::name)
        .toList();
    if (!changed.isEmpty()) {
      refuse(execution, businessKey, RecordFlag.CHANGED_AFTER_FILING, "申請後に保存ファイルが変わっていたため配備しませんでした: "
          + String.join(", ", changed) + " (stored files changed after filing; nothing deployed)");
      return;
    }
    String deploymentId;
    if (filing.emergency()) {
      deploymentId = filing.deploymentId();
    } else {
      List<Finding> errors = checks.check(filing.files().stream().map(f -> new ModelFile(f.name(), f.content()))
          .toList()).stream().filter(Finding::isError).toList();
      if (!errors.isEmpty()) {
        refuse(execution, businessKey, RecordFlag.CHECKS_FAILED, "配備時の検査でエラーがあったため配備しませんでした: "
            + errors.stream().map(Finding::describe).collect(Collectors.joining("; ")));
        return;
      }
      deploymentId = null;
    }
    String revision = revisions.record(businessKey, approver, now);
    java.util.Map<String, String> companions = java.util.Map.of();
    if (filing.emergency()) {
      deployments.revisionOfEmergency(deploymentId, businessKey, revision);
    } else {
      companions = ModelDeployments.companions(filing.files(), deployed);
      deploymentId = deployments.deployApproved(businessKey, filing.files(), companions);
      deployments.record(deploymentId, ModelDeployments.REVISION, businessKey, revision, approver, now);
    }
    filings.outcome(businessKey, "DEPLOYED", deploymentId);
    execution.setVariable(ModelRevisionProcess.DEPLOYED, true);
    execution.setVariable(ModelRevisionProcess.REGULATION_REVISION, revision);
    execution.setVariable(ModelRevisionProcess.DEPLOYMENT_ID, deploymentId);
    audit.record(AuditEntry.systemStep(businessKey, execution.getProcessInstanceId(), ModelRevisionProcess.KEY,
            execution.getCurrentActivityId(), "承認されたファイルを配備し版を記録する")
        .requester(records.requester(execution), records.department(execution)).outcome(Outcome.REVISION_DEPLOYED)
        .comment("規程の版 " + revision + "; 配備 " + deploymentId + "; " + ModelRevisionFilings.summary(filing.files())
            .replace('\n', ';') + (companions.isEmpty() ? "" : "; 同じ配備で再配備 (unchanged, deployed again with "
            + "it): " + String.join(", ", companions.keySet())))
        .clauses("1.4").flag(filing.emergency() ? RecordFlag.EMERGENCY : null).regulationRevision(revision).build());
  }

  private void refuse(DelegateExecution execution, String businessKey, RecordFlag reason, String detail) {
    filings.outcome(businessKey, reason.code(), detail);
    execution.setVariable(ModelRevisionProcess.DEPLOYED, false);
    audit.record(AuditEntry.systemStep(businessKey, execution.getProcessInstanceId(), ModelRevisionProcess.KEY,
            execution.getCurrentActivityId(), "承認されたファイルを配備し版を記録する")
        .requester(records.requester(execution), records.department(execution)).outcome(Outcome.DEPLOYMENT_REFUSED)
        .comment(detail).clauses("1.4").flag(reason).build());
  }
}
