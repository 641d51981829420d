package jp.sample.isms.incident;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.RequestRecords;
import jp.sample.isms.approval.RequestValues;
import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.periodicduty.EducationRegister;

/**
 * {@code ServiceTask_RecordReEducation}, 2.5: the re-education the education officer conducted is recorded in the
 * 教育実施記録 for each violator named at the closure, under the incident number, so each violator's education
 * history shows it.
 */
@Component
class RecordReEducationDelegate implements JavaDelegate {

  private final EducationRegister education;
  private final AuditRecorder audit;
  private final RequestRecords records;

  RecordReEducationDelegate(EducationRegister education, AuditRecorder audit, RequestRecords records) {
    this.education = education;
    this.audit = audit;
    this.records = records;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String businessKey = records.businessKey(execution);
    String educatedBy = audit.latest(execution.getProcessInstanceId(), IncidentProcess.TASK_RE_EDUCATE).actor();
    List<String> violators = education.peopleNamedIn(Incidents.string(execution, IncidentProcess.VIOLATOR));
    for (String violator : violators) {
      education.recordPerson(businessKey, RequestValues.date(execution.getVariable(IncidentProcess.EDUCATED_ON)),
          "違反者の再教育 (2.5): " + Incidents.string(execution, IncidentProcess.EDUCATION_CONTENT), violator,
          educatedBy, audit.now());
    }
  }
}
