package jp.sample.isms.offboarding;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import jp.sample.isms.accountrequest.AccountRegister;
import jp.sample.isms.accountrequest.AccountRequestFiling;
import jp.sample.isms.approval.RequestRecords;
import jp.sample.isms.approval.RequestValues;
import jp.sample.isms.audit.AuditEntry;
import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.audit.Outcome;

/**
 * {@code ServiceTask_FileAccountDeletions}, 2.3 and 5.1.7: once the department head has confirmed the returns, files
 * as that head (利用部門) a deletion request for every active account of the person in the register, with the last
 * working day as the day it becomes unneeded: the system administrator disables each by the next day.
 */
@Component
class FileAccountDeletionsDelegate implements JavaDelegate {

  private final AccountRegister accounts;
  private final AccountRequestFiling filing;
  private final OffboardingRegister register;
  private final AuditRecorder audit;
  private final RequestRecords records;

  FileAccountDeletionsDelegate(AccountRegister accounts, AccountRequestFiling filing, OffboardingRegister register,
      AuditRecorder audit, RequestRecords records) {
    this.accounts = accounts;
    this.filing = filing;
    this.register = register;
    this.audit = audit;
    this.records = records;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String businessKey = records.businessKey(execution);
    String target = RequestValues.string(execution, OffboardingProcess.TARGET_USER_ID);
    LocalDate lastDay = RequestValues.date(execution.getVariable(OffboardingProcess.LAST_WORKING_DAY));
    String head = audit.latest(execution.getProcessInstanceId(), OffboardingProcess.TASK_CONFIRM_RETURNS).actor();
    List<String> filed = new ArrayList<>();
    for (AccountRegister.Entry account : accounts.forUser(target)) {
      if (AccountRegister.ACTIVE.equals(account.status())) {
        filed.add(filing.fileDelete(head, account, lastDay, "退職のため (退職手続き " + businessKey + ", 最終出社日 "
            + lastDay + ")"));
      }
    }
    String numbers = String.join(",", filed);
    execution.setVariable(OffboardingProcess.ACCOUNT_REQUESTS, numbers);
    register.returnsConfirmed(businessKey, head, audit.now(), numbers);
    audit.record(AuditEntry.systemStep(businessKey, execution.getProcessInstanceId(), OffboardingProcess.KEY,
            execution.getCurrentActivityId(), "アカウントの削除を申請する")
        .requester(records.requester(execution), records.department(execution))
        .outcome(Outcome.ACCOUNT_REQUESTS_FILED)
        .comment(filed.isEmpty() ? "台帳に有効なアカウントなし" : "アカウントの削除申請 " + numbers + " (申請者 " + head + ")")
        .clauses("2.3,5.1.7").build());
  }
}
