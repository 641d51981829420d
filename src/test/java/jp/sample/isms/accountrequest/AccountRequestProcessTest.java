package jp.sample.isms.accountrequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.approval.RequestValidationException;
import jp.sample.isms.approval.RequestWithdrawal;
import jp.sample.isms.audit.AuditEntry;
import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.support.Requests;
import jp.sample.isms.support.DemoOrganisation;
import jp.sample.isms.support.AccountRequestFixture;

/**
 * bpmn/accountRequest.bpmn (5.1.1, 5.1.4–5.1.10): one test per path, on the real engine with the demo organisation.
 * The register is shared with every other test of the context: each test first puts the accounts it relies on in the
 * state it needs.
 */
@IsmsSpringBootTest
class AccountRequestProcessTest {

  static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
  static final LocalDate TODAY = LocalDate.now(JAPAN);
  static final String RIGHTS = AccountRequestFixture.RIGHTS;

  @Autowired
  ProcessEngine engine;
  @Autowired
  AccountRegister register;
  @Autowired
  AuditRecorder audit;
  @Autowired
  RequestWithdrawal withdrawal;
  @Autowired
  JdbcTemplate jdbc;

  Requests requests;
  /** Outbox rows before the test: the mails a test caused are the notices after this id. */
  long outboxMark;

  @BeforeEach
  void setUp() {
    requests = new Requests(engine);
    outboxMark = jdbc.queryForObject("select coalesce(max(id), 0) from mail_outbox", Long.class);
  }

  // ---------------------------------------------------------------- helpers

  static Map<String, Object> request(String type, String target, String system, String accountId) {
    return AccountRequestFixture.of(type, target, system, accountId).build();
  }

  static Map<String, Object> create(String target, String system, String accountId) {
    return AccountRequestFixture.create(target, system, accountId).build();
  }

  static Map<String, Object> delete(String target, String system, String accountId, LocalDate unneededDate) {
    return AccountRequestFixture.delete(target, system, accountId, unneededDate).build();
  }

  static Map<String, Object> approve() {
    return Map.of("decision", "APPROVED", "decisionComment", "");
  }

  static Map<String, Object> setUp(String accountId, String rights) {
    return AccountRequestFixture.setUp(accountId, rights);
  }

  /** The person has no active account on the system, as the register of a fresh installation. */
  void noActiveAccount(String userId, String system) {
    register.active(userId, system).ifPresent(entry -> register.disabled(entry.id(), TODAY, "test", null,
        audit.now()));
  }

  /** The person has exactly this active account on the system. */
  AccountRegister.Entry activeAccount(String userId, String system, String accountId, String rights) {
    noActiveAccount(userId, system);
    register.created(userId, system, accountId, rights, false, false, DemoOrganisation.SECURITY_OFFICER, DemoOrganisation.SYSTEM_ADMINISTRATOR, null, audit.now());
    return register.active(userId, system).orElseThrow();
  }

  /** Notices queued for the user by this test (subject, a line break, the text). */
  List<String> mailsTo(String userId) {
    return jdbc.queryForList("select subject || chr(10) || body_text from mail_outbox where id > ? and recipient = ?"
        + " and dedup_key like 'notice:%' order by id", String.class, outboxMark, userId);
  }

  Object taskVariable(ProcessInstance instance, String name) {
    return engine.getTaskService().getVariableLocal(requests.task(instance).getId(), name);
  }

  long instances() {
    return engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(AccountRequestProcess.KEY).count();
  }

  int refusals() {
    return jdbc.queryForObject(
        "select count(*) from audit_record where outcome = 'REFUSED' and flow_key = 'accountRequest'", Integer.class);
  }

  int registerRows() {
    return jdbc.queryForObject("select count(*) from account_register", Integer.class);
  }

  /** Files the request and expects the clause to refuse it, with nothing persisted but the REFUSED record. */
  void assertRefused(String user, Map<String, Object> variables, String message) {
    long instancesBefore = instances();
    int refusalsBefore = refusals();
    int rowsBefore = registerRows();
    assertThatThrownBy(() -> requests.file(user, AccountRequestProcess.KEY, variables))
        .isInstanceOf(RequestValidationException.class).hasMessageContaining(message);
    assertThat(instances()).isEqualTo(instancesBefore);
    assertThat(registerRows()).isEqualTo(rowsBefore);
    assertThat(refusals()).isEqualTo(refusalsBefore + 1);
  }

  // ---------------------------------------------------------------- create, change, delete

