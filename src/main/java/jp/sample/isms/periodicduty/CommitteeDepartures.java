package jp.sample.isms.periodicduty;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.EventSubscription;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import jp.sample.isms.organisation.AccountStates;
import jp.sample.isms.organisation.Committee;

/**
 * 1.3: a committee member who leaves the committee (account disabled — offboarded or inactive — or no longer holding
 * a committee role after a role change) is no longer asked to acknowledge: each of their open acknowledgements is
 * closed as 「委員でなくなった」 ({@code BoundaryEvent_MemberLeft}), recorded with why and when, and no longer counted;
 * the others' acknowledgements go on. Run every night by {@code periodicDutySchedule} and whenever called.
 */
@Component
public class CommitteeDepartures {

  /** Why an acknowledgement was closed: variable of {@code ServiceTask_RecordMemberLeft}. */
  static final String LEFT_REASON = "memberLeftReason";

  private final RuntimeService runtime;
  private final Committee committee;
  private final AccountStates accounts;

  CommitteeDepartures(@Lazy RuntimeService runtime, Committee committee, AccountStates accounts) {
    this.runtime = runtime;
    this.committee = committee;
    this.accounts = accounts;
  }

  /** Closes the open acknowledgements of everyone no longer on the committee; returns "request member" of each. */
  public List<String> closeAcknowledgementsOfFormerMembers() {
    List<String> members = committee.members();
    List<String> closed = new ArrayList<>();
    for (EventSubscription subscription : runtime.createEventSubscriptionQuery().eventType("message")
        .eventName(PeriodicDutyProcess.MESSAGE_MEMBER_LEFT).list()) {
      String member = (String) runtime.getVariable(subscription.getExecutionId(),
          PeriodicDutyProcess.COMMITTEE_MEMBER);
      String reason = accounts.isDisabled(member) ? "アカウントが停止されたため (account disabled)"
          : !members.contains(member) ? "委員会の役割を外れたため (no longer holds a committee role)" : null;
      if (reason != null) {
        runtime.messageEventReceived(PeriodicDutyProcess.MESSAGE_MEMBER_LEFT, subscription.getExecutionId(),
            java.util.Map.of(LEFT_REASON, reason));
        closed.add(subscription.getProcessInstanceId() + " " + member);
      }
    }
    return closed;
  }
}
