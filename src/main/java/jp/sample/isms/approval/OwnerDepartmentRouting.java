package jp.sample.isms.approval;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.engine.EngineInternals;
import jp.sample.isms.organisation.OrganisationService;
import jp.sample.isms.organisation.Role;
import jp.sample.isms.system.ModelCallable;

/**
 * The candidate group of a department head's step that belongs to the department owning what the request is about,
 * which need not be the requester's: an information asset's 管理責任者 (3.1.3, takeOut 3.2), the department owning an
 * outsourcing (8.1.5). The flow names that department ({@link RequestFlow#ownerDepartment}); when nobody there may
 * take the step (the requester is that head, or already approved another step), or the flow names none (a step above
 * the department heads, 極秘 in 3.2), it goes to the president as the kernel routes it. The route is recorded on the
 * task as {@link ApprovalRouting}'s is. Used in BPMN as
 * {@code ${ownerDepartmentRouting.candidateGroups(execution, approvalRouting)}}.
 */
@Component
public class OwnerDepartmentRouting {

  private final OrganisationService organisation;
  private final AuditRecorder audit;
  private final Map<String, RequestFlow> flows;

  private final RequestRecords records;

  OwnerDepartmentRouting(OrganisationService organisation, AuditRecorder audit, List<RequestFlow> flows,
      RequestRecords records) {
    this.records = records;
    this.organisation = organisation;
    this.audit = audit;
    this.flows = flows.stream().collect(Collectors.toMap(RequestFlow::processKey, Function.identity()));
  }

  @ModelCallable
  public List<String> candidateGroups(DelegateExecution execution, ApprovalRouting approvalRouting) {
    String requester = records.requester(execution);
    Set<String> excluded = new HashSet<>(audit.approversOfOtherSteps(execution.getProcessInstanceId(),
        execution.getCurrentActivityId()));
    excluded.add(requester);
    String processKey = EngineInternals.processDefinitionKey(execution);
    RequestFlow flow = flows.get(processKey);
    Role named = flow.ownerStepRole(execution);
    if (named != null) {
      return approvalRouting.offer(execution, approvalRouting.route(named, requester, excluded));
    }
    return approvalRouting.offer(execution, route(flow.ownerDepartment(execution), requester, excluded, approvalRouting));
  }

  Route route(String ownerDepartment, String requester, Set<String> excluded, ApprovalRouting approvalRouting) {
    if (ownerDepartment == null) {
      return approvalRouting.route(Role.PRESIDENT, requester, excluded);
    }
    String heads = Role.DEPARTMENT_HEAD.groupId(ownerDepartment);
    if (organisation.members(heads).stream().anyMatch(u -> !excluded.contains(u))) {
      return new Route(Role.DEPARTMENT_HEAD, Role.DEPARTMENT_HEAD, heads, null);
    }
    // above a department head the kernel's chain applies: the president, the security officer for the president
    Route up = approvalRouting.route(Role.PRESIDENT, requester, excluded);
    return new Route(Role.DEPARTMENT_HEAD, up.role(), up.groupId(), up.fourEyesException());
  }
}
