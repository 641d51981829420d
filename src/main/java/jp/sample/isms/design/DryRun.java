package jp.sample.isms.design;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The dry run of a change (1.4): a decision table evaluated old (the deployed latest) against new on the sample inputs
 * ({@code design/samples/<decisionKey>.csv}, the rows the table's own test reads; without such a file, one sample per
 * rule from its literal input entries); a flow's paths (user tasks and who they are offered to) old against new, and
 * the elements added, removed or changed. Nothing is deployed or started.
 */
@Component
class DryRun {

  static final int MAX_PATHS = 64;

  record Row(Map<String, Object> sample, Map<String, Object> old,
      @JsonProperty("new") Map<String, Object> proposed, boolean changed) {
  }

  record DecisionResult(String decisionKey, List<String> inputs, List<Row> rows) {
  }

  record Step(String id, String name, List<String> roles) {
  }

  record Path(List<Step> path) {
  }

  record ProcessResult(String processKey, List<Path> old, @JsonProperty("new") List<Path> proposed,
      List<String> added, List<String> removed, List<String> changed) {
  }

  record Result(List<DecisionResult> decisions, List<ProcessResult> processes, List<Finding> findings) {
  }

  private final ModelChecks checks;
  private final DesignModels deployed;
  private final DmnEngine dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  DryRun(ModelChecks checks, DesignModels deployed) {
    this.checks = checks;
    this.deployed = deployed;
  }

  Result run(List<ModelFile> files) {
    List<Finding> findings = checks.check(files);
    List<DecisionResult> decisions = new ArrayList<>();
    List<ProcessResult> processes = new ArrayList<>();
    for (ModelFile file : files) {
      if (file.kind() == ModelKind.DMN) {
        DmnModelInstance model = ModelChecks.readDmn(file.content());
        if (model != null) {
          for (Decision decision : model.getModelElementsByType(Decision.class)) {
            if (decision.getExpression() instanceof DecisionTable) {
              decisions.add(decision(decision.getId(), model));
            }
          }
        }
      } else if (file.kind() == ModelKind.BPMN) {
        BpmnModelInstance model = ModelChecks.read(file.content());
        if (model != null) {
          for (Process process : model.getModelElementsByType(Process.class)) {
            processes.add(process(process.getId(), model));
          }
        }
      }
    }
    return new Result(decisions, processes, findings);
  }

  private DecisionResult decision(String key, DmnModelInstance proposed) {
    DesignModels.Content content = deployed.latestContent(ModelKind.DMN, key);
    DmnModelInstance old = content == null ? null : ModelChecks.readDmn(content.content());
    List<String> inputs = new ArrayList<>();
    Decision decision = proposed.getModelElementById(key);
    for (Input input : decision.getModelInstance().getModelElementsByType(Input.class)) {
      if (input.getParentElement().getParentElement() == decision) {
        inputs.add(ModelChecks.inputName(input));
      }
    }
    List<Map<String, Object>> samples = samples(key, decision, inputs);
    List<Row> rows = new ArrayList<>();
    for (Map<String, Object> sample : samples) {
      Map<String, Object> before = old == null ? null : evaluate(key, old, sample);
      Map<String, Object> after = evaluate(key, proposed, sample);
      rows.add(new Row(sample, before, after, !Objects.equals(before, after)));
    }
    return new DecisionResult(key, inputs, rows);
  }

  private Map<String, Object> evaluate(String key, DmnModelInstance model, Map<String, Object> sample) {
    Map<String, Object> answer = new LinkedHashMap<>();
    try {
      DmnDecision decision = dmnEngine.parseDecision(key, model);
      DmnDecisionResult result = dmnEngine.evaluateDecision(decision, new java.util.HashMap<>(sample));
      if (result.size() == 1) {
        answer.putAll(result.getSingleResult().getEntryMap());
      } else {
        List<Map<String, Object>> all = new ArrayList<>();
        result.forEach(r -> all.add(r.getEntryMap()));
        answer.put("results", all);
      }
    } catch (RuntimeException e) {
      answer.put("error", e.getMessage());
    }
    return answer;
  }

  /** The sample file's rows (only the columns that are inputs), or one sample per rule from its literal entries. */
  static List<Map<String, Object>> samples(String key, Decision decision, List<String> inputs) {
    List<Map<String, Object>> samples = new ArrayList<>();
    ClassPathResource file = new ClassPathResource("design/samples/" + key + ".csv");
    if (file.exists()) {
      try (InputStream in = file.getInputStream()) {
        List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
            .filter(l -> !l.isBlank()).toList();
        String[] header = lines.get(0).split("\\|", -1);
        for (String line : lines.subList(1, lines.size())) {
          String[] cells = line.split("\\|", -1);
          Map<String, Object> sample = new LinkedHashMap<>();
          for (int i = 0; i < header.length && i < cells.length; i++) {
            if (inputs.contains(header[i].strip())) {
              sample.put(header[i].strip(), value(cells[i].strip()));
            }
          }
          samples.add(sample);
        }
        return samples;
      } catch (IOException e) {
        throw new IllegalStateException("cannot read the samples of " + key, e);
      }
    }
    for (Rule rule : decision.getModelInstance().getModelElementsByType(Rule.class)) {
      if (rule.getParentElement().getParentElement() != decision) {
        continue;
      }
      Map<String, Object> sample = new LinkedHashMap<>();
      List<InputEntry> entries = new ArrayList<>(rule.getInputEntries());
      for (int i = 0; i < entries.size() && i < inputs.size(); i++) {
        String text = entries.get(i).getTextContent() == null ? "" : entries.get(i).getTextContent().strip();
        String first = text.split(",")[0].strip();
        sample.put(inputs.get(i), first.isEmpty() || first.equals("-") ? null
            : value(first.startsWith("\"") && first.endsWith("\"") && first.length() >= 2
                ? first.substring(1, first.length() - 1) : first));
      }
      if (!samples.contains(sample)) {
        samples.add(sample);
      }
    }
    return samples;
  }

