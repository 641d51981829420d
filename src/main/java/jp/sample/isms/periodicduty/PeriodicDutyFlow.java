package jp.sample.isms.periodicduty;

import java.util.List;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.ApprovalVariables;
import jp.sample.isms.approval.Decision;
import jp.sample.isms.approval.RequestFlow;
import jp.sample.isms.approval.RequestInput;
import jp.sample.isms.approval.RequestLifecycle;
import jp.sample.isms.approval.ValidationErrors;

/**
 * The rules of an occurrence of a periodic duty beyond its forms: only the product files one, when it comes due; the
 * doer confirms the duty's checklist and attaches the evidence the table asks for; an account review marks only rows
 * of its own list; the education record names only people of the organisation; an occurrence is accepted or sent
 * back, never rejected (a duty does not go away).
 */
@Component
class PeriodicDutyFlow implements RequestFlow {

  static final List<String> CLAUSES = List.of("1.2", "1.3", "2.4", "2.5", "4.1.1", "4.1.4", "5.1.5", "5.1.7", "7.2",
      "7.5", "7.7", "7.11", "7.24", "9.4.4", "9.5.2");

  private final AccountReview accountReview;
  private final EducationRegister education;

  PeriodicDutyFlow(AccountReview accountReview, EducationRegister education) {
    this.accountReview = accountReview;
    this.education = education;
  }

  @Override
  public String processKey() {
    return PeriodicDutyProcess.KEY;
  }

  @Override
  public String businessKeyPrefix() {
    return "PD";
  }

  @Override
  public String nameEn() {
    return "Periodic duty";
  }

  @Override
  public boolean filedBySystem() {
    return true;
  }

  @Override
  public String ownerDepartment(VariableScope execution) {
    return (String) execution.getVariable(PeriodicDutyProcess.DEPARTMENT_CODE);
  }

  @Override
  public void validateRequest(RequestInput input, ValidationErrors errors) {
    if (input.requester() == null || !RequestLifecycle.SYSTEM.equals(input.requester().userId())) {
      errors.field(PeriodicDutyProcess.DUTY_CODE,
          "定期業務は期限が近づくとシステムが起票します。手動では起票できません (periodic duties are filed by the system when due)");
    }
  }

  @Override
  public void validateStep(String taskDefinitionKey, RequestInput input, ValidationErrors errors) {
    String clause = firstClause(input);
    switch (taskDefinitionKey) {
      case PeriodicDutyProcess.TASK_PERFORM -> {
        if (!input.isTrue(PeriodicDutyProcess.CHECKLIST_CONFIRMED)) {
          errors.refuse(PeriodicDutyProcess.CHECKLIST_CONFIRMED, clause, "確認事項をすべて実施してから完了してください");
        }
        notInFuture(input, PeriodicDutyProcess.PERFORMED_ON, "実施日", errors);
        if (input.isTrue(PeriodicDutyProcess.EVIDENCE_REQUIRED)
            && !input.isTrue(PeriodicDutyProcess.EVIDENCE_ATTACHED)) {
          errors.refuse(PeriodicDutyProcess.EVIDENCE_ATTACHED, clause,
              "この業務は証跡の添付が必要です。添付ファイルタブに証跡を添付してください");
        }
      }
      case PeriodicDutyProcess.TASK_PERFORM_AUDIT -> {
        if (!input.isTrue(PeriodicDutyProcess.CHECKLIST_CONFIRMED)) {
          errors.refuse(PeriodicDutyProcess.CHECKLIST_CONFIRMED, "1.2", "確認事項をすべて実施してから完了してください");
        }
        notInFuture(input, PeriodicDutyProcess.PERFORMED_ON, "実施日", errors);
        notInFuture(input, PeriodicDutyProcess.REPORTED_ON, "委員会への報告日", errors);
        if (input.isTrue(PeriodicDutyProcess.EVIDENCE_REQUIRED)
            && !input.isTrue(PeriodicDutyProcess.EVIDENCE_ATTACHED)) {
          errors.refuse(PeriodicDutyProcess.EVIDENCE_ATTACHED, "1.2",
              "この業務は証跡の添付が必要です。添付ファイルタブに監査報告書を添付してください");
        }
        ImprovementItems.parse(input.string(PeriodicDutyProcess.IMPROVEMENTS), input.today(), errors);
      }
      case PeriodicDutyProcess.TASK_CLOSE_IMPROVEMENT ->
          notInFuture(input, PeriodicDutyProcess.CLOSED_ON, "完了日", errors);
      case PeriodicDutyProcess.TASK_ACCEPT_IMPROVEMENT -> {
        if (Decision.REJECTED.name().equals(input.string(ApprovalVariables.DECISION))) {
          errors.refuse(ApprovalVariables.DECISION, "1.2",
              "改善項目は却下できません。やり直しが必要な場合は差し戻してください (an improvement is accepted or sent back)");
        }
      }
      case PeriodicDutyProcess.TASK_REVIEW_ACCOUNTS -> {
        notInFuture(input, PeriodicDutyProcess.PERFORMED_ON, "確認日", errors);
        accountReview.validate(input, errors);
      }
      case PeriodicDutyProcess.TASK_RECORD_EDUCATION -> {
        notInFuture(input, PeriodicDutyProcess.SESSION_DATE, "実施日", errors);
        education.validateAbsentees(input.string(PeriodicDutyProcess.ABSENTEES), errors);
      }
      case PeriodicDutyProcess.TASK_FOLLOW_UP_ABSENTEES ->
          notInFuture(input, PeriodicDutyProcess.FOLLOWED_UP_ON, "フォローの実施日", errors);
      case PeriodicDutyProcess.TASK_ACKNOWLEDGE -> {
        if (!input.isTrue(PeriodicDutyProcess.ACKNOWLEDGED)) {
          errors.refuse(PeriodicDutyProcess.ACKNOWLEDGED, "1.3", "共有された情報を確認したことをチェックしてください");
        }
      }
      case PeriodicDutyProcess.TASK_ACCEPT -> {
        if (Decision.REJECTED.name().equals(input.string(ApprovalVariables.DECISION))) {
          errors.refuse(ApprovalVariables.DECISION, clause,
              "定期業務は却下できません。やり直しが必要な場合は差し戻してください (a duty is accepted or sent back)");
        }
      }
      default -> {
        // no other step
      }
    }
  }

  private static String firstClause(RequestInput input) {
    String clauses = input.string(PeriodicDutyProcess.CLAUSES);
    return clauses == null ? CLAUSES.get(0) : clauses.split(",")[0].strip();
  }

  private static void notInFuture(RequestInput input, String field, String label, ValidationErrors errors) {
    if (input.date(field) != null && input.date(field).isAfter(input.today())) {
      errors.field(field, label + "に未来の日付は指定できません");
    }
  }
}
