package jp.sample.isms.periodicduty;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import jp.sample.isms.audit.RecordFlag;
import jp.sample.isms.approval.ApprovalRouting;
import jp.sample.isms.approval.RequestLifecycle;
import jp.sample.isms.approval.Route;
import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.organisation.AccountStates;
import jp.sample.isms.organisation.Committee;
import jp.sample.isms.organisation.OrganisationService;
import jp.sample.isms.organisation.Role;
import jp.sample.isms.system.ModelCallable;

/**
 * Who takes the steps of an occurrence: the responsible role of its row of the table (the head of its department for
 * a duty of the department heads), and for the acceptance the accepting role without whoever did the duty (four
 * eyes: when they are the only holder, the step goes up the kernel's chain). Used in BPMN as
 * {@code ${periodicDutyRouting.responsible(execution, approvalRouting)}} and
 * {@code ${periodicDutyRouting.acceptors(execution, approvalRouting)}}.
 */
@Component
public class PeriodicDutyRouting {

  private final OrganisationService organisation;
  private final Occurrences occurrences;
  private final AuditRecorder audit;
  private final Committee committee;
  private final AccountStates accounts;
  private final ImprovementItems improvements;

  PeriodicDutyRouting(OrganisationService organisation, Occurrences occurrences, AuditRecorder audit,
      Committee committee, AccountStates accounts, ImprovementItems improvements) {
    this.organisation = organisation;
    this.occurrences = occurrences;
    this.audit = audit;
    this.committee = committee;
    this.accounts = accounts;
    this.improvements = improvements;
  }

  /**
   * 1.2: the owner role of an improvement item does its closure.
   * {@code ${periodicDutyRouting.improvementOwner(execution, approvalRouting, improvementId)}}.
   */
  @ModelCallable
  public List<String> improvementOwner(DelegateExecution execution, ApprovalRouting approvalRouting,
      Object improvementId) {
    ImprovementItems.Item item = improvements.byId(((Number) improvementId).longValue()).orElseThrow();
    return approvalRouting.offer(execution, approvalRouting.route(Role.valueOf(item.ownerRole()),
        RequestLifecycle.SYSTEM, Set.of()));
  }

  /**
   * 1.2: the security officer accepts the closure of an improvement item, never whoever closed it (four eyes; when
   * they are the only holder, the step goes up the kernel's chain). Having accepted the audit itself does not bar the
   * security officer from accepting its items: the route says so ({@link jp.sample.isms.audit.RecordFlag#REPEATED_APPROVER}).
   * {@code ${periodicDutyRouting.improvementAcceptors(execution, approvalRouting, improvementId)}}.
   */
  @ModelCallable
  public List<String> improvementAcceptors(DelegateExecution execution, ApprovalRouting approvalRouting,
      Object improvementId) {
    ImprovementItems.Item item = improvements.byId(((Number) improvementId).longValue()).orElseThrow();
    Set<String> excluded = new HashSet<>();
    if (item.closedBy() != null) {
      excluded.add(item.closedBy());
    }
    Route route = approvalRouting.route(Role.SECURITY_OFFICER, RequestLifecycle.SYSTEM, excluded);
    return approvalRouting.offer(execution, route.fourEyesException() != null ? route
        : new Route(route.requestedRole(), route.role(), route.groupId(), RecordFlag.REPEATED_APPROVER));
  }

  /**
   * 1.3: the committee members who acknowledge a shared threat, one step each: every member of the committee but
   * whoever shared it. {@code ${periodicDutyRouting.committeeMembers(execution)}}.
   */
  @ModelCallable
  public List<String> committeeMembers(DelegateExecution execution) {
    String performer = occurrences.byProcessInstance(execution.getProcessInstanceId())
        .map(Occurrences.Occurrence::performedBy).orElse(null);
    return committee.members().stream().filter(member -> !member.equals(performer))
        .filter(member -> !accounts.isDisabled(member)).toList();
  }

  /**
   * The candidate group of one member's acknowledgement: the group of their committee seat (the step is assigned to
   * them, {@link CommitteeAcknowledgementListener} keeps it theirs).
   * {@code ${periodicDutyRouting.committeeSeat(execution, approvalRouting, committeeMember)}}.
   */
  @ModelCallable
  public List<String> committeeSeat(DelegateExecution execution, ApprovalRouting approvalRouting,
      String committeeMember) {
    Committee.Seat seat = committee.seats().get(committeeMember);
    if (seat == null) {
      // no longer on the committee: the security officer takes the acknowledgement
      return approvalRouting.offer(execution, approvalRouting.route(Role.SECURITY_OFFICER, RequestLifecycle.SYSTEM,
          Set.of()));
    }
    return approvalRouting.offer(execution, new Route(seat.role(), seat.role(), seat.groupId(), null));
  }

  @ModelCallable
  public List<String> responsible(DelegateExecution execution, ApprovalRouting approvalRouting) {
    Role role = Role.valueOf((String) execution.getVariable(PeriodicDutyProcess.RESPONSIBLE_ROLE));
    String department = (String) execution.getVariable(PeriodicDutyProcess.DEPARTMENT_CODE);
    if (role.scope() == Role.Scope.DEPARTMENT && department != null) {
      String heads = role.groupId(department);
      if (!organisation.members(heads).isEmpty()) {
        return approvalRouting.offer(execution, new Route(role, role, heads, null));
      }
      // a department without a head: its duty goes above the department heads
      return approvalRouting.offer(execution, approvalRouting.route(Role.PRESIDENT, RequestLifecycle.SYSTEM, Set.of()));
    }
    return approvalRouting.offer(execution, approvalRouting.route(role, RequestLifecycle.SYSTEM, Set.of()));
  }

  @ModelCallable
  public List<String> acceptors(DelegateExecution execution, ApprovalRouting approvalRouting) {
    Role role = Role.valueOf((String) execution.getVariable(PeriodicDutyProcess.ACCEPTING_ROLE));
    Set<String> excluded = new HashSet<>(audit.approversOfOtherSteps(execution.getProcessInstanceId(),
        execution.getCurrentActivityId()));
    occurrences.byProcessInstance(execution.getProcessInstanceId()).map(Occurrences.Occurrence::performedBy)
        .ifPresent(excluded::add);
    return approvalRouting.offer(execution, approvalRouting.route(role, RequestLifecycle.SYSTEM, excluded));
  }
}
