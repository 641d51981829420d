package jp.sample.isms.design;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.sample.isms.engine.ModelReaders;
import jp.sample.isms.system.ModelExpressions;

/**
 * The checks every model passes before it is deployed (1.4), the same for the workbench, a proposal, camunda-admin's
 * deployments and the start-up deployment from {@code bpmn/} and {@code forms/}: the file parses (BPMN and DMN with
 * the engine's model API ({@link ModelReaders}) and the decision engine, forms as form-js JSON); the product's conventions
 * ({@link ModelConventions}); the expression grammar ({@link ModelExpressions}); bpmnlint's recommended rules
 * ({@link BpmnLintRules}); and every variable the flow's rules read (decision inputs, gateway conditions) is a field
 * of the flow's forms, a decision's result, or read already by the deployed version of the flow (a value its service
 * tasks compute).
 */
@Component
public class ModelChecks {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern NAME = Pattern.compile("(?<![.\\w])([A-Za-z_][A-Za-z0-9_]*)(?!\\s*\\()");
  private static final Set<String> NOT_VARIABLES = Set.of("and", "or", "not", "eq", "ne", "lt", "gt", "le", "ge",
      "empty", "true", "false", "null", "instanceof", "div", "mod", "execution", "task");

  private final ModelExpressions expressions;
  private final DesignModels deployed;
  private final DmnEngine dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  ModelChecks(ModelExpressions expressions, DesignModels deployed) {
    this.expressions = expressions;
    this.deployed = deployed;
  }

  /** The findings of a set of files checked together, against what is deployed for what they do not contain. */
  public List<Finding> check(List<ModelFile> files) {
    return check(files, true);
  }

  /**
   * The findings of the files of the start-up deployment: the same checks, but the variables the flows read are not
   * held against a deployed version, since the repository's models are themselves the baseline.
   */
  public List<Finding> checkRepository(List<ModelFile> files) {
    return check(files, false);
  }

  private List<Finding> check(List<ModelFile> files, boolean againstDeployed) {
    List<Finding> findings = new ArrayList<>();
    Parsed parsed = new Parsed();
    Set<String> names = new HashSet<>();
    for (ModelFile file : files) {
      if (!names.add(file.name())) {
        findings.add(Finding.error(file.name(), null, "isms/duplicate-file", "同じ名前のファイルが 2 つあります",
            "The same file name is given twice"));
      }
      ModelKind kind = file.kind();
      if (kind == null) {
        findings.add(Finding.error(file.name(), null, "isms/file-kind",
            "ファイルの種類は .bpmn、.dmn、.form のいずれかです", "A file must be .bpmn, .dmn or .form"));
        continue;
      }
      switch (kind) {
        case BPMN -> checkBpmn(file, parsed, findings);
        case DMN -> checkDmn(file, parsed, findings);
        case FORM -> checkForm(file, parsed, findings);
      }
    }
    if (againstDeployed) {
      checkFields(parsed, findings);
    }
    return findings;
  }

  private void checkBpmn(ModelFile file, Parsed parsed, List<Finding> findings) {
    BpmnModelInstance model;
    try {
      model = ModelReaders.bpmn(stream(file.content()));
    } catch (RuntimeException e) {
      findings.add(Finding.error(file.name(), null, "engine/parse", "BPMN として読めません: " + cause(e),
          "Not readable as BPMN: " + cause(e)));
      return;
    }
    expressions(file, findings);
    findings.addAll(ModelConventions.bpmn(file.name(), model));
    findings.addAll(BpmnLintRules.check(file.name(), model));
    parsed.bpmn.put(file.name(), model);
  }

  private void checkDmn(ModelFile file, Parsed parsed, List<Finding> findings) {
    DmnModelInstance model;
    try {
      model = ModelReaders.dmn(stream(file.content()));
      dmnEngine.parseDecisions(model);
    } catch (RuntimeException e) {
      findings.add(Finding.error(file.name(), null, "engine/parse", "DMN として読めません: " + cause(e),
          "Not readable as DMN: " + cause(e)));
      return;
    }
    expressions(file, findings);
    findings.addAll(ModelConventions.dmn(file.name(), model));
    parsed.dmn.put(file.name(), model);
  }

  private void checkForm(ModelFile file, Parsed parsed, List<Finding> findings) {
    JsonNode form;
    try {
      form = JSON.readTree(file.content());
    } catch (Exception e) {
      form = null;
    }
    if (form == null || !form.isObject() || !form.path("components").isArray()) {
      findings.add(Finding.error(file.name(), null, "engine/parse",
          "フォーム (form-js の JSON、components を含む) として読めません", "Not readable as a form (form-js JSON with components)"));
      return;
    }
    findings.addAll(ModelConventions.form(file.name(), form));
    parsed.forms.put(form.path("id").asText(), form);
  }

