package jp.sample.isms.design;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import jp.sample.isms.engine.EngineInternals;

/**
 * Deploys the files of an approved revision exactly as filed, and records where every deployment of a model came
 * from ({@code model_deployment}: REVISION or EMERGENCY; a deployment without a row came with the application).
 */
@Component
class ModelDeployments {

  static final String REVISION = "REVISION";
  static final String EMERGENCY = "EMERGENCY";
  static final String STARTUP = "STARTUP";

  /** Set while an approved revision is deployed, so that {@link ModelDeploymentGate} lets it through. */
  private static final ThreadLocal<String> APPROVED = new ThreadLocal<>();

  private final RepositoryService repository;
  private final JdbcTemplate jdbc;

  ModelDeployments(@Lazy RepositoryService repository, JdbcTemplate jdbc) {
    this.repository = repository;
    this.jdbc = jdbc;
  }

  /** The request number whose approved files are being deployed on this thread, or null. */
  static String approvedRevision() {
    return APPROVED.get();
  }

  /**
   * Deploys the files under the folder names of the repository ({@code bpmn/}, {@code forms/}) as one deployment
   * named by the request, whoever approved it (the engine's deployment permission is the process owners'; the
   * approval is the permission here). Returns the deployment id.
   */
  String deployApproved(String businessKey, List<ModelRevisionFilings.StoredFile> files,
      Map<String, String> companions) {
    DeploymentBuilder builder = repository.createDeployment().name(ModelRevisionProcess.KEY + " " + businessKey)
        .source(ModelRevisionProcess.KEY);
    for (ModelRevisionFilings.StoredFile file : files) {
      builder.addString(resourceName(file.name()), file.content());
    }
    companions.forEach((name, content) -> builder.addString(resourceName(name), content));
    APPROVED.set(businessKey);
    try {
      return EngineInternals.withAuthorizationChecksOff(() -> builder.deploy().getId());
    } finally {
      APPROVED.remove();
    }
  }

  /**
   * The deployed, unchanged files that must be deployed again with the approved ones: flows bind their decisions and
   * forms from their own deployment ({@code binding="deployment"}), so a flow that uses a revised table or form is
   * deployed again beside it, with every other table and form it binds, in their latest deployed versions.
   */
  static Map<String, String> companions(List<ModelRevisionFilings.StoredFile> files, DesignModels deployed) {
    java.util.Set<String> filed = new java.util.HashSet<>();
    files.forEach(f -> filed.add(f.name()));
    java.util.Set<String> decisions = new java.util.HashSet<>();
    java.util.Set<String> forms = new java.util.HashSet<>();
    for (ModelRevisionFilings.StoredFile file : files) {
      String key = file.name().replaceFirst("\\.[a-z]+$", "");
      if (file.name().endsWith(".dmn")) {
        decisions.add(key);
      } else if (file.name().endsWith(".form")) {
        forms.add(key);
      }
    }
    Map<String, String> companions = new java.util.TreeMap<>();
    for (DesignModels.Model model : deployed.models()) {
      if (model.kind() != ModelKind.BPMN) {
        continue;
      }
      DesignModels.Content flow = deployed.latestContent(ModelKind.BPMN, model.key());
      org.camunda.bpm.model.bpmn.BpmnModelInstance instance = flow == null ? null : ModelChecks.read(flow.content());
      if (instance == null) {
        continue;
      }
      java.util.Set<String> usedDecisions = new java.util.HashSet<>();
      instance.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.BusinessRuleTask.class)
          .forEach(t -> usedDecisions.add(t.getCamundaDecisionRef()));
      java.util.Set<String> usedForms = ModelChecks.formRefs(instance);
      boolean affected = !filed.contains(flow.name()) && (usedDecisions.stream().anyMatch(decisions::contains)
          || usedForms.stream().anyMatch(forms::contains));
      if (!affected) {
        continue;
      }
      companions.put(flow.name(), flow.content());
      for (String decision : usedDecisions) {
        DesignModels.Content table = decision == null ? null : deployed.latestContent(ModelKind.DMN, decision);
        if (table != null && !filed.contains(table.name())) {
          companions.put(table.name(), table.content());
        }
      }
      for (String form : usedForms) {
        DesignModels.Content content = deployed.latestContent(ModelKind.FORM, form);
        if (content != null && !filed.contains(content.name())) {
          companions.put(content.name(), content.content());
        }
      }
    }
    return companions;
  }

  void record(String deploymentId, String source, String businessKey, String revision, String deployedBy,
      OffsetDateTime at) {
    jdbc.update("insert into model_deployment (deployment_id, source, business_key, revision, deployed_by, deployed_at) "
        + "values (?, ?, ?, ?, ?, ?)", deploymentId, source, businessKey, revision, deployedBy,
        Timestamp.from(at.toInstant()));
  }

  void revisionOfEmergency(String deploymentId, String businessKey, String revision) {
    jdbc.update("update model_deployment set business_key = ?, revision = ? where deployment_id = ?", businessKey,
        revision, deploymentId);
  }

  /** {@code takeOut.bpmn} → {@code bpmn/takeOut.bpmn}; {@code x.form} → {@code forms/x.form}. */
  static String resourceName(String fileName) {
    return (ModelKind.ofFileName(fileName) == ModelKind.FORM ? "forms/" : "bpmn/") + fileName;
  }
}
