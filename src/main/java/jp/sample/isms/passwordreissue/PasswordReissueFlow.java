package jp.sample.isms.passwordreissue;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import jp.sample.isms.accountrequest.AccountRegister;
import jp.sample.isms.approval.RequestFlow;
import jp.sample.isms.approval.RequestInput;
import jp.sample.isms.approval.RequestValues;
import jp.sample.isms.approval.ValidationErrors;
import jp.sample.isms.audit.AuditEntry;
import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.organisation.AccountStates;
import jp.sample.isms.organisation.OrganisationService;
import jp.sample.isms.organisation.Person;
import jp.sample.isms.organisation.Role;

/**
 * The rules of a password reissue (5.1.6) beyond its forms: filed by the person or their department head (who files
 * for someone who cannot log in); for an account that exists and is not disabled (5.1.7); the person never checks
 * their own identity; the product's one-time password must have been issued after the identity check before the
 * system administrator's step completes.
 */
@Component
class PasswordReissueFlow implements RequestFlow {

  static final String CLAUSE = "5.1.6";
  static final String CLAUSE_DISABLED = "5.1.7";

  private final OrganisationService organisation;
  private final AccountRegister accounts;
  private final AccountStates states;
  private final AuditRecorder audit;

  PasswordReissueFlow(OrganisationService organisation, AccountRegister accounts, AccountStates states,
      AuditRecorder audit) {
    this.organisation = organisation;
    this.accounts = accounts;
    this.states = states;
    this.audit = audit;
  }

  @Override
  public String processKey() {
    return PasswordReissueProcess.KEY;
  }

  @Override
  public String businessKeyPrefix() {
    return "PR";
  }

  @Override
  public String nameEn() {
    return "Password reissue";
  }

  /** The person whose password is reissued takes no step: nobody confirms their own identity. */
  @Override
  public Set<String> subjects(VariableScope execution) {
    String target = RequestValues.string(execution, PasswordReissueProcess.TARGET_USER_ID);
    return target == null ? Set.of() : Set.of(target);
  }

  @Override
  public void validateRequest(RequestInput input, ValidationErrors errors) {
    String target = input.string(PasswordReissueProcess.TARGET_USER_ID);
    String system = input.string(PasswordReissueProcess.SYSTEM);
    if (target == null || system == null) {
      return;
    }
    Optional<Person> person = organisation.person(target);
    if (person.isEmpty()) {
      errors.field(PasswordReissueProcess.TARGET_USER_ID, "組織に登録されていない利用者です: " + target);
      return;
    }
    String requester = input.requester().userId();
    if (!requester.equals(target) && !isDepartmentHeadOf(requester, person.get())) {
      errors.refuse(PasswordReissueProcess.TARGET_USER_ID, CLAUSE,
          "パスワードの再発行は本人又は本人の部門責任者が申請します");
    }
    if (PasswordReissueProcess.PRODUCT.equals(system)) {
      if (states.isDisabled(target)) {
        errors.refuse(PasswordReissueProcess.TARGET_USER_ID, CLAUSE_DISABLED,
            "停止・無効化されたアカウントのパスワードは再発行できません");
      }
      return;
    }
    String accountId = input.string(PasswordReissueProcess.ACCOUNT_ID);
    if (accountId == null) {
      errors.field(PasswordReissueProcess.ACCOUNT_ID, "「アカウント名」は必須です");
      return;
    }
    Optional<AccountRegister.Entry> active = accounts.active(target, system);
    if (active.isEmpty() || !active.get().accountId().equalsIgnoreCase(accountId)) {
      errors.field(PasswordReissueProcess.ACCOUNT_ID, "システムアカウント及び付帯情報管理台帳に " + target
          + " の有効なアカウント " + accountId + " がありません");
    }
  }

  private boolean isDepartmentHeadOf(String userId, Person person) {
    return person.departmentCode() != null
        && organisation.members(Role.DEPARTMENT_HEAD.groupId(person.departmentCode())).contains(userId);
  }

  @Override
  public void validateStep(String taskDefinitionKey, RequestInput input, ValidationErrors errors) {
    if (!PasswordReissueProcess.TASK_ISSUE_PASSWORD.equals(taskDefinitionKey)
        || !PasswordReissueProcess.PRODUCT.equals(input.string(PasswordReissueProcess.SYSTEM))) {
      return;
    }
    String target = input.string(PasswordReissueProcess.TARGET_USER_ID);
    AuditEntry check = audit.latest(input.processInstanceId(), PasswordReissueProcess.TASK_CHECK_IDENTITY);
    AccountStates.PasswordState password = states.password(target);
    Instant checkedAt = check == null ? Instant.MAX : check.occurredAt().toInstant();
    if (!password.mustChange() || password.changedAt() == null || password.changedAt().isBefore(checkedAt)) {
      errors.refuse(PasswordReissueProcess.TARGET_USER_ID, CLAUSE,
          "本人確認の後にワンタイムパスワードが発行されていません。管理ページの「ワンタイムパスワード発行」で発行し、"
              + "本人に直接伝えてから完了してください");
    }
  }
}
