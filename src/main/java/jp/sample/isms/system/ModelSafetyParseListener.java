package jp.sample.isms.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Refuses a deployment whose models could run arbitrary code: script tasks, scripts in listeners or input/output
 * mappings, and {@code camunda:class} outside an allow-list. Camunda 7.24 gets no more community security fixes;
 * what a deployed model may execute is limited to the application's own delegates, reached by expressions.
 */
class ModelSafetyParseListener extends AbstractBpmnParseListener {

  private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

  /** Classes a model may name in camunda:class; empty: the flows use delegate expressions only. */
  static final Set<String> CLASS_ALLOW_LIST = Set.of();

  @Override
  public void parseRootElement(Element rootElement, List<ProcessDefinitionEntity> processDefinitions) {
    List<String> problems = new ArrayList<>();
    check(rootElement, problems);
    if (!problems.isEmpty()) {
      throw new BadUserRequestException("モデルに許可されていない実行要素があります (the model may not run code): "
          + String.join("; ", problems));
    }
  }

  private static void check(Element element, List<String> problems) {
    String name = element.getTagName();
    String id = element.attribute("id");
    if (name.equals("scriptTask") || (name.endsWith("scriptTask"))) {
      problems.add("script task " + id);
    }
    if (CAMUNDA_NS.equals(element.getUri()) && name.equals("script")) {
      problems.add("camunda:script");
    }
    String className = element.attributeNS(new org.camunda.bpm.engine.impl.util.xml.Namespace(CAMUNDA_NS), "class");
    if (className == null && CAMUNDA_NS.equals(element.getUri())) {
      className = element.attribute("class");
    }
    if (className != null && !CLASS_ALLOW_LIST.contains(className)) {
      problems.add("camunda:class " + className + (id != null ? " (" + id + ")" : ""));
    }
    for (Element child : element.elements()) {
      check(child, problems);
    }
  }
}
