package jp.sample.isms.takeout;

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
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.approval.FourEyesViolationException;
import jp.sample.isms.approval.RequestValidationException;
import jp.sample.isms.approval.RequestWithdrawal;
import jp.sample.isms.audit.AuditEntry;
import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.support.Requests;
import jp.sample.isms.support.DemoOrganisation;

/** bpmn/takeOut.bpmn (3.2): one test per path, on the real engine with the demo organisation. */
@IsmsSpringBootTest
class TakeOutProcessTest {

  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));

  @Autowired
  ProcessEngine engine;
  @Autowired
  TakeOutRegister register;
  @Autowired
  AuditRecorder audit;
  @Autowired
  RequestWithdrawal withdrawal;
  @Autowired
  JdbcTemplate jdbc;

  Requests requests;

  @BeforeEach
  void setUp() {
    requests = new Requests(engine);
  }

  /** Assets of the demo 情報資産管理台帳: 開発設計部's drawings (INTERNAL), its customer drawings (SECRET), its catalogue. */
  static final String INTERNAL_DRAWINGS = "IA-0001";
  static final String SECRET_DRAWINGS = "IA-0002";
  static final String PUBLIC_CATALOGUE = "IA-0003";
  /** 製造部's INTERNAL manual, whose user scope includes 開発設計部. */
  static final String MANUFACTURING_MANUAL = "IA-0007";
  /** 総務部's SECRET contracts, whose user scope names the president. */
  static final String SECRET_CONTRACTS = "IA-0015";
  /** 人事部's SECRET personnel records, for nobody outside 人事部. */
  static final String PERSONNEL_RECORDS = "IA-0020";
  static final String RETIRED_DRAWINGS = "IA-0026";

  static Map<String, Object> laptop(String assetIds) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("assetIds", assetIds);
    variables.put("assetDescription", "顧客向け提案資料 (ノートPC内)");
    variables.put("medium", "LAPTOP");
    variables.put("destination", "株式会社取引先 本社");
    variables.put("purpose", "製品デザインの打ち合わせ");
    variables.put("startDate", TODAY.toString());
    variables.put("plannedReturnDate", TODAY.plusDays(2).toString());
    variables.put("attestDiskEncrypted", true);
    variables.put("attestEncryptedChannel", true);
    variables.put("attestKeptInSight", true);
    return variables;
  }

  static Map<String, Object> approve() {
    return Map.of("decision", "APPROVED", "decisionComment", "");
  }

  private List<String> candidateGroups(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .map(IdentityLink::getGroupId).filter(g -> g != null).toList();
  }

  @Test
  void publicAssetIsRecordedWithoutApproval() {
    // when
    ProcessInstance instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, TakeOutProcess.KEY, laptop(PUBLIC_CATALOGUE));
    // then
    assertThat(instance).isEnded().hasPassed(TakeOutProcess.END_RECORDED);
    String businessKey = instance.getBusinessKey();
    assertThat(businessKey).matches("TO-" + TODAY.getYear() + "-\\d{4}");
    assertThat(register.find(businessKey).status()).isEqualTo("RECORDED");
    assertThat(register.find(businessKey).displayStatus()).isEqualTo("記録 (承認不要)");
  }

  @Test
  void internalAssetIsApprovedByTheDepartmentHeadAndReturned() {
    // given
    ProcessInstance instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, TakeOutProcess.KEY, laptop(INTERNAL_DRAWINGS));
    assertThat(instance).isWaitingAt(TakeOutProcess.TASK_APPROVE);
    assertThat(candidateGroups(requests.task(instance))).containsExactly("department-head.development");
    assertThat(requests.task(instance).getDescription())
        .isEqualTo(instance.getBusinessKey() + " ／ 山本 さくら ／ 情報資産の社外持ち出し申請");
    assertThat(register.find(instance.getBusinessKey()).displayStatus()).isEqualTo("申請中");
    // when
    requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, approve());
    // then
    assertThat(instance).isWaitingAt(TakeOutProcess.TASK_REPORT_RETURN).task().isAssignedTo(DemoOrganisation.DESIGN_EMPLOYEE);
    TakeOutRegister.Entry entry = register.find(instance.getBusinessKey());
    assertThat(entry.status()).isEqualTo("APPROVED");
    assertThat(entry.approver()).isEqualTo(DemoOrganisation.DEVELOPMENT_HEAD);
    assertThat(entry.displayStatus()).isEqualTo("持ち出し中");
    // the state follows today's date: approved but not yet taken out, then overdue
    String key = instance.getBusinessKey();
    String dates = "update takeout_register set start_date = ?, planned_return_date = ? where business_key = ?";
    jdbc.update(dates, TODAY.plusDays(1), TODAY.plusDays(2), key);
    assertThat(register.find(key).displayStatus()).isEqualTo("承認");
    jdbc.update(dates, TODAY.minusDays(2), TODAY.minusDays(1), key);
    assertThat(register.find(key).displayStatus()).isEqualTo("返却遅延");
    jdbc.update(dates, entry.startDate(), entry.plannedReturnDate(), key);

    // when
    requests.complete(DemoOrganisation.DESIGN_EMPLOYEE, instance, Map.of("returnedOn", TODAY.toString(), "returnNote", "異常なし"));
    // then
    assertThat(instance).isEnded().hasPassed(TakeOutProcess.END_RETURNED);
    assertThat(register.find(instance.getBusinessKey()).displayStatus()).isEqualTo("返却済");
    List<AuditEntry> records = audit.forBusinessKey(instance.getBusinessKey());
    assertThat(records).extracting(AuditEntry::outcome).containsExactly("FILED", "RECORDED", "APPROVED", "DONE");
    AuditEntry approval = records.get(2);
    assertThat(approval.actor()).isEqualTo(DemoOrganisation.DEVELOPMENT_HEAD);
    assertThat(approval.actingRole()).isEqualTo("DEPARTMENT_HEAD");
    assertThat(approval.clauses()).isEqualTo("3.2");
    assertThat(approval.stepName()).isEqualTo("持ち出しを承認する");
  }

  @Test
  void secretAssetGoesToThePresident() {
    ProcessInstance instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, TakeOutProcess.KEY, laptop(SECRET_DRAWINGS));
    assertThat(candidateGroups(requests.task(instance))).containsExactly("president");
    // ito holds no role for this step: the engine's authorizations refuse him (HTTP 403)
    assertThatThrownBy(() -> requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, approve()))
        .isInstanceOf(AuthorizationException.class);
    requests.complete(DemoOrganisation.PRESIDENT, instance, approve());
    assertThat(instance).isWaitingAt(TakeOutProcess.TASK_REPORT_RETURN);
    assertThat(audit.latest(instance.getId(), TakeOutProcess.TASK_APPROVE).actingRole()).isEqualTo("PRESIDENT");
  }

  @Test
  void rejectionNeedsACommentAndEndsTheRequest() {
    ProcessInstance instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, TakeOutProcess.KEY, laptop(INTERNAL_DRAWINGS));
    assertThatThrownBy(() -> requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, Map.of("decision", "REJECTED")))
        .isInstanceOf(RequestValidationException.class).hasMessageContaining("decisionComment")
        .hasMessageContaining("却下の場合はコメントが必須です");
    assertThat(instance).isWaitingAt(TakeOutProcess.TASK_APPROVE);

    requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, Map.of("decision", "REJECTED", "decisionComment", "極秘扱いの資料が含まれる"));

    assertThat(instance).isEnded().hasPassed(TakeOutProcess.END_REJECTED);
    assertThat(register.find(instance.getBusinessKey()).displayStatus()).isEqualTo("却下");
    assertThat(audit.latest(instance.getId(), TakeOutProcess.TASK_APPROVE).comment()).isEqualTo("極秘扱いの資料が含まれる");
  }

  @Test
  void sentBackRequestIsCorrectedAndResubmitted() {
    ProcessInstance instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, TakeOutProcess.KEY, laptop(INTERNAL_DRAWINGS));
    requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, Map.of("decision", "SENT_BACK", "decisionComment", "返却予定日を延ばしてください"));
    assertThat(instance).isWaitingAt(TakeOutProcess.TASK_CORRECT).task().isAssignedTo(DemoOrganisation.DESIGN_EMPLOYEE);
    assertThat(register.find(instance.getBusinessKey()).displayStatus()).isEqualTo("差し戻し中");
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "lastDecidedBy")).isEqualTo("伊藤 直樹");

    // the approver cannot answer in the requester's place
    assertThatThrownBy(() -> requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, Map.of("resubmission", "RESUBMIT")))
        .isInstanceOf(AuthorizationException.class);

    Map<String, Object> corrected = new HashMap<>(laptop(INTERNAL_DRAWINGS));
    corrected.put("plannedReturnDate", TODAY.plusDays(5).toString());
    corrected.put("resubmission", "RESUBMIT");
    requests.complete(DemoOrganisation.DESIGN_EMPLOYEE, instance, corrected);

    assertThat(instance).isWaitingAt(TakeOutProcess.TASK_APPROVE);
    assertThat(register.find(instance.getBusinessKey()).plannedReturnDate()).isEqualTo(TODAY.plusDays(5));
    requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, approve());
    assertThat(instance).isWaitingAt(TakeOutProcess.TASK_REPORT_RETURN);
    assertThat(audit.forBusinessKey(instance.getBusinessKey())).extracting(AuditEntry::outcome)
        .containsExactly("FILED", "RECORDED", "SENT_BACK", "RESUBMITTED", "RECORDED", "APPROVED");
  }

  @Test
  void aResubmissionIsValidatedLikeAFiling() {
    ProcessInstance instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, TakeOutProcess.KEY, laptop(INTERNAL_DRAWINGS));
    requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, Map.of("decision", "SENT_BACK", "decisionComment", "媒体を確認してください"));
    Map<String, Object> corrected = new HashMap<>(laptop(INTERNAL_DRAWINGS));
    corrected.put("attestDiskEncrypted", false);
    corrected.put("resubmission", "RESUBMIT");
    assertThatThrownBy(() -> requests.complete(DemoOrganisation.DESIGN_EMPLOYEE, instance, corrected))
        .isInstanceOf(RequestValidationException.class).hasMessageContaining("3.2:");
    assertThat(instance).isWaitingAt(TakeOutProcess.TASK_CORRECT);
  }

  @Test
  void sentBackRequestIsWithdrawnByTheRequester() {
    ProcessInstance instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, TakeOutProcess.KEY, laptop(INTERNAL_DRAWINGS));
    requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, Map.of("decision", "SENT_BACK", "decisionComment", "不要では?"));
    requests.complete(DemoOrganisation.DESIGN_EMPLOYEE, instance, Map.of("resubmission", "WITHDRAW"));
    assertThat(instance).isEnded().hasPassed(TakeOutProcess.END_WITHDRAWN);
    assertThat(register.find(instance.getBusinessKey()).displayStatus()).isEqualTo("取り下げ");
  }

  @Test
  void requesterWithdrawsAnOpenRequestButNotAnApprovedOne() {
    ProcessInstance open = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, TakeOutProcess.KEY, laptop(INTERNAL_DRAWINGS));
    assertThatThrownBy(() -> withdrawal.withdraw(open.getBusinessKey(), DemoOrganisation.DEVELOPMENT_HEAD, null))
        .isInstanceOf(RequestWithdrawal.WithdrawalRefusedException.class).hasMessageContaining("申請者本人");
    withdrawal.withdraw(open.getBusinessKey(), DemoOrganisation.DESIGN_EMPLOYEE, "予定がなくなった");
    assertThat(open).isEnded().hasPassed(TakeOutProcess.END_WITHDRAWN_BY_REQUESTER);
    assertThat(register.find(open.getBusinessKey()).displayStatus()).isEqualTo("取り下げ");
    assertThat(audit.forBusinessKey(open.getBusinessKey())).extracting(AuditEntry::outcome)
        .containsExactly("FILED", "RECORDED", "WITHDRAWN");

    ProcessInstance approved = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, TakeOutProcess.KEY, laptop(INTERNAL_DRAWINGS));
    requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, approved, approve());
    assertThatThrownBy(() -> withdrawal.withdraw(approved.getBusinessKey(), DemoOrganisation.DESIGN_EMPLOYEE, null))
        .isInstanceOf(RequestWithdrawal.WithdrawalRefusedException.class).hasMessageContaining("承認済み");
    assertThat(approved).isWaitingAt(TakeOutProcess.TASK_REPORT_RETURN);
  }

  @Test
  void overdueReturnRemindsTheRequesterThenNotifiesTheApprover() {
    // given an approved take-out
    ProcessInstance instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, TakeOutProcess.KEY, laptop(INTERNAL_DRAWINGS));
    requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, approve());
    LocalDate plannedReturn = TODAY.plusDays(2);
    assertThat(requests.timerDueDate(instance, TakeOutProcess.BOUNDARY_RETURN_OVERDUE).toInstant())
        .isEqualTo(plannedReturn.plusDays(1).atTime(9, 0).atZone(ZoneId.of("Asia/Tokyo")).toInstant());
    // when the day after the planned return comes without a report
    requests.fireTimer(instance, TakeOutProcess.BOUNDARY_RETURN_OVERDUE);
    // then the requester is reminded, and the return can still be reported
    assertThat(instance).hasPassed("ServiceTask_RemindRequester").isWaitingAt(TakeOutProcess.TASK_REPORT_RETURN,
        TakeOutProcess.EVENT_THREE_DAYS_LATER);
    // when three more days pass
    requests.fireTimer(instance, TakeOutProcess.EVENT_THREE_DAYS_LATER);
    // then the approver is told
    assertThat(instance).hasPassed(TakeOutProcess.END_OVERDUE_NOTIFIED).isWaitingAt(TakeOutProcess.TASK_REPORT_RETURN);
    assertThat(audit.forBusinessKey(instance.getBusinessKey())).extracting(AuditEntry::outcome)
        .containsExactly("FILED", "RECORDED", "APPROVED", "REMINDED", "ESCALATED");
    // every record names the version of the flow, also those written by the flow's own service tasks
    assertThat(audit.forBusinessKey(instance.getBusinessKey())).extracting(AuditEntry::flowVersion).doesNotContainNull();
    // and the late return still closes the request
    requests.complete(DemoOrganisation.DESIGN_EMPLOYEE, instance, Map.of("returnedOn", TODAY.toString()));
    assertThat(instance).isEnded().hasPassed(TakeOutProcess.END_RETURNED);
  }

  @Test
  void returnReportedBeforeTheReminderLeavesNoTimer() {
    ProcessInstance instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, TakeOutProcess.KEY, laptop(INTERNAL_DRAWINGS));
    requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, approve());
    requests.fireTimer(instance, TakeOutProcess.BOUNDARY_RETURN_OVERDUE);
    requests.complete(DemoOrganisation.DESIGN_EMPLOYEE, instance, Map.of("returnedOn", TODAY.toString()));
    // the terminate end event removed the waiting three-day timer
    assertThat(instance).isEnded();
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).count()).isZero();
  }

  @Test
  void aSoleDepartmentHeadsOwnRequestGoesToThePresident() {
    // ito is the only head of his department: his own take-out goes up to the president
    ProcessInstance instance = requests.file(DemoOrganisation.DEVELOPMENT_HEAD, TakeOutProcess.KEY, laptop(INTERNAL_DRAWINGS));
    Task task = requests.task(instance);
    assertThat(candidateGroups(task)).containsExactly("president");
    assertThatThrownBy(() -> requests.claim(DemoOrganisation.DEVELOPMENT_HEAD, task)).isInstanceOf(AuthorizationException.class);
    requests.complete(DemoOrganisation.PRESIDENT, instance, approve());
    AuditEntry approval = audit.latest(instance.getId(), TakeOutProcess.TASK_APPROVE);
    assertThat(approval.actingRole()).isEqualTo("PRESIDENT");
    assertThat(approval.flags()).isNull();
  }

  @Test
  void aRequesterWhoHoldsTheRoleCanNeitherClaimNorCompleteTheirOwnStep() {
    // given a second head of 開発設計部, so that ito's request stays with the department heads
    engine.getIdentityService().createMembership(DemoOrganisation.HR_HEAD, "department-head.development");
    try {
      ProcessInstance instance = requests.file(DemoOrganisation.DEVELOPMENT_HEAD, TakeOutProcess.KEY, laptop(INTERNAL_DRAWINGS));
      Task task = requests.task(instance);
      assertThat(candidateGroups(task)).containsExactly("department-head.development");
      // when ito, a member of the candidate group, claims or completes his own request, then four eyes refuse
      assertThatThrownBy(() -> requests.claim(DemoOrganisation.DEVELOPMENT_HEAD, task)).isInstanceOf(FourEyesViolationException.class)
          .hasMessageContaining("自分の申請は承認できません");
      assertThatThrownBy(() -> requests.submit(DemoOrganisation.DEVELOPMENT_HEAD, task, approve()))
          .isInstanceOf(FourEyesViolationException.class);
      // and nothing changed
      assertThat(requests.task(instance).getAssignee()).isNull();
      assertThat(instance).isWaitingAt(TakeOutProcess.TASK_APPROVE);
      // the other head approves
      requests.complete(DemoOrganisation.HR_HEAD, instance, approve());
      assertThat(instance).isWaitingAt(TakeOutProcess.TASK_REPORT_RETURN);
    } finally {
      engine.getIdentityService().deleteMembership(DemoOrganisation.HR_HEAD, "department-head.development");
    }
  }

  @Test
  void anAdministratorWhoDoesNotHoldTheRoleCannotClaimOrDecide() {
    // suzuki is a camunda-admin (engine authorizations do not stop her) but not head of 開発設計部
    ProcessInstance instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, TakeOutProcess.KEY, laptop(INTERNAL_DRAWINGS));
    assertThatThrownBy(() -> requests.claim(DemoOrganisation.SYSTEM_ADMINISTRATOR, requests.task(instance)))
        .isInstanceOf(FourEyesViolationException.class).hasMessageContaining("担当者ではありません");
    assertThatThrownBy(() -> requests.submit(DemoOrganisation.SYSTEM_ADMINISTRATOR, requests.task(instance), approve()))
        .isInstanceOf(FourEyesViolationException.class);
    assertThat(requests.task(instance).getAssignee()).isNull();
    engine.getTaskService().setAssignee(requests.task(instance).getId(), null);
    assertThatThrownBy(() -> engine.getTaskService().setAssignee(requests.task(instance).getId(), DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE))
        .isInstanceOf(FourEyesViolationException.class);
  }

  @Test
  void thePresidentsOwnSecretTakeOutIsFlaggedAsSelfApproval() {
    // tanaka holds both president and security officer: nobody else can approve
    ProcessInstance instance = requests.file(DemoOrganisation.PRESIDENT, TakeOutProcess.KEY, laptop(SECRET_CONTRACTS));
    requests.complete(DemoOrganisation.PRESIDENT, instance, approve());
    AuditEntry approval = audit.latest(instance.getId(), TakeOutProcess.TASK_APPROVE);
    assertThat(approval.actor()).isEqualTo(DemoOrganisation.PRESIDENT);
    assertThat(approval.flags()).isEqualTo("SELF_APPROVAL");
  }

  @Test
  void aMissingAttestationIsRefusedWithTheClauseAndNothingIsPersisted() {
    Map<String, Object> variables = laptop(INTERNAL_DRAWINGS);
    variables.put("attestDiskEncrypted", false);
    long instancesBefore = engine.getHistoryService().createHistoricProcessInstanceQuery().count();
    Integer refusalsBefore = refusals();

    assertThatThrownBy(() -> requests.file(DemoOrganisation.DESIGN_EMPLOYEE, TakeOutProcess.KEY, variables))
        .isInstanceOf(RequestValidationException.class)
        .hasMessageContaining("3.2: ノートパソコンで持ち出す場合はハードディスク/データ・フォルダーの暗号化が必要です (attestDiskEncrypted)");

    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().count()).isEqualTo(instancesBefore);
    assertThat(refusals()).isEqualTo(refusalsBefore + 1);
  }

  @Test
  void attestationsDependOnTheMedium() {
    Map<String, Object> usb = laptop(INTERNAL_DRAWINGS);
    usb.put("medium", "USB_MEMORY");
    usb.remove("attestDiskEncrypted");
    usb.remove("attestEncryptedChannel");
    usb.put("attestMediaErased", true);
    usb.put("attestDataEncrypted", true);
    assertThatThrownBy(() -> requests.file(DemoOrganisation.DESIGN_EMPLOYEE, TakeOutProcess.KEY, usb))
        .hasMessageContaining("attestMediaTagged").hasMessageNotContaining("attestDiskEncrypted");
    usb.put("attestMediaTagged", true);
    assertThat(requests.file(DemoOrganisation.DESIGN_EMPLOYEE, TakeOutProcess.KEY, usb)).isWaitingAt(TakeOutProcess.TASK_APPROVE);

    Map<String, Object> paper = laptop(PUBLIC_CATALOGUE);
    paper.put("medium", "PAPER");
    paper.remove("attestDiskEncrypted");
    paper.remove("attestEncryptedChannel");
    assertThat(requests.file(DemoOrganisation.DESIGN_EMPLOYEE, TakeOutProcess.KEY, paper)).isEnded();
  }

  @Test
  void invalidInputIsRefusedFieldByField() {
    Map<String, Object> variables = laptop(INTERNAL_DRAWINGS);
    variables.put("classification", "PUBLIC");
    variables.put("startDate", TODAY.minusDays(1).toString());
    variables.put("plannedReturnDate", TODAY.minusDays(3).toString());
    variables.put("destination", "");
    variables.put("requester", DemoOrganisation.DEVELOPMENT_HEAD);
    variables.put("somethingElse", "x");
    assertThatThrownBy(() -> requests.file(DemoOrganisation.DESIGN_EMPLOYEE, TakeOutProcess.KEY, variables))
        .isInstanceOf(RequestValidationException.class)
        .hasMessageContaining("classification: このフォームにない項目です")
        .hasMessageContaining("startDate: 持ち出し日に過去の日付は指定できません")
        .hasMessageContaining("plannedReturnDate: 返却予定日は持ち出し日以降の日付にしてください")
        .hasMessageContaining("destination: 「持ち出し先」は必須です")
        .hasMessageContaining("requester: この項目はシステムが設定するため指定できません")
        .hasMessageContaining("somethingElse: このフォームにない項目です");
  }

  @Test
  void anApproverCannotChangeTheRequestWhileApproving() {
    ProcessInstance instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, TakeOutProcess.KEY, laptop(INTERNAL_DRAWINGS));
    Map<String, Object> tampered = new HashMap<>(approve());
    tampered.put("classification", "PUBLIC");
    assertThatThrownBy(() -> requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, tampered))
        .isInstanceOf(RequestValidationException.class).hasMessageContaining("は変更できません");
    Map<String, Object> unchanged = new HashMap<>(approve());
    unchanged.put("classification", "INTERNAL");
    unchanged.put("businessKey", instance.getBusinessKey());
    requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, unchanged);
    assertThat(instance).isWaitingAt(TakeOutProcess.TASK_REPORT_RETURN);
  }

  @Test
  void businessKeysAreConsecutiveAndUnique() {
    String first = requests.file(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, TakeOutProcess.KEY, laptop(PUBLIC_CATALOGUE)).getBusinessKey();
    String second = requests.file(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, TakeOutProcess.KEY, laptop(PUBLIC_CATALOGUE)).getBusinessKey();
    int a = Integer.parseInt(first.substring(first.lastIndexOf('-') + 1));
    int b = Integer.parseInt(second.substring(second.lastIndexOf('-') + 1));
    assertThat(b).isEqualTo(a + 1);
  }

  // ---------------------------------------------------------------- 情報資産管理台帳 (3.1)

  @Test
  void theClassificationIsReadFromTheRegisterNeverFromTheRequester() {
    // given yamamoto declaring the INTERNAL drawings PUBLIC, which would need no approval
    Map<String, Object> declared = laptop(INTERNAL_DRAWINGS);
    declared.put("classification", "PUBLIC");
    long instancesBefore = engine.getHistoryService().createHistoricProcessInstanceQuery().count();
    // when she files it, then the classification is refused as a field the form does not offer
    assertThatThrownBy(() -> requests.file(DemoOrganisation.DESIGN_EMPLOYEE, TakeOutProcess.KEY, declared))
        .isInstanceOf(RequestValidationException.class)
        .hasMessageContaining("classification: このフォームにない項目です");
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().count()).isEqualTo(instancesBefore);

    // when she files it without, then the register's classification routes it
    ProcessInstance instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, TakeOutProcess.KEY, laptop(INTERNAL_DRAWINGS));
    assertThat(instance).isWaitingAt(TakeOutProcess.TASK_APPROVE);
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "classification")).isEqualTo("INTERNAL");
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "assetSummary").toString())
        .contains("IA-0001 印刷機設計図面 (標準機) — 社外秘 (機密性1) / 管理責任者: 開発設計部の部門長");
    TakeOutRegister.Entry entry = register.find(instance.getBusinessKey());
    assertThat(entry.classification()).isEqualTo("INTERNAL");
    assertThat(entry.assetIds()).isEqualTo("IA-0001");
    // and the auditors see which assets, in which version and classification, the request was filed for
    assertThat(jdbc.queryForMap("select asset_id, asset_version, classification from takeout_asset "
        + "where business_key = ?", instance.getBusinessKey())).containsEntry("ASSET_ID", "IA-0001")
        .containsEntry("ASSET_VERSION", 1).containsEntry("CLASSIFICATION", "INTERNAL");
    AuditEntry identified = audit.forBusinessKey(instance.getBusinessKey()).get(1);
    assertThat(identified.outcome()).isEqualTo("RECORDED");
    assertThat(identified.comment()).isEqualTo("IA-0001 INTERNAL (v1)");
    assertThat(identified.clauses()).isEqualTo("3.1.1");
  }

  @Test
  void anInternalAssetOfAnotherDepartmentGoesToItsOwnersHead() {
    // given 製造部's manual, which 開発設計部 may use (3.1.4)
    ProcessInstance instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, TakeOutProcess.KEY, laptop(MANUFACTURING_MANUAL));
    // then its 管理責任者, the head of 製造部, decides (3.1.3), not yamamoto's head
    assertThat(instance).isWaitingAt(TakeOutProcess.TASK_APPROVE);
    assertThat(candidateGroups(requests.task(instance))).containsExactly("department-head.manufacturing");
    assertThatThrownBy(() -> requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, approve())).isInstanceOf(AuthorizationException.class);
    requests.complete(DemoOrganisation.MANUFACTURING_HEAD, instance, approve());
    assertThat(instance).isWaitingAt(TakeOutProcess.TASK_REPORT_RETURN);
    AuditEntry approval = audit.latest(instance.getId(), TakeOutProcess.TASK_APPROVE);
    assertThat(approval.actor()).isEqualTo(DemoOrganisation.MANUFACTURING_HEAD);
    assertThat(approval.actingRole()).isEqualTo("DEPARTMENT_HEAD");
    assertThat(register.find(instance.getBusinessKey()).approver()).isEqualTo(DemoOrganisation.MANUFACTURING_HEAD);
  }

  @Test
  void theOwnersHeadTakingOutTheirOwnAssetGoesToThePresident() {
    // takahashi is the only head of 製造部 and the requester: four eyes send it up
    ProcessInstance instance = requests.file(DemoOrganisation.MANUFACTURING_HEAD, TakeOutProcess.KEY, laptop(MANUFACTURING_MANUAL));
    assertThat(candidateGroups(requests.task(instance))).containsExactly("president");
    requests.complete(DemoOrganisation.PRESIDENT, instance, approve());
    assertThat(audit.latest(instance.getId(), TakeOutProcess.TASK_APPROVE).actingRole()).isEqualTo("PRESIDENT");
  }

  @Test
  void someoneOutsideTheUserScopeIsRefusedCiting314() {
    long instancesBefore = engine.getHistoryService().createHistoricProcessInstanceQuery().count();
    Integer refusalsBefore = refusals();
    // kato (総務部) is not in the user scope of 開発設計部's drawings
    assertThatThrownBy(() -> requests.file(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, TakeOutProcess.KEY, laptop(INTERNAL_DRAWINGS)))
        .isInstanceOf(RequestValidationException.class)
        .hasMessageContaining("3.1.4: 情報資産 IA-0001 (印刷機設計図面 (標準機)) の利用者範囲に含まれていません (assetIds)");
    // nor yamamoto in that of 人事部's personnel records, not even next to an asset she may use
    assertThatThrownBy(() -> requests.file(DemoOrganisation.DESIGN_EMPLOYEE, TakeOutProcess.KEY,
        laptop(INTERNAL_DRAWINGS + ", " + PERSONNEL_RECORDS)))
        .isInstanceOf(RequestValidationException.class).hasMessageContaining("3.1.4: 情報資産 IA-0020");
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().count()).isEqualTo(instancesBefore);
    assertThat(refusals()).isEqualTo(refusalsBefore + 2);
  }

  @Test
  void unknownRetiredMalformedAndMixedOwnerAssetsAreRefused() {
    assertThatThrownBy(() -> requests.file(DemoOrganisation.DESIGN_EMPLOYEE, TakeOutProcess.KEY, laptop("IA-9999")))
        .isInstanceOf(RequestValidationException.class)
        .hasMessageContaining("3.1.1: 情報資産管理台帳に登録されていない情報資産です: IA-9999");
    assertThatThrownBy(() -> requests.file(DemoOrganisation.DESIGN_EMPLOYEE, TakeOutProcess.KEY, laptop(RETIRED_DRAWINGS)))
        .isInstanceOf(RequestValidationException.class).hasMessageContaining("3.1.1: 廃棄済の情報資産です: IA-0026");
    assertThatThrownBy(() -> requests.file(DemoOrganisation.DESIGN_EMPLOYEE, TakeOutProcess.KEY, laptop("drawings")))
        .isInstanceOf(RequestValidationException.class).hasMessageContaining("assetIds: ");
    assertThatThrownBy(() -> requests.file(DemoOrganisation.DESIGN_EMPLOYEE, TakeOutProcess.KEY,
        laptop(INTERNAL_DRAWINGS + "," + MANUFACTURING_MANUAL)))
        .isInstanceOf(RequestValidationException.class)
        .hasMessageContaining("3.1.3: 管理責任者 (保有部門) の異なる情報資産は別々に申請してください");
    Map<String, Object> nothing = laptop(INTERNAL_DRAWINGS);
    nothing.remove("assetIds");
    assertThatThrownBy(() -> requests.file(DemoOrganisation.DESIGN_EMPLOYEE, TakeOutProcess.KEY, nothing))
        .isInstanceOf(RequestValidationException.class).hasMessageContaining("3.1.1: 持ち出す情報資産を情報資産管理台帳から選ぶか");
  }

  @Test
  void theHighestClassificationOfTheAssetsDecides() {
    ProcessInstance instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, TakeOutProcess.KEY,
        laptop(PUBLIC_CATALOGUE + "、" + SECRET_DRAWINGS + ", " + INTERNAL_DRAWINGS));
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "classification")).isEqualTo("SECRET");
    assertThat(candidateGroups(requests.task(instance))).containsExactly("president");
    assertThat(register.find(instance.getBusinessKey()).assetIds()).isEqualTo("IA-0003、IA-0002, IA-0001");
  }

  static Map<String, Object> unregisteredLaptop() {
    Map<String, Object> variables = laptop(INTERNAL_DRAWINGS);
    variables.remove("assetIds");
    variables.put("unregisteredAsset", true);
    variables.put("assetDescription", "展示会用に作った新しい製品紹介動画 (台帳に未登録)");
    return variables;
  }

  @Test
  void anUnregisteredAssetIsRegisteredByTheDepartmentHeadBeforeTheTakeOutGoesOn() {
    // given yamamoto files an asset that is not in the register
    ProcessInstance instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, TakeOutProcess.KEY, unregisteredLaptop());
    // then her department head must register it first (3.1.1, 3.1.3)
    assertThat(instance).isWaitingAt(TakeOutProcess.TASK_REGISTER_ASSET);
    assertThat(candidateGroups(requests.task(instance))).containsExactly("department-head.development");
    assertThat(register.find(instance.getBusinessKey()).classification()).isNull();
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "assetSummary")).isEqualTo("台帳に未登録の情報資産");
    // the requester cannot do it herself
    assertThatThrownBy(() -> requests.complete(DemoOrganisation.DESIGN_EMPLOYEE, instance, Map.of("assetRegistration", "REGISTERED",
        "assetIds", PUBLIC_CATALOGUE))).isInstanceOf(AuthorizationException.class);
    // registering needs the id of an asset yamamoto may use
    assertThatThrownBy(() -> requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, Map.of("assetRegistration", "REGISTERED")))
        .isInstanceOf(RequestValidationException.class).hasMessageContaining("3.1.1: 台帳に登録した情報資産のIDを入力してください");
    assertThatThrownBy(() -> requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, Map.of("assetRegistration", "REGISTERED",
        "assetIds", PERSONNEL_RECORDS))).isInstanceOf(RequestValidationException.class).hasMessageContaining("3.1.4:");
    assertThat(instance).isWaitingAt(TakeOutProcess.TASK_REGISTER_ASSET);

    // when ito has registered it and names it
    requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, Map.of("assetRegistration", "REGISTERED", "assetIds", INTERNAL_DRAWINGS));
    // then the take-out goes on with the register's classification and owner, ito deciding as its 管理責任者
    assertThat(instance).isWaitingAt(TakeOutProcess.TASK_APPROVE);
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "classification")).isEqualTo("INTERNAL");
    assertThat(candidateGroups(requests.task(instance))).containsExactly("department-head.development");
    assertThat(register.find(instance.getBusinessKey()).classification()).isEqualTo("INTERNAL");
    requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, approve());
    assertThat(instance).isWaitingAt(TakeOutProcess.TASK_REPORT_RETURN);
    assertThat(audit.forBusinessKey(instance.getBusinessKey())).extracting(AuditEntry::outcome)
        .containsExactly("FILED", "DONE", "RECORDED", "APPROVED");
  }

  @Test
  void anUnregisteredAssetTheHeadDoesNotRegisterIsRejected() {
    ProcessInstance instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, TakeOutProcess.KEY, unregisteredLaptop());
    assertThatThrownBy(() -> requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, Map.of("assetRegistration", "REFUSED")))
        .isInstanceOf(RequestValidationException.class).hasMessageContaining("comment: 登録しない場合はコメントが必須です");
    requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, Map.of("assetRegistration", "REFUSED", "comment", "私物の動画のため対象外"));
    assertThat(instance).isEnded().hasPassed(TakeOutProcess.END_UNREGISTERED_ASSET_REFUSED);
    assertThat(register.find(instance.getBusinessKey()).displayStatus()).isEqualTo("却下");
  }

  private Integer refusals() {
    return jdbc.queryForObject("select count(*) from audit_record where outcome = 'REFUSED' and flow_key = 'takeOut'",
        Integer.class);
  }
}
