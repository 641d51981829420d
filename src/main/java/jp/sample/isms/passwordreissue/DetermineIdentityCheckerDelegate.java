package jp.sample.isms.passwordreissue;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.RequestRecords;
import jp.sample.isms.approval.RequestValues;
import jp.sample.isms.organisation.Role;

/**
 * {@code ServiceTask_DetermineIdentityChecker}, 5.1.6: the person who filed for themself is confirmed by their
 * department head; a request their department head filed for them is confirmed by the system administrator, so that
 * the one who files never confirms.
 */
@Component
class DetermineIdentityCheckerDelegate implements JavaDelegate {

  private final RequestRecords records;

  DetermineIdentityCheckerDelegate(RequestRecords records) {
    this.records = records;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String target = RequestValues.string(execution, PasswordReissueProcess.TARGET_USER_ID);
    Role checker = records.requester(execution).equals(target) ? Role.DEPARTMENT_HEAD : Role.SYSTEM_ADMINISTRATOR;
    execution.setVariable(PasswordReissueProcess.CHECKER_ROLE, checker.name());
  }
}
