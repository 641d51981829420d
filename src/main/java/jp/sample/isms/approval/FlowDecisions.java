package jp.sample.isms.approval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import jp.sample.isms.engine.EngineInternals;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionResultEntriesImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionResultImpl;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.LiteralExpression;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.dmn.instance.Text;
import org.camunda.bpm.model.dmn.instance.UnaryTests;
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
 *
 * <p>A deployed table never changes (a new version is a new decision definition), and a table whose expressions are
 * FEEL without a function of the clock or of chance ({@code now()}, {@code today()}, {@code random number()},
 * {@code uuid()}) and that requires no other decision or knowledge model gives the same rows for the same inputs.
 * Such a table is evaluated once per decision definition and set of inputs; later calls get a copy of its rows
 * without the FEEL being parsed and evaluated again (the flows' checks call these tables at every filing and step).
 * The engine's history of decision evaluations then holds the first evaluation of each set of inputs only; these
 * evaluations belong to no process instance (the models' own business rule tasks, which do, are evaluated by the
 * engine every time).
 */
@Component
public class FlowDecisions {

  /** Sets of inputs remembered at most, all tables together; beyond it all are forgotten and evaluated anew. */
  static final int REMEMBERED = 10_000;
  private static final Set<String> FEEL = Set.of("feel", "http://www.omg.org/spec/feel/20140401",
      "http://www.omg.org/spec/dmn/20180521/feel/", "https://www.omg.org/spec/dmn/20191111/feel/");
  /** FEEL functions whose value is not a function of the inputs. */
  private static final Pattern NOT_A_FUNCTION_OF_INPUTS = Pattern.compile(
      "\\b(now|today|random\\s+number|uuid)\\s*\\(", Pattern.CASE_INSENSITIVE);

  /** The rows of the tables that are a function of their inputs, by decision definition id and inputs. */
  private final Map<Inputs, List<Map<String, org.camunda.bpm.engine.variable.value.TypedValue>>> rows =
      new ConcurrentHashMap<>();
  /** Whether a decision definition is a function of its inputs, by its id. */
  private final Map<String, Boolean> functionOfInputs = new ConcurrentHashMap<>();

  private record Inputs(String decisionDefinitionId, Map<String, Object> variables) {
  }

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
    return EngineInternals.withoutAuthorization(() -> {
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
    return EngineInternals.withoutAuthorization(() -> evaluateFor(key, variables, processDefinitionId));
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
    String id = decisionDefinitionId(key, processDefinitionId);
    if (!plainValues(variables) || !functionOfInputs.computeIfAbsent(id, this::isFunctionOfInputs)) {
      return decisions.evaluateDecisionById(id).variables(new HashMap<>(variables)).evaluate();
    }
    Inputs inputs = new Inputs(id, Collections.unmodifiableMap(new HashMap<>(variables)));
    List<Map<String, org.camunda.bpm.engine.variable.value.TypedValue>> remembered = rows.get(inputs);
    if (remembered == null) {
      DmnDecisionResult result = decisions.evaluateDecisionById(id).variables(new HashMap<>(variables)).evaluate();
      remembered = result.stream().map(row -> Collections.unmodifiableMap(new java.util.LinkedHashMap<>(
          row.getEntryMapTyped()))).toList();
      if (rows.size() >= REMEMBERED) {
        rows.clear();
      }
      rows.putIfAbsent(inputs, remembered);
    }
    return copy(remembered);
  }

  /** A result of its own for each caller: the remembered rows stay as they were evaluated. */
  private static DmnDecisionResult copy(List<Map<String, org.camunda.bpm.engine.variable.value.TypedValue>> rows) {
    List<DmnDecisionResultEntries> entries = new ArrayList<>(rows.size());
    for (Map<String, org.camunda.bpm.engine.variable.value.TypedValue> row : rows) {
      DmnDecisionResultEntriesImpl entry = new DmnDecisionResultEntriesImpl();
      // in the table's output order, which getFirstEntry and getSingleEntry read
      row.forEach(entry::putValue);
      entries.add(entry);
    }
    return new DmnDecisionResultImpl(entries);
  }

  /** Inputs that can be a key: text, numbers, booleans, absent values. */
  private static boolean plainValues(Map<String, ?> variables) {
    return variables.values().stream().allMatch(value -> value == null || value instanceof String
        || value instanceof Number || value instanceof Boolean || value instanceof Enum<?>);
  }

  private boolean isFunctionOfInputs(String decisionDefinitionId) {
    DecisionDefinition definition = repository.getDecisionDefinition(decisionDefinitionId);
    return isFunctionOfInputs(repository.getDmnModelInstance(decisionDefinitionId), definition.getKey());
  }

  /**
   * Whether decision {@code key} of the model gives the same rows for the same inputs: a decision table that requires
   * no other decision, whose input expressions, input entries and output entries are FEEL and call no function of the
   * clock or of chance.
   */
  static boolean isFunctionOfInputs(DmnModelInstance model, String key) {
    if (!(model.getModelElementById(key) instanceof Decision decision)
        || !(decision.getExpression() instanceof DecisionTable table)
        || !decision.getInformationRequirements().isEmpty() || !decision.getKnowledgeRequirements().isEmpty()) {
      return false;
    }
    List<String> languages = new ArrayList<>();
    List<Text> texts = new ArrayList<>();
    for (Input input : table.getInputs()) {
      LiteralExpression expression = input.getInputExpression();
      if (expression != null) {
        languages.add(expression.getExpressionLanguage());
        texts.add(expression.getText());
      }
    }
    for (Rule rule : table.getRules()) {
      for (UnaryTests entry : rule.getInputEntries()) {
        languages.add(entry.getExpressionLanguage());
        texts.add(entry.getText());
      }
      for (LiteralExpression entry : rule.getOutputEntries()) {
        languages.add(entry.getExpressionLanguage());
        texts.add(entry.getText());
      }
    }
    String definitionsLanguage = model.getDefinitions().getExpressionLanguage();
    languages.add(definitionsLanguage);
    return languages.stream().allMatch(language -> language == null
        || FEEL.contains(language.toLowerCase(Locale.ROOT)))
        && texts.stream().allMatch(text -> text == null || text.getTextContent() == null
            || !NOT_A_FUNCTION_OF_INPUTS.matcher(text.getTextContent()).find());
  }
}
