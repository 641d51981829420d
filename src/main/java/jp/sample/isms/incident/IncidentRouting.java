package jp.sample.isms.incident;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.ApprovalRouting;
import jp.sample.isms.approval.RequestRecords;
import jp.sample.isms.system.ModelCallable;

/**
 * The lists process {@code incident} iterates over and the candidates of each step of its procedure (9.2, 9.4, 9.5.1):
 * the responders of the level, the steps of the checklist, the damaged targets. Lists are kept as text, since the
 * engine holds no serialized objects. A step goes to the role {@code incidentProcedure} named for it, resolved by the
 * kernel for the reporter. Used in BPMN as {@code camunda:collection="${incidentRouting.procedureSteps(execution)}"}
 * and {@code ${incidentRouting.candidateGroups(execution, procedureStep, approvalRouting)}}. Public: the engine calls
 * only public methods of public classes.
 */
@Component
public class IncidentRouting {

  private final IncidentRegister register;
  private final RequestRecords records;

  IncidentRouting(IncidentRegister register, RequestRecords records) {
    this.register = register;
    this.records = records;
  }

  /** The roles that acknowledge the report at the incident's level (9.2, 9.3). */
  @ModelCallable
  public List<String> responderRoles(DelegateExecution execution) {
    return Incidents.list(execution, IncidentProcess.RESPONDER_ROLES);
  }

  /** The steps of the procedure still to do (9.4). */
  @ModelCallable
  public List<String> procedureSteps(DelegateExecution execution) {
    return Incidents.list(execution, IncidentProcess.PROCEDURE_STEPS);
  }

  /** The damaged targets of the 9.5.1 table still to recover. */
  @ModelCallable
  public List<String> recoveryTargets(DelegateExecution execution) {
    return Incidents.list(execution, IncidentProcess.RECOVERY_TARGETS);
  }

  /** The candidate group of a procedure step: the role the clause names for it. */
  @ModelCallable
  public List<String> candidateGroups(DelegateExecution execution, String procedureStep,
      ApprovalRouting approvalRouting) {
    IncidentRegister.Step step = register.step(records.businessKey(execution), procedureStep).orElseThrow(
        () -> new IllegalStateException("step " + procedureStep + " is not in the procedure of the incident"));
    return approvalRouting.candidateGroups(execution, step.responderRole());
  }
}
