package jp.sample.isms.periodicduty;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

  private final RuntimeService runtime;
  private final Committee committee;
  private final AccountStates accounts;

  CommitteeDepartures(@Lazy RuntimeService runtime, Committee committee, AccountStates accounts) {
    this.runtime = runtime;
    this.committee = committee;
    this.accounts = accounts;
  }

  /**
   * Why {@code member} is no longer on the committee (account disabled, or no committee role held); empty while they
   * are. The only place this is decided: the closing step refuses a member who has not left, whoever sent the message.
   */
  public Optional<String> reasonLeft(String member) {
    if (accounts.isDisabled(member)) {
      return Optional.of("アカウントが停止されたため (account disabled)");
    }
    return committee.members().contains(member) ? Optional.empty()
        : Optional.of("委員会の役割を外れたため (no longer holds a committee role)");
  }

  /** Closes the open acknowledgements of everyone no longer on the committee; returns "request member" of each. */
  public List<String> closeAcknowledgementsOfFormerMembers() {
    List<String> closed = new ArrayList<>();
    for (EventSubscription subscription : runtime.createEventSubscriptionQuery().eventType("message")
        .eventName(PeriodicDutyProcess.MESSAGE_MEMBER_LEFT).list()) {
      String member = (String) runtime.getVariable(subscription.getExecutionId(),
          PeriodicDutyProcess.COMMITTEE_MEMBER);
      if (reasonLeft(member).isPresent()) {
        runtime.messageEventReceived(PeriodicDutyProcess.MESSAGE_MEMBER_LEFT, subscription.getExecutionId());
        closed.add(subscription.getProcessInstanceId() + " " + member);
      }
    }
    return closed;
  }
}
