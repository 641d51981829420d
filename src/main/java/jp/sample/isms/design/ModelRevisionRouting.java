package jp.sample.isms.design;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.ApprovalRouting;
import jp.sample.isms.approval.RequestRecords;
import jp.sample.isms.approval.Route;
import jp.sample.isms.audit.AuditEntry;
import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.organisation.Committee;
import jp.sample.isms.organisation.Role;
import jp.sample.isms.system.ModelCallable;

/**
 * {@code UserTask_ApproveByCommitteeMember}, 1.4: a change of the 対策規程・手順 is approved by the members of the
 * 情報セキュリティ委員会 as well — every member but the requester and the one who approved it already, each in their
 * own seat; all of them, or the quorum {@code isms.design.committee-quorum} ({@code all} or a number).
 */
@Component
public class ModelRevisionRouting {

  private final Committee committee;
  private final RequestRecords records;
  private final AuditRecorder audit;
  private final String quorum;

  ModelRevisionRouting(Committee committee, RequestRecords records, AuditRecorder audit,
      @Value("${isms.design.committee-quorum:all}") String quorum) {
    this.committee = committee;
    this.records = records;
    this.audit = audit;
    this.quorum = quorum;
  }

  /** The members asked, in order; sets the tally to zero and the quorum for this round. */
  @ModelCallable
  public List<String> committeeMembers(DelegateExecution execution) {
    String requester = records.requester(execution);
    AuditEntry approval = audit.latest(execution.getProcessInstanceId(), ModelRevisionProcess.TASK_APPROVE);
    List<String> members = new ArrayList<>(committee.members());
    members.remove(requester);
    if (approval != null) {
      members.remove(approval.actor());
    }
    int needed = quorum(members.size());
    execution.setVariable(ModelRevisionProcess.COMMITTEE_APPROVALS, 0);
    execution.setVariable(ModelRevisionProcess.COMMITTEE_REJECTIONS, 0);
    execution.setVariable(ModelRevisionProcess.COMMITTEE_QUORUM, needed);
    return members;
  }

  /** The quorum among {@code members} persons: all of them, or the configured number (at most all, at least one). */
  int quorum(int members) {
    if (quorum == null || quorum.isBlank() || quorum.strip().equalsIgnoreCase("all")) {
      return members;
    }
    return Math.max(1, Math.min(members, Integer.parseInt(quorum.strip())));
  }

  /** The candidate group of one member's step: the group of their committee seat (the step is assigned to them). */
  @ModelCallable
  public List<String> committeeSeat(DelegateExecution execution, ApprovalRouting approvalRouting,
      String committeeMember) {
    Committee.Seat seat = committee.seats().get(committeeMember);
    if (seat == null) {
      return approvalRouting.offer(execution, approvalRouting.route(Role.SECURITY_OFFICER,
          records.requester(execution), Set.of()));
    }
    return approvalRouting.offer(execution, new Route(seat.role(), seat.role(), seat.groupId(), null));
  }
}