  @Test
  void aNewAccountIsEndorsedApprovedSetUpRecordedAndThePasswordChangeInstructed() {
    // given yamamoto has no account on 社内システムＡ
    noActiveAccount(DemoOrganisation.DESIGN_EMPLOYEE, "INTERNAL_SYSTEM_A");
    // when she files the request
    ProcessInstance instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, AccountRequestProcess.KEY,
        create(DemoOrganisation.DESIGN_EMPLOYEE, "INTERNAL_SYSTEM_A", "yamamoto.s"));
    // then her department head endorses it
    assertThat(instance.getBusinessKey()).matches("AR-" + TODAY.getYear() + "-\\d{4}");
    assertThat(instance).isWaitingAt(AccountRequestProcess.TASK_ENDORSE);
    assertThat(requests.candidateGroups(requests.task(instance))).containsExactly("department-head.development");
    requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, approve());
    // then the security officer approves the account and its rights
    assertThat(instance).isWaitingAt(AccountRequestProcess.TASK_APPROVE);
    assertThat(requests.candidateGroups(requests.task(instance))).containsExactly("security-officer");
    requests.complete(DemoOrganisation.SECURITY_OFFICER, instance, approve());
    // then the system administrator sets it up, starting from what was approved
    assertThat(instance).isWaitingAt(AccountRequestProcess.TASK_SET_UP);
    assertThat(requests.candidateGroups(requests.task(instance))).containsExactly("system-administrator");
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "grantedAccountId")).isEqualTo("yamamoto.s");
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "grantedRights")).isEqualTo(RIGHTS);
    requests.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, instance, setUp("yamamoto.s", RIGHTS));

    // then the account is in the register, and yamamoto is told to replace the initial password
    assertThat(instance).isEnded().hasPassedInOrder(AccountRequestProcess.TASK_SET_UP,
        AccountRequestProcess.TASK_RECORD_ACCOUNT, AccountRequestProcess.TASK_INSTRUCT_PASSWORD_CHANGE,
        AccountRequestProcess.END_SET_UP);
    AccountRegister.Entry entry = register.active(DemoOrganisation.DESIGN_EMPLOYEE, "INTERNAL_SYSTEM_A").orElseThrow();
    assertThat(entry.accountId()).isEqualTo("yamamoto.s");
    assertThat(entry.accessRights()).isEqualTo(RIGHTS);
    assertThat(entry.status()).isEqualTo("ACTIVE");
    assertThat(entry.privileged()).isFalse();
    assertThat(entry.sharedAccount()).isFalse();
    assertThat(entry.approvedBy()).isEqualTo(DemoOrganisation.SECURITY_OFFICER);
    assertThat(entry.setUpBy()).isEqualTo(DemoOrganisation.SYSTEM_ADMINISTRATOR);
    assertThat(entry.createdByRequest()).isEqualTo(instance.getBusinessKey());
    assertThat(entry.createdAt()).isNotNull();
    assertThat(mailsTo(DemoOrganisation.DESIGN_EMPLOYEE)).singleElement().asString().contains("パスワード変更のお願い", "yamamoto.s",
        "初期パスワード");

    List<AuditEntry> records = audit.forBusinessKey(instance.getBusinessKey());
    assertThat(records).extracting(AuditEntry::outcome)
        .containsExactly("FILED", "RECORDED", "APPROVED", "APPROVED", "DONE", "INSTRUCTED");
    assertThat(records).extracting(AuditEntry::actor)
        .containsExactly(DemoOrganisation.DESIGN_EMPLOYEE, "system", DemoOrganisation.DEVELOPMENT_HEAD, DemoOrganisation.SECURITY_OFFICER, DemoOrganisation.SYSTEM_ADMINISTRATOR, "system");
    assertThat(records).extracting(AuditEntry::actingRole)
        .containsExactly("REQUESTER", null, "DEPARTMENT_HEAD", "SECURITY_OFFICER", "SYSTEM_ADMINISTRATOR", null);
    assertThat(records).extracting(AuditEntry::flags).containsOnlyNulls();
    assertThat(records.get(0).clauses()).isEqualTo("5.1.1,5.1.4,5.1.5,5.1.7,5.1.8,5.1.9,5.1.10");
    // the assets the rights are for, as the register had them at filing (5.1.1)
    assertThat(records.get(1).comment()).isEqualTo("IA-0001 INTERNAL (v1)");
    assertThat(records.get(1).clauses()).isEqualTo("5.1.1,3.1.4");
    assertThat(records.get(4).comment()).isEqualTo("初期パスワードを設定済み");
    assertThat(records.get(5).clauses()).isEqualTo("5.1.5,5.1.8");
    assertThat(records.get(5).step()).isEqualTo(AccountRequestProcess.TASK_INSTRUCT_PASSWORD_CHANGE);
  }

  @Test
  void theSetUpMustFollowTheApproval() {
    // given an approved request
    noActiveAccount(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, "INTERNAL_SYSTEM_A");
    ProcessInstance instance = requests.file(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, AccountRequestProcess.KEY,
        create(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, "INTERNAL_SYSTEM_A", DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE));
    requests.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, instance, approve());
    requests.complete(DemoOrganisation.SECURITY_OFFICER, instance, approve());
    assertThat(instance).isWaitingAt(AccountRequestProcess.TASK_SET_UP);
    // when the administrator records other rights, a guest account or no forced password change, then it is refused
    assertThatThrownBy(() -> requests.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, instance, setUp(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, "全フォルダー フルコントロール")))
        .isInstanceOf(RequestValidationException.class).hasMessageContaining("5.1.5:");
    assertThatThrownBy(() -> requests.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, instance, setUp("guest", RIGHTS)))
        .isInstanceOf(RequestValidationException.class).hasMessageContaining("5.1.8:")
        .hasMessageContaining("(grantedAccountId)");
    assertThatThrownBy(() -> requests.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, instance,
        Map.of("grantedAccountId", DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, "grantedRights", RIGHTS)))
        .isInstanceOf(RequestValidationException.class)
        .hasMessageContaining("5.1.8: 最初のログオン時に利用者がパスワードを変更するように設定してください (passwordChangeEnforced)");
    assertThat(instance).isWaitingAt(AccountRequestProcess.TASK_SET_UP);
    assertThat(register.active(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, "INTERNAL_SYSTEM_A")).isEmpty();
    // when the approved rights are set, then it is recorded
    requests.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, instance, setUp(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, RIGHTS));
    assertThat(instance).isEnded().hasPassed(AccountRequestProcess.END_SET_UP);
    assertThat(register.active(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, "INTERNAL_SYSTEM_A")).get().extracting(AccountRegister.Entry::approvedBy)
        .isEqualTo(DemoOrganisation.SECURITY_OFFICER);
  }

  @Test
  void aChangeUpdatesTheRegisteredAccount() {
    // given kobayashi's account on the file server
    AccountRegister.Entry before = activeAccount(DemoOrganisation.PRODUCTION_EMPLOYEE, "FILE_SERVER", DemoOrganisation.PRODUCTION_EMPLOYEE, "製造課フォルダー 読み取り");
    Map<String, Object> change = request("CHANGE", DemoOrganisation.PRODUCTION_EMPLOYEE, "FILE_SERVER", DemoOrganisation.PRODUCTION_EMPLOYEE);
    change.put("accessRights", "製造課フォルダー 読み取り・書き込み");
    change.put("sharedAccount", true);
    // when he asks for more rights on a shared account (the file server allows sharing, 5.1.4)
    ProcessInstance instance = requests.file(DemoOrganisation.PRODUCTION_EMPLOYEE, AccountRequestProcess.KEY, change);
    requests.complete(DemoOrganisation.MANUFACTURING_HEAD, instance, approve());
    requests.complete(DemoOrganisation.SECURITY_OFFICER, instance, approve());
    requests.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, instance,
        Map.of("grantedAccountId", DemoOrganisation.PRODUCTION_EMPLOYEE, "grantedRights", "製造課フォルダー 読み取り・書き込み"));
    // then the same row carries the new rights
    assertThat(instance).isEnded().hasPassed(AccountRequestProcess.END_SET_UP);
    AccountRegister.Entry after = register.active(DemoOrganisation.PRODUCTION_EMPLOYEE, "FILE_SERVER").orElseThrow();
    assertThat(after.id()).isEqualTo(before.id());
    assertThat(after.accessRights()).isEqualTo("製造課フォルダー 読み取り・書き込み");
    assertThat(after.sharedAccount()).isTrue();
    assertThat(after.changedAt()).isNotNull();
    assertThat(after.lastRequest()).isEqualTo(instance.getBusinessKey());
    assertThat(after.approvedBy()).isEqualTo(DemoOrganisation.SECURITY_OFFICER);
    assertThat(mailsTo(DemoOrganisation.PRODUCTION_EMPLOYEE)).singleElement().asString().contains("変更しました");
  }

  @Test
  void aDeletionIsDisabledByTheSystemAdministratorByTheEndOfTheNextDay() {
    // given kato's mail account, unneeded from today
    activeAccount(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, "INTERNAL_MAIL", DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, "メール送受信");
    // when the deletion is filed
    ProcessInstance instance = requests.file(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, AccountRequestProcess.KEY,
        delete(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, "INTERNAL_MAIL", DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, TODAY));
    // then no approval: the system administrator disables it, due at the end of tomorrow, Japan time (5.1.7)
    assertThat(instance).isWaitingAt(AccountRequestProcess.TASK_DISABLE);
    Task task = requests.task(instance);
    assertThat(requests.candidateGroups(task)).containsExactly("system-administrator");
    java.time.Instant deadline = TODAY.plusDays(1).atTime(23, 59, 59).atZone(JAPAN).toInstant();
    assertThat(task.getDueDate().toInstant()).isEqualTo(deadline);
    assertThat(requests.timerDueDate(instance, AccountRequestProcess.BOUNDARY_DISABLE_OVERDUE).toInstant())
        .isEqualTo(deadline);
    // a disabling date in the future is an input error
    assertThatThrownBy(() -> requests.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, instance,
        Map.of("disableOutcome", "DISABLED", "disabledOn", TODAY.plusDays(1).toString())))
        .isInstanceOf(RequestValidationException.class).hasMessageContaining("disabledOn: 無効化した日に未来の日付は指定できません");
    // when suzuki disables it
    requests.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, instance,
        Map.of("disableOutcome", "DISABLED", "disabledOn", TODAY.toString(), "comment", "メールアカウント停止"));
    // then the register shows it disabled, and no timer is left
    assertThat(instance).isEnded().hasPassedInOrder(AccountRequestProcess.TASK_SET_DISABLE_DEADLINE,
        AccountRequestProcess.TASK_DISABLE, AccountRequestProcess.TASK_RECORD_DISABLING,
        AccountRequestProcess.END_DISABLED);
    assertThat(register.active(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, "INTERNAL_MAIL")).isEmpty();
    AccountRegister.Entry entry = register.forUser(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE).stream()
        .filter(e -> instance.getBusinessKey().equals(e.lastRequest())).findFirst().orElseThrow();
    assertThat(entry.status()).isEqualTo("DISABLED");
    assertThat(entry.disabledOn()).isEqualTo(TODAY);
    assertThat(entry.disabledBy()).isEqualTo(DemoOrganisation.SYSTEM_ADMINISTRATOR);
    assertThat(entry.disabledAt()).isNotNull();
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).count()).isZero();
    assertThat(audit.forBusinessKey(instance.getBusinessKey())).extracting(AuditEntry::outcome)
        .containsExactly("FILED", "DONE");
  }

  @Test
  void anOverdueDeletionIsEscalatedToTheSecurityOfficer() {
    // given watanabe's external mail account, unneeded since three days ago
    activeAccount(DemoOrganisation.DESIGN_CHIEF, "EXTERNAL_MAIL", "watanabe@sample-printing.example", "メール送受信");
    ProcessInstance instance = requests.file(DemoOrganisation.DESIGN_CHIEF, AccountRequestProcess.KEY,
        delete(DemoOrganisation.DESIGN_CHIEF, "EXTERNAL_MAIL", "watanabe@sample-printing.example", TODAY.minusDays(3)));
    // when the end of the day after passes without the account disabled
    requests.fireTimer(instance, AccountRequestProcess.BOUNDARY_DISABLE_OVERDUE);
    // then the security officer is told and the escalation recorded, and the step is still open
    assertThat(instance).hasPassed(AccountRequestProcess.TASK_ESCALATE_OVERDUE_DISABLING,
        AccountRequestProcess.END_DISABLING_ESCALATED).isWaitingAt(AccountRequestProcess.TASK_DISABLE);
    assertThat(mailsTo(DemoOrganisation.SECURITY_OFFICER)).singleElement().asString().contains("無効化遅延", instance.getBusinessKey());
    AuditEntry escalation = audit.latest(instance.getId(), AccountRequestProcess.TASK_ESCALATE_OVERDUE_DISABLING);
    assertThat(escalation.outcome()).isEqualTo("ESCALATED");
    assertThat(escalation.clauses()).isEqualTo("5.1.7");
    assertThat(escalation.comment()).contains(DemoOrganisation.SECURITY_OFFICER);
    // and the late disabling still closes the request
    requests.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, instance, Map.of("disableOutcome", "DISABLED", "disabledOn", TODAY.toString()));
    assertThat(instance).isEnded().hasPassed(AccountRequestProcess.END_DISABLED);
    assertThat(register.active(DemoOrganisation.DESIGN_CHIEF, "EXTERNAL_MAIL")).isEmpty();
    assertThat(audit.forBusinessKey(instance.getBusinessKey())).extracting(AuditEntry::outcome)
        .containsExactly("FILED", "ESCALATED", "DONE");
  }

  // ---------------------------------------------------------------- refusals at filing

  @Test
  void anAccountForSomeoneWhoIsNotADirectorOrEmployeeIsRefused() {
    // unknown to the organisation
    assertRefused(DemoOrganisation.DESIGN_EMPLOYEE, create("outsider", "FILE_SERVER", "outsider"),
        "5.1.9: 取締役又は従業員以外の者へのアカウント発行は禁止されています: 組織に登録されていない利用者 outsider です (targetUserId)");
    // known, but not an employee (a contractor's engineer in the directory)
    User contractor = engine.getIdentityService().newUser("haken");
    contractor.setLastName("派遣");
    contractor.setFirstName("太郎");
    engine.getIdentityService().saveUser(contractor);
    jdbc.update("insert into org_person (user_id, department_code, employee) values ('haken', 'development', false)");
    try {
      assertRefused(DemoOrganisation.DESIGN_EMPLOYEE, create("haken", "FILE_SERVER", "haken"),
          "5.1.9: 取締役又は従業員以外の者へのアカウント発行は禁止されています (targetUserId)");
    } finally {
      jdbc.update("delete from org_person where user_id = 'haken'");
      engine.getIdentityService().deleteUser("haken");
    }
  }

  @Test
  void aGuestAccountIsRefused() {
    noActiveAccount(DemoOrganisation.DESIGN_EMPLOYEE, "INTERNAL_DB_A");
    for (String guest : List.of("guest", "Guest01", "anonymous", "test", "demo", "guest@sample-printing.example")) {
      assertRefused(DemoOrganisation.DESIGN_EMPLOYEE, create(DemoOrganisation.DESIGN_EMPLOYEE, "INTERNAL_DB_A", guest),
          "5.1.8: ゲスト用アカウントは無効化するため発行できません (accountId)");
    }
  }

  @Test
  void aPrivilegedAccountForAnyoneButTheAdministratorsIsRefused() {
    noActiveAccount(DemoOrganisation.DESIGN_EMPLOYEE, "INTERNAL_DB_A");
    Map<String, Object> privileged = create(DemoOrganisation.DESIGN_EMPLOYEE, "INTERNAL_DB_A", "yamamoto-admin");
    privileged.put("privileged", true);
    assertRefused(DemoOrganisation.DESIGN_EMPLOYEE, privileged,
        "5.1.10: 特権アカウントの使用はシステム管理者及び情報セキュリティ責任者に制限されています (privileged)");

    // the system administrator may hold one
    noActiveAccount(DemoOrganisation.SYSTEM_ADMINISTRATOR, "INTERNAL_DB_A");
    Map<String, Object> administrator = create(DemoOrganisation.SYSTEM_ADMINISTRATOR, "INTERNAL_DB_A", "suzuki-admin");
    administrator.put("privileged", true);
    ProcessInstance instance = requests.file(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, AccountRequestProcess.KEY, administrator);
    assertThat(instance).isWaitingAt(AccountRequestProcess.TASK_ENDORSE);
    withdrawal.withdraw(instance.getBusinessKey(), DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, "テスト後の片付け");
  }

  @Test
  void aSecondAccountOfOnePersonOnOneSystemIsRefused() {
    activeAccount(DemoOrganisation.DESIGN_EMPLOYEE, "FILE_SERVER", DemoOrganisation.DESIGN_EMPLOYEE, RIGHTS);
    assertRefused(DemoOrganisation.DESIGN_EMPLOYEE, create(DemoOrganisation.DESIGN_EMPLOYEE, "FILE_SERVER", "yamamoto2"),
        "5.1.1: 利用者1名につきアカウントは1つです: yamamoto はファイルサーバーに既にアカウント yamamoto を持っています (targetUserId)");
  }

  @Test
  void aSharedAccountOnASystemThatForbidsSharingIsRefused() {
    Map<String, String> forbidding = Map.of("INTERNAL_SYSTEM_A", "社内システムＡ", "INTERNAL_DB_A", "社内データベースＡ",
        "INTERNAL_MAIL", "内部メール");
    forbidding.forEach((system, label) -> {
      noActiveAccount(DemoOrganisation.DESIGN_CHIEF, system);
      Map<String, Object> shared = create(DemoOrganisation.DESIGN_CHIEF, system, "design-shared");
      shared.put("sharedAccount", true);
      assertRefused(DemoOrganisation.DESIGN_CHIEF, shared,
          "5.1.4: " + label + "では共有アカウントを発行できません (利用者１名に対し１つ) (sharedAccount)");
    });
    // the file server allows it, with the security officer's approval (5.1.1)
    noActiveAccount(DemoOrganisation.DESIGN_CHIEF, "FILE_SERVER");
    Map<String, Object> shared = create(DemoOrganisation.DESIGN_CHIEF, "FILE_SERVER", "design-shared");
    shared.put("sharedAccount", true);
    ProcessInstance instance = requests.file(DemoOrganisation.DESIGN_CHIEF, AccountRequestProcess.KEY, shared);
    assertThat(instance).isWaitingAt(AccountRequestProcess.TASK_ENDORSE);
    withdrawal.withdraw(instance.getBusinessKey(), DemoOrganisation.DESIGN_CHIEF, "テスト後の片付け");
  }

  @Test
  void aChangeOrDeletionOfAnAccountNotInTheRegisterIsAnInputError() {
    noActiveAccount(DemoOrganisation.PRODUCTION_EMPLOYEE, "INTERNAL_SYSTEM_A");
    int refusalsBefore = refusals();
    long instancesBefore = instances();
    assertThatThrownBy(() -> requests.file(DemoOrganisation.PRODUCTION_EMPLOYEE, AccountRequestProcess.KEY,
        request("CHANGE", DemoOrganisation.PRODUCTION_EMPLOYEE, "INTERNAL_SYSTEM_A", DemoOrganisation.PRODUCTION_EMPLOYEE)))
        .isInstanceOf(RequestValidationException.class)
        .hasMessageContaining("accountId: システムアカウント及び付帯情報管理台帳に kobayashi の社内システムＡの有効なアカウント kobayashi がありません");
    assertThatThrownBy(() -> requests.file(DemoOrganisation.PRODUCTION_EMPLOYEE, AccountRequestProcess.KEY,
        delete(DemoOrganisation.PRODUCTION_EMPLOYEE, "INTERNAL_SYSTEM_A", DemoOrganisation.PRODUCTION_EMPLOYEE, TODAY)))
        .isInstanceOf(RequestValidationException.class).hasMessageContaining("accountId: ");
    // a deletion needs the day the account became unneeded
    activeAccount(DemoOrganisation.PRODUCTION_EMPLOYEE, "INTERNAL_SYSTEM_A", DemoOrganisation.PRODUCTION_EMPLOYEE, RIGHTS);
    Map<String, Object> undated = request("DELETE", DemoOrganisation.PRODUCTION_EMPLOYEE, "INTERNAL_SYSTEM_A", DemoOrganisation.PRODUCTION_EMPLOYEE);
    assertThatThrownBy(() -> requests.file(DemoOrganisation.PRODUCTION_EMPLOYEE, AccountRequestProcess.KEY, undated))
        .isInstanceOf(RequestValidationException.class).hasMessageContaining("unneededDate: ");
    // input errors are not refusals by a clause
    assertThat(refusals()).isEqualTo(refusalsBefore);
    assertThat(instances()).isEqualTo(instancesBefore);
  }

  // ---------------------------------------------------------------- send back, withdraw, reject

  @Test
  void sentBackByTheSecurityOfficerIsCorrectedAndResubmitted() {
    noActiveAccount(DemoOrganisation.DESIGN_EMPLOYEE, "INTERNAL_MAIL");
    noActiveAccount(DemoOrganisation.DESIGN_EMPLOYEE, "INTERNAL_DB_A");
    ProcessInstance instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, AccountRequestProcess.KEY,
        create(DemoOrganisation.DESIGN_EMPLOYEE, "INTERNAL_MAIL", DemoOrganisation.DESIGN_EMPLOYEE));
    requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, approve());
    requests.complete(DemoOrganisation.SECURITY_OFFICER, instance, Map.of("decision", "SENT_BACK", "decisionComment", "必要な権限に絞ってください"));
    assertThat(instance).isWaitingAt(AccountRequestProcess.TASK_CORRECT).task().isAssignedTo(DemoOrganisation.DESIGN_EMPLOYEE);
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "lastDecidedBy")).isEqualTo("田中 一郎");

    // a resubmission is validated like a filing
    Map<String, Object> shared = new HashMap<>(create(DemoOrganisation.DESIGN_EMPLOYEE, "INTERNAL_DB_A", DemoOrganisation.DESIGN_EMPLOYEE));
    shared.put("sharedAccount", true);
    shared.put("resubmission", "RESUBMIT");
    assertThatThrownBy(() -> requests.complete(DemoOrganisation.DESIGN_EMPLOYEE, instance, shared))
        .isInstanceOf(RequestValidationException.class).hasMessageContaining("5.1.4:");
    assertThat(instance).isWaitingAt(AccountRequestProcess.TASK_CORRECT);

    Map<String, Object> corrected = new HashMap<>(create(DemoOrganisation.DESIGN_EMPLOYEE, "INTERNAL_MAIL", DemoOrganisation.DESIGN_EMPLOYEE));
    corrected.put("accessRights", "メール送受信のみ");
    corrected.put("resubmission", "RESUBMIT");
    requests.complete(DemoOrganisation.DESIGN_EMPLOYEE, instance, corrected);

    // the route is determined again and both approvals are asked again
    assertThat(instance).isWaitingAt(AccountRequestProcess.TASK_ENDORSE);
    requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, approve());
    requests.complete(DemoOrganisation.SECURITY_OFFICER, instance, approve());
    assertThat(instance).isWaitingAt(AccountRequestProcess.TASK_SET_UP);
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "grantedRights")).isEqualTo("メール送受信のみ");
    assertThat(audit.forBusinessKey(instance.getBusinessKey())).extracting(AuditEntry::outcome)
        .containsExactly("FILED", "RECORDED", "APPROVED", "SENT_BACK", "RESUBMITTED", "RECORDED", "APPROVED",
            "APPROVED");
  }

  @Test
  void sentBackByTheDepartmentHeadIsWithdrawnByTheRequester() {
    noActiveAccount(DemoOrganisation.DESIGN_EMPLOYEE, "EXTERNAL_MAIL");
    ProcessInstance instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, AccountRequestProcess.KEY,
        create(DemoOrganisation.DESIGN_EMPLOYEE, "EXTERNAL_MAIL", "yamamoto@sample-printing.example"));
    requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, Map.of("decision", "SENT_BACK", "decisionComment", "外部メールは不要では?"));
    requests.complete(DemoOrganisation.DESIGN_EMPLOYEE, instance, Map.of("resubmission", "WITHDRAW"));
    assertThat(instance).isEnded().hasPassed(AccountRequestProcess.END_WITHDRAWN);
    assertThat(register.active(DemoOrganisation.DESIGN_EMPLOYEE, "EXTERNAL_MAIL")).isEmpty();
    assertThat(audit.forBusinessKey(instance.getBusinessKey())).extracting(AuditEntry::outcome)
        .containsExactly("FILED", "RECORDED", "SENT_BACK", "WITHDRAWN");
  }

  @Test
  void theRequesterWithdrawsAnOpenRequest() {
    noActiveAccount(DemoOrganisation.PRODUCTION_EMPLOYEE, "FILE_SERVER");
    int rowsBefore = registerRows();
    ProcessInstance instance = requests.file(DemoOrganisation.PRODUCTION_EMPLOYEE, AccountRequestProcess.KEY,
        create(DemoOrganisation.PRODUCTION_EMPLOYEE, "FILE_SERVER", DemoOrganisation.PRODUCTION_EMPLOYEE));
    requests.complete(DemoOrganisation.MANUFACTURING_HEAD, instance, approve());
    assertThatThrownBy(() -> withdrawal.withdraw(instance.getBusinessKey(), DemoOrganisation.MANUFACTURING_HEAD, null))
        .isInstanceOf(RequestWithdrawal.WithdrawalRefusedException.class).hasMessageContaining("申請者本人");
    // when
    withdrawal.withdraw(instance.getBusinessKey(), DemoOrganisation.PRODUCTION_EMPLOYEE, "異動のため不要になった");
    // then
    assertThat(instance).isEnded().hasPassed(AccountRequestProcess.END_WITHDRAWN_BY_REQUESTER);
    assertThat(registerRows()).isEqualTo(rowsBefore);
    assertThat(audit.forBusinessKey(instance.getBusinessKey())).extracting(AuditEntry::outcome)
        .containsExactly("FILED", "RECORDED", "APPROVED", "WITHDRAWN");
  }

  @Test
  void theDepartmentHeadRejects() {
    noActiveAccount(DemoOrganisation.PRODUCTION_EMPLOYEE, "INTERNAL_DB_A");
    ProcessInstance instance = requests.file(DemoOrganisation.PRODUCTION_EMPLOYEE, AccountRequestProcess.KEY,
        create(DemoOrganisation.PRODUCTION_EMPLOYEE, "INTERNAL_DB_A", DemoOrganisation.PRODUCTION_EMPLOYEE));
    assertThatThrownBy(() -> requests.complete(DemoOrganisation.MANUFACTURING_HEAD, instance, Map.of("decision", "REJECTED")))
        .isInstanceOf(RequestValidationException.class).hasMessageContaining("却下の場合はコメントが必須です");
    requests.complete(DemoOrganisation.MANUFACTURING_HEAD, instance, Map.of("decision", "REJECTED", "decisionComment", "業務に不要"));
    assertThat(instance).isEnded().hasPassed(AccountRequestProcess.END_REJECTED)
        .hasNotPassed(AccountRequestProcess.TASK_APPROVE);
    assertThat(register.active(DemoOrganisation.PRODUCTION_EMPLOYEE, "INTERNAL_DB_A")).isEmpty();
  }

  @Test
  void theSecurityOfficerRejects() {
    noActiveAccount(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, "FILE_SERVER");
    ProcessInstance instance = requests.file(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, AccountRequestProcess.KEY,
        create(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, "FILE_SERVER", DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE));
    requests.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, instance, approve());
    requests.complete(DemoOrganisation.SECURITY_OFFICER, instance, Map.of("decision", "REJECTED", "decisionComment", "権限が過大"));
    assertThat(instance).isEnded().hasPassed(AccountRequestProcess.END_REJECTED)
        .hasNotPassed(AccountRequestProcess.TASK_SET_UP);
    assertThat(register.active(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, "FILE_SERVER")).isEmpty();
    assertThat(audit.latest(instance.getId(), AccountRequestProcess.TASK_APPROVE).comment()).isEqualTo("権限が過大");
  }

  // ---------------------------------------------------------------- four eyes

  @Test
  void onlyTheHoldersOfTheStepsRoleMayTakeIt() {
    noActiveAccount(DemoOrganisation.DESIGN_EMPLOYEE, "INTERNAL_DB_A");
    ProcessInstance instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, AccountRequestProcess.KEY,
        create(DemoOrganisation.DESIGN_EMPLOYEE, "INTERNAL_DB_A", DemoOrganisation.DESIGN_EMPLOYEE));
    // the section chief, and the requester herself, hold no role for the endorsement (HTTP 403)
    assertThatThrownBy(() -> requests.complete(DemoOrganisation.DESIGN_CHIEF, instance, approve()))
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> requests.complete(DemoOrganisation.DESIGN_EMPLOYEE, instance, approve()))
        .isInstanceOf(AuthorizationException.class);
    requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, approve());
    // the department head who endorsed cannot approve as security officer
    assertThatThrownBy(() -> requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, approve()))
        .isInstanceOf(AuthorizationException.class);
    requests.complete(DemoOrganisation.SECURITY_OFFICER, instance, approve());
    // nor can anyone but the system administrator set the account up
    assertThatThrownBy(() -> requests.complete(DemoOrganisation.PRODUCTION_EMPLOYEE, instance, setUp(DemoOrganisation.DESIGN_EMPLOYEE, RIGHTS)))
        .isInstanceOf(AuthorizationException.class);
    // and once approved, the requester can no longer withdraw it
    assertThatThrownBy(() -> withdrawal.withdraw(instance.getBusinessKey(), DemoOrganisation.DESIGN_EMPLOYEE, null))
        .isInstanceOf(RequestWithdrawal.WithdrawalRefusedException.class).hasMessageContaining("承認済み");
    requests.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, instance, setUp(DemoOrganisation.DESIGN_EMPLOYEE, RIGHTS));
    assertThat(instance).isEnded().hasPassed(AccountRequestProcess.END_SET_UP);
  }

  @Test
  void aSoleDepartmentHeadsOwnRequestGoesUpAndTheSecurityOfficerIsFlaggedAsRepeatedApprover() {
    // given ito, the only head of 開発設計部, asks for his own account
    noActiveAccount(DemoOrganisation.DEVELOPMENT_HEAD, "INTERNAL_SYSTEM_A");
    ProcessInstance instance = requests.file(DemoOrganisation.DEVELOPMENT_HEAD, AccountRequestProcess.KEY,
        create(DemoOrganisation.DEVELOPMENT_HEAD, "INTERNAL_SYSTEM_A", DemoOrganisation.DEVELOPMENT_HEAD));
    // then his endorsement goes up to the president
    Task endorsement = requests.task(instance);
    assertThat(requests.candidateGroups(endorsement)).containsExactly("president");
    assertThatThrownBy(() -> requests.claim(DemoOrganisation.DEVELOPMENT_HEAD, endorsement)).isInstanceOf(AuthorizationException.class);
    requests.complete(DemoOrganisation.SECURITY_OFFICER, instance, approve());
    // and tanaka, who already approved, is the only security officer: the kernel lets him, flagged for the auditor
    assertThat(requests.candidateGroups(requests.task(instance))).containsExactly("security-officer");
    assertThat(taskVariable(instance, "fourEyesException")).isEqualTo("REPEATED_APPROVER");
    requests.complete(DemoOrganisation.SECURITY_OFFICER, instance, approve());
    requests.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, instance, setUp(DemoOrganisation.DEVELOPMENT_HEAD, RIGHTS));
    assertThat(instance).isEnded().hasPassed(AccountRequestProcess.END_SET_UP);

    List<AuditEntry> records = audit.forBusinessKey(instance.getBusinessKey());
    assertThat(records).extracting(AuditEntry::step).containsExactly(AccountRequestProcess.START_EVENT,
        AccountRequestProcess.TASK_IDENTIFY_ASSETS, AccountRequestProcess.TASK_ENDORSE,
        AccountRequestProcess.TASK_APPROVE, AccountRequestProcess.TASK_SET_UP,
        AccountRequestProcess.TASK_INSTRUCT_PASSWORD_CHANGE);
    assertThat(records).extracting(AuditEntry::actor)
        .containsExactly(DemoOrganisation.DEVELOPMENT_HEAD, "system", DemoOrganisation.SECURITY_OFFICER, DemoOrganisation.SECURITY_OFFICER, DemoOrganisation.SYSTEM_ADMINISTRATOR, "system");
    assertThat(records).extracting(AuditEntry::actingRole)
        .containsExactly("REQUESTER", null, "PRESIDENT", "SECURITY_OFFICER", "SYSTEM_ADMINISTRATOR", null);
    assertThat(records).extracting(AuditEntry::flags)
        .containsExactly(null, null, null, "REPEATED_APPROVER", null, null);
    assertThat(register.active(DemoOrganisation.DEVELOPMENT_HEAD, "INTERNAL_SYSTEM_A")).get().extracting(AccountRegister.Entry::approvedBy)
        .isEqualTo(DemoOrganisation.SECURITY_OFFICER);
  }

  @Test
  void theSystemAdministratorsOwnDeletionGoesToTheSecurityOfficer() {
    // given suzuki, the only system administrator, asks to delete her own account
    activeAccount(DemoOrganisation.SYSTEM_ADMINISTRATOR, "EXTERNAL_MAIL", "suzuki@sample-printing.example", "メール送受信");
    ProcessInstance instance = requests.file(DemoOrganisation.SYSTEM_ADMINISTRATOR, AccountRequestProcess.KEY,
        delete(DemoOrganisation.SYSTEM_ADMINISTRATOR, "EXTERNAL_MAIL", "suzuki@sample-printing.example", TODAY));
    // then the work goes up to the security officer, and she cannot take it herself
    Task task = requests.task(instance);
    assertThat(requests.candidateGroups(task)).containsExactly("security-officer");
    assertThat(taskVariable(instance, "actingRole")).isEqualTo("SECURITY_OFFICER");
    assertThatThrownBy(() -> requests.claim(DemoOrganisation.SYSTEM_ADMINISTRATOR, task)).isInstanceOf(AuthorizationException.class);
    // a deletion has no approval step: it cannot be withdrawn once filed (kernel: RequestWithdrawal)
    assertThatThrownBy(() -> withdrawal.withdraw(instance.getBusinessKey(), DemoOrganisation.SYSTEM_ADMINISTRATOR, null))
        .isInstanceOf(RequestWithdrawal.WithdrawalRefusedException.class);
    requests.complete(DemoOrganisation.SECURITY_OFFICER, instance, Map.of("disableOutcome", "DISABLED", "disabledOn", TODAY.toString()));
    assertThat(instance).isEnded().hasPassed(AccountRequestProcess.END_DISABLED);
    AuditEntry work = audit.latest(instance.getId(), AccountRequestProcess.TASK_DISABLE);
    assertThat(work.actor()).isEqualTo(DemoOrganisation.SECURITY_OFFICER);
    assertThat(work.actingRole()).isEqualTo("SECURITY_OFFICER");
    assertThat(work.flags()).isNull();
    assertThat(register.forUser(DemoOrganisation.SYSTEM_ADMINISTRATOR)).filteredOn(e -> instance.getBusinessKey().equals(e.lastRequest()))
        .singleElement().extracting(AccountRegister.Entry::disabledBy).isEqualTo(DemoOrganisation.SECURITY_OFFICER);
  }

  // ---------------------------------------------------------------- 利用部門 (5.1.5, 5.1.7)

  @Test
  void onlyTheUsingDepartmentOrTheAdministratorsMayFileForAnAccount() {
    // given tanaka's account on the file server
    activeAccount(DemoOrganisation.SECURITY_OFFICER, "FILE_SERVER", DemoOrganisation.SECURITY_OFFICER, "全フォルダー 読み取り");
    // when kobayashi (製造部) asks to delete it, or to create yamamoto's (開発設計部), then 5.1.7 / 5.1.5 refuse
    assertRefused(DemoOrganisation.PRODUCTION_EMPLOYEE, delete(DemoOrganisation.SECURITY_OFFICER, "FILE_SERVER", DemoOrganisation.SECURITY_OFFICER, TODAY),
        "5.1.7: アカウントの削除は利用部門 (利用者本人又は利用者と同じ部門の者) 又はシステム管理者・情報セキュリティ責任者が申請します");
    noActiveAccount(DemoOrganisation.DESIGN_EMPLOYEE, "INTERNAL_DB_A");
    assertRefused(DemoOrganisation.PRODUCTION_EMPLOYEE, create(DemoOrganisation.DESIGN_EMPLOYEE, "INTERNAL_DB_A", DemoOrganisation.DESIGN_EMPLOYEE),
        "5.1.5: アカウントの新設・変更は利用部門");
    // and tanaka's account is untouched
    assertThat(register.active(DemoOrganisation.SECURITY_OFFICER, "FILE_SERVER")).isPresent();
  }

  @Test
  void theSystemAdministratorFilesForAnotherDepartmentAndTheHoldersDepartmentHeadEndorses() {
    // given kobayashi (製造部) has no account on 社内データベースＡ
    noActiveAccount(DemoOrganisation.PRODUCTION_EMPLOYEE, "INTERNAL_DB_A");
    // when suzuki (system administrator, head of 総務部) files it for him
    ProcessInstance instance = requests.file(DemoOrganisation.SYSTEM_ADMINISTRATOR, AccountRequestProcess.KEY,
        create(DemoOrganisation.PRODUCTION_EMPLOYEE, "INTERNAL_DB_A", DemoOrganisation.PRODUCTION_EMPLOYEE));
    // then the head of kobayashi's department endorses it, not suzuki's (5.1.5 利用部門)
    assertThat(instance).isWaitingAt(AccountRequestProcess.TASK_ENDORSE);
    assertThat(requests.candidateGroups(requests.task(instance))).containsExactly("department-head.manufacturing");
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "assetSummary").toString())
        .startsWith("IA-0008 生産計画・製造実績 — 社外秘 (機密性1) / 管理責任者: 製造部の部門長");
    requests.complete(DemoOrganisation.MANUFACTURING_HEAD, instance, approve());
    assertThat(audit.latest(instance.getId(), AccountRequestProcess.TASK_ENDORSE).actingRole())
        .isEqualTo("DEPARTMENT_HEAD");
    assertThat(audit.forBusinessKey(instance.getBusinessKey())).extracting(AuditEntry::outcome)
        .containsExactly("FILED", "RECORDED", "APPROVED");
    withdrawal.withdraw(instance.getBusinessKey(), DemoOrganisation.SYSTEM_ADMINISTRATOR, "テスト後の片付け");
  }

  @Test
  void someoneOfTheHoldersDepartmentFilesForThem() {
    // given watanabe (設計課 chief) files for yamamoto of the same department
    noActiveAccount(DemoOrganisation.DESIGN_EMPLOYEE, "INTERNAL_DB_A");
    ProcessInstance instance = requests.file(DemoOrganisation.DESIGN_CHIEF, AccountRequestProcess.KEY,
        create(DemoOrganisation.DESIGN_EMPLOYEE, "INTERNAL_DB_A", DemoOrganisation.DESIGN_EMPLOYEE));
    // then the department head of both endorses it
    assertThat(requests.candidateGroups(requests.task(instance))).containsExactly("department-head.development");
    withdrawal.withdraw(instance.getBusinessKey(), DemoOrganisation.DESIGN_CHIEF, "テスト後の片付け");
  }

  @Test
  void theAccessRightsAreForAssetsOfTheRegisterInTheHoldersUserScope() {
    noActiveAccount(DemoOrganisation.PRODUCTION_EMPLOYEE, "FILE_SERVER");
    // a file server account names the assets its rights are for (5.1.1)
    Map<String, Object> none = create(DemoOrganisation.PRODUCTION_EMPLOYEE, "FILE_SERVER", DemoOrganisation.PRODUCTION_EMPLOYEE);
    none.remove("assetIds");
    assertRefused(DemoOrganisation.PRODUCTION_EMPLOYEE, none, "5.1.1: ファイルサーバーのアクセス権限は、対象となる情報資産を情報資産管理台帳から選び");
    // an asset whose user scope leaves the holder out (3.1.4), an unknown one (3.1.1)
    Map<String, Object> outside = create(DemoOrganisation.PRODUCTION_EMPLOYEE, "FILE_SERVER", DemoOrganisation.PRODUCTION_EMPLOYEE);
    outside.put("assetIds", "IA-0002");
    assertRefused(DemoOrganisation.PRODUCTION_EMPLOYEE, outside, "3.1.4: 情報資産 IA-0002 (顧客特注機の設計図面) の利用者範囲に含まれていません");
    Map<String, Object> unknown = create(DemoOrganisation.PRODUCTION_EMPLOYEE, "FILE_SERVER", DemoOrganisation.PRODUCTION_EMPLOYEE);
    unknown.put("assetIds", "IA-9999");
    assertRefused(DemoOrganisation.PRODUCTION_EMPLOYEE, unknown, "3.1.1: 情報資産管理台帳に登録されていない情報資産です: IA-9999");
    // a mail account gives access to no asset of the register
    noActiveAccount(DemoOrganisation.PRODUCTION_EMPLOYEE, "INTERNAL_MAIL");
    Map<String, Object> mail = create(DemoOrganisation.PRODUCTION_EMPLOYEE, "INTERNAL_MAIL", DemoOrganisation.PRODUCTION_EMPLOYEE);
    mail.remove("assetIds");
    ProcessInstance instance = requests.file(DemoOrganisation.PRODUCTION_EMPLOYEE, AccountRequestProcess.KEY, mail);
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "assetSummary")).isEqualTo("なし");
    withdrawal.withdraw(instance.getBusinessKey(), DemoOrganisation.PRODUCTION_EMPLOYEE, "テスト後の片付け");
  }

  @Test
  void theSystemAdministratorRefusesAWrongDeletionWithAReasonAndTheRequesterIsTold() {
    // given yamamoto asks to delete watanabe's file server account (same department), which is still used
    activeAccount(DemoOrganisation.DESIGN_CHIEF, "FILE_SERVER", DemoOrganisation.DESIGN_CHIEF, "設計課フォルダー 読み取り・書き込み");
    ProcessInstance instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, AccountRequestProcess.KEY,
        delete(DemoOrganisation.DESIGN_CHIEF, "FILE_SERVER", DemoOrganisation.DESIGN_CHIEF, TODAY));
    assertThat(instance).isWaitingAt(AccountRequestProcess.TASK_DISABLE);
    // when the system administrator refuses it without a reason, then it is an input error
    assertThatThrownBy(() -> requests.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, instance, Map.of("disableOutcome", "REFUSED")))
        .isInstanceOf(RequestValidationException.class)
        .hasMessageContaining("refusalReason: 実施しない場合は申請の誤りの内容 (理由) が必須です");
    assertThatThrownBy(() -> requests.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, instance, Map.of("disableOutcome", "DISABLED")))
        .isInstanceOf(RequestValidationException.class).hasMessageContaining("disabledOn: 「無効化した日」は必須です");
    // when with a reason
    requests.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, instance, Map.of("disableOutcome", "REFUSED", "refusalReason",
        "渡辺さんは異動しておらず、設計課フォルダーを利用中です"));
    // then the account stays, the record says why, and yamamoto is told
    assertThat(instance).isEnded().hasPassed(AccountRequestProcess.END_DISABLE_REFUSED)
        .hasNotPassed(AccountRequestProcess.END_DISABLED);
    assertThat(register.active(DemoOrganisation.DESIGN_CHIEF, "FILE_SERVER")).isPresent();
    AuditEntry record = audit.latest(instance.getId(), AccountRequestProcess.TASK_RECORD_DISABLE_REFUSAL);
    assertThat(record.comment()).isEqualTo("停止・無効化しなかった (申請の誤り): 渡辺さんは異動しておらず、設計課フォルダーを利用中です");
    assertThat(record.clauses()).isEqualTo("5.1.7");
    assertThat(mailsTo(DemoOrganisation.DESIGN_EMPLOYEE)).singleElement().asString().contains("停止・無効化されませんでした")
        .contains("理由: 渡辺さんは異動しておらず");
  }
}
