package jp.sample.isms.design;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;

import com.fasterxml.jackson.databind.JsonNode;

import jp.sample.isms.organisation.Role;

/**
 * The product's model conventions (STYLE.md), in one place: typed ids, Japanese names, form binding, candidate groups
 * from the routing, {@code isms.stepKind}, delegate expressions only, no scripts, diagram interchange; a decision
 * named by its file with rules that have an id and a description citing a clause and role outputs that are role
 * codes; a form named by its id for the Camunda Platform. Used by {@link ModelChecks} and by the model-rules test.
 */
public final class ModelConventions {

  static final Pattern TYPED_ID = Pattern.compile(
      "(StartEvent|EndEvent|UserTask|ServiceTask|BusinessRuleTask|SendTask|Gateway|SequenceFlow|BoundaryEvent"
          + "|IntermediateCatchEvent|IntermediateThrowEvent|SubProcess|CallActivity)_[A-Z][A-Za-z0-9]+");
  static final Pattern GENERATED = Pattern.compile(".*_[0-9][0-9a-z]{5,}$");
  /** The kinds of step the kernel knows ({@code isms.stepKind}). */
  public static final Set<String> STEP_KINDS = Set.of("APPROVAL", "WORK", "CORRECTION", "FOLLOW_UP");
  static final Pattern CLAUSE = Pattern.compile("(?s).*\\d\\.\\d.*");
  /** What a role output may return besides a role code: no one ({@code NONE}) or nothing. */
  static final Set<String> NOT_A_ROLE = Set.of("NONE", "");

  private ModelConventions() {
  }

