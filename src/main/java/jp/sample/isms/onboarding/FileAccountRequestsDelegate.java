package jp.sample.isms.onboarding;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import jp.sample.isms.accountrequest.AccountRequestFiling;
import jp.sample.isms.approval.RequestRecords;
import jp.sample.isms.approval.RequestValues;
import jp.sample.isms.audit.AuditEntry;
import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.audit.Outcome;

/**
 * {@code ServiceTask_FileAccountRequests}, 5.1.5: files an account request (CREATE) for each system the new employee
 * needs, as the system administrator who created the product account, through the normal start path; the security
 * officer approves each as usual.
 */
@Component
class FileAccountRequestsDelegate implements JavaDelegate {

  private final AccountRequestFiling filing;
  private final OnboardingRegister register;
  private final AuditRecorder audit;
  private final RequestRecords records;

  FileAccountRequestsDelegate(AccountRequestFiling filing, OnboardingRegister register, AuditRecorder audit,
      RequestRecords records) {
    this.filing = filing;
    this.register = register;
    this.audit = audit;
    this.records = records;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String businessKey = records.businessKey(execution);
    String userId = RequestValues.string(execution, OnboardingProcess.NEW_USER_ID);
    String rights = RequestValues.string(execution, OnboardingProcess.ACCESS_RIGHTS);
    String assetIds = RequestValues.string(execution, OnboardingProcess.ASSET_IDS);
    String filer = audit.latest(execution.getProcessInstanceId(), OnboardingProcess.TASK_CREATE_ACCOUNT).actor();
    List<String> filed = new ArrayList<>();
    for (Map.Entry<String, String> system : OnboardingProcess.SYSTEM_FIELDS.entrySet()) {
      if (RequestValues.isTrue(execution.getVariable(system.getKey()))) {
        filed.add(filing.fileCreate(filer, userId, system.getValue(), userId, rights, assetIds,
            "入社のため (入社手続き " + businessKey + ")"));
      }
    }
    String numbers = String.join(",", filed);
    execution.setVariable(OnboardingProcess.ACCOUNT_REQUESTS, numbers);
    register.accountRequestsFiled(businessKey, numbers);
    audit.record(AuditEntry.systemStep(businessKey, execution.getProcessInstanceId(), OnboardingProcess.KEY,
            execution.getCurrentActivityId(), "必要なシステムのアカウントを申請する")
        .requester(records.requester(execution), records.department(execution))
        .outcome(Outcome.ACCOUNT_REQUESTS_FILED)
        .comment(filed.isEmpty() ? "申請するシステムなし" : "アカウントの新設申請 " + numbers + " (申請者 " + filer + ")")
        .clauses("5.1.5").build());
  }
}
