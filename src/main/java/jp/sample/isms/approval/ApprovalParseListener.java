package jp.sample.isms.approval;

import java.util.List;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.util.xml.Namespace;

/**
 * Attaches the kernel to every deployed request flow: the filing and end listeners to the process, the step listeners
 * to each user task. Reads {@code isms.stepKind} and {@code isms.clauses} from the elements' camunda:properties.
 */
class ApprovalParseListener extends AbstractBpmnParseListener {

  static final String STEP_PROPERTY = "isms.step";
  private static final Namespace CAMUNDA = new Namespace("http://camunda.org/schema/1.0/bpmn");

  private final RequestLifecycle lifecycle;

  ApprovalParseListener(RequestLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public void parseProcess(Element processElement, org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity processDefinition) {
    if (!lifecycle.isRequestFlow(processDefinition.getKey())) {
      return;
    }
    String startFormRef = startFormRef(processElement);
    // built-in: a start or a cancellation that skips custom listeners (skipCustomListeners) still files and records
    processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START,
        (ExecutionListener) execution -> lifecycle.onFiled(execution, startFormRef));
    processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_END,
        (ExecutionListener) execution -> lifecycle.onEnded(execution));
  }

  @Override
  public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
    String processKey = ((org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity) activity.getProcessDefinition()).getKey();
    if (!lifecycle.isRequestFlow(processKey)) {
      return;
    }
    String kind = property(userTaskElement, "isms.stepKind");
    if (kind == null) {
      throw new IllegalArgumentException("user task " + activity.getId() + " of " + processKey
          + " has no camunda:property isms.stepKind (APPROVAL, WORK, CORRECTION or FOLLOW_UP)");
    }
    String clauses = property(userTaskElement, "isms.clauses");
    if (clauses == null) {
      clauses = String.join(",", lifecycle.flow(processKey).clauses());
    }
    StepDefinition step = new StepDefinition(processKey, activity.getId(), (String) activity.getProperty("name"),
        StepKind.valueOf(kind), userTaskElement.attributeNS(CAMUNDA, "formRef"), clauses);
    activity.setProperty(STEP_PROPERTY, step);
    TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
    task.addTaskListener(TaskListener.EVENTNAME_CREATE, delegateTask -> lifecycle.onCreated(delegateTask, step));
    task.addTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, delegateTask -> lifecycle.onAssigned(delegateTask, step));
    task.addTaskListener(TaskListener.EVENTNAME_COMPLETE, delegateTask -> lifecycle.onCompleted(delegateTask, step));
  }

  private static String startFormRef(Element processElement) {
    List<Element> starts = processElement.elements("startEvent");
    for (Element start : starts) {
      String formRef = start.attributeNS(CAMUNDA, "formRef");
      if (formRef != null) {
        return formRef;
      }
    }
    return null;
  }

  static String property(Element element, String name) {
    Element extensions = element.element("extensionElements");
    if (extensions == null) {
      return null;
    }
    Element properties = extensions.elementNS(CAMUNDA, "properties");
    if (properties == null) {
      return null;
    }
    for (Element property : properties.elementsNS(CAMUNDA, "property")) {
      if (name.equals(property.attribute("name"))) {
        return property.attribute("value");
      }
    }
    return null;
  }
}
