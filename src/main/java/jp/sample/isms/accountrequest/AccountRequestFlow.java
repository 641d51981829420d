package jp.sample.isms.accountrequest;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.FlowDecisions;
import jp.sample.isms.approval.RequestFlow;
import jp.sample.isms.approval.RequestInput;
import jp.sample.isms.approval.RequestValues;
import jp.sample.isms.approval.ValidationErrors;
import jp.sample.isms.asset.AssetSelection;
import jp.sample.isms.organisation.GuestAccountIds;
import jp.sample.isms.organisation.OrganisationService;
import jp.sample.isms.organisation.Person;
import jp.sample.isms.organisation.Role;

/**
 * The rules of an account request (5.1) beyond its form. What the regulation forbids is refused at filing with its
 * clause: an account for anyone but a director or employee (5.1.9), a guest account (5.1.8), a privileged account
 * for anyone but a system administrator or security officer (5.1.10), a second account of one person on one system
 * (5.1.1), a shared account on a system whose row of the 5.1.4 table (decision {@code accountSharedAllowed}) says
 * 不可. A change or deletion must name an account of the register. A request comes from the 利用部門 (5.1.5, 5.1.7):
 * the account holder, someone of the holder's department, or the system administrator or security officer; its
 * endorsement goes to the holder's department head. The access rights of an account on a system that keeps
 * information assets are for assets chosen from the 情報資産管理台帳, in whose user scope the holder is (5.1.1, 3.1.4).
 */
@Component
class AccountRequestFlow implements RequestFlow {

  static final String CLAUSE_ONE_PER_USER = "5.1.1";
  static final String CLAUSE_SHARING = "5.1.4";
  static final String CLAUSE_REGISTRATION = "5.1.5";
  static final String CLAUSE_DELETION = "5.1.7";
  static final String CLAUSE_GUEST = GuestAccountIds.CLAUSE;
  static final String CLAUSE_EMPLOYEES_ONLY = "5.1.9";
  static final String CLAUSE_PRIVILEGED = "5.1.10";

  /** 5.1.8 ゲスト用アカウント: guest, guest01, guest-user, anonymous, test, demo (the part before an @ of a mail address). */

  private final OrganisationService organisation;
  private final AccountRegister register;
  private final FlowDecisions decisions;
  private final AssetSelection selection;

  AccountRequestFlow(OrganisationService organisation, AccountRegister register, FlowDecisions decisions,
      AssetSelection selection) {
    this.selection = selection;
    this.organisation = organisation;
    this.register = register;
    this.decisions = decisions;
  }

  @Override
  public String processKey() {
    return AccountRequestProcess.KEY;
  }

  @Override
  public String businessKeyPrefix() {
    return "AR";
  }

  @Override
  public String nameEn() {
    return "User account creation, change and deletion";
  }

