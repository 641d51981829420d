package jp.sample.isms.approval;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.audit.RecordFlag;
import jp.sample.isms.engine.EngineInternals;
import jp.sample.isms.organisation.OrganisationService;
import jp.sample.isms.organisation.Role;
import jp.sample.isms.organisation.RoleHolders;
import jp.sample.isms.system.ModelCallable;

/**
 * Resolves the role a flow's routing table names into the candidate group of an approval step, for the requester of
 * the request (5.1.1 分散): a role nobody else can take for this request goes up (section chief → department
 * head → president; system administrator → security officer → president); the president's own request goes to the
 * security officer when someone else holds it, else to the president flagged as self-approval for the auditor.
 * Used in BPMN as {@code camunda:candidateGroups="${approvalRouting.candidateGroups(execution, approverRole)}"}.
 */
@Component("approvalRouting")
public class ApprovalRouting {

  private final OrganisationService organisation;
  private final AuditRecorder audit;

  private final RequestRecords records;
  private final List<RequestFlow> flowList;

  public ApprovalRouting(OrganisationService organisation, AuditRecorder audit, RequestRecords records,
      @org.springframework.context.annotation.Lazy List<RequestFlow> flows) {
    // lazy: read at the first routing, after every flow bean exists
    this.flowList = flows;
    this.records = records;
    this.organisation = organisation;
    this.audit = audit;
  }

  /** The candidate groups of the user task being created at {@code execution}. */
  @ModelCallable
  public List<String> candidateGroups(DelegateExecution execution, String roleCode) {
    String requester = records.requester(execution);
    // one person never takes two approval steps; a work step (setting up an account, confirming an NDA) may be done
    // by someone who approved before, so only approval steps avoid the earlier approvers
    Set<String> excluded = new java.util.HashSet<>(isApprovalStep(execution)
        ? audit.approversOfOtherSteps(execution.getProcessInstanceId(), execution.getCurrentActivityId())
        : Set.of());
    // the person the request is about is passed over like the requester
    String processKey = EngineInternals.processDefinitionKey(execution);
    flowList.stream().filter(f -> f.processKey().equals(processKey)).findFirst()
        .ifPresent(f -> excluded.addAll(f.subjects(execution)));
    return offer(execution, route(Role.valueOf(roleCode), requester, excluded));
  }

  /**
   * Offers the user task being created at {@code execution} to a route a flow worked out itself (with
   * {@link #route}): the kernel records it on the task as it records its own routes. Returns its candidate group.
   */
  public List<String> offer(DelegateExecution execution, Route route) {
    records.offer(execution.getId(), route);
    return List.of(route.groupId());
  }

  private static boolean isApprovalStep(DelegateExecution execution) {
    return RequestLifecycle.stepKind(execution, execution.getCurrentActivityId()) != StepKind.WORK;
  }

  /** The route of a step asking for {@code role}, for {@code requester}, with {@code excluded} already approving. */
  public Route route(Role role, String requester, Set<String> excluded) {
    List<Role> chain = chain(role);
    for (Role candidate : chain) {
      RoleHolders holders = organisation.holders(candidate, requester);
      if (holders.userIds().stream().anyMatch(u -> !u.equals(requester) && !excluded.contains(u))) {
        return new Route(role, candidate, holders.groupId(), null);
      }
    }
    // nobody is left who has not approved another step of this request: a repeat beats approving one's own request
    for (Role candidate : chain) {
      RoleHolders holders = organisation.holders(candidate, requester);
      if (holders.userIds().stream().anyMatch(u -> !u.equals(requester))) {
        return new Route(role, candidate, holders.groupId(), RecordFlag.REPEATED_APPROVER);
      }
    }
    return new Route(role, Role.PRESIDENT, Role.PRESIDENT.groupId(null), RecordFlag.SELF_APPROVAL);
  }

  /** The role and the roles above it, each once. */
  static List<Role> chain(Role role) {
    Set<Role> chain = new LinkedHashSet<>();
    Role next = role;
    while (next != null && chain.add(next)) {
      next = superior(next);
    }
    return List.copyOf(chain);
  }

  static Role superior(Role role) {
    return switch (role) {
      case SECTION_CHIEF -> Role.DEPARTMENT_HEAD;
      case SYSTEM_ADMINISTRATOR -> Role.SECURITY_OFFICER;
      case PRESIDENT -> Role.SECURITY_OFFICER;
      default -> Role.PRESIDENT;
    };
  }
}