  /** The findings of a flow against the conventions. */
  public static List<Finding> bpmn(String file, BpmnModelInstance model) {
    List<Finding> findings = new ArrayList<>();
    Collection<Process> processes = model.getModelElementsByType(Process.class);
    if (processes.size() != 1) {
      findings.add(error(file, null, "one-process", "1 つのファイルには 1 つのプロセスだけを置きます",
          "A file holds exactly one process"));
      return findings;
    }
    Process process = processes.iterator().next();
    String key = process.getId();
    if (!file.equals(key + ".bpmn")) {
      findings.add(error(file, key, "file-name", "ファイル名はプロセス ID (" + key + ".bpmn) にします",
          "The file name must be the process id (" + key + ".bpmn)"));
    }
    if (process.getCamundaHistoryTimeToLiveString() == null) {
      findings.add(error(file, key, "history-time-to-live", "historyTimeToLive がありません",
          "The process has no historyTimeToLive"));
    }
    for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
      String id = element.getId();
      if (!TYPED_ID.matcher(id).matches() || GENERATED.matcher(id).matches()) {
        findings.add(error(file, id, "typed-id", "ID に種類の接頭辞がないか、自動生成の ID です (例: UserTask_ApproveByDepartmentHead)",
            "The id has no type prefix or is generated (e.g. UserTask_ApproveByDepartmentHead)"));
      }
      if (element instanceof FlowNode node && !(node instanceof Gateway && node.getIncoming().size() > 1)
          && (element.getName() == null || element.getName().isBlank())) {
        findings.add(error(file, id, "japanese-name", "日本語の名前がありません", "The element has no Japanese name"));
      }
    }
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      if (task.getCamundaFormRef() == null || !"deployment".equals(task.getCamundaFormRefBinding())) {
        findings.add(error(file, task.getId(), "form-ref", "camunda:formRef と binding deployment が必要です",
            "A user task needs camunda:formRef with binding deployment"));
      }
      if (task.getCamundaCandidateGroups() == null && task.getCamundaAssignee() == null) {
        findings.add(error(file, task.getId(), "candidates", "候補グループ (役割) か申請者の担当が必要です",
            "A user task needs candidate groups from a role or the requester as assignee"));
      }
      String kind = property(task, "isms.stepKind");
      if (kind == null || !STEP_KINDS.contains(kind)) {
        findings.add(error(file, task.getId(), "step-kind", "isms.stepKind は " + STEP_KINDS + " のいずれかが必要です",
            "isms.stepKind must be one of " + STEP_KINDS));
      }
      if (("APPROVAL".equals(kind) || "WORK".equals(kind)) && (task.getCamundaCandidateGroups() == null
          || !task.getCamundaCandidateGroups().contains("approvalRouting"))) {
        findings.add(error(file, task.getId(), "candidates-from-routing",
            "役割の手順は候補を ${approvalRouting.candidateGroups(...)} から受け取ります",
            "A role step takes its candidates from ${approvalRouting.candidateGroups(...)}"));
      }
    }
    for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
      boolean timer = !start.getEventDefinitions().isEmpty();
      if (start.getParentElement() == process && !timer && (start.getCamundaFormRef() == null
          || !"requester".equals(start.getCamundaInitiator()))) {
        findings.add(error(file, start.getId(), "start-form",
            "開始イベントには formRef と camunda:initiator=\"requester\" が必要です",
            "The start event needs a formRef and camunda:initiator=\"requester\""));
      }
    }
    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      if (task.getCamundaDelegateExpression() == null) {
        findings.add(error(file, task.getId(), "delegate-expression",
            "サービスタスクは camunda:delegateExpression だけを使います", "Service tasks use camunda:delegateExpression"));
      }
    }
    for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
      if (!"deployment".equals(task.getCamundaDecisionRefBinding())) {
        findings.add(error(file, task.getId(), "decision-binding", "decisionRefBinding は deployment にします",
            "decisionRefBinding must be deployment"));
      }
      boolean singleEntry = task.getCamundaResultVariable() != null
          && "singleEntry".equals(task.getCamundaMapDecisionResult());
      boolean outputsListener = task.getExtensionElements() != null && task.getExtensionElements().getElementsQuery()
          .filterByType(CamundaExecutionListener.class).list().stream()
          .anyMatch(l -> "end".equals(l.getCamundaEvent())
              && "${decisionOutputsListener}".equals(l.getCamundaDelegateExpression()));
      if (!singleEntry && !outputsListener) {
        findings.add(error(file, task.getId(), "decision-result",
            "判定結果は resultVariable と singleEntry、または終了リスナー ${decisionOutputsListener} で受け取ります",
            "Map the decision with resultVariable and singleEntry, or with the end listener "
                + "${decisionOutputsListener}"));
      }
    }
    for (ScriptTask task : model.getModelElementsByType(ScriptTask.class)) {
      findings.add(error(file, task.getId(), "no-script-task", "スクリプトタスクは使えません (コードを実行できるため)",
          "Script tasks are not allowed (they run code)"));
    }
    Set<String> shapes = new HashSet<>();
    model.getModelElementsByType(BpmnShape.class).forEach(s -> {
      if (s.getBpmnElement() != null) {
        shapes.add(((BaseElement) s.getBpmnElement()).getId());
      }
    });
    Set<String> edges = new HashSet<>();
    model.getModelElementsByType(BpmnEdge.class).forEach(e -> {
      if (e.getBpmnElement() != null) {
        edges.add(((BaseElement) e.getBpmnElement()).getId());
      }
    });
    model.getModelElementsByType(FlowNode.class).stream().filter(n -> !shapes.contains(n.getId()))
        .forEach(n -> findings.add(error(file, n.getId(), "diagram", "図に形がありません (Camunda Modeler で開けません)",
            "No shape in the diagram (the model would not open in Camunda Modeler)")));
    model.getModelElementsByType(SequenceFlow.class).stream().filter(f -> !edges.contains(f.getId()))
        .forEach(f -> findings.add(error(file, f.getId(), "diagram", "図に線がありません (Camunda Modeler で開けません)",
            "No edge in the diagram (the model would not open in Camunda Modeler)")));
    return findings;
  }

  /** The findings of a decision file against the conventions. */
  public static List<Finding> dmn(String file, DmnModelInstance model) {
    List<Finding> findings = new ArrayList<>();
    Collection<Decision> decisions = model.getModelElementsByType(Decision.class);
    String expected = file.replaceFirst("\\.dmn$", "");
    if (decisions.stream().noneMatch(d -> d.getId().equals(expected))) {
      findings.add(error(file, null, "file-name", "ファイル名は判定表の ID (" + expected + ") にします",
          "The file name must be a decision's id (" + expected + ")"));
    }
    for (Rule rule : model.getModelElementsByType(Rule.class)) {
      if (rule.getId() == null || !rule.getId().startsWith("Rule_") || GENERATED.matcher(rule.getId()).matches()) {
        findings.add(error(file, rule.getId(), "rule-id", "ルールには Rule_ で始まる意味のある ID が必要です",
            "A rule needs a meaningful id starting with Rule_"));
      }
      if (rule.getDescription() == null || rule.getDescription().getTextContent() == null
          || !CLAUSE.matcher(rule.getDescription().getTextContent()).matches()) {
        findings.add(error(file, rule.getId(), "rule-clause", "ルールの説明に規程の条項 (例: 3.2) がありません",
            "The rule's description does not cite a clause of the regulation (e.g. 3.2)"));
      }
    }
    Set<String> roles = new HashSet<>();
    for (Role role : Role.values()) {
      roles.add(role.name());
    }
    for (Decision decision : decisions) {
      List<Output> outputs = new ArrayList<>(decision.getModelInstance().getModelElementsByType(Output.class).stream()
          .filter(o -> o.getParentElement().getParentElement() == decision).toList());
      for (Rule rule : decision.getModelInstance().getModelElementsByType(Rule.class)) {
        if (rule.getParentElement().getParentElement() != decision) {
          continue;
        }
        List<OutputEntry> entries = new ArrayList<>(rule.getOutputEntries());
        for (int i = 0; i < entries.size() && i < outputs.size(); i++) {
          String name = outputs.get(i).getName();
          if (name == null || !(name.endsWith("Role") || name.endsWith("Roles"))) {
            continue;
          }
          String text = entries.get(i).getTextContent() == null ? "" : entries.get(i).getTextContent().strip();
          String value = text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")
              ? text.substring(1, text.length() - 1) : text;
          if (!NOT_A_ROLE.contains(value) && !roles.contains(value)) {
            findings.add(error(file, rule.getId(), "role-code", "出力 " + name + " の「" + value
                + "」は役割コードではありません (使える役割: " + Role.names() + ")", "Output " + name + " value '" + value
                + "' is not a known role code"));
          }
        }
      }
    }
    return findings;
  }

  /** The findings of a form (its JSON) against the conventions. */
  public static List<Finding> form(String file, JsonNode form) {
    List<Finding> findings = new ArrayList<>();
    String id = form.path("id").asText();
    if (!file.equals(id + ".form")) {
      findings.add(error(file, id.isEmpty() ? null : id, "file-name", "ファイル名はフォーム ID (" + id + ".form) にします",
          "The file name must be the form's id (" + id + ".form)"));
    }
    if (!"Camunda Platform".equals(form.path("executionPlatform").asText())) {
      findings.add(error(file, id.isEmpty() ? null : id, "execution-platform",
          "executionPlatform は Camunda Platform にします", "executionPlatform must be Camunda Platform"));
    }
    return findings;
  }

  /** A camunda property of a user task (such as {@code isms.stepKind}), or null. */
  static String property(UserTask task, String name) {
    if (task.getExtensionElements() == null) {
      return null;
    }
    return task.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
        .flatMap(p -> p.getCamundaProperties().stream())
        .filter(p -> name.equals(p.getCamundaName())).map(CamundaProperty::getCamundaValue).findFirst().orElse(null);
  }

  private static Finding error(String file, String element, String rule, String message, String messageEn) {
    return Finding.error(file, element, "isms/" + rule, message, messageEn);
  }
}