  @Override
  public void validateRequest(RequestInput input, ValidationErrors errors) {
    RequestType type = RequestType.of(input.string(AccountRequestProcess.REQUEST_TYPE));
    String target = input.string(AccountRequestProcess.TARGET_USER_ID);
    AccountSystem system = AccountSystem.of(input.string(AccountRequestProcess.SYSTEM));
    String accountId = input.string(AccountRequestProcess.ACCOUNT_ID);
    if (type == null || target == null || system == null || accountId == null) {
      return; // the form's own checks have said what is missing
    }
    // an account for someone who is no employee is refused by 5.1.9 below, whoever asks
    boolean noEmployee = type != RequestType.DELETE
        && organisation.person(target).map(person -> !person.employee()).orElse(true);
    if (!noEmployee && !fromUsingDepartment(input.requester(), target)) {
      errors.refuse(AccountRequestProcess.TARGET_USER_ID, type == RequestType.DELETE ? CLAUSE_DELETION
          : CLAUSE_REGISTRATION, "アカウントの" + (type == RequestType.DELETE ? "削除" : "新設・変更")
          + "は利用部門 (利用者本人又は利用者と同じ部門の者) 又はシステム管理者・情報セキュリティ責任者が申請します: "
          + target + " は申請者の部門の利用者ではありません");
      return;
    }
    if (type == RequestType.DELETE) {
      validateDeletion(input, target, system, accountId, errors);
      return;
    }
    if (input.string(AccountRequestProcess.ACCESS_RIGHTS) == null) {
      errors.field(AccountRequestProcess.ACCESS_RIGHTS, "「付与するアクセス権限」は必須です");
    }
    Optional<Person> person = organisation.person(target);
    if (person.isEmpty()) {
      errors.refuse(AccountRequestProcess.TARGET_USER_ID, CLAUSE_EMPLOYEES_ONLY,
          "取締役又は従業員以外の者へのアカウント発行は禁止されています: 組織に登録されていない利用者 " + target + " です");
    } else if (!person.get().employee()) {
      errors.refuse(AccountRequestProcess.TARGET_USER_ID, CLAUSE_EMPLOYEES_ONLY,
          "取締役又は従業員以外の者へのアカウント発行は禁止されています");
    }
    if (GuestAccountIds.isGuestLike(accountId)) {
      errors.refuse(AccountRequestProcess.ACCOUNT_ID, CLAUSE_GUEST, "ゲスト用アカウントは無効化するため発行できません");
    }
    if (input.isTrue(AccountRequestProcess.PRIVILEGED) && person.isPresent()
        && !organisation.holdsAnywhere(target, Role.SYSTEM_ADMINISTRATOR)
        && !organisation.holdsAnywhere(target, Role.SECURITY_OFFICER)) {
      errors.refuse(AccountRequestProcess.PRIVILEGED, CLAUSE_PRIVILEGED,
          "特権アカウントの使用はシステム管理者及び情報セキュリティ責任者に制限されています");
    }
    if (input.isTrue(AccountRequestProcess.SHARED_ACCOUNT) && !sharedAllowed(system, input.processInstanceId())) {
      errors.refuse(AccountRequestProcess.SHARED_ACCOUNT, CLAUSE_SHARING,
          system.label() + "では共有アカウントを発行できません (利用者１名に対し１つ)");
    }
    validateAssets(input, person.orElse(null), system, errors);
    Optional<AccountRegister.Entry> active = register.active(target, system.name());
    if (type == RequestType.CREATE && active.isPresent()) {
      errors.refuse(AccountRequestProcess.TARGET_USER_ID, CLAUSE_ONE_PER_USER,
          "利用者1名につきアカウントは1つです: " + target + " は" + system.label() + "に既にアカウント "
              + active.get().accountId() + " を持っています");
    }
    if (type == RequestType.CHANGE) {
      requireRegistered(active, accountId, target, system, errors);
    }
  }

  /**
   * 5.1.5, 5.1.7 「利用部門から」: the account holder, someone of the holder's department, or the system administrator
   * or security officer (who act for any department). A holder the organisation no longer knows has no department:
   * only those two may ask for their account.
   */
  boolean fromUsingDepartment(Person requester, String holder) {
    if (requester == null) {
      return false;
    }
    if (requester.userId().equalsIgnoreCase(holder)
        || organisation.holdsAnywhere(requester.userId(), Role.SYSTEM_ADMINISTRATOR)
        || organisation.holdsAnywhere(requester.userId(), Role.SECURITY_OFFICER)) {
      return true;
    }
    String department = organisation.person(holder).map(Person::departmentCode).orElse(null);
    return department != null && department.equals(requester.departmentCode());
  }

  /**
   * 5.1.1, 3.1.4: the access rights of an account on a system that keeps information assets are for assets of the
   * register in whose user scope the holder is; on other systems assets may be named, and are checked the same way.
   */
  private void validateAssets(RequestInput input, Person holder, AccountSystem system, ValidationErrors errors) {
    String ids = input.string(AccountRequestProcess.ASSET_IDS);
    if (ids == null && system.holdsAssets()) {
      errors.refuse(AccountRequestProcess.ASSET_IDS, CLAUSE_ONE_PER_USER, system.label()
          + "のアクセス権限は、対象となる情報資産を情報資産管理台帳から選び、その利用者範囲に基づいて付与します");
    }
    if (ids != null && holder != null) {
      selection.select(ids, holder, AccountRequestProcess.ASSET_IDS, errors);
    }
  }

  /** 5.1.5: the endorsement goes to the head of the holder's department (the 利用部門), not the requester's. */
  @Override
  public String ownerDepartment(VariableScope execution) {
    if (!"DEPARTMENT_HEAD".equals(execution.getVariable(AccountRequestProcess.ENDORSER_ROLE))) {
      return null;
    }
    return organisation.person(RequestValues.string(execution, AccountRequestProcess.TARGET_USER_ID))
        .map(Person::departmentCode).orElse(null);
  }

  private void validateDeletion(RequestInput input, String target, AccountSystem system, String accountId,
      ValidationErrors errors) {
    // a person who has left may no longer be in the organisation, and a guest account is exactly what 5.1.8 wants
    // disabled: the refusals of 5.1.8 and 5.1.9 do not apply to a deletion
    if (input.date(AccountRequestProcess.UNNEEDED_DATE) == null) {
      errors.field(AccountRequestProcess.UNNEEDED_DATE, "削除の場合は「アカウントが不要になった日」が必須です (5.1.7)");
    }
    requireRegistered(register.active(target, system.name()), accountId, target, system, errors);
  }

