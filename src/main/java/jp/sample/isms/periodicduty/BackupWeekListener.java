package jp.sample.isms.periodicduty;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.RequestValues;
import jp.sample.isms.approval.ValidationErrors;
import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.engine.EngineInternals;

/**
 * {@code UserTask_RecordBackupWeek} (create, complete), 4.1.1/4.1.4: the step shows its week's rows (target and
 * scheduled day); completed, the week is recorded row by row with who recorded it.
 */
@Component
class BackupWeekListener implements TaskListener {

  private final BackupChecks backups;
  private final AuditRecorder audit;

  BackupWeekListener(BackupChecks backups, AuditRecorder audit) {
    this.backups = backups;
    this.audit = audit;
  }

  @Override
  public void notify(DelegateTask task) {
    long weekId = ((Number) task.getVariable(PeriodicDutyProcess.BACKUP_WEEK)).longValue();
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      task.setVariableLocal(PeriodicDutyProcess.BACKUP_WEEK_LABEL, BackupChecks.label(backups.week(weekId)));
      task.setVariableLocal(PeriodicDutyProcess.BACKUP_ROWS, backups.rowsText(weekId));
      task.setVariableLocal(PeriodicDutyProcess.MISSED_ROWS, null);
      task.setVariableLocal(PeriodicDutyProcess.BACKUP_NOTE, null);
      return;
    }
    String note = RequestValues.string(task.getVariable(PeriodicDutyProcess.BACKUP_NOTE));
    ValidationErrors errors = new ValidationErrors();
    var missed = backups.missed(weekId, RequestValues.string(task.getVariable(PeriodicDutyProcess.MISSED_ROWS)), note,
        errors);
    errors.throwIfAny();
    backups.record(weekId, missed, note, EngineInternals.commandUser(), audit.now());
  }
}
