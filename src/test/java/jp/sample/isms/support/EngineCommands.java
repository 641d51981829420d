package jp.sample.isms.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;

/** Runs test code inside an engine command, as the product's per-command caches see it. */
public final class EngineCommands {

  private EngineCommands() {
  }

  /** The engine's executor of commands that need a transaction (joining a running one). */
  public static CommandExecutor of(ProcessEngine engine) {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired();
  }

  /** Thrown at the end of a command to roll its transaction back, so that a test leaves nothing behind. */
  public static final class RollBack extends RuntimeException {
    public RollBack() {
      super("roll back");
    }
  }
}
