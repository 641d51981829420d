package jp.sample.isms.design;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Builds {@link ModelDeploymentGate}'s two deployers, which {@code jp.sample.isms.engineconfig.EngineExtensions} registers:
 * its check after the other pre-deployers (the expression check of the engine's hardening comes first), its record
 * after the engine's deployers.
 */
@Component
public class DesignEnginePlugin {

  private final ApplicationContext context;

  DesignEnginePlugin(ApplicationContext context) {
    this.context = context;
  }

  /** Adds the gate's check to the pre-deployers and its record to the post-deployers. */
  public void registerDeployers(ProcessEngineConfigurationImpl configuration) {
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
}
