package jp.sample.isms.onboarding;


import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import jp.sample.isms.accountrequest.AccountRequestFiling;
import jp.sample.isms.approval.RequestFlow;
import jp.sample.isms.approval.RequestInput;
import jp.sample.isms.approval.ValidationErrors;
import jp.sample.isms.asset.AssetSelection;
import jp.sample.isms.organisation.GuestAccountIds;
import jp.sample.isms.organisation.OrganisationService;
import jp.sample.isms.organisation.Person;
import jp.sample.isms.organisation.Role;

/**
 * The rules of an onboarding (2.1, 2.4, 5.1.9) beyond its forms: filed by the head of the HR department
 * ({@code isms.organisation.hr-department}) or of the department the person joins; a new user id that is not guest-like
 * (5.1.8); the signed confidentiality undertaking attached before the account is created (2.1); access rights when
 * systems are asked for.
 */
@Component
class OnboardingFlow implements RequestFlow {

  static final String CLAUSE_UNDERTAKING = "2.1";
  static final String CLAUSE_TRAINING = "2.4";
  static final String CLAUSE_GUEST = GuestAccountIds.CLAUSE;

  private final OrganisationService organisation;
  private final AssetSelection assetSelection;
  private final OnboardingDocuments documents;
  private final JdbcTemplate jdbc;
  private final String hrDepartment;

  OnboardingFlow(OrganisationService organisation, OnboardingDocuments documents, JdbcTemplate jdbc,
      AssetSelection assetSelection, @Value("${isms.organisation.hr-department:hr}") String hrDepartment) {
    this.assetSelection = assetSelection;
    this.organisation = organisation;
    this.documents = documents;
    this.jdbc = jdbc;
    this.hrDepartment = hrDepartment;
  }

  @Override
  public String processKey() {
    return OnboardingProcess.KEY;
  }

  @Override
  public String businessKeyPrefix() {
    return "ON";
  }

  @Override
  public String nameEn() {
    return "Onboarding";
  }

  /** Whether the user may file a joiner's or leaver's request for a person of the department. */
  static boolean mayFile(OrganisationService organisation, String hrDepartment, String userId, String department) {
    return organisation.members(Role.DEPARTMENT_HEAD.groupId(hrDepartment)).contains(userId)
        || department != null && organisation.members(Role.DEPARTMENT_HEAD.groupId(department)).contains(userId);
  }

  @Override
  public void validateRequest(RequestInput input, ValidationErrors errors) {
    String department = input.string(OnboardingProcess.DEPARTMENT_CODE);
    String userId = input.string(OnboardingProcess.NEW_USER_ID);
    if (department != null && organisation.departmentName(department).isEmpty()) {
      errors.field(OnboardingProcess.DEPARTMENT_CODE, "組織にない部門コードです: " + department);
    } else if (!mayFile(organisation, hrDepartment, input.requester().userId(), department)) {
      errors.refuse(OnboardingProcess.DEPARTMENT_CODE, CLAUSE_UNDERTAKING,
          "入社手続きは人事部の部門責任者又は配属先の部門責任者が申請します");
    }
    if (userId != null) {
      if (GuestAccountIds.isGuestLike(userId)) {
        errors.refuse(OnboardingProcess.NEW_USER_ID, CLAUSE_GUEST, "ゲスト用・共用のユーザーIDは作成できません");
      } else if (userExists(userId)) {
        errors.field(OnboardingProcess.NEW_USER_ID, "既に登録されているユーザーIDです: " + userId);
      }
    }
    boolean anySystem = OnboardingProcess.SYSTEM_FIELDS.keySet().stream().anyMatch(input::isTrue);
    if (anySystem && input.string(OnboardingProcess.ACCESS_RIGHTS) == null) {
      errors.field(OnboardingProcess.ACCESS_RIGHTS, "情報システムを選んだ場合は「付与するアクセス権限」が必須です");
    }
    validateAssets(input, department, userId, errors);
  }

  /**
   * 5.1.1, 3.1.4: the rights on a system that keeps information assets are for named assets of the register that the
   * new person's department may use; checked here so that the account requests filed later are not refused.
   */
  private void validateAssets(RequestInput input, String department, String userId, ValidationErrors errors) {
    boolean needsAssets = OnboardingProcess.SYSTEM_FIELDS.entrySet().stream()
        .anyMatch(system -> input.isTrue(system.getKey()) && AccountRequestFiling.holdsAssets(system.getValue()));
    String ids = input.string(OnboardingProcess.ASSET_IDS);
    if (needsAssets && ids == null) {
      errors.refuse(OnboardingProcess.ASSET_IDS, "5.1.1",
          "ファイルサーバー・社内システム・社内データベースのアクセス権限は、対象となる情報資産を情報資産管理台帳から選びます");
    }
    if (ids != null && department != null) {
      Person joiner = new Person(userId, userId, null, department, null, null, null, true, "ja");
      assetSelection.select(ids, joiner, OnboardingProcess.ASSET_IDS, errors);
    }
  }

  @Override
  public void validateStep(String taskDefinitionKey, RequestInput input, ValidationErrors errors) {
    switch (taskDefinitionKey) {
      case OnboardingProcess.TASK_ATTACH_UNDERTAKING -> requireUndertaking(input, "undertakingAttached", errors);
      case OnboardingProcess.TASK_CREATE_ACCOUNT -> {
        requireUndertaking(input, "undertakingChecked", errors);
        String userId = input.string(OnboardingProcess.NEW_USER_ID);
        if (userId != null && userExists(userId)) {
          errors.field(OnboardingProcess.NEW_USER_ID, "既に登録されているユーザーIDです: " + userId);
        }
      }
      case OnboardingProcess.TASK_CONDUCT_TRAINING -> {
        java.time.LocalDate trainedOn = input.date(OnboardingProcess.TRAINED_ON);
        if (trainedOn != null && trainedOn.isAfter(input.today())) {
          errors.field(OnboardingProcess.TRAINED_ON, "実施日に未来の日付は指定できません");
        }
      }
      default -> {
      }
    }
  }

  private void requireUndertaking(RequestInput input, String field, ValidationErrors errors) {
    if (documents.undertaking(input.processInstanceId()).isEmpty()) {
      errors.refuse(field, CLAUSE_UNDERTAKING, "署名済みの秘密保持誓約書が添付されていません。「添付ファイル」タブで種類"
          + "「秘密保持誓約書」として添付してください");
    }
  }

  private boolean userExists(String userId) {
    Integer count = jdbc.queryForObject("select count(*) from ACT_ID_USER where lower(ID_) = lower(?)",
        Integer.class, userId);
    return count != null && count > 0;
  }
}
