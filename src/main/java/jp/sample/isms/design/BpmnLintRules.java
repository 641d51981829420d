package jp.sample.isms.design;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.ComplexGateway;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.InclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.ThrowEvent;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * The rules of {@code bpmnlint:recommended} (the repository's {@code .bpmnlintrc}, which the page runs with bpmnlint
 * itself), re-stated in Java for the server: conditional-flows, end-event-required, event-sub-process-typed-start-event,
 * fake-join, label-required, no-bpmndi, no-complex-gateway, no-disconnected, no-duplicate-sequence-flows,
 * no-gateway-join-fork, no-implicit-split, no-implicit-start, no-implicit-end, no-inclusive-gateway,
 * single-blank-start-event, single-event-definition, start-event-required, sub-process-blank-start-event,
 * superfluous-gateway. Not re-stated (no element of theirs is used by the product's flows): ad-hoc-sub-process,
 * link-event, superfluous-termination.
 */
final class BpmnLintRules {

  static final List<String> RULES = List.of("conditional-flows", "end-event-required",
      "event-sub-process-typed-start-event", "fake-join", "label-required", "no-bpmndi", "no-complex-gateway",
      "no-disconnected", "no-duplicate-sequence-flows", "no-gateway-join-fork", "no-implicit-split",
      "no-implicit-start", "no-implicit-end", "no-inclusive-gateway", "single-blank-start-event",
      "single-event-definition", "start-event-required", "sub-process-blank-start-event", "superfluous-gateway");

  private BpmnLintRules() {
  }

  static List<Finding> check(String file, BpmnModelInstance model) {
    List<Finding> findings = new ArrayList<>();
    for (Process process : model.getModelElementsByType(Process.class)) {
      scope(file, process.getId(), process.getFlowElements(), false, findings);
    }
    for (SubProcess sub : model.getModelElementsByType(SubProcess.class)) {
      scope(file, sub.getId(), sub.getFlowElements(), true, findings);
      List<StartEvent> starts = sub.getFlowElements().stream().filter(StartEvent.class::isInstance)
          .map(StartEvent.class::cast).toList();
      for (StartEvent start : starts) {
        if (sub.triggeredByEvent() && start.getEventDefinitions().isEmpty()) {
          findings.add(lint(file, start.getId(), "event-sub-process-typed-start-event",
              "イベントサブプロセスの開始イベントには種類が必要です", "Start event of an event sub-process must be typed"));
        }
        if (!sub.triggeredByEvent() && !start.getEventDefinitions().isEmpty()) {
          findings.add(lint(file, start.getId(), "sub-process-blank-start-event",
              "サブプロセスの開始イベントは空にします", "Start event of a sub-process must be blank"));
        }
      }
    }
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      String id = node.getId();
      boolean eventSubProcessStart = node instanceof StartEvent && node.getParentElement() instanceof SubProcess sub
          && sub.triggeredByEvent();
      boolean compensation = node instanceof Activity activity && activity.isForCompensation();
      if (node instanceof ComplexGateway) {
        findings.add(lint(file, id, "no-complex-gateway", "複合ゲートウェイは使いません", "Complex gateway is not allowed"));
      }
      if (node instanceof InclusiveGateway) {
        findings.add(lint(file, id, "no-inclusive-gateway", "包括ゲートウェイは使いません",
            "Inclusive gateway is not allowed"));
      }
      int in = node.getIncoming().size();
      int out = node.getOutgoing().size();
      if (node instanceof Gateway) {
        if (in > 1 && out > 1) {
          findings.add(lint(file, id, "no-gateway-join-fork", "ゲートウェイで合流と分岐を同時にしません",
              "Gateway must not join and fork at once"));
        }
        if (in == 1 && out == 1) {
          findings.add(warn(file, id, "superfluous-gateway", "入力 1 本・出力 1 本のゲートウェイは不要です",
              "Gateway is superfluous: one incoming and one outgoing flow"));
        }
        if (out > 1 && (node instanceof ExclusiveGateway || node instanceof InclusiveGateway)) {
          String defaultFlow = node instanceof ExclusiveGateway g && g.getDefault() != null ? g.getDefault().getId()
              : node instanceof InclusiveGateway g2 && g2.getDefault() != null ? g2.getDefault().getId() : null;
          for (SequenceFlow flow : node.getOutgoing()) {
            if (flow.getConditionExpression() == null && !flow.getId().equals(defaultFlow)) {
              findings.add(lint(file, flow.getId(), "conditional-flows", "分岐の線には条件か既定の指定が必要です",
                  "Sequence flow is missing a condition"));
            }
          }
        }
      } else {
        if (in > 1) {
          findings.add(warn(file, id, "fake-join", "合流はゲートウェイで表します",
              "Incoming flows do not join (use a gateway)"));
        }
        if (out > 1 && node.getOutgoing().stream().anyMatch(f -> f.getConditionExpression() == null)
            && !(node instanceof EventBasedGateway)) {
          findings.add(lint(file, id, "no-implicit-split", "条件のない複数の出力で分岐しません (ゲートウェイを使います)",
              "Flow splits implicitly (use a gateway)"));
        }
      }
      if (in == 0 && out == 0 && !eventSubProcessStart && !compensation && !(node instanceof BoundaryEvent)
          && !(node instanceof SubProcess s && s.triggeredByEvent())) {
        findings.add(lint(file, id, "no-disconnected", "どこにもつながっていません", "Element is not connected"));
      } else {
        if (in == 0 && !(node instanceof StartEvent) && !(node instanceof BoundaryEvent) && !compensation
            && !(node instanceof SubProcess s && s.triggeredByEvent()) && !isLinkCatch(node)) {
          findings.add(lint(file, id, "no-implicit-start", "開始イベント以外に入力のない要素があります",
              "Element is an implicit start"));
        }
        if (out == 0 && !(node instanceof EndEvent) && !compensation
            && !(node instanceof SubProcess s && s.triggeredByEvent()) && !isLinkThrow(node)) {
          findings.add(lint(file, id, "no-implicit-end", "終了イベント以外に出力のない要素があります",
              "Element is an implicit end"));
        }
      }
      if (node instanceof CatchEvent catchEvent && catchEvent.getEventDefinitions().size() > 1
          || node instanceof ThrowEvent throwEvent && throwEvent.getEventDefinitions().size() > 1) {
        findings.add(lint(file, id, "single-event-definition", "イベントの定義は 1 つにします",
            "Event has multiple event definitions"));
      }
      boolean joiningGateway = node instanceof Gateway && in > 1 && out <= 1;
      if (!joiningGateway && (node.getName() == null || node.getName().isBlank())) {
        findings.add(lint(file, id, "label-required", "名前がありません", "Element is missing a label"));
      }
    }
    Set<String> flows = new HashSet<>();
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      String signature = flow.getSource().getId() + "→" + flow.getTarget().getId() + "|"
          + (flow.getConditionExpression() == null ? "" : flow.getConditionExpression().getTextContent());
      if (!flows.add(signature)) {
        findings.add(lint(file, flow.getId(), "no-duplicate-sequence-flows", "同じ線が重複しています",
            "Sequence flow is a duplicate"));
      }
    }
    Set<String> drawn = new HashSet<>();
    model.getModelElementsByType(BpmnShape.class).forEach(s -> drawn.add(id(s.getBpmnElement())));
    model.getModelElementsByType(BpmnEdge.class).forEach(e -> drawn.add(id(e.getBpmnElement())));
    for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
      if ((element instanceof FlowNode || element instanceof SequenceFlow) && !drawn.contains(element.getId())) {
        findings.add(lint(file, element.getId(), "no-bpmndi", "図 (BPMNDI) がありません", "Element is missing bpmndi"));
      }
    }
    return findings;
  }

  private static void scope(String file, String scopeId, Collection<FlowElement> elements, boolean subProcess,
      List<Finding> findings) {
    List<StartEvent> starts = elements.stream().filter(StartEvent.class::isInstance).map(StartEvent.class::cast)
        .toList();
    if (starts.isEmpty()) {
      findings.add(lint(file, scopeId, "start-event-required", "開始イベントがありません", "Start event is missing"));
    }
    if (elements.stream().noneMatch(EndEvent.class::isInstance)) {
      findings.add(lint(file, scopeId, "end-event-required", "終了イベントがありません", "End event is missing"));
    }
    if (starts.stream().filter(s -> s.getEventDefinitions().isEmpty()).count() > 1) {
      findings.add(lint(file, scopeId, "single-blank-start-event", "空の開始イベントは 1 つだけにします",
          "Process has multiple blank start events"));
    }
  }

  private static boolean isLinkCatch(FlowNode node) {
    return node instanceof CatchEvent e && e.getEventDefinitions().stream()
        .anyMatch(d -> d.getElementType().getTypeName().equals("linkEventDefinition"));
  }

  private static boolean isLinkThrow(FlowNode node) {
    return node instanceof ThrowEvent e && e.getEventDefinitions().stream()
        .anyMatch(d -> d.getElementType().getTypeName().equals("linkEventDefinition"));
  }

  private static String id(ModelElementInstance element) {
    return element instanceof BaseElement base ? base.getId() : null;
  }

  /** The rules that bpmnlint's recommended set reports as warnings: fake-join, superfluous-gateway. */
  private static Finding warn(String file, String element, String rule, String message, String messageEn) {
    return Finding.warning(file, element, "bpmnlint/" + rule, message + " (bpmnlint " + rule + ")", messageEn);
  }

  private static Finding lint(String file, String element, String rule, String message, String messageEn) {
    return Finding.error(file, element, "bpmnlint/" + rule, message + " (bpmnlint " + rule + ")", messageEn);
  }
}
