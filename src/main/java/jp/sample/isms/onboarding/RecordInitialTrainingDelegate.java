package jp.sample.isms.onboarding;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.RequestRecords;
import jp.sample.isms.approval.RequestValues;
import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.periodicduty.EducationRegister;

/**
 * {@code ServiceTask_RecordTraining}, 2.4: records the initial training (who, when, what) with the onboarding and in
 * the 教育実施記録, so the new person's education history starts with their training at hiring.
 */
@Component
class RecordInitialTrainingDelegate implements JavaDelegate {

  private final OnboardingRegister register;
  private final AuditRecorder audit;
  private final RequestRecords records;
  private final EducationRegister education;

  RecordInitialTrainingDelegate(OnboardingRegister register, AuditRecorder audit, RequestRecords records,
      EducationRegister education) {
    this.register = register;
    this.audit = audit;
    this.records = records;
    this.education = education;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String trainedBy = audit.latest(execution.getProcessInstanceId(), OnboardingProcess.TASK_CONDUCT_TRAINING).actor();
    String businessKey = records.businessKey(execution);
    java.time.LocalDate trainedOn = RequestValues.date(execution.getVariable(OnboardingProcess.TRAINED_ON));
    String content = RequestValues.string(execution, OnboardingProcess.TRAINING_CONTENT);
    register.trained(businessKey, trainedBy, trainedOn, content);
    education.recordPerson(businessKey, trainedOn, "入社時教育 (2.4): " + content,
        RequestValues.string(execution, OnboardingProcess.NEW_USER_ID), trainedBy, audit.now());
  }
}
