package jp.sample.isms.periodicduty;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.FourEyesViolationException;
import jp.sample.isms.engine.EngineInternals;

/**
 * {@code UserTask_AcknowledgeSharing} (assignment, complete), 1.3: each committee member acknowledges the shared
 * threat information for themselves; nobody else (another holder of the same role included) takes or completes their
 * acknowledgement. The kernel's own checks (role, requester) apply besides.
 */
@Component
class CommitteeAcknowledgementListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    String actor = EVENTNAME_ASSIGNMENT.equals(task.getEventName()) ? task.getAssignee()
        : EngineInternals.commandUser();
    if (actor == null) {
      return; // an unassignment; completing without a user is refused by the kernel
    }
    Object member = task.getVariable(PeriodicDutyProcess.COMMITTEE_MEMBER);
    if (!actor.equals(member)) {
      throw new FourEyesViolationException("委員会メンバー本人の確認です。本人以外は確認できません (1.3: only the committee "
          + "member " + member + " acknowledges this)");
    }
  }
}
