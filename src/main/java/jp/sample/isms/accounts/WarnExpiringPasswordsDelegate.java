package jp.sample.isms.accounts;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import jp.sample.isms.engine.EngineInternals;

/**
 * {@code ServiceTask_WarnExpiringPasswords} of passwordExpiryReview, 5.1.8: users whose password expires soon are
 * warned by mail, once per password.
 */
@Component
class WarnExpiringPasswordsDelegate implements JavaDelegate {

  private final PasswordExpiryWarnings warnings;

  WarnExpiringPasswordsDelegate(PasswordExpiryWarnings warnings) {
    this.warnings = warnings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable("warnedAccounts",
        String.join(",", warnings.warnExpiring(EngineInternals.now())));
  }
}
