package jp.sample.isms.system;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Hardening of the engine: the password policy of 5.1.8, bcrypt, the identity rules of
 * {@link IsmsIdentityProvider}, the model safety check, and expressions that reach only the beans the flows need.
 */
@Component
class SecurityEnginePlugin implements ProcessEnginePlugin {

  private final ApplicationContext context;
  private final IsmsProperties properties;

  SecurityEnginePlugin(ApplicationContext context, IsmsProperties properties) {
    this.context = context;
    this.properties = properties;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    IsmsIdentityProvider.production = properties.isProduction();
    IsmsIdentityProvider.verifiedTtlMillis = context.getEnvironment()
        .getProperty("isms.login.cache-ttl", java.time.Duration.class, java.time.Duration.ofSeconds(60)).toMillis();
    GuardedGroups.breakGlass = context.getEnvironment().getProperty("isms.identity.break-glass", Boolean.class, false);
    if (GuardedGroups.breakGlass) {
      org.slf4j.LoggerFactory.getLogger(GuardedGroups.class).error("BREAK-GLASS: isms.identity.break-glass is on: "
          + "role groups and camunda-admin can be changed without an approved roleChange request. Every such change "
          + "is logged at ERROR. Switch it off once the installation is repaired.");
    }
    IsmsIdentityProvider.accounts = () -> context.getBean(jp.sample.isms.organisation.AccountStates.class);
    configuration.setEnablePasswordPolicy(true);
    configuration.setPasswordPolicy(new IsmsPasswordPolicy());
    configuration.setPasswordEncryptor(new BcryptPasswordEncryptor());
    // hashes written before bcrypt (the engine's SHA-512, which it keeps as a checker) still verify and are
    // replaced at the user's next login
    configuration.setIdentityProviderSessionFactory(new GenericManagerFactory(IsmsIdentityProvider.class));
    List<org.camunda.bpm.engine.impl.interceptor.SessionFactory> sessionFactories =
        configuration.getCustomSessionFactories() == null ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomSessionFactories());
    sessionFactories.add(new UnfilteredGroupsAuthorizationManager.Factory());
    configuration.setCustomSessionFactories(sessionFactories);

    List<BpmnParseListener> parseListeners = configuration.getCustomPreBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreBPMNParseListeners());
    parseListeners.add(new ModelSafetyParseListener());
    configuration.setCustomPreBPMNParseListeners(parseListeners);

    List<org.camunda.bpm.engine.impl.interceptor.CommandInterceptor> interceptors =
        configuration.getCustomPreCommandInterceptorsTxRequired() == null ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
    GrantOnlyAuthorizations.configure(configuration);
    interceptors.add(new GrantOnlyAuthorizations());
    interceptors.add(new jp.sample.isms.audit.HistoryProtection(
        () -> context.getBean(jp.sample.isms.audit.AuditRecorder.class),
        () -> context.getBean(org.camunda.bpm.engine.IdentityService.class),
        () -> context.getBean(org.camunda.bpm.engine.TaskService.class)));
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    // after the transaction and command context interceptors: the query's own transaction is open
    List<org.camunda.bpm.engine.impl.interceptor.CommandInterceptor> postInterceptors =
        configuration.getCustomPostCommandInterceptorsTxRequired() == null ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
    postInterceptors.add(new TaskQueryPlanning());
    configuration.setCustomPostCommandInterceptorsTxRequired(postInterceptors);

    ModelExpressionEngine.install(configuration, context, new ExpressionBeans(context));
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    GrantOnlyAuthorizations.checkExisting(processEngine);
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
