package jp.sample.isms.onboarding;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.RequestRecords;
import jp.sample.isms.approval.RequestValues;
import jp.sample.isms.audit.AuditRecorder;

/** {@code ServiceTask_RecordTraining}, 2.4: records the initial training (who, when, what) with the onboarding. */
@Component
class RecordInitialTrainingDelegate implements JavaDelegate {

  private final OnboardingRegister register;
  private final AuditRecorder audit;
  private final RequestRecords records;

  RecordInitialTrainingDelegate(OnboardingRegister register, AuditRecorder audit, RequestRecords records) {
    this.register = register;
    this.audit = audit;
    this.records = records;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String trainedBy = audit.latest(execution.getProcessInstanceId(), OnboardingProcess.TASK_CONDUCT_TRAINING).actor();
    register.trained(records.businessKey(execution), trainedBy,
        RequestValues.date(execution.getVariable(OnboardingProcess.TRAINED_ON)),
        RequestValues.string(execution, OnboardingProcess.TRAINING_CONTENT));
  }
}
