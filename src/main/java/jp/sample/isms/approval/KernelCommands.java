package jp.sample.isms.approval;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cmd.HandleExternalTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

import jp.sample.isms.organisation.OrganisationGroups;

/**
 * The kernel's guard on every engine command, REST, webapps and Java API alike: a BPMN error or escalation thrown at a
 * step ends or diverts a request without a decision, so only an administrator (or the engine itself, without a user)
 * may throw one; an escalation nobody catches is the caller's mistake (400), not the server's. Also ends the kernel's
 * per-command cache of {@link RequestRecords} when the outermost command of the thread ends.
 */
final class KernelCommands extends CommandInterceptor {

  private static final ThreadLocal<Integer> DEPTH = ThreadLocal.withInitial(() -> 0);
  private static final ThreadLocal<Boolean> THROWING = new ThreadLocal<>();

  private IdentityService identityService;

  void setIdentityService(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** Whether the command on this thread throws a BPMN error or escalation at a step (the request may end by it). */
  static boolean throwingAtStep() {
    return Boolean.TRUE.equals(THROWING.get());
  }

  @Override
  public <T> T execute(Command<T> command) {
    boolean throwing = command instanceof HandleTaskBpmnErrorCmd || command instanceof HandleTaskEscalationCmd
        || command instanceof HandleExternalTaskBpmnErrorCmd;
    if (throwing) {
      refuseUnlessAdministrator();
    }
    int depth = DEPTH.get();
    DEPTH.set(depth + 1);
    Boolean wasThrowing = THROWING.get();
    if (throwing) {
      THROWING.set(Boolean.TRUE);
    }
    try {
      return next.execute(command);
    } catch (ProcessEngineException e) {
      if (command instanceof HandleTaskEscalationCmd && !(e instanceof BadUserRequestException)
          && String.valueOf(e.getMessage()).contains("escalation")) {
        throw new BadUserRequestException("このエスカレーションを受け取る要素がありません (no element catches the escalation: "
            + e.getMessage() + ")", e);
      }
      throw e;
    } finally {
      if (wasThrowing == null) {
        THROWING.remove();
      }
      if (depth == 0) {
        DEPTH.remove();
        RequestRecords.endOfCommand();
      } else {
        DEPTH.set(depth);
      }
    }
  }

  private void refuseUnlessAdministrator() {
    Authentication user = identityService == null ? null : identityService.getCurrentAuthentication();
    if (user == null || user.getUserId() == null) {
      return; // the engine itself (a job), or the product's own code running as the system
    }
    if (user.getGroupIds() == null || !user.getGroupIds().contains(OrganisationGroups.CAMUNDA_ADMIN)) {
      throw new FourEyesViolationException("BPMN エラー・エスカレーションで申請を終了・迂回できるのは管理者のみです"
          + " (only an administrator may throw a BPMN error or escalation at a step: a request ends with a decision)");
    }
  }
}
