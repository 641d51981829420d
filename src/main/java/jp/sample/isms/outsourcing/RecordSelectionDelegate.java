package jp.sample.isms.outsourcing;

import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.RequestRecords;
import jp.sample.isms.audit.AuditEntry;
import jp.sample.isms.audit.AuditRecorder;

/**
 * {@code ServiceTask_RecordSelection}, 8.1.1 and 8.1.2: enters the contract in the 委託先台帳 as selected, with who
 * evaluated, who approved, and the evaluation on the fifteen criteria (evidence and mitigations) as its first
 * evaluation.
 */
@Component
class RecordSelectionDelegate implements JavaDelegate {

  private final RequestRecords records;
  private final ContractorRegister register;
  private final AuditRecorder audit;

  RecordSelectionDelegate(ContractorRegister register, AuditRecorder audit, RequestRecords records) {
    this.records = records;
    this.register = register;
    this.audit = audit;
  }

  @Override
  public void execute(DelegateExecution execution) {
    OutsourcingRequest request = OutsourcingRequest.of(execution, records);
    String processInstanceId = execution.getProcessInstanceId();
    AuditEntry evaluation = audit.latest(processInstanceId, OutsourcingProcess.TASK_EVALUATE);
    AuditEntry approval = audit.latest(processInstanceId, OutsourcingProcess.TASK_APPROVE);
    List<SelectionCriterion> unmet = OutsourcingRequest.unmetCriteria(execution);
    String marks = unmet.isEmpty() ? null : SelectionCriterion.marks(unmet);
    register.selected(request, processInstanceId, evaluation.actor(), approval.actor(), marks, audit.now());
    register.evaluated(request.businessKey(), processInstanceId, ContractorRegister.SELECTION, null,
        evaluation.occurredAt().atZoneSameInstant(audit.zone()).toLocalDate(), evaluation.actor(), marks,
        findings(execution), !unmet.isEmpty(), null, audit.now());
  }

  /** One line per criterion: {@code ③ 満たしていない — 根拠: … — 対策: …}. */
  private static String findings(DelegateExecution execution) {
    return SelectionCriterion.all().stream().map(c -> {
      boolean met = SelectionCriterion.MET.equals(OutsourcingRequest.string(execution, c.variable()));
      String line = c.mark() + " " + (met ? "満たしている" : "満たしていない") + " — 根拠: "
          + OutsourcingRequest.string(execution, c.evidenceVariable());
      return met ? line : line + " — 対策: " + OutsourcingRequest.string(execution, c.mitigationVariable());
    }).collect(Collectors.joining("\n"));
  }
}
