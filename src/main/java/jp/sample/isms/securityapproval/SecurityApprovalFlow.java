package jp.sample.isms.securityapproval;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.stereotype.Component;

import jp.sample.isms.approval.ApprovalVariables;
import jp.sample.isms.approval.Decision;
import jp.sample.isms.approval.RequestFlow;
import jp.sample.isms.approval.RequestInput;
import jp.sample.isms.approval.ValidationErrors;
import jp.sample.isms.organisation.OrganisationService;
import jp.sample.isms.organisation.Person;
import jp.sample.isms.organisation.Role;

/**
 * The rules of a security approval beyond its forms. At filing (and resubmission): the refusals of decision
 * {@code securityApprovalRefusal} with their clause (7.19 SNS, 7.26 public Wi-Fi, 7.8 private device, 7.4 another OS
 * without a reason, 7.22 no tier or no NDA, 7.1 not filed by the system administrator); the statements and
 * attestations decision {@code securityApprovalField} asks of the type; the devices named must be (or, for a new one,
 * must not yet be) in the 社内IT機材管理台帳 (7.3); an internet mail address only for an employee (7.20); an end date
 * not in the past. At the steps: the system administrator's review confirms the requirements, an approval of a type
 * that may not be approved in bulk says it was looked at on its own, and the requester's report before a LAN
 * connection attests updated definitions and a clean full scan (7.13).
 */
@Component
class SecurityApprovalFlow implements RequestFlow {

  static final String CLAUSE_REGISTER = "7.3";
  static final String CLAUSE_LAN = "7.13";
  static final String CLAUSE_MAIL = "7.20";
  static final String CLAUSE_REMOTE_ACCESS = "7.25";

  private final SecurityApprovalRules rules;
  private final ItRegister register;
  private final OrganisationService organisation;

  SecurityApprovalFlow(SecurityApprovalRules rules, ItRegister register, OrganisationService organisation) {
    this.rules = rules;
    this.register = register;
    this.organisation = organisation;
  }

  @Override
  public String processKey() {
    return SecurityApprovalProcess.KEY;
  }

  @Override
  public String businessKeyPrefix() {
    return "SA";
  }

  @Override
  public String nameEn() {
    return "Security approval";
  }

  @Override
  public void validateRequest(RequestInput input, ValidationErrors errors) {
    String type = input.string(SecurityApprovalProcess.REQUEST_TYPE);
    if (type == null) {
      return; // the form has said that it is missing
    }
    boolean systemAdministrator = input.requester() != null
        && organisation.holdsAnywhere(input.requester().userId(), Role.SYSTEM_ADMINISTRATOR);
    Optional<SecurityApprovalRules.Refusal> refusal = rules.refusal(new SecurityApprovalRules.Facts(type,
        input.string(SecurityApprovalProcess.SOFTWARE_CATEGORY),
        input.string(SecurityApprovalProcess.OS_JUSTIFICATION) != null,
        input.string(SecurityApprovalProcess.DEVICE_OWNERSHIP),
        input.string(SecurityApprovalProcess.CONNECTION_METHOD),
        input.string(SecurityApprovalProcess.DATA_CENTRE_TIER),
        input.isTrue(SecurityApprovalProcess.NDA_CONCLUDED), systemAdministrator), input.processInstanceId());
    if (refusal.isPresent()) {
      // refused by the regulation: nothing else of the request matters
      errors.refuse(refusal.get().field(), refusal.get().clause(), refusal.get().text());
      return;
    }
    if (rules.route(type, input.processInstanceId()).isEmpty()) {
      errors.field(SecurityApprovalProcess.REQUEST_TYPE, "この種類の申請は受け付けていません: " + type);
      return;
    }
    for (SecurityApprovalRules.Requirement requirement : rules.requirements(type,
        input.string(SecurityApprovalProcess.DEVICE_KIND), input.processInstanceId())) {
      String field = requirement.field();
      if (field.startsWith("attest")) {
        if (!input.isTrue(field)) {
          errors.refuse(field, requirement.clause(), requirement.text());
        }
      } else if (input.string(field) == null && !errors.has(field)) {
        errors.field(field, requirement.text() + " (" + requirement.clause() + ")");
      }
    }
    validatePeriod(input, errors);
    validateDevices(type, input, errors);
    if ("EXTERNAL_MAIL".equals(type)) {
      String employee = input.string(SecurityApprovalProcess.EMPLOYEE_ID);
      if (employee != null && !organisation.person(employee).map(Person::employee).orElse(false)) {
        errors.refuse(SecurityApprovalProcess.EMPLOYEE_ID, CLAUSE_MAIL,
            "インターネットメールアドレスは当社の従業員にのみ貸与します: " + employee + " は組織に登録された従業員ではありません");
      }
    }
  }

