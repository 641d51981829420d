package jp.sample.isms.periodicduty;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_SummariseBackupWeeks}, 4.1.4: the month's result grouped per week (every week of the month, a
 * missing one as 未記録) is what the security officer signs off.
 */
@Component
class SummariseBackupWeeksDelegate implements JavaDelegate {

  private final BackupChecks backups;

  SummariseBackupWeeksDelegate(BackupChecks backups) {
    this.backups = backups;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(PeriodicDutyProcess.RESULT, backups.summary(execution.getProcessBusinessKey()));
    execution.setVariable(PeriodicDutyProcess.CHECKLIST_CONFIRMED, true);
  }
}
