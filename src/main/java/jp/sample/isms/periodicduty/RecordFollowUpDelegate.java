package jp.sample.isms.periodicduty;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.RequestValues;

/** {@code ServiceTask_RecordFollowUp} (2.4): how the absentees of the session were followed up. */
@Component
class RecordFollowUpDelegate implements JavaDelegate {

  private final EducationRegister register;

  RecordFollowUpDelegate(EducationRegister register) {
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    register.followedUp(execution.getProcessBusinessKey(),
        RequestValues.date(execution.getVariable(PeriodicDutyProcess.FOLLOWED_UP_ON)),
        (String) execution.getVariable(PeriodicDutyProcess.FOLLOW_UP_NOTE));
  }
}
