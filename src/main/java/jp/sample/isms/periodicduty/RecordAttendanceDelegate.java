package jp.sample.isms.periodicduty;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.RequestValues;
import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.engine.EngineInternals;

/** {@code ServiceTask_RecordAttendance} (2.4): the session and the attendance of every person in 教育実施記録. */
@Component
class RecordAttendanceDelegate implements JavaDelegate {

  private final EducationRegister register;
  private final Occurrences occurrences;
  private final AuditRecorder audit;

  RecordAttendanceDelegate(EducationRegister register, Occurrences occurrences, AuditRecorder audit) {
    this.register = register;
    this.occurrences = occurrences;
    this.audit = audit;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String officer = EngineInternals.commandUser();
    List<String> absent = register.record(execution.getProcessBusinessKey(),
        RequestValues.date(execution.getVariable(PeriodicDutyProcess.SESSION_DATE)),
        (String) execution.getVariable(PeriodicDutyProcess.TOPIC),
        EducationRegister.ids((String) execution.getVariable(PeriodicDutyProcess.ABSENTEES)), officer, audit.now());
    execution.setVariable(PeriodicDutyProcess.ABSENTEE_COUNT, absent.size());
    execution.setVariable(PeriodicDutyProcess.ABSENTEES, String.join(", ", absent));
    occurrences.performed(execution.getProcessInstanceId(), officer, audit.now());
  }
}
