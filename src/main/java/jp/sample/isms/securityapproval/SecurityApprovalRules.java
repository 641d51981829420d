package jp.sample.isms.securityapproval;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import jp.sample.isms.engine.EngineInternals;

/**
 * Reads the three decision tables of the flow, the latest version of each: {@code securityApprovalType} (who
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

  private final DecisionService decisions;

  // lazy: the kernel collects the flows while the engine whose service this is is still being built
  SecurityApprovalRules(@Lazy DecisionService decisions) {
    this.decisions = decisions;
  }

  Optional<Route> route(String requestType) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(SecurityApprovalProcess.REQUEST_TYPE, requestType);
    return evaluate(() -> {
      DmnDecisionRuleResult row = decisions
          .evaluateDecisionTableByKey(SecurityApprovalProcess.DECISION_TYPE, variables).getSingleResult();
      return Optional.ofNullable(row).map(r -> new Route(r.getEntry(SecurityApprovalProcess.REVIEWER_ROLE),
          r.getEntry(SecurityApprovalProcess.APPROVER_ROLE), r.getEntry(SecurityApprovalProcess.FOLLOW_UP),
          r.getEntry(SecurityApprovalProcess.REGISTER_ACTION),
          Boolean.TRUE.equals(r.getEntry(SecurityApprovalProcess.EXPIRES)),
          Boolean.TRUE.equals(r.getEntry(SecurityApprovalProcess.BULK_APPROVABLE)),
          r.getEntry(SecurityApprovalProcess.CLAUSE)));
    });
  }

  List<Requirement> requirements(String requestType, String deviceKind) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(SecurityApprovalProcess.REQUEST_TYPE, requestType);
    variables.put(SecurityApprovalProcess.DEVICE_KIND, deviceKind);
    return evaluate(() -> decisions.evaluateDecisionTableByKey(SecurityApprovalProcess.DECISION_FIELD, variables)
        .getResultList().stream()
        .map(row -> new Requirement((String) row.get("field"), (String) row.get("clause"), (String) row.get("text")))
        .toList());
  }

  Optional<Refusal> refusal(Facts facts) {
    return evaluate(() -> {
      DmnDecisionRuleResult row = decisions
          .evaluateDecisionTableByKey(SecurityApprovalProcess.DECISION_REFUSAL, facts.variables()).getFirstResult();
      if (row == null || !Boolean.TRUE.equals(row.getEntry("refused"))) {
        return Optional.<Refusal>empty();
      }
      return Optional.of(new Refusal(row.getEntry("field"), row.getEntry("clause"), row.getEntry("text")));
    });
  }

  private static <T> T evaluate(Callable<T> evaluation) {
    // inside a filing or step the user is authenticated and may not evaluate decisions directly; the rule is the
    // flow's, not theirs
    return EngineInternals.withoutAuthorization(evaluation);
  }
}
