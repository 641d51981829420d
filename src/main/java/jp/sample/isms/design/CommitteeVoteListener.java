package jp.sample.isms.design;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.ApprovalVariables;
import jp.sample.isms.approval.FourEyesViolationException;
import jp.sample.isms.engine.EngineInternals;

/**
 * {@code UserTask_ApproveByCommitteeMember} (assignment, complete), 1.4: each committee member decides for
 * themselves — nobody else takes or completes their step — and each decision is counted: an approval towards the
 * quorum, anything else as a rejection that ends the round.
 */
@Component
class CommitteeVoteListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    String actor = EVENTNAME_ASSIGNMENT.equals(task.getEventName()) ? task.getAssignee()
        : EngineInternals.commandUser();
    if (actor == null) {
      return;
    }
    Object member = task.getVariable(ModelRevisionProcess.COMMITTEE_MEMBER);
    if (!actor.equals(member)) {
      throw new FourEyesViolationException("委員本人の承認です。本人以外は判断できません (1.4: only the committee member "
          + member + " decides this)");
    }
    if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      DelegateExecution instance = task.getExecution().getProcessInstance();
      String counter = "APPROVED".equals(task.getVariable(ApprovalVariables.DECISION))
          ? ModelRevisionProcess.COMMITTEE_APPROVALS : ModelRevisionProcess.COMMITTEE_REJECTIONS;
      Object current = instance.getVariable(counter);
      instance.setVariable(counter, (current instanceof Number n ? n.intValue() : 0) + 1);
    }
  }
}
