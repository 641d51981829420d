package jp.sample.isms.periodicduty;

import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_ListDepartmentAccounts} (5.1.5): the department's active accounts from the account register. */
@Component
class ListDepartmentAccountsDelegate implements JavaDelegate {

  private final AccountReview review;

  ListDepartmentAccountsDelegate(AccountReview review) {
    this.review = review;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<AccountReview.Account> accounts = review.accounts(
        (String) execution.getVariable(PeriodicDutyProcess.DEPARTMENT_CODE));
    execution.setVariable(PeriodicDutyProcess.ACCOUNT_LIST, AccountReview.list(accounts));
    execution.setVariable(PeriodicDutyProcess.ACCOUNT_ROWS, accounts.stream().map(a -> String.valueOf(a.rowId()))
        .collect(Collectors.joining(",")));
  }
}
