package jp.sample.isms.approval;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** Installs the approval kernel into the engine: its parse listener, its command guard and the submission interceptor. */
@Component
class ApprovalEnginePlugin implements ProcessEnginePlugin {

  private final RequestLifecycle lifecycle;
  private final SubmittedVariables submittedVariables = new SubmittedVariables();
  private final KernelCommands kernelCommands = new KernelCommands();

  ApprovalEnginePlugin(@Lazy RequestLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> parseListeners = configuration.getCustomPostBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    parseListeners.add(new ApprovalParseListener(lifecycle));
    configuration.setCustomPostBPMNParseListeners(parseListeners);

    List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
    interceptors.add(kernelCommands);
    interceptors.add(submittedVariables);
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    submittedVariables.setReader(configuration.getCommandExecutorTxRequired());
    kernelCommands.setIdentityService(configuration.getIdentityService());
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
  }
}
