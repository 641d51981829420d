package jp.sample.isms.design;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The deployed flows, decision tables and forms with every version, where each version came from (start-up, an
 * approved revision, an emergency deployment) and its text. Forms have no query in the engine's API: their
 * definitions are read from the engine's form definition table.
 */
@Component
class DesignModels {

  record Version(int version, String deploymentId, String revision, OffsetDateTime deployedAt, String source,
      String businessKey) {
  }

  record Model(ModelKind kind, String key, String name, String resourceName, List<Version> versions) {
  }

  record Content(String name, String content) {
  }

  private record Origin(String source, String businessKey, String revision) {
  }

  private record Definition(ModelKind kind, String key, String name, String resourceName, int version,
      String deploymentId) {
  }

  private final RepositoryService repository;
  private final JdbcTemplate jdbc;
  private final java.time.ZoneId zone;

  DesignModels(@org.springframework.context.annotation.Lazy RepositoryService repository, JdbcTemplate jdbc,
      java.time.ZoneId zone) {
    this.repository = repository;
    this.jdbc = jdbc;
    this.zone = zone;
  }

  List<Model> models() {
    Map<String, Deployment> deployments = new HashMap<>();
    repository.createDeploymentQuery().list().forEach(d -> deployments.put(d.getId(), d));
    Map<String, Origin> origins = new HashMap<>();
    jdbc.query("select deployment_id, source, business_key, revision from model_deployment",
        rs -> {
          origins.put(rs.getString(1), new Origin(rs.getString(2), rs.getString(3), rs.getString(4)));
        });
    Map<String, Model> models = new LinkedHashMap<>();
    for (Definition definition : definitions()) {
      Deployment deployment = deployments.get(definition.deploymentId());
      Origin origin = origins.getOrDefault(definition.deploymentId(), new Origin("STARTUP", null, null));
      Model model = models.computeIfAbsent(definition.kind() + "/" + definition.key(),
          k -> new Model(definition.kind(), definition.key(), definition.name(), definition.resourceName(),
              new ArrayList<>()));
      model.versions().add(new Version(definition.version(), definition.deploymentId(), origin.revision(),
          deployment == null || deployment.getDeploymentTime() == null ? null
              : deployment.getDeploymentTime().toInstant().atZone(zone).toOffsetDateTime(),
          origin.source(), origin.businessKey()));
    }
    List<Model> sorted = new ArrayList<>();
    for (Model model : models.values()) {
      List<Version> versions = new ArrayList<>(model.versions());
      versions.sort(Comparator.comparingInt(Version::version).reversed());
      Definition latest = latest(model.kind(), model.key());
      sorted.add(new Model(model.kind(), model.key(), latest != null ? latest.name() : model.name(),
          latest != null ? latest.resourceName() : model.resourceName(), versions));
    }
    sorted.sort(Comparator.comparing((Model m) -> m.kind().ordinal()).thenComparing(Model::key));
    return sorted;
  }

  /** The text of one version, or null when there is no such version. */
  Content content(ModelKind kind, String key, int version) {
    Definition definition = definitions().stream()
        .filter(d -> d.kind() == kind && d.key().equals(key) && d.version() == version).findFirst().orElse(null);
    if (definition == null) {
      return null;
    }
    return new Content(fileName(definition.resourceName()),
        resource(definition.deploymentId(), definition.resourceName()));
  }

  /** The text of the newest version, or null when nothing of that kind and key is deployed. */
  Content latestContent(ModelKind kind, String key) {
    Definition latest = latest(kind, key);
    return latest == null ? null
        : new Content(fileName(latest.resourceName()), resource(latest.deploymentId(), latest.resourceName()));
  }

  private Definition latest(ModelKind kind, String key) {
    return definitions().stream().filter(d -> d.kind() == kind && d.key().equals(key))
        .max(Comparator.comparingInt(Definition::version)).orElse(null);
  }

  String resource(String deploymentId, String resourceName) {
    try (InputStream in = repository.getResourceAsStream(deploymentId, resourceName)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + resourceName + " of deployment " + deploymentId, e);
    }
  }

  /** {@code bpmn/takeOut.bpmn} → {@code takeOut.bpmn}. */
  static String fileName(String resourceName) {
    int slash = resourceName.lastIndexOf('/');
    return slash < 0 ? resourceName : resourceName.substring(slash + 1);
  }

  private List<Definition> definitions() {
    List<Definition> definitions = new ArrayList<>();
    for (ProcessDefinition p : repository.createProcessDefinitionQuery().list()) {
      definitions.add(new Definition(ModelKind.BPMN, p.getKey(), p.getName(), p.getResourceName(), p.getVersion(),
          p.getDeploymentId()));
    }
    for (DecisionDefinition d : repository.createDecisionDefinitionQuery().list()) {
      definitions.add(new Definition(ModelKind.DMN, d.getKey(), d.getName(), d.getResourceName(), d.getVersion(),
          d.getDeploymentId()));
    }
    definitions.addAll(jdbc.query("select KEY_, VERSION_, RESOURCE_NAME_, DEPLOYMENT_ID_ from ACT_RE_CAMFORMDEF",
        (rs, i) -> new Definition(ModelKind.FORM, rs.getString(1), rs.getString(1), rs.getString(3), rs.getInt(2),
            rs.getString(4))));
    return definitions;
  }
}
