package jp.sample.isms.incident;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.RequestRecords;
import jp.sample.isms.approval.RequestValues;
import jp.sample.isms.audit.AuditRecorder;

/**
 * End of {@code UserTask_CarryOutProcedureStep} (9.4) and {@code UserTask_RecoverServiceTarget} (9.5.1): the step's
 * outcome and evidence, and a filing's date, office and reference number, go into the インシデント管理台帳.
 */
@Component
class RecordProcedureStepListener implements ExecutionListener {

  private final IncidentRegister register;
  private final RequestRecords records;
  private final AuditRecorder audit;

  RecordProcedureStepListener(IncidentRegister register, RequestRecords records, AuditRecorder audit) {
    this.register = register;
    this.records = records;
    this.audit = audit;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String businessKey = records.businessKey(execution);
    if (IncidentProcess.TASK_RECOVER_TARGET.equals(execution.getCurrentActivityId())) {
      register.stepDone(businessKey,
          PlanIncidentResponseDelegate.RECOVERY_PREFIX + Incidents.string(execution, IncidentProcess.RECOVERY_TARGET),
          IncidentProcess.DONE, Incidents.string(execution, IncidentProcess.RECOVERY_RESULT), null, null, null,
          Incidents.actor(), audit.now());
      return;
    }
    String step = Incidents.string(execution, IncidentProcess.PROCEDURE_STEP);
    String outcome = Incidents.string(execution, IncidentProcess.STEP_OUTCOME);
    String filing = Incidents.string(execution, IncidentProcess.STEP_FILING);
    String office = Incidents.string(execution, IncidentProcess.FILING_OFFICE);
    String reference = Incidents.string(execution, IncidentProcess.FILING_REFERENCE);
    java.time.LocalDate filedOn = RequestValues.date(execution.getVariable(IncidentProcess.FILED_ON));
    boolean filed = filing != null && IncidentProcess.DONE.equals(outcome);
    register.stepDone(businessKey, step, outcome, Incidents.string(execution, IncidentProcess.STEP_EVIDENCE),
        filed ? filedOn : null, filed ? office : null, filed ? reference : null, Incidents.actor(), audit.now());
    if (filed) {
      register.filed(businessKey, IncidentFlow.filingName(filing) + " " + filedOn + " " + office + " 受理番号 " + reference);
    }
  }
}
