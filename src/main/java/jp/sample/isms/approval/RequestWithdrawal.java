package jp.sample.isms.approval;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jp.sample.isms.audit.AuditEntry;
import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.audit.AuditStepKind;
import jp.sample.isms.audit.Outcome;
import jp.sample.isms.engine.EngineInternals;
import jp.sample.isms.organisation.OrganisationService;
import jp.sample.isms.system.OrdinaryRefusal;

/**
 * 引き戻し: the requester withdraws an open request at any time before its final approval, that is while one of its
 * steps is an approval or the requester's own correction. Correlates the message every flow's event subprocess
 * waits for.
 */
@Service
public class RequestWithdrawal {

  public static final String MESSAGE = "RequestWithdrawn";

  /** Why a withdrawal was refused, mapped to an HTTP status by the controller. */
  public enum Refusal { NOT_FOUND, NOT_REQUESTER, ALREADY_DECIDED }

  /** A refused withdrawal. */
  public static class WithdrawalRefusedException extends RuntimeException implements OrdinaryRefusal {
    private static final long serialVersionUID = 1L;
    private final Refusal refusal;

    WithdrawalRefusedException(Refusal refusal, String message) {
      super(message);
      this.refusal = refusal;
    }

    public Refusal refusal() {
      return refusal;
    }
  }

  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final ProcessEngineConfiguration configuration;
  private final RepositoryService repositoryService;
  private final AuditRecorder audit;
  private final OrganisationService organisation;
  private final RequestLifecycle lifecycle;
  private final RequestRecords records;

  public RequestWithdrawal(RuntimeService runtimeService, TaskService taskService, RepositoryService repositoryService,
      ProcessEngineConfiguration configuration, AuditRecorder audit, OrganisationService organisation,
      RequestLifecycle lifecycle, RequestRecords records) {
    this.records = records;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.configuration = configuration;
    this.repositoryService = repositoryService;
    this.audit = audit;
    this.organisation = organisation;
    this.lifecycle = lifecycle;
  }

  @Transactional
  public void withdraw(String businessKey, String userId, String comment) {
    // checked as the system: the requester may not read every variable, but may withdraw their own request
    EngineInternals.inCommandWithoutAuthorizationChecks(configuration,
        () -> doWithdraw(businessKey, userId, comment));
  }

  private void doWithdraw(String businessKey, String userId, String comment) {
    ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey)
        .singleResult();
    if (instance == null) {
      throw new WithdrawalRefusedException(Refusal.NOT_FOUND, "申請 " + businessKey + " は存在しないか、既に完了しています");
    }
    RequestRecords.Filing filing = records.filing(instance.getId()).orElse(null);
    if (filing == null || !userId.equals(filing.requester())) {
      throw new WithdrawalRefusedException(Refusal.NOT_REQUESTER, "申請者本人のみが引き戻せます");
    }
    if (runtimeService.createEventSubscriptionQuery().processInstanceId(instance.getId()).eventName(MESSAGE)
        .count() == 0) {
      // a flow without the withdrawal event subprocess (an incident report) cannot be withdrawn at all
      throw new WithdrawalRefusedException(Refusal.ALREADY_DECIDED, "申請 " + businessKey + " は引き戻せない手続きです");
    }
    List<Task> open = taskService.createTaskQuery().processInstanceId(instance.getId()).list();
    String definitionId = instance.getProcessDefinitionId();
    boolean beforeFinalApproval = open.stream().anyMatch(task -> {
      StepKind kind = RequestLifecycle.stepKind(repositoryService, definitionId, task.getTaskDefinitionKey());
      return kind == StepKind.APPROVAL || kind == StepKind.CORRECTION;
    });
    if (!beforeFinalApproval) {
      throw new WithdrawalRefusedException(Refusal.ALREADY_DECIDED,
          "申請 " + businessKey + " は承認済みのため引き戻せません");
    }
    String definitionKey = repositoryService.getProcessDefinition(definitionId).getKey();
    audit.record(AuditEntry.step(businessKey, instance.getId(), definitionKey, "SubProcess_Withdrawal", "引き戻し",
            AuditStepKind.WITHDRAWAL)
        .by(userId, organisation.displayName(userId)).actingAs(AuditEntry.REQUESTER)
        .requester(userId, filing.departmentCode()).outcome(Outcome.WITHDRAWN).comment(comment)
        .clauses(String.join(",", lifecycle.flow(definitionKey).clauses())).build());
    runtimeService.createMessageCorrelation(MESSAGE).processInstanceId(instance.getId()).correlate();
  }
}
