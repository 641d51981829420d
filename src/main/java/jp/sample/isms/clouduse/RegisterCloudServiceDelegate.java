package jp.sample.isms.clouduse;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.RequestRecords;
import jp.sample.isms.audit.AuditEntry;
import jp.sample.isms.audit.AuditRecorder;

/**
 * {@code ServiceTask_RegisterCloudService}, 7.18: enters the approved service in the クラウドサービス台帳 under its
 * approval number, with the classification of its data and its review date ({@code isms.cloud.review-period} after
 * the security officer's approval).
 */
@Component
class RegisterCloudServiceDelegate implements JavaDelegate {

  private final RequestRecords records;
  private final CloudServiceRegister register;
  private final AuditRecorder audit;
  private final CloudUseProperties properties;

  RegisterCloudServiceDelegate(CloudServiceRegister register, AuditRecorder audit, CloudUseProperties properties, RequestRecords records) {
    this.records = records;
    this.register = register;
    this.audit = audit;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CloudUseRequest request = CloudUseRequest.of(execution);
    String instanceId = execution.getProcessInstanceId();
    AuditEntry approval = audit.latest(instanceId, CloudUseProcess.TASK_APPROVE);
    LocalDate approvedOn = approval.occurredAt().atZoneSameInstant(audit.zone()).toLocalDate();
    LocalDate reviewDate = approvedOn.plus(properties.reviewPeriod());
    register.register(new CloudServiceRegister.Entry(request.businessKey(), instanceId, request.serviceName(),
        request.provider(), request.purpose(), request.classification(), request.backupUse(),
        request.registrationEmail(), request.expectedStartDate(), request.dataLocation(), request.iso27017Certified(),
        request.csMarkCertified(), request.otherCertifications(), request.termsConform(),
        request.facilityOutsideDisasterArea(), records.requester(execution),
        records.department(execution),
        audit.latest(instanceId, CloudUseProcess.TASK_EVALUATE).actor(), approval.actor(), approvedOn,
        request.ndaSignedOn(), request.ndaReference(), audit.latest(instanceId, CloudUseProcess.TASK_CONFIRM_NDA).actor(),
        reviewDate, CloudServiceRegister.IN_USE, audit.now()));
    execution.setVariable(CloudUseProcess.REVIEW_DATE, reviewDate.toString());
  }
}
