package jp.sample.isms.design;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

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
  String deployApproved(String businessKey, List<ModelRevisionFilings.StoredFile> files) {
    DeploymentBuilder builder = repository.createDeployment().name(ModelRevisionProcess.KEY + " " + businessKey)
        .source(ModelRevisionProcess.KEY);
    for (ModelRevisionFilings.StoredFile file : files) {
      builder.addString(resourceName(file.name()), file.content());
    }
    CommandContext context = Context.getCommandContext();
    boolean checking = context != null && context.isAuthorizationCheckEnabled();
    APPROVED.set(businessKey);
    try {
      if (checking) {
        context.disableAuthorizationCheck();
      }
      return builder.deploy().getId();
    } finally {
      APPROVED.remove();
      if (checking) {
        context.enableAuthorizationCheck();
      }
    }
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
