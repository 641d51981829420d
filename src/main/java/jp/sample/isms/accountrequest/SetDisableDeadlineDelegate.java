package jp.sample.isms.accountrequest;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_SetDisableDeadline}, 5.1.7: the account must be deleted or disabled by the end of the day after
 * the day it became unneeded, in the product's zone ({@code isms.time-zone}); the disabling step is due then and its timer fires then.
 */
@Component
class SetDisableDeadlineDelegate implements JavaDelegate {

  static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

  private final ZoneId zone;

  SetDisableDeadlineDelegate(ZoneId zone) {
    this.zone = zone;
  }

  @Override
  public void execute(DelegateExecution execution) {
    AccountRequest request = AccountRequest.of(execution);
    execution.setVariable(AccountRequestProcess.DISABLE_DUE_AT, Date.from(
        request.unneededDate().plusDays(1).atTime(END_OF_DAY).atZone(zone).toInstant()));
  }
}
