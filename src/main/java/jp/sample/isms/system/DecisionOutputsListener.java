package jp.sample.isms.system;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * End listener of a routing table's business rule task ({@code BusinessRuleTask_DetermineRoute} of accountRequest and
 * outsourcing, {@code BusinessRuleTask_DetermineApprovers} of mediaDisposal; 3.3.1, 5.1.5, 8.1.2): each output of the
 * table's one matching rule becomes a process variable of the same name, which a model's expressions could only do
 * by calling methods on the decision result.
 */
@Component
class DecisionOutputsListener implements ExecutionListener {

  /** The transient variable in which the engine hands a business rule task's decision result to its listeners. */
  static final String DECISION_RESULT = "decisionResult";

  @Override
  public void notify(DelegateExecution execution) {
    if (!(execution.getVariableLocal(DECISION_RESULT) instanceof DmnDecisionResult result)) {
      throw new ProcessEngineException(execution.getCurrentActivityId() + ": 判定表の結果がありません "
          + "(no decision result at the end of this business rule task)");
    }
    DmnDecisionResultEntries outputs = result.getSingleResult();
    if (outputs == null) {
      throw new ProcessEngineException(execution.getCurrentActivityId() + ": 判定表に該当する規則がありません "
          + "(no rule of the decision table matched)");
    }
    outputs.getEntryMap().forEach(execution::setVariable);
  }
}
