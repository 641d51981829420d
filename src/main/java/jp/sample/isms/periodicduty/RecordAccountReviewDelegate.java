package jp.sample.isms.periodicduty;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.engine.EngineInternals;

/**
 * {@code ServiceTask_RecordAccountReview} (5.1.5, 5.1.7): the head's decision on each row of the list, as it was
 * when the review was created, and the head as the one who did the duty.
 */
@Component
class RecordAccountReviewDelegate implements JavaDelegate {

  private final AccountReview review;
  private final Occurrences occurrences;
  private final AuditRecorder audit;

  RecordAccountReviewDelegate(AccountReview review, Occurrences occurrences, AuditRecorder audit) {
    this.review = review;
    this.occurrences = occurrences;
    this.audit = audit;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reviewer = EngineInternals.commandUser();
    Set<Long> listed = AccountReview.rows((String) execution.getVariable(PeriodicDutyProcess.ACCOUNT_ROWS));
    List<AccountReview.Account> accounts = review.accounts(
        (String) execution.getVariable(PeriodicDutyProcess.DEPARTMENT_CODE)).stream()
        .filter(a -> listed.contains(a.rowId())).toList();
    review.record(execution.getProcessBusinessKey(), accounts,
        AccountReview.rows((String) execution.getVariable(PeriodicDutyProcess.DELETE_ROWS)),
        AccountReview.rows((String) execution.getVariable(PeriodicDutyProcess.CHANGE_ROWS)), reviewer, audit.now());
    occurrences.performed(execution.getProcessInstanceId(), reviewer, audit.now());
  }
}
