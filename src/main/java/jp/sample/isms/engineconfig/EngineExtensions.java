package jp.sample.isms.engineconfig;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.KernelExtensions;
import jp.sample.isms.engine.EngineInternals;
import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.audit.HistoryProtection;
import jp.sample.isms.audit.VariableDetailHistory;
import jp.sample.isms.design.DesignEnginePlugin;
import jp.sample.isms.system.SecurityExtensions;

/**
 * The product's only engine plugin: every extension of the engine is registered here, in this order. The extensions
 * themselves live with their domain ({@code approval}, {@code audit}, {@code system}) and do not register themselves.
 *
 * <table>
 * <caption>Engine extensions in the order of registration</caption>
 * <tr><th>#</th><th>extension point</th><th>extension</th><th>why here</th></tr>
 * <tr><td>1</td><td>password policy, encryptor</td><td>{@code IsmsPasswordPolicy}, {@code BcryptPasswordEncryptor}
 * (system)</td><td>set before the identity provider, which hashes with them</td></tr>
 * <tr><td>2</td><td>identity provider</td><td>{@code IsmsIdentityProvider.Factory} (system)</td><td>built with its
 * collaborators (login cache, account states, environment)</td></tr>
 * <tr><td>3</td><td>session factory</td><td>{@code UnfilteredGroupsAuthorizationManager.Factory} (system)</td>
 * <td>replaces the engine's authorization manager; the only custom session factory</td></tr>
 * <tr><td>4</td><td>history event handler</td><td>{@code VariableDetailHistory.WithoutDetails} (audit)</td><td>replaces
 * the default database handler; first in the composite, before the starter's event publisher</td></tr>
 * <tr><td>5</td><td>pre-parse listener</td><td>{@code ModelSafetyParseListener} (system)</td><td>first: an unsafe
 * model is refused before any other listener sees it</td></tr>
 * <tr><td>6</td><td>post-parse listener</td><td>{@code ApprovalParseListener} (approval)</td><td>after the engine's
 * own parse (the kernel's listeners go onto complete activities), before the starter's event publisher</td></tr>
 * <tr><td>7</td><td>command interceptor, before the transaction</td><td>{@code KernelCommands} (approval)</td>
 * <td>outermost: knows when the outermost command of a thread ends (the kernel's per-command cache) and refuses a
 * BPMN error or escalation at a step before anything runs</td></tr>
 * <tr><td>8</td><td>command interceptor, before the transaction</td><td>{@code SubmittedVariables} (approval)</td>
 * <td>remembers what a start or completion submitted before the command runs, and unwraps the kernel's refusals from
 * every exception raised inside it (including those of 9 and 10)</td></tr>
 * <tr><td>9</td><td>command interceptor, before the transaction</td><td>{@code GrantOnlyAuthorizations} (system)</td>
 * <td>refuses a REVOKE before a transaction is opened; also sets {@code authorizationCheckRevokes = never}</td></tr>
 * <tr><td>10</td><td>command interceptor, before the transaction</td><td>{@code HistoryProtection} (audit)</td>
 * <td>innermost of the product's guards: records an administrator's change of history in a transaction of its own
 * before the command's transaction begins</td></tr>
 * <tr><td>11</td><td>command interceptor, inside the transaction</td><td>{@code TaskQueryPlanning} (system)</td>
 * <td>after the engine's transaction and command context interceptors: the query's connection is open</td></tr>
 * <tr><td>12</td><td>expression manager, script engines</td><td>{@code ModelExpressionEngine} (system)</td>
 * <td>replaces the engine's expression manager; set last, when the configuration is otherwise complete</td></tr>
 * <tr><td>13</td><td>after init</td><td>{@code KernelExtensions#connect}</td><td>the command executor and the identity
 * service exist only once the engine is configured</td></tr>
 * <tr><td>12a</td><td>pre- and post-deployers</td><td>{@code DesignEnginePlugin} (design): the model deployment
 * gate</td><td>its check after the expression check of 12 (a deployment by anyone but {@code camunda-admin} is
 * refused, an administrator's must pass the workbench's checks), its record of an emergency deployment after the
 * engine's deployers</td></tr>
 * <tr><td>14</td><td>after build</td><td>{@code SecurityExtensions#engineBuilt}</td><td>REVOKE rows already in the
 * database switch the revocation check back on</td></tr>
 * </table>
 *
 * <p>{@code EngineExtensionsTest} reads the built engine's configuration and asserts this order; docs/architecture.md
 * holds the same table.
 */
@Component
class EngineExtensions implements ProcessEnginePlugin {

  private final KernelExtensions kernel;
  private final SecurityExtensions security;
  private final VariableDetailHistory variableDetailHistory;
  private final Supplier<AuditRecorder> audit;
  private final Supplier<IdentityService> identityService;
  private final Supplier<TaskService> taskService;
  private final DesignEnginePlugin design;

  EngineExtensions(KernelExtensions kernel, SecurityExtensions security, VariableDetailHistory variableDetailHistory,
      ObjectProvider<AuditRecorder> audit, ObjectProvider<IdentityService> identityService,
      ObjectProvider<TaskService> taskService, DesignEnginePlugin design) {
    this.design = design;
    this.kernel = kernel;
    this.security = security;
    this.variableDetailHistory = variableDetailHistory;
    this.audit = audit::getObject;
    this.identityService = identityService::getObject;
    this.taskService = taskService::getObject;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // an engine that moved a field the product reads stops here, not at a user's request
    EngineInternals.resolveAll();
    // 1, 2
    configuration.setEnablePasswordPolicy(true);
    configuration.setPasswordPolicy(security.passwordPolicy());
    configuration.setPasswordEncryptor(security.passwordEncryptor());
    configuration.setIdentityProviderSessionFactory(security.identityProvider());
    // 3
    configuration.setCustomSessionFactories(appended(configuration.getCustomSessionFactories(),
        security.authorizationManager()));
    // 4
    variableDetailHistory.handler().ifPresent(handler -> {
      configuration.setCustomHistoryEventHandlers(appended(configuration.getCustomHistoryEventHandlers(), handler));
      configuration.setEnableDefaultDbHistoryEventHandler(false);
    });
    // 5, 6
    configuration.setCustomPreBPMNParseListeners(appended(configuration.getCustomPreBPMNParseListeners(),
        security.modelSafety()));
    configuration.setCustomPostBPMNParseListeners(appended(configuration.getCustomPostBPMNParseListeners(),
        kernel.parseListener()));
    // 7-10
    configuration.setCustomPreCommandInterceptorsTxRequired(appended(
        configuration.getCustomPreCommandInterceptorsTxRequired(),
        kernel.kernelCommands(),
        kernel.submittedVariables(),
        security.grantOnlyAuthorizations(configuration),
        new HistoryProtection(audit, identityService, taskService)));
    // 11
    configuration.setCustomPostCommandInterceptorsTxRequired(appended(
        configuration.getCustomPostCommandInterceptorsTxRequired(), security.taskQueryPlanning()));
    // 12
    security.restrictExpressions(configuration);
    // 12a
    design.registerDeployers(configuration);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    // 13
    kernel.connect(configuration.getCommandExecutorTxRequired(), configuration.getIdentityService());
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    // 14
    security.engineBuilt(processEngine);
  }

  /** What the configuration holds already (another plugin's, the starter's), then ours in their order. */
  @SafeVarargs
  private static <T> List<T> appended(List<T> existing, T... ours) {
    List<T> all = existing == null ? new ArrayList<>() : new ArrayList<>(existing);
    all.addAll(List.of(ours));
    return all;
  }
}
