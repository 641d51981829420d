package jp.sample.isms.engineconfig;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.CompositeProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider;
import org.camunda.bpm.engine.impl.identity.WritableIdentityProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import jp.sample.isms.IsmsSpringBootTest;

/**
 * The engine as built carries the product's extensions in the order {@link EngineExtensions} declares, registered by
 * that one plugin: read from the running engine's configuration, not from the plugin's code.
 */
@IsmsSpringBootTest
class EngineExtensionsTest {

  private static final String PRODUCT = "jp.sample.isms.";

  @Autowired
  ProcessEngine engine;

  private ProcessEngineConfigurationImpl configuration() {
    return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  @Test
  void oneProductPluginRegistersEverything() {
    List<String> plugins = configuration().getProcessEnginePlugins().stream()
        .flatMap(p -> p instanceof CompositeProcessEnginePlugin composite ? composite.getPlugins().stream()
            : java.util.stream.Stream.of(p))
        .map(p -> p.getClass().getName()).filter(n -> n.startsWith(PRODUCT)).toList();
    assertThat(plugins).containsExactly(EngineExtensions.class.getName());
  }

  @Test
  void commandInterceptorsInTheDeclaredOrderAroundTheEnginesTransaction() {
    List<String> chain = names(configuration().getCommandInterceptorsTxRequired());
    assertThat(product(chain)).containsExactly(
        "jp.sample.isms.approval.KernelCommands",
        "jp.sample.isms.approval.SubmittedVariables",
        "jp.sample.isms.system.GrantOnlyAuthorizations",
        "jp.sample.isms.audit.HistoryProtection",
        "jp.sample.isms.system.TaskQueryPlanning");
    int transaction = chain.indexOf("org.camunda.bpm.engine.spring.SpringTransactionInterceptor");
    int commandContext = chain.indexOf("org.camunda.bpm.engine.impl.interceptor.CommandContextInterceptor");
    assertThat(transaction).isPositive();
    assertThat(commandContext).isGreaterThan(transaction);
    // the guards run before the transaction is opened, the planner hint inside it
    assertThat(chain.indexOf("jp.sample.isms.audit.HistoryProtection")).isLessThan(transaction);
    assertThat(chain.indexOf("jp.sample.isms.system.TaskQueryPlanning")).isGreaterThan(commandContext);
    // a command in a transaction of its own (the record's separate entries) passes none of them
    assertThat(product(names(configuration().getCommandInterceptorsTxRequiresNew()))).isEmpty();
  }

  @Test
  void parseListenersSessionFactoriesAndHistoryHandlers() {
    assertThat(product(names(configuration().getCustomPreBPMNParseListeners())))
        .containsExactly("jp.sample.isms.system.ModelSafetyParseListener");
    List<String> post = names(configuration().getCustomPostBPMNParseListeners());
    assertThat(product(post)).containsExactly("jp.sample.isms.approval.ApprovalParseListener");
    // the starter's event publisher sees the kernel's listeners too
    assertThat(post.indexOf("jp.sample.isms.approval.ApprovalParseListener"))
        .isLessThan(post.indexOf("org.camunda.bpm.spring.boot.starter.event.PublishDelegateParseListener"));

    assertThat(names(configuration().getCustomSessionFactories()))
        .containsExactly("jp.sample.isms.system.UnfilteredGroupsAuthorizationManager$Factory");
    assertThat(configuration().getSessionFactories().get(AuthorizationManager.class).getClass().getName())
        .isEqualTo("jp.sample.isms.system.UnfilteredGroupsAuthorizationManager$Factory");
    assertThat(configuration().getIdentityProviderSessionFactory().getClass().getName())
        .isEqualTo("jp.sample.isms.system.IsmsIdentityProvider$Factory");
    assertThat(configuration().getSessionFactories().get(ReadOnlyIdentityProvider.class))
        .isSameAs(configuration().getIdentityProviderSessionFactory());
    assertThat(configuration().getSessionFactories().get(WritableIdentityProvider.class))
        .isSameAs(configuration().getIdentityProviderSessionFactory());

    assertThat(configuration().isEnableDefaultDbHistoryEventHandler()).isFalse();
    assertThat(names(configuration().getCustomHistoryEventHandlers())).containsExactly(
        "jp.sample.isms.audit.VariableDetailHistory$WithoutDetails",
        "org.camunda.bpm.spring.boot.starter.event.PublishHistoryEventHandler");

    assertThat(configuration().getExpressionManager().getClass().getName())
        .isEqualTo("jp.sample.isms.system.ModelExpressionEngine$RestrictedExpressionManager");
    assertThat(configuration().getPasswordEncryptor().getClass().getName())
        .isEqualTo("jp.sample.isms.system.BcryptPasswordEncryptor");
    assertThat(configuration().isEnablePasswordPolicy()).isTrue();
  }

  private static List<String> names(Collection<?> objects) {
    return objects == null ? List.of() : objects.stream().map(o -> o.getClass().getName()).toList();
  }

  private static List<String> product(List<String> names) {
    return names.stream().filter(n -> n.startsWith(PRODUCT)).toList();
  }
}