  private static void requireRegistered(Optional<AccountRegister.Entry> active, String accountId, String target,
      AccountSystem system, ValidationErrors errors) {
    if (active.isEmpty() || !active.get().accountId().equalsIgnoreCase(accountId)) {
      errors.field(AccountRequestProcess.ACCOUNT_ID, "システムアカウント及び付帯情報管理台帳に " + target + " の"
          + system.label() + "の有効なアカウント " + accountId + " がありません"
          + active.map(e -> " (登録されているアカウント: " + e.accountId() + ")").orElse(""));
    }
  }

  @Override
  public void validateStep(String taskDefinitionKey, RequestInput input, ValidationErrors errors) {
    if (AccountRequestProcess.TASK_SET_UP.equals(taskDefinitionKey)) {
      validateSetUp(input, errors);
    } else if (AccountRequestProcess.TASK_DISABLE.equals(taskDefinitionKey)) {
      if (AccountRequestProcess.REFUSED.equals(input.string(AccountRequestProcess.DISABLE_OUTCOME))) {
        if (input.string(AccountRequestProcess.REFUSAL_REASON) == null) {
          errors.field(AccountRequestProcess.REFUSAL_REASON, "実施しない場合は申請の誤りの内容 (理由) が必須です");
        }
        return;
      }
      LocalDate disabledOn = input.date(AccountRequestProcess.DISABLED_ON);
      if (disabledOn == null) {
        errors.field(AccountRequestProcess.DISABLED_ON, "「無効化した日」は必須です");
      } else if (disabledOn.isAfter(input.today())) {
        errors.field(AccountRequestProcess.DISABLED_ON, "無効化した日に未来の日付は指定できません");
      }
    }
  }

  private void validateSetUp(RequestInput input, ValidationErrors errors) {
    RequestType type = RequestType.of(input.string(AccountRequestProcess.REQUEST_TYPE));
    String grantedAccountId = input.string(AccountRequestProcess.GRANTED_ACCOUNT_ID);
    String grantedRights = input.string(AccountRequestProcess.GRANTED_RIGHTS);
    if (grantedAccountId != null && GuestAccountIds.isGuestLike(grantedAccountId)) {
      errors.refuse(AccountRequestProcess.GRANTED_ACCOUNT_ID, CLAUSE_GUEST,
          "ゲスト用アカウントは無効化するため設定できません");
    }
    String approvedRights = input.string(AccountRequestProcess.ACCESS_RIGHTS);
    if (grantedRights != null && approvedRights != null && !grantedRights.equals(approvedRights)) {
      errors.refuse(AccountRequestProcess.GRANTED_RIGHTS, CLAUSE_REGISTRATION,
          "アカウントには情報セキュリティ責任者が承認したアクセス権限 (" + approvedRights + ") を設定してください");
    }
    if (type == RequestType.CREATE && !input.isTrue(AccountRequestProcess.PASSWORD_CHANGE_ENFORCED)) {
      errors.refuse(AccountRequestProcess.PASSWORD_CHANGE_ENFORCED, CLAUSE_GUEST,
          "最初のログオン時に利用者がパスワードを変更するように設定してください");
    }
    String target = input.string(AccountRequestProcess.TARGET_USER_ID);
    String system = input.string(AccountRequestProcess.SYSTEM);
    if (target == null || system == null) {
      return;
    }
    // another request may have set up, or disabled, the account since this one was filed
    Optional<AccountRegister.Entry> active = register.active(target, system);
    if (type == RequestType.CREATE && active.isPresent()) {
      errors.refuse(AccountRequestProcess.GRANTED_ACCOUNT_ID, CLAUSE_ONE_PER_USER,
          "利用者1名につきアカウントは1つです: 既にアカウント " + active.get().accountId() + " が登録されています");
    }
    if (type == RequestType.CHANGE && active.isEmpty()) {
      errors.field(AccountRequestProcess.GRANTED_ACCOUNT_ID,
          "変更するアカウントがシステムアカウント及び付帯情報管理台帳で有効ではなくなりました");
    }
  }

  /** Row of the 5.1.4 table for the system, from decision {@code accountSharedAllowed}. */
  boolean sharedAllowed(AccountSystem system) {
    return sharedAllowed(system, null);
  }

  private boolean sharedAllowed(AccountSystem system, String processInstanceId) {
    DmnDecisionResultEntries row = decisions.evaluate(AccountRequestProcess.DECISION_SHARED_ALLOWED,
        Map.of(AccountRequestProcess.SYSTEM, system.name()), processInstanceId).getSingleResult();
    // a system missing from the table is not known to allow sharing
    return row != null && Boolean.TRUE.equals(row.getEntry(AccountRequestProcess.SHARED_ALLOWED));
  }
}
