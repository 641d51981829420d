package jp.sample.isms.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * A decision table of {@code bpmn/<table>.dmn} on a standalone DMN engine: parsed from the file the product deploys,
 * evaluated without an application context, answering which rules matched. Tables whose required decisions are bound
 * to the deployment are tested on the engine instead.
 */
public final class DecisionTables {

  /** The folder the product deploys its models from. */
  public static final Path MODELS = Path.of("bpmn");

  private static final ThreadLocal<List<String>> MATCHED = ThreadLocal.withInitial(ArrayList::new);
  private static final DmnEngine ENGINE = buildEngine();

  private DecisionTables() {
  }

  private static DmnEngine buildEngine() {
    DefaultDmnEngineConfiguration configuration = (DefaultDmnEngineConfiguration) DmnEngineConfiguration
        .createDefaultDmnEngineConfiguration();
    DmnDecisionTableEvaluationListener recorder = new DmnDecisionTableEvaluationListener() {
      @Override
      public void notify(DmnDecisionTableEvaluationEvent event) {
        event.getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId).forEach(MATCHED.get()::add);
      }
    };
    configuration.customPostDecisionTableEvaluationListeners(List.of(recorder));
    return configuration.buildEngine();
  }

  /** The table file {@code bpmn/<name>.dmn}, its decision of the same id, parsed on a standalone engine. */
  public static Table table(String name) {
    Path file = MODELS.resolve(name + ".dmn");
    DmnModelInstance model;
    try (InputStream in = Files.newInputStream(file)) {
      model = Dmn.readModelFromStream(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Table(name, model, ENGINE.parseDecision(name, model));
  }

  /** The names of every table in {@code bpmn/}, without the {@code .dmn}. */
  public static List<String> names() {
    try (var files = Files.list(MODELS)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".dmn"))
          .map(n -> n.substring(0, n.length() - ".dmn".length())).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One parsed table. */
  public record Table(String name, DmnModelInstance model, DmnDecision decision) {

    /** The decision table element of the decision named like the file. */
    public DecisionTable decisionTable() {
      Decision element = model.getModelElementById(name);
      return (DecisionTable) element.getExpression();
    }

    /** The rule ids in table order. */
    public List<String> ruleIds() {
      return decisionTable().getRules().stream().map(Rule::getId).toList();
    }

    /** The rule of this id. */
    public Rule rule(String id) {
      return model.getModelElementById(id);
    }

    /** Evaluates the table with these inputs. */
    public Evaluation evaluate(Map<String, ?> variables) {
      MATCHED.get().clear();
      @SuppressWarnings("unchecked")
      DmnDecisionResult result = ENGINE.evaluateDecision(decision, (Map<String, Object>) variables);
      List<String> matched = List.copyOf(MATCHED.get());
      MATCHED.get().clear();
      return new Evaluation(result, matched);
    }
  }

  /** The outputs of one evaluation and the ids of the rules that matched, in table order. */
  public record Evaluation(DmnDecisionResult result, List<String> matchedRules) {

    /** The outputs of the single result. */
    public Map<String, Object> outputs() {
      return result.getSingleResult().getEntryMap();
    }

    /** The outputs of every result (a COLLECT or RULE ORDER table). */
    public List<Map<String, Object>> allOutputs() {
      return Collections.unmodifiableList(result.getResultList());
    }
  }
}
