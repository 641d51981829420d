package jp.sample.isms.system;

import java.beans.FeatureDescriptor;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptEngineManager;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.ReadOnlyMapELResolver;
import org.camunda.bpm.engine.impl.el.VariableContextElResolver;
import org.camunda.bpm.engine.impl.el.VariableScopeElResolver;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.scripting.engine.ScriptEngineResolver;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.BeanELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.MethodNotFoundException;
import org.camunda.bpm.impl.juel.jakarta.el.PropertyNotFoundException;
import org.camunda.bpm.impl.juel.jakarta.el.PropertyNotWritableException;
import org.joda.time.DateTime;
import org.springframework.context.ApplicationContext;
import org.springframework.util.ClassUtils;

/**
 * The engine side of "models cannot run code", and the only place it touches engine internals: a pre-deployer that
 * runs {@link ModelExpressionCheck} on every new deployment (REST, Java API, start-up), an expression manager that
 * resolves only variables, the engine's scope objects and the allowed beans and invokes only {@link ModelCallable}
 * methods, {@code getVariable} and the date methods (so a model deployed before the check, or reaching the engine by
 * another path, cannot call anything else either), and a script engine resolver that finds no script engine for BPMN
 * or DMN.
 */
final class ModelExpressionEngine {

  private ModelExpressionEngine() {
  }

  static void install(ProcessEngineConfigurationImpl configuration, ApplicationContext context,
      SecurityExtensions.ExpressionBeans beans) {
    ModelExpressionCheck check = new ModelExpressionCheck(() -> new ExpressionGrammar(beans.callables()));
    List<Deployer> preDeployers = configuration.getCustomPreDeployers() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomPreDeployers());
    preDeployers.add(new CheckingDeployer(check));
    configuration.setCustomPreDeployers(preDeployers);
    configuration.setBeans(beans);
    // the starter may have built the expression manager already, resolving every bean of the context
    configuration.setExpressionManager(new RestrictedExpressionManager(context, beans));
    configuration.setScriptEngineResolver(new NoScriptEngines());
  }

  /** Runs the check on the resources of a new deployment; a deployment read again from the database is not new. */
  private record CheckingDeployer(ModelExpressionCheck check) implements Deployer {
    @Override
    public void deploy(DeploymentEntity deployment) {
      if (!deployment.isNew() || deployment.getResources() == null) {
        return;
      }
      for (ResourceEntity resource : deployment.getResources().values()) {
        check.check(resource.getName(), resource.getBytes());
      }
    }
  }

  /** The stock resolver chain without bean access to arbitrary objects, the mock resolver and the application's. */
  static final class RestrictedExpressionManager extends SpringExpressionManager {

    RestrictedExpressionManager(ApplicationContext context, Map<Object, Object> beans) {
      super(context, beans);
    }

    @Override
    protected ELResolver createElResolver() {
      CompositeELResolver resolver = new CompositeELResolver();
      resolver.add(new VariableScopeElResolver());
      resolver.add(new VariableContextElResolver());
      resolver.add(new ReadOnlyMapELResolver(beans));
      resolver.add(new AllowedMethods());
      return resolver;
    }
  }

  /** Method calls a model may make; every property access and every other call on an object is refused. */
  static final class AllowedMethods extends ELResolver {

    private final BeanELResolver invoker = new BeanELResolver(true);
    private final Map<Class<?>, Set<String>> callables = new ConcurrentHashMap<>();

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
      if (base == null) {
        return null;
      }
      String name = String.valueOf(method);
      if (base instanceof VariableScope scope && name.equals("getVariable") && params != null && params.length == 1
          && params[0] instanceof String variable) {
        context.setPropertyResolved(true);
        return scope.getVariable(variable);
      }
      if (base instanceof DateTime && ExpressionGrammar.DATE_METHODS.contains(name)
          || callableMethods(base.getClass()).contains(name)) {
        return invoker.invoke(context, base, method, paramTypes, params);
      }
      throw new MethodNotFoundException("モデルの式からは呼び出せません (a model's expression may not call this): "
          + ClassUtils.getUserClass(base).getSimpleName() + "." + name);
    }

    private Set<String> callableMethods(Class<?> type) {
      return callables.computeIfAbsent(type, SecurityExtensions.ExpressionBeans::callableMethods);
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
      if (base == null) {
        return null;
      }
      throw new PropertyNotFoundException("モデルの式ではプロパティを参照できません (a model's expression may not read "
          + "properties): " + ClassUtils.getUserClass(base).getSimpleName() + "." + property);
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
      if (base != null) {
        throw new PropertyNotWritableException("モデルの式からは書き込めません (a model's expression may not write): "
            + property);
      }
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
      return null;
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
      return true;
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
      return null;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
      return null;
    }
  }

  /** No script engine for any language: neither a BPMN script nor a DMN expression in a script language runs. */
  private static final class NoScriptEngines implements ScriptEngineResolver {

    private final ScriptEngineManager manager = new ScriptEngineManager(null);

    @Override
    public void addScriptEngineFactory(ScriptEngineFactory factory) {
    }

    @Override
    public ScriptEngineManager getScriptEngineManager() {
      return manager;
    }

    @Override
    public ScriptEngine getScriptEngine(String language, boolean resolveFromCache) {
      return null;
    }
  }
}
