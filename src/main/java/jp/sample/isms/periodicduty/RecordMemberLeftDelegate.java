package jp.sample.isms.periodicduty;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.FourEyesViolationException;
import jp.sample.isms.audit.AuditEntry;
import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.audit.Outcome;
import jp.sample.isms.notification.Notifier;
import jp.sample.isms.organisation.OrganisationService;
import jp.sample.isms.organisation.Role;

/**
 * {@code ServiceTask_RecordMemberLeft}, 1.3: a member's acknowledgement closed because they are no longer on the
 * committee is recorded as {@code LEFT_COMMITTEE} (who, why, when; not counted as acknowledged) and the security
 * officers are told by mail. A member who has not left is refused (403), whoever sent the message.
 */
@Component
class RecordMemberLeftDelegate implements JavaDelegate {

  private final Occurrences occurrences;
  private final AuditRecorder audit;
  private final OrganisationService organisation;
  private final Notifier notifier;
  private final CommitteeDepartures departures;

  RecordMemberLeftDelegate(Occurrences occurrences, AuditRecorder audit, OrganisationService organisation,
      Notifier notifier, CommitteeDepartures departures) {
    this.departures = departures;
    this.occurrences = occurrences;
    this.audit = audit;
    this.organisation = organisation;
    this.notifier = notifier;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String member = (String) execution.getVariable(PeriodicDutyProcess.COMMITTEE_MEMBER);
    // whoever sent the message (an administrator through the engine's API included): only a member who has left
    String reason = departures.reasonLeft(member).orElseThrow(() -> new FourEyesViolationException(
        "委員会メンバーの確認は本人が行います。委員のままの人の確認は閉じられません (1.3: " + member
            + " is still a committee member)"));
    Occurrences.Occurrence occurrence = occurrences.byProcessInstance(execution.getProcessInstanceId()).orElseThrow();
    String text = organisation.displayName(member) + " (" + member + ") は委員でなくなったため、確認の対象外としました: "
        + reason;
    audit.record(AuditEntry.systemStep(occurrence.businessKey(), execution.getProcessInstanceId(),
            PeriodicDutyProcess.KEY, PeriodicDutyProcess.TASK_ACKNOWLEDGE, "共有された脅威・脆弱性情報を確認する")
        .requester(member).outcome(Outcome.LEFT_COMMITTEE).comment(text).clauses("1.3").build());
    for (String officer : organisation.members(Role.SECURITY_OFFICER.groupId(null))) {
      notifier.send(officer, "committee-member-left", Notifier.values("businessKey", occurrence.businessKey(),
          "member", member, "memberName", organisation.displayName(member), "reason", reason, "dutyName",
          occurrence.dutyName()));
    }
  }
}
