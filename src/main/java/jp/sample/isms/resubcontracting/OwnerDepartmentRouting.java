package jp.sample.isms.resubcontracting;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.ApprovalRouting;
import jp.sample.isms.approval.RequestRecords;
import jp.sample.isms.approval.Route;
import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.organisation.OrganisationService;
import jp.sample.isms.organisation.Role;
import jp.sample.isms.organisation.RoleHolders;

/**
 * The candidate group of {@code UserTask_ReviewEquivalence}, 8.1.5: the department head of the department that owns the
 * outsourcing (its requester's department), which need not be the re-subcontracting requester's. The kernel's
 * {@link ApprovalRouting} resolves roles for the request's own requester only, so the owner's head is resolved here;
 * when nobody there may take the step (the re-subcontracting requester is that head, or already approved another
 * step), it goes up as the kernel routes a department head's step, to the president. Used in BPMN as
 * {@code ${ownerDepartmentRouting.candidateGroups(execution, approvalRouting)}}; {@link ReviewRouteListener} puts the
 * route on the task.
 */
@Component
public class OwnerDepartmentRouting {

  /** Transient variable handing the route to {@link ReviewRouteListener}: {@code <role>|<four-eyes exception>}. */
  static final String ROUTE = "resubcontracting.reviewRoute";

  private final OrganisationService organisation;
  private final AuditRecorder audit;

  private final RequestRecords records;

  OwnerDepartmentRouting(OrganisationService organisation, AuditRecorder audit, RequestRecords records) {
    this.records = records;
    this.organisation = organisation;
    this.audit = audit;
  }

  public List<String> candidateGroups(DelegateExecution execution, ApprovalRouting approvalRouting) {
    String requester = records.requester(execution);
    String owner = (String) execution.getVariable(ResubcontractingProcess.OUTSOURCING_REQUESTER);
    Set<String> excluded = new HashSet<>(audit.approversOfOtherSteps(execution.getProcessInstanceId(),
        execution.getCurrentActivityId()));
    excluded.add(requester);
    Route route = route(owner, requester, excluded, approvalRouting);
    execution.setVariableLocal(ROUTE, Variables.stringValue(route.role().name() + "|"
        + (route.fourEyesException() == null ? "" : route.fourEyesException()), true));
    return List.of(route.groupId());
  }

  Route route(String owner, String requester, Set<String> excluded, ApprovalRouting approvalRouting) {
    RoleHolders heads = organisation.holders(Role.DEPARTMENT_HEAD, owner);
    if (heads.groupId() != null && heads.userIds().stream().anyMatch(u -> !excluded.contains(u))) {
      return new Route(Role.DEPARTMENT_HEAD, Role.DEPARTMENT_HEAD, heads.groupId(), null);
    }
    // above a department head the kernel's chain applies: the president, the security officer for the president
    Route up = approvalRouting.route(Role.PRESIDENT, requester, excluded);
    return new Route(Role.DEPARTMENT_HEAD, up.role(), up.groupId(), up.fourEyesException());
  }
}
