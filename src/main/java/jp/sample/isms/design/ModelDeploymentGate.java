package jp.sample.isms.design;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.springframework.context.ApplicationContext;

import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.organisation.OrganisationGroups;

/**
 * Every new deployment passes {@link ModelChecks} (1.4), whichever way it comes:
 * <ul>
 * <li>the start-up deployment of {@code bpmn/} and {@code forms/}: a model that fails stops the start, naming file,
 * element and rule;</li>
 * <li>an approved revision ({@link ModelDeployments#deployApproved}): checked at filing and again before deploying;</li>
 * <li>a deployment by a logged-in user: only {@code camunda-admin} may deploy (REST and Cockpit), only models that pass
 * the checks (400 with the findings otherwise), and each is recorded as an emergency deployment that the security
 * officer approves after the fact (a {@code modelRevision} request in emergency mode);</li>
 * <li>a deployment by the application's own code with no user (tests, the engine's Java API) is the code's.</li>
 * </ul>
 */
final class ModelDeploymentGate {

  /** The name of the start-up deployment of the Spring Boot starter. */
  static final String STARTUP_DEPLOYMENT = "SpringAutoDeployment";

  private final ApplicationContext context;
  private final ThreadLocal<Map<String, String>> emergencies = ThreadLocal.withInitial(HashMap::new);

  ModelDeploymentGate(ApplicationContext context) {
    this.context = context;
  }

  /** Runs before the engine parses the deployment. */
  Deployer checker() {
    return this::check;
  }

  /** Runs after the engine parsed and stored the deployment. */
  Deployer recorder() {
    return this::record;
  }

  private void check(DeploymentEntity deployment) {
    if (!deployment.isNew() || deployment.getResources() == null || ModelDeployments.approvedRevision() != null) {
      return;
    }
    Authentication user = Context.getCommandContext() == null ? null
        : Context.getCommandContext().getAuthentication();
    if (user == null || user.getUserId() == null) {
      if (STARTUP_DEPLOYMENT.equals(deployment.getName())) {
        List<Finding> errors = checks().checkRepository(files(deployment)).stream().filter(Finding::isError).toList();
        if (!errors.isEmpty()) {
          throw new ProcessEngineException("起動時の配備でモデルの検査に失敗しました (start-up deployment failed the model "
              + "checks, 1.4):\n  " + errors.stream().map(Finding::describe).collect(Collectors.joining("\n  ")));
        }
      }
      return;
    }
    List<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
    if (!groups.contains(OrganisationGroups.CAMUNDA_ADMIN)) {
      throw new AuthorizationException("フロー・判定表・フォームは承認された改訂としてだけ配備されます。プロセス設計画面 "
          + "(/design/) から申請してください (1.4: models are deployed only as an approved modelRevision)");
    }
    List<ModelFile> files = files(deployment);
    List<Finding> errors = checks().check(files).stream().filter(Finding::isError).toList();
    if (!errors.isEmpty()) {
      throw new BadUserRequestException("モデルの検査でエラーがあるため緊急配備できません (the emergency deployment failed "
          + "the model checks, 1.4): " + errors.stream().map(Finding::describe).collect(Collectors.joining("; ")));
    }
    emergencies.get().put(deployment.getId(), user.getUserId());
  }

  private void record(DeploymentEntity deployment) {
    String user = deployment.isNew() ? emergencies.get().remove(deployment.getId()) : null;
    if (user == null) {
      return;
    }
    AuditRecorder audit = context.getBean(AuditRecorder.class);
    ModelRevisionFilings filings = context.getBean(ModelRevisionFilings.class);
    List<ModelFile> files = files(deployment);
    String filing = filings.store(user, files, true, deployment.getId(), audit.now());
    context.getBean(ModelDeployments.class).record(deployment.getId(), ModelDeployments.EMERGENCY, null, null, user,
        audit.now());
    Map<String, Object> variables = new HashMap<>();
    variables.put(ModelRevisionProcess.FILING, filing);
    variables.put(ModelRevisionProcess.REASON, "camunda-admin による緊急配備 (" + deployment.getName() + ")。"
        + "情報セキュリティ責任者の事後承認を求めます (emergency deployment, approved after the fact)");
    variables.put(ModelRevisionProcess.CLAUSES, "1.4");
    variables.put(ModelRevisionProcess.PROCEDURE_CHANGE, false);
    String definition = context.getBean(RepositoryService.class).createProcessDefinitionQuery()
        .processDefinitionKey(ModelRevisionProcess.KEY).latestVersion().singleResult().getId();
    context.getBean(FormService.class).submitStartForm(definition, variables);
  }

  private ModelChecks checks() {
    return context.getBean(ModelChecks.class);
  }

  private static List<ModelFile> files(DeploymentEntity deployment) {
    List<ModelFile> files = new ArrayList<>();
    for (ResourceEntity resource : deployment.getResources().values()) {
      files.add(new ModelFile(DesignModels.fileName(resource.getName()),
          new String(resource.getBytes(), StandardCharsets.UTF_8)));
    }
    files.sort(java.util.Comparator.comparing(ModelFile::name));
    return files;
  }
}
