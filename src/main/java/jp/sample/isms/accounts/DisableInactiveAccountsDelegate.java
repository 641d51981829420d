package jp.sample.isms.accounts;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_DisableInactiveAccounts} of accountInactivityReview, 5.1.7: unused accounts are disabled. */
@Component
class DisableInactiveAccountsDelegate implements JavaDelegate {

  private final AccountDeactivation deactivation;

  DisableInactiveAccountsDelegate(AccountDeactivation deactivation) {
    this.deactivation = deactivation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable("disabledAccounts", String.join(",", deactivation.disableInactive()));
  }
}
