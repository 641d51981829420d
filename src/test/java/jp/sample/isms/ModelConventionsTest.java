package jp.sample.isms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The conventions of STYLE.md, checked on every model the process owner may edit (bpmn/, forms/). */
class ModelConventionsTest {

  private static final Pattern TYPED_ID = Pattern.compile(
      "(StartEvent|EndEvent|UserTask|ServiceTask|BusinessRuleTask|SendTask|Gateway|SequenceFlow|BoundaryEvent"
          + "|IntermediateCatchEvent|IntermediateThrowEvent|SubProcess|CallActivity)_[A-Z][A-Za-z0-9]+");
  private static final Pattern GENERATED = Pattern.compile(".*_[0-9][0-9a-z]{5,}$");
  private static final Set<String> STEP_KINDS = Set.of("APPROVAL", "WORK", "CORRECTION", "FOLLOW_UP");

  static Stream<Path> bpmnFiles() throws IOException {
    return files("bpmn", ".bpmn");
  }

  static Stream<Path> dmnFiles() throws IOException {
    return files("bpmn", ".dmn");
  }

  static Stream<Path> formFiles() throws IOException {
    return files("forms", ".form");
  }

  @ParameterizedTest
  @MethodSource("bpmnFiles")
  void processesFollowTheConventions(Path file) {
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    List<String> problems = new ArrayList<>();
    Collection<Process> processes = model.getModelElementsByType(Process.class);
    assertThat(processes).hasSize(1);
    Process process = processes.iterator().next();
    String key = process.getId();
    if (!file.getFileName().toString().equals(key + ".bpmn")) {
      problems.add("file name is not the process id " + key);
    }
    if (process.getCamundaHistoryTimeToLiveString() == null) {
      problems.add("no historyTimeToLive");
    }
    for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
      String id = element.getId();
      if (!TYPED_ID.matcher(id).matches() || GENERATED.matcher(id).matches()) {
        problems.add("id without a type prefix or generated: " + id);
      }
      if (element instanceof FlowNode && !(element instanceof org.camunda.bpm.model.bpmn.instance.Gateway
          && ((FlowNode) element).getIncoming().size() > 1) && (element.getName() == null || element.getName().isBlank())) {
        problems.add("no Japanese name: " + id);
      }
    }
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      if (task.getCamundaFormRef() == null || !"deployment".equals(task.getCamundaFormRefBinding())) {
        problems.add(task.getId() + ": needs camunda:formRef with binding deployment");
      }
      if (task.getCamundaCandidateGroups() == null && task.getCamundaAssignee() == null) {
        problems.add(task.getId() + ": needs candidate groups from a role or the requester as assignee");
      }
      String kind = property(task, "isms.stepKind");
      if (kind == null || !STEP_KINDS.contains(kind)) {
        problems.add(task.getId() + ": isms.stepKind must be one of " + STEP_KINDS);
      }
      if ("APPROVAL".equals(kind) || "WORK".equals(kind)) {
        if (task.getCamundaCandidateGroups() == null || !task.getCamundaCandidateGroups().contains("approvalRouting")) {
          problems.add(task.getId() + ": a role step takes its candidates from ${approvalRouting.candidateGroups(...)}");
        }
      }
    }
    for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
      boolean timer = !start.getEventDefinitions().isEmpty();
      if (start.getParentElement() == process && !timer && (start.getCamundaFormRef() == null
          || !"requester".equals(start.getCamundaInitiator()))) {
        problems.add(start.getId() + ": the start event needs a formRef and camunda:initiator=\"requester\"");
      }
    }
    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      if (task.getCamundaDelegateExpression() == null) {
        problems.add(task.getId() + ": service tasks use camunda:delegateExpression");
      }
    }
    for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
      if (!"deployment".equals(task.getCamundaDecisionRefBinding())) {
        problems.add(task.getId() + ": decisionRefBinding must be deployment");
      }
      // expressions may not call methods on the decision result: one output is a result variable, several are
      // copied to variables by the decision outputs listener
      boolean singleEntry = task.getCamundaResultVariable() != null
          && "singleEntry".equals(task.getCamundaMapDecisionResult());
      boolean outputsListener = task.getExtensionElements() != null && task.getExtensionElements().getElementsQuery()
          .filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener.class).list().stream()
          .anyMatch(l -> "end".equals(l.getCamundaEvent())
              && "${decisionOutputsListener}".equals(l.getCamundaDelegateExpression()));
      if (!singleEntry && !outputsListener) {
        problems.add(task.getId() + ": map the decision with resultVariable and singleEntry, or with the end listener "
            + "${decisionOutputsListener}");
      }
    }
    if (!model.getModelElementsByType(ScriptTask.class).isEmpty()) {
      problems.add("script tasks are not allowed");
    }
    // diagram interchange: every node has a shape and every flow an edge, so the model opens in Camunda Modeler
    Set<String> shapes = new java.util.HashSet<>();
    model.getModelElementsByType(BpmnShape.class).forEach(s -> shapes.add(((BaseElement) s.getBpmnElement()).getId()));
    Set<String> edges = new java.util.HashSet<>();
    model.getModelElementsByType(BpmnEdge.class).forEach(e -> edges.add(((BaseElement) e.getBpmnElement()).getId()));
    model.getModelElementsByType(FlowNode.class).stream().filter(n -> !shapes.contains(n.getId()))
        .forEach(n -> problems.add(n.getId() + ": no shape in the diagram"));
    model.getModelElementsByType(SequenceFlow.class).stream().filter(f -> !edges.contains(f.getId()))
        .forEach(f -> problems.add(f.getId() + ": no edge in the diagram"));
    assertThat(problems).as(file.toString()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("dmnFiles")
  void decisionsCiteTheirClauses(Path file) {
    DmnModelInstance model = Dmn.readModelFromFile(file.toFile());
    Collection<Decision> decisions = model.getModelElementsByType(Decision.class);
    assertThat(decisions).extracting(Decision::getId).contains(file.getFileName().toString().replace(".dmn", ""));
    for (Rule rule : model.getModelElementsByType(Rule.class)) {
      assertThat(rule.getId()).as("rule id in %s", file).startsWith("Rule_");
      assertThat(rule.getDescription()).as("description of %s in %s", rule.getId(), file).isNotNull();
      assertThat(rule.getDescription().getTextContent()).as("clause of %s", rule.getId()).matches("(?s).*\\d\\.\\d.*");
    }
  }

  @ParameterizedTest
  @MethodSource("formFiles")
  void formsAreNamedByTheirId(Path file) throws IOException {
    JsonNode form = new ObjectMapper().readTree(file.toFile());
    assertThat(file.getFileName().toString()).isEqualTo(form.path("id").asText() + ".form");
    assertThat(form.path("executionPlatform").asText()).isEqualTo("Camunda Platform");
  }

  private static String property(UserTask task, String name) {
    if (task.getExtensionElements() == null) {
      return null;
    }
    return task.getExtensionElements().getElementsQuery().filterByType(
        org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties.class).list().stream()
        .flatMap(p -> p.getCamundaProperties().stream())
        .filter(p -> name.equals(p.getCamundaName())).map(CamundaProperty::getCamundaValue).findFirst().orElse(null);
  }

  private static Stream<Path> files(String folder, String suffix) throws IOException {
    try (Stream<Path> paths = Files.list(Path.of(folder))) {
      return paths.filter(p -> p.toString().endsWith(suffix)).sorted().toList().stream();
    }
  }
}
