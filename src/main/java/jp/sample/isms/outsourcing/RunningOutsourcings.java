package jp.sample.isms.outsourcing;

import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.ApprovalVariables;
import jp.sample.isms.engine.EngineInternals;

/**
 * The outsourcing contracts as other flows may ask about them (a re-subcontracting, 8.1.5, belongs to a running one):
 * an active instance of process {@value OutsourcingProcess#KEY} with that business key, waiting in its running
 * contract at {@value #RUNNING_STATE} until the contract's end. The only way another flow reads this flow's instances,
 * so that its process key, element ids and variable names stay this package's own (the test holds them against the
 * deployed model). The rule applies whoever files the request that asks, so it is read without authorization checks.
 */
@Component
public class RunningOutsourcings {

  /** Where a running outsourcing contract waits until its end date. */
  static final String RUNNING_STATE = OutsourcingProcess.EVENT_CONTRACT_ENDED;
  /** The running contract's scope, around {@link #RUNNING_STATE}. */
  static final String RUNNING_SCOPE = OutsourcingProcess.SUBPROCESS_CONTRACT_RUNNING;

  /** What became of the outsourcing request a business key names. */
  public enum State { RUNNING, NOT_RUNNING, ENDED, NOT_FOUND }

  /** The outsourcing as found: its state, and for a running one its instance, requester and contractor. */
  public record Outsourcing(String businessKey, State state, String processInstanceId, String requester,
      String contractor) {

    public boolean running() {
      return state == State.RUNNING;
    }
  }

  private final RuntimeService runtimeService;
  private final HistoryService historyService;

  // lazy: the flows are needed while the engine whose services these are is being built
  RunningOutsourcings(@Lazy RuntimeService runtimeService, @Lazy HistoryService historyService) {
    this.runtimeService = runtimeService;
    this.historyService = historyService;
  }

  /** The outsourcing request with this business key, as it stands now. */
  public Outsourcing find(String businessKey) {
    return EngineInternals.withoutAuthorization(() -> lookUp(businessKey));
  }

  private Outsourcing lookUp(String businessKey) {
    Optional<ProcessInstance> instance = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(OutsourcingProcess.KEY).processInstanceBusinessKey(businessKey).active().list()
        .stream().findFirst();
    if (instance.isEmpty()) {
      boolean known = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(OutsourcingProcess.KEY)
          .processInstanceBusinessKey(businessKey).count() > 0;
      return new Outsourcing(businessKey, known ? State.ENDED : State.NOT_FOUND, null, null, null);
    }
    String id = instance.get().getId();
    boolean running = runtimeService.createExecutionQuery().processInstanceId(id).activityId(RUNNING_STATE)
        .count() > 0;
    if (!running) {
      return new Outsourcing(businessKey, State.NOT_RUNNING, id, null, null);
    }
    return new Outsourcing(businessKey, State.RUNNING, id,
        (String) runtimeService.getVariable(id, ApprovalVariables.REQUESTER),
        (String) runtimeService.getVariable(id, OutsourcingProcess.CONTRACTOR));
  }
}
