package jp.sample.isms.system;

import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.digest.PasswordEncryptor;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

import jp.sample.isms.organisation.AccountStates;
import jp.sample.isms.organisation.GuardedGroups;

/**
 * The engine extensions of the product's security: the password policy of 5.1.8, bcrypt, the identity rules of
 * {@link IsmsIdentityProvider}, the model safety check, expressions that reach only the beans the flows need,
 * grant-only authorizations, and the two query optimisations of authorization checks. They are registered with the
 * engine, in their order, by {@code jp.sample.isms.engineconfig.EngineExtensions}; this class only builds them.
 */
@Component
public class SecurityExtensions {

  private final ApplicationContext context;
  private final IsmsProperties properties;
  private final LoginCache logins;
  private final GuardedGroups guardedGroups;

  SecurityExtensions(ApplicationContext context, IsmsProperties properties, LoginCache logins,
      GuardedGroups guardedGroups) {
    this.context = context;
    this.properties = properties;
    this.logins = logins;
    this.guardedGroups = guardedGroups;
  }

  /** The password policy of 5.1.8. */
  public PasswordPolicy passwordPolicy() {
    return new IsmsPasswordPolicy();
  }

  /**
   * bcrypt; hashes written before bcrypt (the engine's SHA-512, which it keeps as a checker) still verify and are
   * replaced at the user's next login.
   */
  public PasswordEncryptor passwordEncryptor() {
    return new BcryptPasswordEncryptor();
  }

  /**
   * The identity provider, built with its collaborators: the login cache, the account states, the environment and the
   * guard of the role groups (with its break-glass setting).
   */
  public SessionFactory identityProvider() {
    return new IsmsIdentityProvider.Factory(logins, () -> context.getBean(AccountStates.class),
        properties.isProduction(), guardedGroups);
  }

  /** The authorization manager without the read of every group that holds an authorization. */
  public SessionFactory authorizationManager() {
    return new UnfilteredGroupsAuthorizationManager.Factory();
  }

  /** Refuses script tasks, scripts and {@code camunda:class} in deployed models. */
  public BpmnParseListener modelSafety() {
    return new ModelSafetyParseListener();
  }

  /** No look-up of revocations; a REVOKE is refused when saved. */
  public CommandInterceptor grantOnlyAuthorizations(ProcessEngineConfigurationImpl configuration) {
    GrantOnlyAuthorizations.configure(configuration);
    return new GrantOnlyAuthorizations();
  }

  /** After the engine is built: REVOKE rows already in the database are honoured. */
  public void engineBuilt(ProcessEngine engine) {
    GrantOnlyAuthorizations.checkExisting(engine);
  }

  /** PostgreSQL planner hint for Tasklist's task and variable queries. */
  public CommandInterceptor taskQueryPlanning() {
    return new TaskQueryPlanning();
  }

  /** Expressions limited to the flows' beans and {@link ModelCallable} methods; no script engines. */
  public void restrictExpressions(ProcessEngineConfigurationImpl configuration) {
    ModelExpressionEngine.install(configuration, context, new ExpressionBeans(context));
  }

  /**
   * What expressions in models may resolve: the application's delegates, listeners and the beans with
   * {@link ModelCallable} methods (the routing), looked up lazily, never the whole Spring context (no
   * ${someService.deleteEverything()} from a deployed model).
   */
  static final class ExpressionBeans extends AbstractMap<Object, Object> {

    private final ApplicationContext context;
    private volatile Set<String> names;
    private volatile Map<String, Set<String>> callables;

    ExpressionBeans(ApplicationContext context) {
      this.context = context;
    }

    /** The names of the {@link ModelCallable} methods of {@code type} (or of the class a proxy stands for). */
    static Set<String> callableMethods(Class<?> type) {
      return java.util.Arrays.stream(org.springframework.util.ClassUtils.getUserClass(type).getMethods())
          .filter(m -> m.isAnnotationPresent(ModelCallable.class)).map(java.lang.reflect.Method::getName)
          .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** Beans with {@link ModelCallable} methods, by bean name, with the names of those methods. */
    Map<String, Set<String>> callables() {
      if (callables == null) {
        Map<String, Set<String>> found = new java.util.HashMap<>();
        for (String name : context.getBeanDefinitionNames()) {
          Class<?> type = context.getType(name, false);
          if (type == null) {
            continue;
          }
          Set<String> methods = callableMethods(type);
          if (!methods.isEmpty()) {
            found.put(name, methods);
          }
        }
        callables = Map.copyOf(found);
      }
      return callables;
    }

    private Set<String> names() {
      if (names == null) {
        Set<String> allowed = new java.util.HashSet<>(callables().keySet());
        allowed.addAll(List.of(context.getBeanNamesForType(JavaDelegate.class, false, false)));
        allowed.addAll(List.of(context.getBeanNamesForType(org.camunda.bpm.engine.delegate.TaskListener.class,
            false, false)));
        allowed.addAll(List.of(context.getBeanNamesForType(org.camunda.bpm.engine.delegate.ExecutionListener.class,
            false, false)));
        names = Set.copyOf(allowed);
      }
      return names;
    }

    @Override
    public boolean containsKey(Object key) {
      return key instanceof String name && names().contains(name);
    }

    @Override
    public Object get(Object key) {
      return containsKey(key) ? context.getBean((String) key) : null;
    }

    @Override
    public Set<Entry<Object, Object>> entrySet() {
      Set<Entry<Object, Object>> entries = new java.util.HashSet<>();
      for (String name : names()) {
        entries.add(new SimpleImmutableEntry<>(name, context.getBean(name)));
      }
      return entries;
    }
  }
}
