package jp.sample.isms.resubcontracting;

import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.ApprovalVariables;
import jp.sample.isms.approval.Decision;
import jp.sample.isms.approval.RequestFlow;
import jp.sample.isms.approval.RequestInput;
import jp.sample.isms.approval.ValidationErrors;
import jp.sample.isms.organisation.OrganisationService;
import jp.sample.isms.organisation.Person;
import jp.sample.isms.outsourcing.RunningOutsourcings;

/**
 * The rules of a re-subcontracting request (8.1.5) beyond its forms: it names an outsourcing contract that is running,
 * checked at filing, at resubmission and again when the security officer approves; the documents of 8.1.5 are
 * attached before the review; the reviewer approves only having confirmed equivalence with 8.1.1, 8.1.3 and 8.1.4.
 */
@Component
class ResubcontractingFlow implements RequestFlow {

  static final String CLAUSE = "8.1.5";

  /** The review's confirmations: variable and what it confirms. */
  static final List<String[]> EQUIVALENCE = List.of(
      new String[] {ResubcontractingProcess.EQUIVALENT_SELECTION_CRITERIA, "8.1.1 委託先評価基準"},
      new String[] {ResubcontractingProcess.EQUIVALENT_CONTRACT_TERMS, "8.1.3 委託契約の締結"},
      new String[] {ResubcontractingProcess.EQUIVALENT_PERIODIC_EVALUATION, "8.1.4 委託先の評価"});

  private final RunningOutsourcings outsourcings;
  private final ResubcontractingDocuments documents;
  private final OrganisationService organisation;

  ResubcontractingFlow(RunningOutsourcings outsourcings, ResubcontractingDocuments documents,
      OrganisationService organisation) {
    this.outsourcings = outsourcings;
    this.documents = documents;
    this.organisation = organisation;
  }

  /** The review goes to the head of the department that owns the outsourcing: its requester's, as it is now. */
  @Override
  public String ownerDepartment(VariableScope execution) {
    return organisation.person((String) execution.getVariable(ResubcontractingProcess.OUTSOURCING_REQUESTER))
        .map(Person::departmentCode).orElse(null);
  }

  @Override
  public String processKey() {
    return ResubcontractingProcess.KEY;
  }

  @Override
  public String businessKeyPrefix() {
    return "RS";
  }

  @Override
  public String nameEn() {
    return "Approval of re-subcontracting";
  }

  @Override
  public void validateRequest(RequestInput input, ValidationErrors errors) {
    String businessKey = input.string(ResubcontractingProcess.OUTSOURCING_BUSINESS_KEY);
    if (businessKey == null || errors.has(ResubcontractingProcess.OUTSOURCING_BUSINESS_KEY)) {
      return; // the form's own checks have said what is wrong
    }
    requireRunning(businessKey, errors);
  }

  @Override
  public void validateStep(String taskDefinitionKey, RequestInput input, ValidationErrors errors) {
    boolean approved = Decision.APPROVED.name().equals(input.string(ApprovalVariables.DECISION));
    switch (taskDefinitionKey) {
      case ResubcontractingProcess.TASK_ATTACH_DOCUMENTS -> requireDocuments(input, errors);
      case ResubcontractingProcess.TASK_REVIEW -> {
        if (approved) {
          for (String[] confirmation : EQUIVALENCE) {
            if (!input.isTrue(confirmation[0])) {
              errors.refuse(confirmation[0], CLAUSE, "「" + confirmation[1] + "」と同等の管理を再委託先に求めていることを"
                  + "確認しない限り承認できません");
            }
          }
        }
      }
      case ResubcontractingProcess.TASK_APPROVE -> {
        // the contract may have ended, or a document been removed, since the review
        if (approved) {
          requireRunning(input.string(ResubcontractingProcess.OUTSOURCING_BUSINESS_KEY), errors);
          requireDocuments(input, errors);
        }
      }
      default -> {
        // the correction is validated as a filing by the kernel
      }
    }
  }

  private void requireRunning(String businessKey, ValidationErrors errors) {
    RunningOutsourcings.Outsourcing outsourcing = outsourcings.find(businessKey);
    String reason = switch (outsourcing.state()) {
      case RUNNING -> null;
      case NOT_FOUND -> "業務委託 " + businessKey + " は存在しません";
      case ENDED -> "業務委託 " + businessKey + " は終了しています";
      case NOT_RUNNING -> "業務委託 " + businessKey + " はまだ契約中ではありません (委託先の選定・契約の確認が済んでいません)";
    };
    if (reason != null) {
      errors.refuse(ResubcontractingProcess.OUTSOURCING_BUSINESS_KEY, CLAUSE,
          reason + ": 再委託は契約中の業務委託についてのみ承認できます");
    }
  }

  private void requireDocuments(RequestInput input, ValidationErrors errors) {
    ResubcontractingDocuments.Check check = documents.check(input.processInstanceId(),
        input.isTrue(ResubcontractingProcess.RESUBCONTRACTOR_CERTIFIED));
    if (!check.complete()) {
      String missing = check.missing().stream().map(k -> k.label() + " (" + k.name() + ")")
          .collect(Collectors.joining("、"));
      String problems = check.problems().isEmpty() ? "" : " (" + String.join("、", check.problems()) + ")";
      errors.refuse(ResubcontractingProcess.ATTACHMENTS, CLAUSE,
          "再委託の承認には次の資料の添付 (PDF・PNG・JPEG、10MB以下) が必要です: " + missing + problems);
    }
  }
}
