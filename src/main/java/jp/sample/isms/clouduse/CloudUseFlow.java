package jp.sample.isms.clouduse;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import jp.sample.isms.approval.ApprovalVariables;
import jp.sample.isms.approval.Decision;
import jp.sample.isms.approval.FlowDecisions;
import jp.sample.isms.approval.RequestFlow;
import jp.sample.isms.approval.RequestInput;
import jp.sample.isms.approval.ValidationErrors;
import jp.sample.isms.engine.EngineInternals;
import jp.sample.isms.organisation.Role;

/**
 * The rules of a cloud service request (7.18, 4.1.3) beyond its forms. Refused at filing with the clause: a
 * registration address in one of the company's internal-only mail domains ({@code isms.cloud.internal-mail-domains};
 * 7.18 register an external address). What the system administrator's evaluation and the security officer's approval
 * must each confirm explicitly comes from decision {@code cloudUseRequirement}: storage of INTERNAL or SECRET data
 * (7.18), and for backup use the two service requirements of 4.1.3; a step cannot be approved without them. The
 * service is registered only once the non-disclosure agreement with its administrator is confirmed (7.18).
 */
@Component
class CloudUseFlow implements RequestFlow {

  static final String CLAUSE_CLOUD = "7.18";
  static final String CLAUSE_BACKUP = "4.1.3";

  /** The role whose step confirms the requirements {@code cloudUseRequirement} assigns to it. */
  private static final Map<String, String> ROLE_OF_STEP = Map.of(
      CloudUseProcess.TASK_EVALUATE, Role.SYSTEM_ADMINISTRATOR.name(),
      CloudUseProcess.TASK_APPROVE, Role.SECURITY_OFFICER.name());

  /** One row of {@code cloudUseRequirement}: the variable that must be true, who confirms it, and why. */
  record Requirement(String requirement, String confirmedBy, String clause, String text) {
  }

  private final CloudUseProperties properties;
  private final FlowDecisions decisions;

  // lazy: the kernel collects the flows while the engine whose service this is is still being built
  CloudUseFlow(CloudUseProperties properties, FlowDecisions decisions) {
    this.properties = properties;
    this.decisions = decisions;
  }

  @Override
  public String processKey() {
    return CloudUseProcess.KEY;
  }

  @Override
  public String businessKeyPrefix() {
    return "CU";
  }

  @Override
  public String nameEn() {
    return "Use of a cloud service";
  }

  @Override
  public void validateRequest(RequestInput input, ValidationErrors errors) {
    String address = input.string(CloudUseProcess.REGISTRATION_EMAIL);
    if (address != null && !errors.has(CloudUseProcess.REGISTRATION_EMAIL) && properties.isInternal(address)) {
      errors.refuse(CloudUseProcess.REGISTRATION_EMAIL, CLAUSE_CLOUD,
          "クラウドサービスには外部メールアドレスを登録してください: " + address.substring(address.lastIndexOf('@') + 1)
              + " は社内専用のメールドメインです");
    }
    LocalDate start = input.date(CloudUseProcess.EXPECTED_START_DATE);
    if (start != null && start.isBefore(input.today())) {
      errors.field(CloudUseProcess.EXPECTED_START_DATE, "利用開始予定日に過去の日付は指定できません");
    }
  }

  @Override
  public void validateStep(String taskDefinitionKey, RequestInput input, ValidationErrors errors) {
    if (CloudUseProcess.TASK_CONFIRM_NDA.equals(taskDefinitionKey)) {
      validateNonDisclosureAgreement(input, errors);
      return;
    }
    String role = ROLE_OF_STEP.get(taskDefinitionKey);
    // only an approval needs the confirmations: a rejection or send-back may say exactly that they are missing
    if (role == null || !Decision.APPROVED.name().equals(input.string(ApprovalVariables.DECISION))) {
      return;
    }
    if (CloudUseProcess.TASK_EVALUATE.equals(taskDefinitionKey)) {
      if (input.string(CloudUseProcess.DATA_LOCATION) == null) {
        errors.field(CloudUseProcess.DATA_LOCATION, "適合と評価する場合は「データの保存場所」が必須です");
      }
      if (input.string(CloudUseProcess.EVALUATION_OPINION) == null) {
        errors.field(CloudUseProcess.EVALUATION_OPINION, "適合と評価する場合は「評価者の所見」が必須です (7.18)");
      }
    }
    for (Requirement requirement : requirements(input.string(CloudUseProcess.CLASSIFICATION),
        input.isTrue(CloudUseProcess.BACKUP_USE), input.processInstanceId())) {
      if (role.equals(requirement.confirmedBy()) && !input.isTrue(requirement.requirement())) {
        errors.refuse(requirement.requirement(), requirement.clause(), requirement.text());
      }
    }
  }

  private static void validateNonDisclosureAgreement(RequestInput input, ValidationErrors errors) {
    if (!input.isTrue(CloudUseProcess.NDA_SIGNED)) {
      errors.refuse(CloudUseProcess.NDA_SIGNED, CLAUSE_CLOUD,
          "クラウドサービスの管理者との秘密保持契約が締結されるまで、台帳に登録して利用を開始できません");
    }
    LocalDate signedOn = input.date(CloudUseProcess.NDA_SIGNED_ON);
    if (signedOn != null && signedOn.isAfter(input.today())) {
      errors.field(CloudUseProcess.NDA_SIGNED_ON, "締結日に未来の日付は指定できません");
    }
  }

  /** The rows of {@code cloudUseRequirement}, latest version. */
  List<Requirement> requirements(String classification, boolean backupUse) {
    return requirements(classification, backupUse, null);
  }

  /**
   * Evaluates {@code cloudUseRequirement} in the version {@link FlowDecisions} chooses: the request's own (the one its
   * process binds), the latest before filing.
   */
  List<Requirement> requirements(String classification, boolean backupUse, String processInstanceId) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(CloudUseProcess.CLASSIFICATION, classification);
    variables.put(CloudUseProcess.BACKUP_USE, backupUse);
    return decisions.evaluate(CloudUseProcess.DECISION_REQUIREMENT, variables, processInstanceId).getResultList()
        .stream()
        .map(row -> new Requirement((String) row.get(CloudUseProcess.REQUIREMENT),
            (String) row.get(CloudUseProcess.CONFIRMED_BY), (String) row.get(CloudUseProcess.REQUIREMENT_CLAUSE),
            (String) row.get(CloudUseProcess.REQUIREMENT_TEXT)))
        .toList();
  }
}
