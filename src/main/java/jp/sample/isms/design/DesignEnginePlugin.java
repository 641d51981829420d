package jp.sample.isms.design;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Registers {@link ModelDeploymentGate} with the engine: its check after the other pre-deployers (the expression
 * check of the engine's hardening comes first), its record after the engine's deployers.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class DesignEnginePlugin implements ProcessEnginePlugin {

  private final ApplicationContext context;

  DesignEnginePlugin(ApplicationContext context) {
    this.context = context;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ModelDeploymentGate gate = new ModelDeploymentGate(context);
    List<Deployer> pre = configuration.getCustomPreDeployers() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomPreDeployers());
    pre.add(gate.checker());
    configuration.setCustomPreDeployers(pre);
    List<Deployer> post = configuration.getCustomPostDeployers() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomPostDeployers());
    post.add(gate.recorder());
    configuration.setCustomPostDeployers(post);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
  }
}
