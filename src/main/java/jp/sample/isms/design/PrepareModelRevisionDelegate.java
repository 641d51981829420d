package jp.sample.isms.design;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.RequestRecords;
import jp.sample.isms.approval.RequestValues;
import jp.sample.isms.approval.ValidationErrors;
import jp.sample.isms.organisation.OrganisationService;
import jp.sample.isms.organisation.Role;

/**
 * {@code ServiceTask_PrepareRevision}, 1.4: binds the filed files to the request number, shows them with their hashes,
 * and routes the approval to the security officer — or to the president when the security officer proposes.
 */
@Component
class PrepareModelRevisionDelegate implements JavaDelegate {

  private final ModelRevisionFilings filings;
  private final RequestRecords records;
  private final OrganisationService organisation;

  PrepareModelRevisionDelegate(ModelRevisionFilings filings, RequestRecords records,
      OrganisationService organisation) {
    this.filings = filings;
    this.records = records;
    this.organisation = organisation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String businessKey = records.businessKey(execution);
    String requester = records.requester(execution);
    ModelRevisionFilings.Filing filing = filings.of(businessKey);
    if (filing == null) {
      String filingId = RequestValues.string(execution, ModelRevisionProcess.FILING);
      if (filingId == null || !filings.bind(filingId, requester, businessKey)) {
        new ValidationErrors().refuse(ModelRevisionProcess.FILING, "1.4", "この受付番号の申請ファイルはありません。"
            + "プロセス設計画面 (/design/) から申請してください (no open filing of yours with this number)").throwIfAny();
      }
      filing = filings.of(businessKey);
    }
    execution.setVariable(ModelRevisionProcess.FILES, ModelRevisionFilings.summary(filing.files()));
    execution.setVariable(ModelRevisionProcess.EMERGENCY, filing.emergency());
    execution.setVariable(ModelRevisionProcess.APPROVER_ROLE,
        organisation.holdsAnywhere(requester, Role.SECURITY_OFFICER) ? Role.PRESIDENT.name()
            : Role.SECURITY_OFFICER.name());
  }
}
