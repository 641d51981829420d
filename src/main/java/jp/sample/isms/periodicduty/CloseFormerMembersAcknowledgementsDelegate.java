package jp.sample.isms.periodicduty;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_CloseFormerMembersAcknowledgements} of {@code periodicDutySchedule}, 1.3: every night, the open
 * acknowledgements of people no longer on the committee are closed.
 */
@Component
class CloseFormerMembersAcknowledgementsDelegate implements JavaDelegate {

  private final CommitteeDepartures departures;

  CloseFormerMembersAcknowledgementsDelegate(CommitteeDepartures departures) {
    this.departures = departures;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable("closedAcknowledgements", String.join(",", departures.closeAcknowledgementsOfFormerMembers()));
  }
}
