package jp.sample.isms.takeout;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.ApprovalVariables;
import jp.sample.isms.approval.RequestValues;
import jp.sample.isms.audit.AuditEntry;
import jp.sample.isms.audit.AuditRecorder;

/**
 * {@code ServiceTask_RecordDecision}, 3.2: writes the approver's decision into the 持ち出し台帳 and, when approved,
 * the return deadline and the day after it, when the requester is reminded.
 */
@Component
class RecordTakeOutDecisionDelegate implements JavaDelegate {

  /** Reminders go out in the morning, Japan time. */
  static final LocalTime REMINDER_TIME = LocalTime.of(9, 0);

  private final TakeOutRegister register;
  private final AuditRecorder audit;

  RecordTakeOutDecisionDelegate(TakeOutRegister register, AuditRecorder audit) {
    this.register = register;
    this.audit = audit;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String businessKey = RequestValues.businessKey(execution);
    String decision = (String) execution.getVariable(ApprovalVariables.DECISION);
    AuditEntry record = audit.latest(execution.getProcessInstanceId(), TakeOutProcess.TASK_APPROVE);
    String status = switch (decision) {
      case "APPROVED" -> "APPROVED";
      case "REJECTED" -> "REJECTED";
      default -> "SENT_BACK";
    };
    register.decided(businessKey, status, record.actor(), record.actingRole(), record.occurredAt());
    if ("APPROVED".equals(status)) {
      LocalDate plannedReturn = TakeOutRequest.of(execution).plannedReturnDate();
      execution.setVariable(TakeOutProcess.APPROVED_BY, record.actor());
      execution.setVariable(TakeOutProcess.RETURN_DUE_AT, at(plannedReturn, LocalTime.of(23, 59)));
      execution.setVariable(TakeOutProcess.RETURN_REMINDER_AT, at(plannedReturn.plusDays(1), REMINDER_TIME));
    }
  }

  private Date at(LocalDate day, LocalTime time) {
    return Date.from(day.atTime(time).atZone(audit.zone()).toInstant());
  }
}
