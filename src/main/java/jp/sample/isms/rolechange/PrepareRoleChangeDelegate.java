package jp.sample.isms.rolechange;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.RequestValues;
import jp.sample.isms.approval.ValidationErrors;

/**
 * {@code ServiceTask_PrepareChange}: the engine group the (re)submitted change names, who approves it (5.1.5, 10.1)
 * and the change as the approver reads it.
 */
@Component
class PrepareRoleChangeDelegate implements JavaDelegate {

  private final RoleChanges changes;

  PrepareRoleChangeDelegate(RoleChanges changes) {
    this.changes = changes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ValidationErrors errors = new ValidationErrors();
    String group = changes.groupId(execution.getVariables(), errors);
    errors.throwIfAny();
    String person = RequestValues.string(execution, RoleChangeProcess.PERSON);
    String role = RequestValues.string(execution, RoleChangeProcess.ROLE).strip().toUpperCase();
    execution.setVariable(RoleChangeProcess.GROUP_ID, group);
    execution.setVariable(RoleChangeProcess.APPROVER_ROLE, changes.approverRole(role, person));
    execution.setVariable(RoleChangeProcess.CHANGE_SUMMARY, changes.summary(
        RequestValues.string(execution, RoleChangeProcess.CHANGE_KIND), group, person,
        RequestValues.date(execution.getVariable(RoleChangeProcess.EXCEPTION_UNTIL))));
  }
}
