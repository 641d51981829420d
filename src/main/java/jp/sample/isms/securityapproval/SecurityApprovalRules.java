package jp.sample.isms.securityapproval;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.FlowDecisions;

/**
 * Reads the three decision tables of the flow, in the version {@link FlowDecisions} chooses: {@code securityApprovalType} (who
 * reviews and approves a type, its follow-up, what it changes in the registers, whether it expires and may be approved
 * in bulk), {@code securityApprovalField} (what the requester must state or attest for a type) and
 * {@code securityApprovalRefusal} (what is refused at filing, with the clause). The rules are the tables'; this class
 * only hands them the request's facts.
 */
@Component
class SecurityApprovalRules {

  /** One row of {@code securityApprovalType}. */
  record Route(String reviewerRole, String approverRole, String followUp, String registerAction, boolean expires,
      boolean bulkApprovable, String clause) {
  }

  /** One row of {@code securityApprovalField}: the field that must be filled (or ticked), and why. */
  record Requirement(String field, String clause, String text) {
  }

  /** The first matching refusal of {@code securityApprovalRefusal}. */
  record Refusal(String field, String clause, String text) {
  }

  /** The facts the refusal table reads. */
  record Facts(String requestType, String softwareCategory, boolean justificationGiven, String deviceOwnership,
      String connectionMethod, String dataCentreTier, boolean ndaConcluded, boolean requesterIsSystemAdministrator) {

    Map<String, Object> variables() {
      Map<String, Object> variables = new HashMap<>();
      variables.put(SecurityApprovalProcess.REQUEST_TYPE, requestType);
      variables.put(SecurityApprovalProcess.SOFTWARE_CATEGORY, softwareCategory);
      variables.put("justificationGiven", justificationGiven);
      variables.put(SecurityApprovalProcess.DEVICE_OWNERSHIP, deviceOwnership);
      variables.put(SecurityApprovalProcess.CONNECTION_METHOD, connectionMethod);
      // no tier stated is no tier (7.22)
      variables.put(SecurityApprovalProcess.DATA_CENTRE_TIER,
          dataCentreTier == null ? SecurityApprovalProcess.NONE : dataCentreTier);
      variables.put(SecurityApprovalProcess.NDA_CONCLUDED, ndaConcluded);
      variables.put("requesterIsSystemAdministrator", requesterIsSystemAdministrator);
      return variables;
    }
  }

  private final FlowDecisions decisions;

  SecurityApprovalRules(FlowDecisions decisions) {
    this.decisions = decisions;
  }

  Optional<Route> route(String requestType) {
    return route(requestType, null);
  }

  /** The row of {@code securityApprovalType} for the type, for the request (null: not filed yet). */
  Optional<Route> route(String requestType, String processInstanceId) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(SecurityApprovalProcess.REQUEST_TYPE, requestType);
    DmnDecisionResultEntries row = decisions.evaluate(SecurityApprovalProcess.DECISION_TYPE, variables,
        processInstanceId).getSingleResult();
    return Optional.ofNullable(row).map(r -> new Route(r.getEntry(SecurityApprovalProcess.REVIEWER_ROLE),
        r.getEntry(SecurityApprovalProcess.APPROVER_ROLE), r.getEntry(SecurityApprovalProcess.FOLLOW_UP),
        r.getEntry(SecurityApprovalProcess.REGISTER_ACTION),
        Boolean.TRUE.equals(r.getEntry(SecurityApprovalProcess.EXPIRES)),
        Boolean.TRUE.equals(r.getEntry(SecurityApprovalProcess.BULK_APPROVABLE)),
        r.getEntry(SecurityApprovalProcess.CLAUSE)));
  }

  List<Requirement> requirements(String requestType, String deviceKind) {
    return requirements(requestType, deviceKind, null);
  }

  List<Requirement> requirements(String requestType, String deviceKind, String processInstanceId) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(SecurityApprovalProcess.REQUEST_TYPE, requestType);
    variables.put(SecurityApprovalProcess.DEVICE_KIND, deviceKind);
    return decisions.evaluate(SecurityApprovalProcess.DECISION_FIELD, variables, processInstanceId).getResultList()
        .stream()
        .map(row -> new Requirement((String) row.get("field"), (String) row.get("clause"), (String) row.get("text")))
        .toList();
  }

  Optional<Refusal> refusal(Facts facts) {
    return refusal(facts, null);
  }

  Optional<Refusal> refusal(Facts facts, String processInstanceId) {
    DmnDecisionResultEntries row = decisions.evaluate(SecurityApprovalProcess.DECISION_REFUSAL, facts.variables(),
        processInstanceId).getFirstResult();
    if (row == null || !Boolean.TRUE.equals(row.getEntry("refused"))) {
      return Optional.empty();
    }
    return Optional.of(new Refusal(row.getEntry("field"), row.getEntry("clause"), row.getEntry("text")));
  }
}
