package jp.sample.isms.periodicduty;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_PlanBackupWeeks}, 4.1.4: the weeks of the month's backup check are entered, 未記録. */
@Component
class PlanBackupWeeksDelegate implements JavaDelegate {

  private final BackupChecks backups;

  PlanBackupWeeksDelegate(BackupChecks backups) {
    this.backups = backups;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // the occurrence is being started: its row does not know its process instance yet
    if (backups.weeks(execution.getProcessBusinessKey()).isEmpty()) {
      backups.plan(((Number) execution.getVariable(PeriodicDutyProcess.OCCURRENCE_ID)).longValue(),
          execution.getProcessBusinessKey(), execution.getProcessInstanceId(),
          java.time.LocalDate.parse((String) execution.getVariable(PeriodicDutyProcess.DUE_DATE)));
    }
  }
}