  private void expressions(ModelFile file, List<Finding> findings) {
    for (ModelExpressions.Problem problem : expressions.problems(file.name(), file.content())) {
      findings.add(Finding.error(file.name(), problem.element(), "isms/expression-grammar",
          "許可されていない式です: " + problem.message(), "Expression not allowed: " + problem.message()));
    }
  }

  /** Variables read by the rules of each flow touched by the files, against its forms and decisions. */
  private void checkFields(Parsed parsed, List<Finding> findings) {
    Map<String, BpmnModelInstance> flows = new HashMap<>();
    Map<String, String> flowFiles = new HashMap<>();
    parsed.bpmn.forEach((file, model) -> {
      for (Process process : model.getModelElementsByType(Process.class)) {
        flows.put(process.getId(), model);
        flowFiles.put(process.getId(), file);
      }
    });
    Set<String> proposedDecisions = new HashSet<>();
    parsed.dmn.values().forEach(m -> m.getModelElementsByType(Decision.class)
        .forEach(d -> proposedDecisions.add(d.getId())));
    Set<String> proposedForms = parsed.forms.keySet();
    // deployed flows that use a proposed decision or form are affected too
    for (DesignModels.Model model : deployed.models()) {
      if (model.kind() != ModelKind.BPMN || flows.containsKey(model.key())) {
        continue;
      }
      DesignModels.Content content = deployed.latestContent(ModelKind.BPMN, model.key());
      BpmnModelInstance instance = content == null ? null : read(content.content());
      if (instance != null && (references(instance, proposedDecisions, true)
          || references(instance, proposedForms, false))) {
        flows.put(model.key(), instance);
      }
    }
    for (Map.Entry<String, BpmnModelInstance> flow : flows.entrySet()) {
      checkFlowFields(flow.getKey(), flow.getValue(), flowFiles.get(flow.getKey()), parsed, findings);
    }
  }

