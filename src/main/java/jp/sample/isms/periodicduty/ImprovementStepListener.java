package jp.sample.isms.periodicduty;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.Decision;
import jp.sample.isms.approval.FourEyesViolationException;
import jp.sample.isms.approval.RequestValues;
import jp.sample.isms.approval.ValidationErrors;
import jp.sample.isms.audit.AuditEntry;
import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.audit.AuditStepKind;
import jp.sample.isms.audit.Outcome;
import jp.sample.isms.engine.EngineInternals;
import jp.sample.isms.organisation.OrganisationService;
import jp.sample.isms.organisation.Role;

/**
 * {@code UserTask_CloseImprovement} and {@code UserTask_AcceptImprovement}, 1.2: each step shows its improvement
 * item; a closure needs evidence attached to the step (添付ファイル tab) and is recorded with who closed it; whoever
 * closed an item never takes or completes its acceptance (four eyes); an accepted item is DONE and recorded under
 * clause 1.2, one sent back is open again.
 */
@Component
class ImprovementStepListener implements TaskListener {

  private final ImprovementItems improvements;
  private final AuditRecorder audit;
  private final OrganisationService organisation;

  ImprovementStepListener(ImprovementItems improvements, AuditRecorder audit, OrganisationService organisation) {
    this.improvements = improvements;
    this.audit = audit;
    this.organisation = organisation;
  }

  @Override
  public void notify(DelegateTask task) {
    long id = ((Number) task.getVariable(PeriodicDutyProcess.IMPROVEMENT_ID)).longValue();
    ImprovementItems.Item item = improvements.byId(id).orElseThrow();
    boolean closure = PeriodicDutyProcess.TASK_CLOSE_IMPROVEMENT.equals(task.getTaskDefinitionKey());
    switch (task.getEventName()) {
      case EVENTNAME_CREATE -> show(task, item, closure);
      case EVENTNAME_ASSIGNMENT -> refuseCloser(task.getAssignee(), item);
      case EVENTNAME_COMPLETE -> {
        String actor = EngineInternals.commandUser();
        if (closure) {
          close(task, item, actor);
        } else {
          refuseCloser(actor, item);
          decide(task, item, actor);
        }
      }
      default -> {
        // no other event is declared
      }
    }
  }

  private void show(DelegateTask task, ImprovementItems.Item item, boolean closure) {
    task.setVariableLocal(PeriodicDutyProcess.IMPROVEMENT_NO, item.no());
    task.setVariableLocal(PeriodicDutyProcess.IMPROVEMENT_DESCRIPTION, item.description());
    task.setVariableLocal(PeriodicDutyProcess.IMPROVEMENT_OWNER, Role.valueOf(item.ownerRole()).nameJa());
    task.setVariableLocal(PeriodicDutyProcess.IMPROVEMENT_DUE_DATE, item.dueDate().toString());
    if (closure) {
      // each item's own report: what another item's closure left is not shown here
      task.setVariableLocal(PeriodicDutyProcess.CLOSED_ON, null);
      task.setVariableLocal(PeriodicDutyProcess.CLOSURE_NOTE, null);
    } else {
      task.setVariableLocal(PeriodicDutyProcess.CLOSURE_NOTE, item.closureNote());
      task.setVariableLocal(PeriodicDutyProcess.CLOSED_BY_NAME, organisation.displayName(item.closedBy()));
    }
  }

  private void close(DelegateTask task, ImprovementItems.Item item, String actor) {
    boolean evidence = !task.getProcessEngineServices().getTaskService().getTaskAttachments(task.getId())
        .isEmpty();
    if (!evidence) {
      new ValidationErrors().refuse("evidence", "1.2", "改善の証跡を添付ファイルタブに添付してから完了を報告してください "
          + "(attach the evidence of the improvement first)").throwIfAny();
    }
    improvements.closed(item.id(), actor, RequestValues.string(task.getVariable(PeriodicDutyProcess.CLOSURE_NOTE)),
        audit.now());
  }

  private void decide(DelegateTask task, ImprovementItems.Item item, String actor) {
    if (Decision.APPROVED.name().equals(RequestValues.string(task.getVariable("decision")))) {
      improvements.accepted(item.id(), actor, audit.now());
      audit.record(AuditEntry.step(item.businessKey(), task.getProcessInstanceId(), PeriodicDutyProcess.KEY,
              PeriodicDutyProcess.TASK_ACCEPT_IMPROVEMENT, "改善項目の完了", AuditStepKind.SYSTEM)
          .by(actor, organisation.displayName(actor)).actingAs(Role.SECURITY_OFFICER).requester(item.closedBy())
          .outcome(Outcome.IMPROVEMENT_DONE).comment("改善項目 " + item.no() + ": " + item.description() + " (担当 "
              + Role.valueOf(item.ownerRole()).nameJa() + ", 期限 " + item.dueDate() + ", 完了報告 "
              + organisation.displayName(item.closedBy()) + ")").clauses("1.2").build());
    } else {
      improvements.reopened(item.id());
    }
  }

  private static void refuseCloser(String actor, ImprovementItems.Item item) {
    if (actor != null && actor.equals(item.closedBy())) {
      throw new FourEyesViolationException("自分が完了を報告した改善項目は確認できません (4つの目の原則: whoever closed an "
          + "improvement item never accepts it)");
    }
  }
}
