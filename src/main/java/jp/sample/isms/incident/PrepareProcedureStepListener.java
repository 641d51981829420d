package jp.sample.isms.incident;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.RequestRecords;

/**
 * Start of {@code UserTask_CarryOutProcedureStep} (9.4) and {@code UserTask_RecoverServiceTarget} (9.5.1): shows the
 * step of the checklist (number, what to do, filing, due date) or the row of the recovery table (target, what to do,
 * recovery owner, contact), and gives each step its own empty answer, so that parallel steps never share one.
 */
@Component
class PrepareProcedureStepListener implements ExecutionListener {

  private final IncidentRegister register;
  private final IncidentProperties properties;
  private final RequestRecords records;

  PrepareProcedureStepListener(IncidentRegister register, IncidentProperties properties, RequestRecords records) {
    this.register = register;
    this.properties = properties;
    this.records = records;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (IncidentProcess.TASK_RECOVER_TARGET.equals(execution.getCurrentActivityId())) {
      IncidentProperties.RecoveryTarget target = properties
          .recoveryTarget(Incidents.string(execution, IncidentProcess.RECOVERY_TARGET)).orElseThrow();
      execution.setVariableLocal(IncidentProcess.RECOVERY_TARGET_NAME, target.name());
      execution.setVariableLocal(IncidentProcess.RECOVERY_ACTIONS, String.join("\n", target.actions()));
      execution.setVariableLocal(IncidentProcess.RECOVERY_OWNER, target.owner());
      execution.setVariableLocal(IncidentProcess.RECOVERY_CONTACT, target.contact());
      execution.setVariableLocal(IncidentProcess.RECOVERY_RESULT, null);
      return;
    }
    IncidentRegister.Step step = register.step(records.businessKey(execution),
        Incidents.string(execution, IncidentProcess.PROCEDURE_STEP)).orElseThrow();
    execution.setVariableLocal(IncidentProcess.STEP_NUMBER, step.number());
    execution.setVariableLocal(IncidentProcess.STEP_TEXT, step.text());
    execution.setVariableLocal(IncidentProcess.STEP_FILING, step.filing() == null ? "" : step.filing());
    execution.setVariableLocal(IncidentProcess.STEP_DUE_AT,
        step.dueAt() == null ? null : Date.from(step.dueAt().toInstant()));
    for (String answer : new String[] {IncidentProcess.STEP_OUTCOME, IncidentProcess.STEP_EVIDENCE,
        IncidentProcess.FILED_ON, IncidentProcess.FILING_OFFICE, IncidentProcess.FILING_REFERENCE}) {
      execution.setVariableLocal(answer, null);
    }
  }
}
