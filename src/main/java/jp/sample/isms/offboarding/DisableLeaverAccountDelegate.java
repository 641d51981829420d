package jp.sample.isms.offboarding;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import jp.sample.isms.accounts.AccountDeactivation;
import jp.sample.isms.approval.RequestRecords;
import jp.sample.isms.approval.RequestValues;
import jp.sample.isms.audit.AuditEntry;
import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.audit.Outcome;
import jp.sample.isms.notification.Notifier;
import jp.sample.isms.organisation.OrganisationService;
import jp.sample.isms.organisation.Role;

/**
 * {@code ServiceTask_DisableProductAccount}, 2.3 and 5.1.7: at the end of the last working day the person's account
 * of this product is disabled through {@link AccountDeactivation} (their claimed steps go back to their role, a role
 * only they held goes up); the steps they still hold as a requester (a correction, a return report) are listed to
 * their department head, who decides what becomes of those requests. Recorded.
 */
@Component
class DisableLeaverAccountDelegate implements JavaDelegate {

  private final AccountDeactivation deactivation;
  private final TaskService tasks;
  private final OrganisationService organisation;
  private final Notifier notifier;
  private final OffboardingRegister register;
  private final AuditRecorder audit;
  private final RequestRecords records;

  DisableLeaverAccountDelegate(AccountDeactivation deactivation, @Lazy TaskService tasks,
      OrganisationService organisation, Notifier notifier, OffboardingRegister register, AuditRecorder audit,
      RequestRecords records) {
    this.deactivation = deactivation;
    this.tasks = tasks;
    this.organisation = organisation;
    this.notifier = notifier;
    this.register = register;
    this.audit = audit;
    this.records = records;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String businessKey = records.businessKey(execution);
    String target = RequestValues.string(execution, OffboardingProcess.TARGET_USER_ID);
    List<String> requesterSteps = new ArrayList<>();
    for (Task task : tasks.createTaskQuery().taskAssignee(target).active().list()) {
      records.filing(task.getProcessInstanceId()).filter(f -> target.equals(f.requester()))
          .ifPresent(f -> requesterSteps.add(f.businessKey() + " " + task.getName()));
    }
    List<String> moved = deactivation.disable(target, "system", "退職 (" + businessKey + ", 最終出社日 "
        + RequestValues.date(execution.getVariable(OffboardingProcess.LAST_WORKING_DAY)) + ")");
    List<String> heads = organisation.holders(Role.DEPARTMENT_HEAD, target).userIds().stream()
        .filter(head -> !head.equals(target)).toList();
    if (!requesterSteps.isEmpty()) {
      for (String head : heads) {
        notifier.send(head, "leaver-steps-left", Notifier.values("businessKey", businessKey, "leaver", target,
            "leaverName", organisation.displayName(target), "steps", String.join("\n", requesterSteps)));
      }
    }
    String handedOver = "役割のステップ " + moved.size() + " 件を役割へ戻した; 申請者のステップ " + requesterSteps
        + " を部門責任者 " + heads + " に通知";
    register.accountDisabled(businessKey, audit.now(), handedOver);
    audit.record(AuditEntry.systemStep(businessKey, execution.getProcessInstanceId(), OffboardingProcess.KEY,
            execution.getCurrentActivityId(), "承認システムのアカウントを停止しステップを引き継ぐ")
        .requester(records.requester(execution), records.department(execution)).outcome(Outcome.HANDED_OVER)
        .comment(target + " を停止; " + handedOver).clauses("2.3,5.1.7").build());
  }
}