  private static Object value(String text) {
    if (text.equals("null") || text.isEmpty()) {
      return null;
    }
    if (text.equals("true") || text.equals("false")) {
      return Boolean.valueOf(text);
    }
    if (text.matches("-?\\d{1,9}")) {
      return Integer.valueOf(text);
    }
    return text;
  }

  private ProcessResult process(String key, BpmnModelInstance proposed) {
    DesignModels.Content content = deployed.latestContent(ModelKind.BPMN, key);
    BpmnModelInstance old = content == null ? null : ModelChecks.read(content.content());
    Map<String, String> oldElements = old == null ? Map.of() : signatures(old);
    Map<String, String> newElements = signatures(proposed);
    List<String> added = newElements.keySet().stream().filter(id -> !oldElements.containsKey(id)).sorted().toList();
    List<String> removed = oldElements.keySet().stream().filter(id -> !newElements.containsKey(id)).sorted().toList();
    List<String> changed = newElements.keySet().stream()
        .filter(id -> oldElements.containsKey(id) && !oldElements.get(id).equals(newElements.get(id))).sorted()
        .toList();
    return new ProcessResult(key, old == null ? List.of() : paths(old, key), paths(proposed, key), added, removed,
        changed);
  }

  /** What makes an element what it is: its type, name and the attributes that route, bind or run it. */
  private static Map<String, String> signatures(BpmnModelInstance model) {
    Map<String, String> signatures = new LinkedHashMap<>();
    for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
      StringBuilder signature = new StringBuilder(element.getElementType().getTypeName()).append('|')
          .append(element.getName());
      if (element instanceof UserTask task) {
        signature.append('|').append(task.getCamundaCandidateGroups()).append('|').append(task.getCamundaAssignee())
            .append('|').append(task.getCamundaFormRef()).append('|').append(task.getCamundaDueDate());
      } else if (element instanceof org.camunda.bpm.model.bpmn.instance.ServiceTask task) {
        signature.append('|').append(task.getCamundaDelegateExpression());
      } else if (element instanceof org.camunda.bpm.model.bpmn.instance.BusinessRuleTask task) {
        signature.append('|').append(task.getCamundaDecisionRef()).append('|').append(task.getCamundaResultVariable());
      } else if (element instanceof SequenceFlow flow) {
        signature.append('|').append(flow.getSource().getId()).append('|').append(flow.getTarget().getId())
            .append('|').append(flow.getConditionExpression() == null ? "" : flow.getConditionExpression()
                .getTextContent());
      }
      element.getDomElement().getChildElements().forEach(child -> signature.append('|')
          .append(child.getLocalName()).append(':').append(child.getTextContent() == null ? ""
              : child.getTextContent().strip()));
      signatures.put(element.getId(), signature.toString());
    }
    return signatures;
  }

  /** The paths from the process's start to an end: the user tasks on each, with who they are offered to. */
  static List<Path> paths(BpmnModelInstance model, String processKey) {
    Process process = model.getModelElementById(processKey);
    List<Path> paths = new ArrayList<>();
    for (FlowElement element : process.getFlowElements()) {
      if (element instanceof StartEvent start) {
        walk(start, new ArrayList<>(), new HashSet<>(), paths);
      }
    }
    return paths;
  }

  private static void walk(FlowNode node, List<Step> steps, Set<String> visited, List<Path> paths) {
    if (paths.size() >= MAX_PATHS || !visited.add(node.getId())) {
      return;
    }
    List<Step> here = steps;
    if (node instanceof UserTask task) {
      here = new ArrayList<>(steps);
      here.add(new Step(task.getId(), task.getName(), roles(task)));
    }
    List<SequenceFlow> outgoing = new ArrayList<>(node.getOutgoing());
    if (outgoing.isEmpty() || node instanceof EndEvent) {
      Path path = new Path(List.copyOf(here));
      if (!paths.contains(path)) {
        paths.add(path);
      }
    }
    for (SequenceFlow flow : outgoing) {
      walk(flow.getTarget(), here, new HashSet<>(visited), paths);
    }
  }

  /** Who a user task is offered to, as the model says it: its candidate groups or assignee expression. */
  private static List<String> roles(UserTask task) {
    Set<String> roles = new LinkedHashSet<>();
    if (task.getCamundaCandidateGroups() != null) {
      roles.add(task.getCamundaCandidateGroups());
    }
    if (task.getCamundaAssignee() != null) {
      roles.add("assignee " + task.getCamundaAssignee());
    }
    return List.copyOf(roles);
  }
}
