package jp.sample.isms.incident;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.RequestRecords;
import jp.sample.isms.audit.AuditRecorder;

/** End of {@code UserTask_AcknowledgeIncident}, 9.3: the register keeps when the report was first acknowledged, and by whom. */
@Component
class RecordIncidentAcknowledgementListener implements ExecutionListener {

  private final IncidentRegister register;
  private final RequestRecords records;
  private final AuditRecorder audit;

  RecordIncidentAcknowledgementListener(IncidentRegister register, RequestRecords records, AuditRecorder audit) {
    this.register = register;
    this.records = records;
    this.audit = audit;
  }

  @Override
  public void notify(DelegateExecution execution) {
    register.acknowledged(records.businessKey(execution), Incidents.actor(), audit.now());
  }
}
