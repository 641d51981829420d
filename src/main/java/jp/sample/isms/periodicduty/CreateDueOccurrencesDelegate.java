package jp.sample.isms.periodicduty;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_CreateDueOccurrences} of {@code periodicDutySchedule}: files the occurrences that came up. */
@Component
class CreateDueOccurrencesDelegate implements JavaDelegate {

  private final PeriodicDutyScheduler scheduler;

  CreateDueOccurrencesDelegate(PeriodicDutyScheduler scheduler) {
    this.scheduler = scheduler;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable("createdOccurrences", String.join(",", scheduler.createDue()));
  }
}
