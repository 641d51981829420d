package jp.sample.isms.resubcontracting;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.ApprovalVariables;

/**
 * Create listener of {@code UserTask_ReviewEquivalence}, 8.1.5: records on the task the role it was routed to by
 * {@link OwnerDepartmentRouting} and any documented exception to four eyes, as the kernel does for its own routing,
 * so that the decision's audit record names the acting role.
 */
@Component
class ReviewRouteListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Object route = task.getExecution().getVariableLocal(OwnerDepartmentRouting.ROUTE);
    if (route instanceof String r) {
      String[] parts = r.split("\\|", -1);
      task.setVariableLocal(ApprovalVariables.ACTING_ROLE, parts[0]);
      if (!parts[1].isEmpty()) {
        task.setVariableLocal(ApprovalVariables.FOUR_EYES_EXCEPTION, parts[1]);
      }
      task.getExecution().removeVariableLocal(OwnerDepartmentRouting.ROUTE);
    }
  }
}
