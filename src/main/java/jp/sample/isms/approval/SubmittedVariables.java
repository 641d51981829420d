package jp.sample.isms.approval;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

import jp.sample.isms.engine.EngineInternals;

/**
 * Unwraps the kernel's refusals from the engine's listener exceptions, for every command. And remembers what the
 * client submitted with the outermost start or completion command (and with a start form submitted within one), so that the kernel's listeners
 * can tell submitted variables from those the instance already had (read-only fields, unknown fields). Every path
 * that starts a request or completes a task goes through one of these commands: REST, webapps and Java API alike.
 */
final class SubmittedVariables extends CommandInterceptor {

  /** What was submitted, and for a task the variables it had before (to tell a changed read-only field). */
  record Submission(Map<String, Object> submitted, Map<String, Object> before, boolean nested) {
    static final Submission NONE = new Submission(Map.of(), Map.of(), false);
  }

  private static final ThreadLocal<Submission> CURRENT = new ThreadLocal<>();

  private CommandExecutor reader;

  void setReader(CommandExecutor reader) {
    this.reader = reader;
  }

  /** The submission being executed on this thread; empty for any other command. */
  static Submission current() {
    Submission submission = CURRENT.get();
    return submission == null ? Submission.NONE : submission;
  }

  @Override
  public <T> T execute(Command<T> command) {
    Submission outer = CURRENT.get();
    if (outer != null && !(command instanceof SubmitStartFormCmd)) {
      return next.execute(command);
    }
    if (outer != null) {
      // a request filed by a step of another (onboarding files account requests): its own submission, checked as
      // a filing, after which the step's submission is the current one again
      try {
        return executeOutermost(command, true);
      } finally {
        CURRENT.set(outer);
      }
    }
    try {
      // a start within a running command (a job's or a step's delegate) is nested too: its refusal cannot be recorded
      // in a transaction of its own while the outer one holds the record's chain
      return executeOutermost(command, EngineInternals.inCommand());
    } catch (ProcessEngineException e) {
      // the engine wraps what a task listener throws; the caller (and the REST API's mapping to 400 and 403)
      // must see the kernel's own exception
      throw kernelCause(e);
    }
  }

  private static ProcessEngineException kernelCause(ProcessEngineException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof RequestValidationException || cause instanceof FourEyesViolationException) {
        return (ProcessEngineException) cause;
      }
    }
    return e;
  }

  private <T> T executeOutermost(Command<T> command, boolean nested) {
    Map<String, Object> submitted = submittedBy(command);
    if (submitted == null) {
      return next.execute(command);
    }
    String taskId = command instanceof CompleteTaskCmd ? (String) EngineInternals.COMPLETE_TASK_ID.read(command)
        : command instanceof SubmitTaskFormCmd ? (String) EngineInternals.SUBMIT_TASK_FORM_ID.read(command) : null;
    Map<String, Object> before = taskId == null || reader == null ? Map.of() : reader.execute(context -> {
      TaskEntity task = context.getTaskManager().findTaskById(taskId);
      return task == null ? Map.<String, Object>of() : withoutNulls(task.getVariables());
    });
    CURRENT.set(new Submission(submitted, before, nested));
    try {
      return next.execute(command);
    } finally {
      CURRENT.remove();
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> submittedBy(Command<?> command) {
    Object variables;
    if (command instanceof CompleteTaskCmd) {
      variables = EngineInternals.COMPLETE_TASK_VARIABLES.read(command);
    } else if (command instanceof SubmitTaskFormCmd) {
      variables = EngineInternals.SUBMIT_TASK_FORM_PROPERTIES.read(command);
    } else if (command instanceof SubmitStartFormCmd) {
      variables = EngineInternals.SUBMIT_START_FORM_VARIABLES.read(command);
    } else if (command instanceof StartProcessInstanceCmd) {
      ProcessInstantiationBuilderImpl builder = (ProcessInstantiationBuilderImpl)
          EngineInternals.START_INSTANTIATION_BUILDER.read(command);
      variables = builder == null ? null : builder.getVariables();
    } else {
      return null;
    }
    return variables == null ? Map.of() : withoutNulls((Map<String, Object>) variables);
  }

  private static Map<String, Object> withoutNulls(Map<String, Object> variables) {
    java.util.HashMap<String, Object> copy = new java.util.HashMap<>();
    if (variables instanceof org.camunda.bpm.engine.variable.VariableMap typed) {
      // typed access: a serialized object must not be deserialized here (and is refused by the form anyway)
      for (String name : typed.keySet()) {
        org.camunda.bpm.engine.variable.value.TypedValue value = typed.getValueTyped(name);
        Object plain = value instanceof org.camunda.bpm.engine.variable.value.SerializableValue serializable
            && !serializable.isDeserialized() ? serializable.getValueSerialized() : value == null ? null : value.getValue();
        copy.put(name, plain == null ? "" : plain);
      }
      return java.util.Collections.unmodifiableMap(copy);
    }
    variables.forEach((k, v) -> copy.put(k, v == null ? "" : v));
    return java.util.Collections.unmodifiableMap(copy);
  }

}