  private static void validatePeriod(RequestInput input, ValidationErrors errors) {
    LocalDate from = input.date(SecurityApprovalProcess.VALID_FROM);
    LocalDate until = input.date(SecurityApprovalProcess.VALID_UNTIL);
    if (until != null && until.isBefore(input.today())) {
      errors.field(SecurityApprovalProcess.VALID_UNTIL, "終了日に過去の日付は指定できません");
    } else if (from != null && until != null && until.isBefore(from)) {
      errors.field(SecurityApprovalProcess.VALID_UNTIL, "終了日は開始日以降の日付にしてください");
    }
  }

  private void validateDevices(String type, RequestInput input, ValidationErrors errors) {
    String deviceId = input.string(SecurityApprovalProcess.DEVICE_ID);
    switch (type) {
      case "IT_INFRASTRUCTURE", "NEW_DEVICE" -> {
        if (deviceId != null && register.device(deviceId).isPresent()) {
          errors.field(SecurityApprovalProcess.DEVICE_ID,
              "社内IT機材管理台帳に同じノード名の機器があります: " + deviceId + " (" + CLAUSE_REGISTER + ")");
        }
      }
      case "ONLINE_BANKING", "REMOTE_ACCESS" -> {
        Optional<ItRegister.Device> device = deviceId == null ? Optional.empty() : register.device(deviceId);
        if (deviceId != null && (device.isEmpty() || !ItRegister.ACTIVE.equals(device.get().status())
            || !"CLIENT".equals(device.get().kind()))) {
          String clause = "REMOTE_ACCESS".equals(type) ? CLAUSE_REMOTE_ACCESS : CLAUSE_REGISTER;
          errors.refuse(SecurityApprovalProcess.DEVICE_ID, clause,
              "社内IT機材管理台帳に登録された会社のクライアント機器 (使用中) を指定してください: " + deviceId);
        }
      }
      case "NON_STANDARD_SOFTWARE" -> {
        for (String target : SecurityApprovalRequest.deviceIds(input.string(SecurityApprovalProcess.TARGET_DEVICES))) {
          if (register.device(target).filter(d -> ItRegister.ACTIVE.equals(d.status())).isEmpty()) {
            errors.field(SecurityApprovalProcess.TARGET_DEVICES,
                "社内IT機材管理台帳に登録されていない機器です: " + target + " (" + CLAUSE_REGISTER + ")");
          }
        }
      }
      default -> {
        // the other types name no device of the register
      }
    }
  }

  @Override
  public void validateStep(String taskDefinitionKey, RequestInput input, ValidationErrors errors) {
    boolean approved = Decision.APPROVED.name().equals(input.string(ApprovalVariables.DECISION));
    switch (taskDefinitionKey) {
      case SecurityApprovalProcess.TASK_REVIEW -> {
        if (approved && !input.isTrue(SecurityApprovalProcess.REQUIREMENTS_CONFIRMED)) {
          errors.refuse(SecurityApprovalProcess.REQUIREMENTS_CONFIRMED,
              input.string(SecurityApprovalProcess.CLAUSE),
              "情報セキュリティ責任者に回すには、システム管理者が定めた要件を満たすことを確認してください");
        }
      }
      case SecurityApprovalProcess.TASK_APPROVE -> {
        if (approved && !input.isTrue(SecurityApprovalProcess.BULK_APPROVABLE)
            && !input.isTrue(SecurityApprovalProcess.REVIEWED_INDIVIDUALLY)) {
          errors.field(SecurityApprovalProcess.REVIEWED_INDIVIDUALLY,
              "この種類の申請は一括承認できません。申請内容を個別に確認し「申請内容を個別に確認した」にチェックして承認してください");
        }
      }
      case SecurityApprovalProcess.TASK_PRE_CONNECTION_CHECK -> {
        if (!input.isTrue(SecurityApprovalProcess.ATTEST_DEFINITIONS_UPDATED)) {
          errors.refuse(SecurityApprovalProcess.ATTEST_DEFINITIONS_UPDATED, CLAUSE_LAN,
              "接続する前に、当該機器のウイルス対策ソフトの定義ファイルを最新版に更新してください");
        }
        if (!input.isTrue(SecurityApprovalProcess.ATTEST_FULL_SCAN_CLEAN)) {
          errors.refuse(SecurityApprovalProcess.ATTEST_FULL_SCAN_CLEAN, CLAUSE_LAN,
              "接続する前に、当該機器のフルスキャンでウイルスが検知されないことを確認してください");
        }
        LocalDate scanned = input.date(SecurityApprovalProcess.SCAN_COMPLETED_ON);
        if (scanned != null && scanned.isAfter(input.today())) {
          errors.field(SecurityApprovalProcess.SCAN_COMPLETED_ON, "フルスキャンの実施日に未来の日付は指定できません");
        }
      }
      default -> {
        // the correction is validated as a filing by the kernel
      }
    }
  }
}
