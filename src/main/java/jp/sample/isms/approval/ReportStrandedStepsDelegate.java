package jp.sample.isms.approval;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import jp.sample.isms.audit.AuditEntry;
import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.audit.AuditStepKind;
import jp.sample.isms.audit.Outcome;
import jp.sample.isms.notification.Notifier;
import jp.sample.isms.organisation.AccountStates;
import jp.sample.isms.organisation.OrganisationService;
import jp.sample.isms.organisation.Role;

/**
 * {@code ServiceTask_ReportStrandedSteps} of strandedStepReview (1.1, 10.1): any open step whose every possible actor
 * is disabled is mailed to the system administrators and recorded (newest first; the record keeps what fits); none is
 * the normal case, recorded too.
 */
@Component
class ReportStrandedStepsDelegate implements JavaDelegate {

  private final StepHandOver handOvers;
  private final Notifier notifier;
  private final OrganisationService organisation;
  private final AccountStates accounts;
  private final AuditRecorder audit;

  ReportStrandedStepsDelegate(StepHandOver handOvers, Notifier notifier, OrganisationService organisation,
      AccountStates accounts, AuditRecorder audit) {
    this.handOvers = handOvers;
    this.notifier = notifier;
    this.organisation = organisation;
    this.accounts = accounts;
    this.audit = audit;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<String> stranded = handOvers.stranded();
    execution.setVariable("strandedStepCount", stranded.size());
    audit.record(AuditEntry.event("organisation", "StrandedStepReview", "対応できる者のいないステップの確認",
            AuditStepKind.ORGANISATION)
        .by(AuditEntry.SYSTEM_ACTOR, "system")
        .outcome(stranded.isEmpty() ? Outcome.NO_STRANDED_STEPS : Outcome.STRANDED_STEPS_FOUND)
        .comment(String.join("; ", stranded)).clauses("1.1").build());
    if (stranded.isEmpty()) {
      return;
    }
    for (String administrator : organisation.members(Role.SYSTEM_ADMINISTRATOR.groupId(null))) {
      if (!accounts.isDisabled(administrator)) {
        notifier.send(administrator, "stranded-steps", Notifier.values("count", stranded.size(), "steps",
            String.join("\n", stranded)));
      }
    }
  }
}
