package jp.sample.isms.resubcontracting;

import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.RequestRecords;
import jp.sample.isms.approval.RequestValues;
import jp.sample.isms.audit.AuditRecorder;

/**
 * {@code ServiceTask_RegisterResubcontractor}, 8.1.5: enters the approved re-subcontractor in the 委託先台帳, linked to
 * the outsourcing contract, with the reviewer, the approver and the attachment id and SHA-256 of each document.
 */
@Component
class RegisterResubcontractorDelegate implements JavaDelegate {

  private final RequestRecords records;
  private final ResubcontractorRegister register;
  private final ResubcontractingDocuments documents;
  private final AuditRecorder audit;

  RegisterResubcontractorDelegate(ResubcontractorRegister register, ResubcontractingDocuments documents,
      AuditRecorder audit, RequestRecords records) {
    this.records = records;
    this.register = register;
    this.documents = documents;
    this.audit = audit;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String processInstanceId = execution.getProcessInstanceId();
    boolean certified = isTrue(execution.getVariable(ResubcontractingProcess.RESUBCONTRACTOR_CERTIFIED));
    String attached = documents.check(processInstanceId, certified).accepted().values().stream()
        .map(d -> d.kind() + "=" + d.attachmentId() + ":" + d.sha256()).collect(Collectors.joining("\n"));
    register.approved(new ResubcontractorRegister.Entry(
        RequestValues.businessKey(execution),
        (String) execution.getVariable(ResubcontractingProcess.OUTSOURCING_BUSINESS_KEY), processInstanceId,
        records.requester(execution),
        (String) execution.getVariable(ResubcontractingProcess.RESUBCONTRACTOR),
        (String) execution.getVariable(ResubcontractingProcess.SCOPE_OF_WORK), certified,
        audit.latest(processInstanceId, ResubcontractingProcess.TASK_REVIEW).actor(),
        audit.latest(processInstanceId, ResubcontractingProcess.TASK_APPROVE).actor(), audit.now(), attached));
  }

  private static boolean isTrue(Object value) {
    return Boolean.TRUE.equals(value) || "true".equalsIgnoreCase(String.valueOf(value));
  }
}
