package jp.sample.isms.approval;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The approval kernel's engine extensions: its parse listener, its command guard and the submission interceptor.
 * They are registered with the engine, in their order, by {@code jp.sample.isms.engineconfig.EngineExtensions}; this class
 * only builds them and connects them to the engine once it is configured.
 */
@Component
public class KernelExtensions {

  private final RequestLifecycle lifecycle;
  private final SubmittedVariables submittedVariables = new SubmittedVariables();
  private final KernelCommands kernelCommands = new KernelCommands();

  KernelExtensions(@Lazy RequestLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  /** Attaches the kernel's listeners to every deployed process. */
  public BpmnParseListener parseListener() {
    return new ApprovalParseListener(lifecycle);
  }

  /** BPMN errors and escalations at a step only by an administrator; the kernel's per-command cache. */
  public CommandInterceptor kernelCommands() {
    return kernelCommands;
  }

  /** What the client submitted with a start or completion; the kernel's refusals unwrapped. */
  public CommandInterceptor submittedVariables() {
    return submittedVariables;
  }

  /** Once the engine is configured: the executor the submission reads a task's variables with, the identities. */
  public void connect(CommandExecutor executor, IdentityService identityService) {
    submittedVariables.setReader(executor);
    kernelCommands.setIdentityService(identityService);
  }
}
