package jp.sample.isms.takeout;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import jp.sample.isms.approval.RequestFlow;
import jp.sample.isms.approval.RequestInput;
import jp.sample.isms.approval.ValidationErrors;

/**
 * The rules of a take-out request (3.2) beyond its form: dates, and the measures the clause demands for the chosen
 * medium. A missing measure refuses the request at filing; it is not for the approver to judge.
 */
@Component
class TakeOutFlow implements RequestFlow {

  static final String CLAUSE = "3.2";

  private final TakeOutRegister register;

  TakeOutFlow(TakeOutRegister register) {
    this.register = register;
  }

  /** The register shows a cancelled (取消) or terminated request as such, never 申請中 for ever. */
  @Override
  public void ended(String businessKey, String outcome) {
    register.status(businessKey, outcome);
  }

  @Override
  public String processKey() {
    return TakeOutProcess.KEY;
  }

  @Override
  public String businessKeyPrefix() {
    return "TO";
  }

  @Override
  public String nameJa() {
    return "情報資産の社外持ち出し申請";
  }

  @Override
  public String nameEn() {
    return "Taking information assets off-site";
  }

  @Override
  public List<String> clauses() {
    return List.of(CLAUSE);
  }

  @Override
  public void validateRequest(RequestInput input, ValidationErrors errors) {
    LocalDate start = input.date(TakeOutProcess.START_DATE);
    LocalDate plannedReturn = input.date(TakeOutProcess.PLANNED_RETURN_DATE);
    if (start != null && start.isBefore(input.today())) {
      errors.field(TakeOutProcess.START_DATE, "持ち出し日に過去の日付は指定できません");
    }
    if (start != null && plannedReturn != null && plannedReturn.isBefore(start)) {
      errors.field(TakeOutProcess.PLANNED_RETURN_DATE, "返却予定日は持ち出し日以降の日付にしてください");
    }
    Medium medium = medium(input.string(TakeOutProcess.MEDIUM));
    if (medium == null) {
      return;
    }
    for (Medium.Attestation attestation : required(medium, input.string(TakeOutProcess.CLASSIFICATION))) {
      if (!input.isTrue(attestation.field())) {
        errors.refuse(attestation.field(), CLAUSE, attestation.requirement());
      }
    }
  }

  static List<Medium.Attestation> required(Medium medium, String classification) {
    List<Medium.Attestation> required = new ArrayList<>(medium.attestations());
    if (medium.connectsToNetworks() && classification != null && !"PUBLIC".equals(classification)) {
      required.add(Medium.Attestation.ENCRYPTED_CHANNEL);
    }
    required.add(Medium.Attestation.KEPT_IN_SIGHT);
    return required;
  }

  @Override
  public void validateStep(String taskDefinitionKey, RequestInput input, ValidationErrors errors) {
    if (TakeOutProcess.TASK_REPORT_RETURN.equals(taskDefinitionKey)) {
      LocalDate returnedOn = input.date(TakeOutProcess.RETURNED_ON);
      if (returnedOn != null && returnedOn.isAfter(input.today())) {
        errors.field(TakeOutProcess.RETURNED_ON, "返却日に未来の日付は指定できません");
      }
      LocalDate start = input.date(TakeOutProcess.START_DATE);
      if (returnedOn != null && start != null && returnedOn.isBefore(start)) {
        errors.field(TakeOutProcess.RETURNED_ON, "返却日は持ち出し日以降の日付にしてください");
      }
    }
  }

  private static Medium medium(String value) {
    try {
      return value == null ? null : Medium.valueOf(value);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
