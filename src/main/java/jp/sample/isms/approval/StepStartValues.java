package jp.sample.isms.approval;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import jp.sample.isms.system.ModelCallable;

/**
 * The values a step's form starts from, set by start listeners of the step, in place of {@code execution.setVariable}
 * which models may not call: the evaluation steps of cloudUse (7.18, 4.1.3), outsourcing (8.1.3) and resubcontracting
 * (8.1.5) start unchecked and empty after a send-back, and {@code UserTask_SetUpAccount} of accountRequest (5.1.5)
 * starts from what was approved. Used as {@code ${stepStartValues.set(execution, 'termsConform', false)}}; the kernel's
 * variables cannot be set this way. Public: the engine calls only public methods of public classes.
 */
@Component
public class StepStartValues {

  /** Sets {@code variable} of the request to {@code value}. */
  @ModelCallable
  public void set(DelegateExecution execution, String variable, Object value) {
    if (variable == null || ApprovalVariables.RESERVED.contains(variable)) {
      throw new BadUserRequestException("申請の基本情報はモデルから設定できません (a model may not set the kernel's "
          + "variable " + variable + ")");
    }
    execution.setVariable(variable, value);
  }
}
