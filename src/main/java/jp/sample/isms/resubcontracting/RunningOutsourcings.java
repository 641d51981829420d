package jp.sample.isms.resubcontracting;

import java.util.Optional;
import java.util.concurrent.Callable;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import jp.sample.isms.engine.EngineInternals;

/**
 * The outsourcing contract a re-subcontracting belongs to, as the engine knows it: an active instance of process
 * {@code outsourcing} with that business key, waiting in its running contract (at the contract's end timer). Read
 * through the engine's public API by process key, element id and variable names, so that this flow does not depend
 * on the outsourcing flow's code; the request's rule applies whoever files it, so it is read without authorization
 * checks.
 */
@Component
class RunningOutsourcings {

  static final String PROCESS_KEY = "outsourcing";
  /** Where a running outsourcing contract waits until its end date. */
  static final String RUNNING_STATE = "IntermediateCatchEvent_ContractEnded";
  static final String REQUESTER = "requester";
  static final String CONTRACTOR = "contractor";

  /** What became of the outsourcing request a re-subcontracting names. */
  enum State { RUNNING, NOT_RUNNING, ENDED, NOT_FOUND }

  /** The outsourcing as found: its state, and for a running one its instance, requester and contractor. */
  record Outsourcing(String businessKey, State state, String processInstanceId, String requester, String contractor) {

    boolean running() {
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

  Outsourcing find(String businessKey) {
    return withoutAuthorization(() -> lookUp(businessKey));
  }

  private Outsourcing lookUp(String businessKey) {
    Optional<ProcessInstance> instance = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(PROCESS_KEY).processInstanceBusinessKey(businessKey).active().list().stream()
        .findFirst();
    if (instance.isEmpty()) {
      boolean known = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
          .processInstanceBusinessKey(businessKey).count() > 0;
      return new Outsourcing(businessKey, known ? State.ENDED : State.NOT_FOUND, null, null, null);
    }
    String id = instance.get().getId();
    boolean running = runtimeService.createExecutionQuery().processInstanceId(id).activityId(RUNNING_STATE)
        .count() > 0;
    if (!running) {
      return new Outsourcing(businessKey, State.NOT_RUNNING, id, null, null);
    }
    return new Outsourcing(businessKey, State.RUNNING, id, (String) runtimeService.getVariable(id, REQUESTER),
        (String) runtimeService.getVariable(id, CONTRACTOR));
  }

  private static <T> T withoutAuthorization(Callable<T> lookUp) {
    return EngineInternals.withoutAuthorization(lookUp);
  }
}
