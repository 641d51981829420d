package jp.sample.isms.periodicduty;

import java.util.List;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.RequestValidationException;
import jp.sample.isms.audit.AuditRecorder;

/**
 * {@code ServiceTask_FileAccountRequests} (5.1.5, 5.1.7; a job of its own): files a CHANGE or DELETE accountRequest
 * for each marked row, in the reviewing head's name, through the start form like any filing, so that it is numbered,
 * validated, routed and recorded by the kernel. The request's number is entered against the row.
 */
@Component
class FileReviewedAccountRequestsDelegate implements JavaDelegate {

  static final String ACCOUNT_REQUEST = "accountRequest";

  private final AccountReview review;
  private final FormService forms;
  private final RepositoryService repository;
  private final IdentityService identity;
  private final Unrestricted unrestricted;
  private final AuditRecorder audit;

  FileReviewedAccountRequestsDelegate(AccountReview review, FormService forms, RepositoryService repository,
      IdentityService identity, Unrestricted unrestricted, AuditRecorder audit) {
    this.review = review;
    this.forms = forms;
    this.repository = repository;
    this.identity = identity;
    this.unrestricted = unrestricted;
    this.audit = audit;
  }

  @Override
  public void execute(DelegateExecution execution) throws Exception {
    String rights = (String) execution.getVariable(PeriodicDutyProcess.CHANGE_RIGHTS);
    for (AccountReview.Result row : review.unfiled(execution.getProcessBusinessKey())) {
      List<String> groups = identity.createGroupQuery().groupMember(row.reviewer()).list().stream()
          .map(Group::getId).toList();
      String definition = repository.createProcessDefinitionQuery().processDefinitionKey(ACCOUNT_REQUEST)
          .latestVersion().singleResult().getId();
      try {
        ProcessInstance request = unrestricted.as(row.reviewer(), groups, () -> forms.submitStartForm(definition,
            AccountReview.request(row, rights, execution.getProcessBusinessKey(), audit.now().toLocalDate())));
        review.filed(row.id(), request.getBusinessKey());
      } catch (RequestValidationException refused) {
        // e.g. the account was disabled meanwhile: the kernel recorded a refusal; the row says so instead of a number
        review.filed(row.id(), AccountReview.REFUSED);
      }
    }
  }
}
