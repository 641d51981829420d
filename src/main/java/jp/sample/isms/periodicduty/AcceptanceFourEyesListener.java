package jp.sample.isms.periodicduty;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.FourEyesViolationException;
import jp.sample.isms.engine.EngineInternals;

/**
 * {@code UserTask_AcceptDuty} (assignment, complete): whoever did the duty never accepts it (4 つの目の原則), whatever
 * role they also hold; the kernel's own checks (role, requester) apply besides.
 */
@Component
class AcceptanceFourEyesListener implements TaskListener {

  private final Occurrences occurrences;

  AcceptanceFourEyesListener(Occurrences occurrences) {
    this.occurrences = occurrences;
  }

  @Override
  public void notify(DelegateTask task) {
    String actor = EVENTNAME_ASSIGNMENT.equals(task.getEventName()) ? task.getAssignee()
        : EngineInternals.commandUser();
    if (actor == null) {
      return; // an unassignment; completing without a user is refused by the kernel
    }
    String performer = occurrences.byProcessInstance(task.getProcessInstanceId())
        .map(Occurrences.Occurrence::performedBy).orElse(null);
    if (actor.equals(performer)) {
      throw new FourEyesViolationException("自分が実施した定期業務は確認できません (4つの目の原則: the doer never accepts"
          + " their own duty)");
    }
  }
}
