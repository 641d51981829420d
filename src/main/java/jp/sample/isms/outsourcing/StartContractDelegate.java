package jp.sample.isms.outsourcing;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.RequestRecords;
import jp.sample.isms.audit.AuditRecorder;

/**
 * {@code ServiceTask_StartContract}, 8.1.3, 8.1.6 and 8.1.4: the contract and the NDA carry every item, so the
 * contract runs. Marks it running in the 委託先台帳 and gives the process its timers: the periodic evaluation every
 * {@code isms.outsourcing.evaluation-interval} from the contract's start (or from today when it started already), at
 * 9:00 Japan time, and the contract's end at the start of the day after its end date.
 */
@Component
class StartContractDelegate implements JavaDelegate {

  static final LocalTime EVALUATION_TIME = LocalTime.of(9, 0);

  private final RequestRecords records;
  private final ContractorRegister register;
  private final OutsourcingSettings settings;
  private final AuditRecorder audit;

  StartContractDelegate(ContractorRegister register, OutsourcingSettings settings, AuditRecorder audit, RequestRecords records) {
    this.records = records;
    this.register = register;
    this.settings = settings;
    this.audit = audit;
  }

  @Override
  public void execute(DelegateExecution execution) {
    OutsourcingRequest request = OutsourcingRequest.of(execution, records);
    OffsetDateTime now = audit.now();
    LocalDate today = now.atZoneSameInstant(audit.zone()).toLocalDate();
    LocalDate from = request.contractStart().isAfter(today) ? request.contractStart() : today;
    ZonedDateTime firstEvaluation = settings.after(from.atTime(EVALUATION_TIME).atZone(audit.zone()));
    String interval = settings.evaluationInterval();
    execution.setVariable(OutsourcingProcess.EVALUATION_INTERVAL, interval);
    // ISO-8601 repeating interval with a start: R/<first evaluation>/<interval>, until the contract ends
    execution.setVariable(OutsourcingProcess.EVALUATION_CYCLE,
        "R/" + firstEvaluation.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + "/" + interval);
    execution.setVariable(OutsourcingProcess.CONTRACT_ENDS_AT,
        Date.from(request.contractEnd().plusDays(1).atStartOfDay(audit.zone()).toInstant()));
    String confirmedBy = audit.latest(execution.getProcessInstanceId(), OutsourcingProcess.TASK_CONFIRM_CONTRACT)
        .actor();
    register.running(request.businessKey(),
        OutsourcingRequest.date(execution.getVariable(OutsourcingProcess.CONTRACT_CONCLUDED_ON)), confirmedBy,
        interval, now);
  }
}
