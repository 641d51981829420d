package jp.sample.isms.onboarding;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.RequestRecords;
import jp.sample.isms.approval.RequestValues;
import jp.sample.isms.audit.AuditEntry;
import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.audit.Outcome;
import jp.sample.isms.engine.EngineInternals;
import jp.sample.isms.organisation.OrganisationData;
import jp.sample.isms.organisation.OrganisationImporter;

/**
 * {@code ServiceTask_CreateProductAccount}, 2.1 and 5.1.9: creates the new employee's account of this product through
 * the organisation's import (no password until the system administrator issues a one-time password, which must be
 * changed at the first login, 5.1.8), with the employee flag that account requests rely on (5.1.9), and records it
 * with the undertaking it rests on.
 */
@Component
class CreateProductAccountDelegate implements JavaDelegate {

  private final OrganisationImporter importer;
  private final OnboardingDocuments documents;
  private final OnboardingRegister register;
  private final AuditRecorder audit;
  private final RequestRecords records;
  private final IdentityService identity;

  CreateProductAccountDelegate(OrganisationImporter importer, OnboardingDocuments documents,
      OnboardingRegister register, AuditRecorder audit, RequestRecords records, @Lazy IdentityService identity) {
    this.importer = importer;
    this.documents = documents;
    this.register = register;
    this.audit = audit;
    this.records = records;
    this.identity = identity;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String businessKey = records.businessKey(execution);
    String userId = RequestValues.string(execution, OnboardingProcess.NEW_USER_ID);
    String department = RequestValues.string(execution, OnboardingProcess.DEPARTMENT_CODE);
    OnboardingDocuments.Undertaking undertaking = documents.undertaking(execution.getProcessInstanceId())
        .orElseThrow(() -> new IllegalStateException("no confidentiality undertaking on " + businessKey));
    String createdBy = audit.latest(execution.getProcessInstanceId(), OnboardingProcess.TASK_CREATE_ACCOUNT).actor();
    OrganisationData.PersonEntry person = new OrganisationData.PersonEntry(1, userId,
        RequestValues.string(execution, OnboardingProcess.LAST_NAME),
        RequestValues.string(execution, OnboardingProcess.FIRST_NAME),
        RequestValues.string(execution, OnboardingProcess.EMAIL), department, null, true, "ja", List.of());
    // the product creates the account, whoever took the step (the security officer when the administrator filed)
    EngineInternals.asSystem(identity, () -> {
      importer.importOrganisation(new OrganisationData(businessKey, List.of(
          new OrganisationData.Department(1, department, null, null, List.of())), List.of(person)), null);
      return null;
    });
    register.accountCreated(businessKey, execution.getProcessInstanceId(), records.requester(execution), userId,
        department, RequestValues.date(execution.getVariable(OnboardingProcess.HIRE_DATE)), undertaking, createdBy,
        audit.now());
    audit.record(AuditEntry.systemStep(businessKey, execution.getProcessInstanceId(), OnboardingProcess.KEY,
            execution.getCurrentActivityId(), "承認システムのアカウントを作成し従業員として登録する")
        .requester(records.requester(execution), records.department(execution)).outcome(Outcome.ACCOUNT_CREATED)
        .comment("従業員 " + userId + " (" + department + ") のアカウントを作成 (パスワードなし: ワンタイムパスワードの発行待ち)。"
            + "秘密保持誓約書 " + undertaking.attachmentId() + " sha256=" + undertaking.sha256())
        .clauses("2.1,5.1.9").build());
  }
}
