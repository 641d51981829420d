package jp.sample.isms.periodicduty;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.RequestValues;
import jp.sample.isms.approval.ValidationErrors;
import jp.sample.isms.audit.AuditRecorder;

/**
 * {@code ServiceTask_RecordImprovementPlan}, 1.2: the improvement items the audit officer entered (validated by the
 * step) are entered one by one, replacing those of a try that was sent back; they are tracked once the audit is
 * accepted.
 */
@Component
class RecordImprovementPlanDelegate implements JavaDelegate {

  private final Occurrences occurrences;
  private final ImprovementItems improvements;
  private final AuditRecorder audit;
  private final PeriodicDutyScheduler scheduler;

  RecordImprovementPlanDelegate(Occurrences occurrences, ImprovementItems improvements, AuditRecorder audit,
      PeriodicDutyScheduler scheduler) {
    this.scheduler = scheduler;
    this.occurrences = occurrences;
    this.improvements = improvements;
    this.audit = audit;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Occurrences.Occurrence occurrence = occurrences.byProcessInstance(execution.getProcessInstanceId()).orElseThrow();
    String text = RequestValues.string(execution.getVariable(PeriodicDutyProcess.IMPROVEMENTS));
    // the step refused an invalid plan; read it here the same way, as of the day it was entered
    ValidationErrors ignored = new ValidationErrors();
    improvements.plan(occurrence, ImprovementItems.parse(text, scheduler.today(), ignored), audit.now());
  }
}
