package jp.sample.isms.approval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.sample.isms.engine.EngineInternals;

/**
 * The forms of a deployment, parsed once per deployment. Forms are bound to their process's deployment, so a request
 * is always validated against the form version it was filed with. Runs inside engine commands.
 */
@Component
class FormSchemas {

  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, Map<String, FormSchema>> byDeployment = new ConcurrentHashMap<>();

  /** The form with this id in the deployment; null when the deployment has none. */
  FormSchema form(String deploymentId, String formId) {
    return byDeployment.computeIfAbsent(deploymentId, this::load).get(formId);
  }

  private Map<String, FormSchema> load(String deploymentId) {
    Map<String, FormSchema> forms = new HashMap<>();
    for (Map.Entry<String, byte[]> resource : EngineInternals.deploymentResources(deploymentId).entrySet()) {
      if (!resource.getKey().endsWith(".form")) {
        continue;
      }
      try {
        JsonNode node = json.readTree(new String(resource.getValue(), StandardCharsets.UTF_8));
        FormSchema schema = FormSchema.parse(node);
        forms.put(schema.id(), schema);
      } catch (IOException e) {
        throw new IllegalStateException("form " + resource.getKey() + " of deployment " + deploymentId
            + " is not valid JSON", e);
      }
    }
    return forms;
  }
}
