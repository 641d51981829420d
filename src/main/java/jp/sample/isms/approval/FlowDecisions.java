package jp.sample.isms.approval;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Evaluates a flow's decision table from Java, with one policy for which version of the table applies:
 * <ul>
 * <li>for a running request, the table of the <em>same deployment</em> as its process, exactly as the models' business
 * rule tasks bind it ({@code camunda:decisionRefBinding="deployment"}): a request filed under one version of the rules
 * is judged by them to its end, in Java as in the model;</li>
 * <li>before a request exists (validating a filing), the latest table, which is the one the process about to start
 * binds;</li>
 * <li>a deployment that does not hold the table (it was deployed on its own later) falls back to the latest.</li>
 * </ul>
 * The rules of the regulation apply to everyone, so the user acting (a requester filing, an approver completing a
 * step) needs no permission on the decision itself: inside an engine command the evaluation runs without
 * authorization.
 */
@Component
public class FlowDecisions {

  private final DecisionService decisions;
  private final RepositoryService repository;
  private final RuntimeService runtime;

  // lazy: the kernel collects the flows while the engine whose services these are is still being built
  FlowDecisions(@Lazy DecisionService decisions, @Lazy RepositoryService repository, @Lazy RuntimeService runtime) {
    this.decisions = decisions;
    this.repository = repository;
    this.runtime = runtime;
  }

  /**
   * Evaluates decision {@code key} for the request {@code processInstanceId} (its deployment's table), or, when that is
   * null (nothing filed yet), the latest table.
   */
  public DmnDecisionResult evaluate(String key, Map<String, ?> variables, String processInstanceId) {
    return withoutAuthorization(() -> {
      String definitionId = null;
      if (processInstanceId != null) {
        ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(processInstanceId)
            .singleResult();
        definitionId = instance == null ? null : instance.getProcessDefinitionId();
      }
      return evaluateFor(key, variables, definitionId);
    });
  }

  /**
   * Evaluates decision {@code key} with the table of the deployment of process definition {@code processDefinitionId}
   * (a delegate's or listener's {@code getProcessDefinitionId()}).
   */
  public DmnDecisionResult evaluateInDefinition(String key, Map<String, ?> variables, String processDefinitionId) {
    return withoutAuthorization(() -> evaluateFor(key, variables, processDefinitionId));
  }

  /** The id of the table the policy chooses: the deployment's of the process definition, else the latest. */
  String decisionDefinitionId(String key, String processDefinitionId) {
    DecisionDefinition decision = null;
    if (processDefinitionId != null) {
      String deploymentId = repository.getProcessDefinition(processDefinitionId).getDeploymentId();
      decision = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).deploymentId(deploymentId)
          .singleResult();
    }
    if (decision == null) {
      decision = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion()
          .singleResult();
    }
    if (decision == null) {
      throw new IllegalStateException("no decision " + key + " is deployed");
    }
    return decision.getId();
  }

  private DmnDecisionResult evaluateFor(String key, Map<String, ?> variables, String processDefinitionId) {
    return decisions.evaluateDecisionById(decisionDefinitionId(key, processDefinitionId))
        .variables(new HashMap<>(variables)).evaluate();
  }

  private static <T> T withoutAuthorization(Callable<T> evaluation) {
    CommandContext context = Context.getCommandContext();
    try {
      return context == null ? evaluation.call() : context.runWithoutAuthorization(evaluation);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
