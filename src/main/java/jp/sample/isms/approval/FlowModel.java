package jp.sample.isms.approval;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

import jp.sample.isms.engine.ModelReaders;

/**
 * What a flow's model says of the flow as a whole: its name (the process's {@code name}, Japanese) and the clauses
 * it enforces (the process's camunda:property {@code isms.clauses}). Read from the model the application deploys
 * ({@code bpmn/<key>.bpmn} on the class path), so the flow's Java, the kernel and the documentation do not keep
 * copies.
 */
public record FlowModel(String key, String name, List<String> clauses) {

  public static final String CLAUSES_PROPERTY = "isms.clauses";

  private static final Map<String, FlowModel> MODELS = new ConcurrentHashMap<>();

  /** The model of the flow with process definition key {@code key}. */
  public static FlowModel of(String key) {
    return MODELS.computeIfAbsent(key, FlowModel::read);
  }

  /** The model of one process of a BPMN model. */
  public static FlowModel of(Process process) {
    return new FlowModel(process.getId(), process.getName(), clauses(process));
  }

  private static FlowModel read(String key) {
    String resource = "bpmn/" + key + ".bpmn";
    try (InputStream in = FlowModel.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no model " + resource + " on the class path");
      }
      BpmnModelInstance model = ModelReaders.bpmn(in);
      Process process = model.getModelElementById(key);
      if (process == null) {
        throw new IllegalStateException(resource + " has no process " + key);
      }
      return of(process);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> clauses(Process process) {
    ExtensionElements extensions = process.getExtensionElements();
    if (extensions == null) {
      return List.of();
    }
    return extensions.getElementsQuery().filterByType(CamundaProperties.class).list().stream()
        .flatMap(properties -> properties.getCamundaProperties().stream())
        .filter(property -> CLAUSES_PROPERTY.equals(property.getCamundaName())).map(CamundaProperty::getCamundaValue)
        .findFirst().map(value -> Arrays.stream(value.split(",")).map(String::trim).filter(c -> !c.isEmpty()).toList())
        .orElse(List.of());
  }
}