  private void checkFlowFields(String processKey, BpmnModelInstance model, String bpmnFile, Parsed parsed,
      List<Finding> findings) {
    Set<String> known = new HashSet<>();
    for (String formKey : formRefs(model)) {
      JsonNode form = parsed.forms.get(formKey);
      if (form == null) {
        DesignModels.Content content = deployed.latestContent(ModelKind.FORM, formKey);
        form = content == null ? null : readJson(content.content());
      }
      if (form == null) {
        if (bpmnFile != null) {
          findings.add(Finding.error(bpmnFile, null, "isms/form-exists", "フォーム " + formKey
              + " がありません (提案にも配備済みにも)", "Form " + formKey + " is neither proposed nor deployed"));
        }
        continue;
      }
      collectKeys(form, known);
    }
    for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
      if (task.getCamundaResultVariable() != null) {
        known.add(task.getCamundaResultVariable());
      }
      DecisionSource decision = decision(task.getCamundaDecisionRef(), parsed);
      if (decision != null) {
        decision.decision().getModelInstance().getModelElementsByType(Output.class).stream()
            .filter(o -> o.getName() != null).forEach(o -> known.add(o.getName()));
      }
    }
    // what the deployed version already reads is there: a value its service tasks compute
    DesignModels.Content old = deployed.latestContent(ModelKind.BPMN, processKey);
    BpmnModelInstance oldModel = old == null ? null : read(old.content());
    if (oldModel != null) {
      known.addAll(conditionReads(oldModel).keySet());
      for (BusinessRuleTask task : oldModel.getModelElementsByType(BusinessRuleTask.class)) {
        DesignModels.Content table = deployed.latestContent(ModelKind.DMN, task.getCamundaDecisionRef());
        DmnModelInstance oldTable = table == null ? null : readDmn(table.content());
        if (oldTable != null) {
          oldTable.getModelElementsByType(Input.class).forEach(i -> known.add(inputName(i)));
        }
      }
    }
    if (bpmnFile != null) {
      conditionReads(model).forEach((variable, element) -> {
        if (!known.contains(variable)) {
          findings.add(Finding.error(bpmnFile, element, "isms/field-exists", "条件が読む " + variable
              + " はこのフローのフォームにも判定結果にもありません", "The condition reads " + variable
              + ", which is neither a field of the flow's forms nor a decision result"));
        }
      });
    }
    for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
      DecisionSource decision = decision(task.getCamundaDecisionRef(), parsed);
      if (decision == null || decision.file() == null) {
        continue;
      }
      for (Input input : decision.decision().getModelInstance().getModelElementsByType(Input.class)) {
        String name = inputName(input);
        if (name != null && !known.contains(name)) {
          findings.add(Finding.error(decision.file(), input.getId(), "isms/field-exists", "入力 " + name
              + " はフロー " + processKey + " のフォームにも判定結果にもありません", "Input " + name
              + " is neither a field of the forms of flow " + processKey + " nor a decision result"));
        }
      }
    }
  }

  private record DecisionSource(String file, Decision decision) {
  }

  /** The proposed decision of that key (with its file), else the deployed one (file null). */
  private DecisionSource decision(String key, Parsed parsed) {
    if (key == null) {
      return null;
    }
    for (Map.Entry<String, DmnModelInstance> entry : parsed.dmn.entrySet()) {
      Decision decision = entry.getValue().getModelElementById(key);
      if (decision != null) {
        return new DecisionSource(entry.getKey(), decision);
      }
    }
    DesignModels.Content content = deployed.latestContent(ModelKind.DMN, key);
    DmnModelInstance model = content == null ? null : readDmn(content.content());
    Decision decision = model == null ? null : model.getModelElementById(key);
    return decision == null ? null : new DecisionSource(null, decision);
  }

  private static boolean references(BpmnModelInstance model, Set<String> keys, boolean decisions) {
    if (keys.isEmpty()) {
      return false;
    }
    if (decisions) {
      return model.getModelElementsByType(BusinessRuleTask.class).stream()
          .anyMatch(t -> keys.contains(t.getCamundaDecisionRef()));
    }
    return formRefs(model).stream().anyMatch(keys::contains);
  }

  static Set<String> formRefs(BpmnModelInstance model) {
    Set<String> refs = new LinkedHashSet<>();
    model.getModelElementsByType(StartEvent.class).stream().map(StartEvent::getCamundaFormRef)
        .filter(r -> r != null).forEach(refs::add);
    model.getModelElementsByType(UserTask.class).stream().map(UserTask::getCamundaFormRef)
        .filter(r -> r != null).forEach(refs::add);
    return refs;
  }

  /** Variables read by the conditions of flows leaving a gateway, with the flow that reads each first. */
  static Map<String, String> conditionReads(BpmnModelInstance model) {
    Map<String, String> reads = new java.util.LinkedHashMap<>();
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      if (!(flow.getSource() instanceof Gateway) || flow.getConditionExpression() == null) {
        continue;
      }
      for (String name : variables(flow.getConditionExpression().getTextContent())) {
        reads.putIfAbsent(name, flow.getId());
      }
    }
    return reads;
  }

  /** The variable names of a JUEL expression: names that are not called, not after a dot, not in a string. */
  static Set<String> variables(String expression) {
    Set<String> names = new LinkedHashSet<>();
    if (expression == null) {
      return names;
    }
    String text = expression.replaceAll("'[^']*'|\"[^\"]*\"", "''");
    int start = text.indexOf("${");
    int end = text.lastIndexOf('}');
    if (start < 0 || end < start) {
      return names;
    }
    Matcher matcher = NAME.matcher(text.substring(start + 2, end));
    while (matcher.find()) {
      String name = matcher.group(1);
      if (!NOT_VARIABLES.contains(name) && !Character.isDigit(name.charAt(0))) {
        names.add(name);
      }
    }
    return names;
  }

  static String inputName(Input input) {
    return input.getInputExpression() == null || input.getInputExpression().getText() == null ? null
        : input.getInputExpression().getText().getTextContent().strip();
  }

  static void collectKeys(JsonNode node, Set<String> keys) {
    if (node.isObject()) {
      if (node.hasNonNull("key") && node.get("key").isTextual()) {
        keys.add(node.get("key").asText());
      }
      node.elements().forEachRemaining(child -> collectKeys(child, keys));
    } else if (node.isArray()) {
      node.elements().forEachRemaining(child -> collectKeys(child, keys));
    }
  }

  static BpmnModelInstance read(String content) {
    try {
      return ModelReaders.bpmn(stream(content));
    } catch (RuntimeException e) {
      return null;
    }
  }

  static DmnModelInstance readDmn(String content) {
    try {
      return ModelReaders.dmn(stream(content));
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static JsonNode readJson(String content) {
    try {
      return JSON.readTree(content);
    } catch (Exception e) {
      return null;
    }
  }

  private static ByteArrayInputStream stream(String content) {
    return new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
  }

  private static String cause(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return message.length() > 300 ? message.substring(0, 300) + "…" : message;
  }

  private static final class Parsed {
    final Map<String, BpmnModelInstance> bpmn = new HashMap<>();
    final Map<String, DmnModelInstance> dmn = new HashMap<>();
    final Map<String, JsonNode> forms = new HashMap<>();
  }
}
