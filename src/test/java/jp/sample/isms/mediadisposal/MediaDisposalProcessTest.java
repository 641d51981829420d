package jp.sample.isms.mediadisposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.attachment.AttachmentFormat;
import jp.sample.isms.approval.FourEyesViolationException;
import jp.sample.isms.approval.RequestValidationException;
import jp.sample.isms.approval.RequestWithdrawal;
import jp.sample.isms.asset.AssetKind;
import jp.sample.isms.asset.Classification;
import jp.sample.isms.asset.ClassificationReason;
import jp.sample.isms.asset.InformationAsset;
import jp.sample.isms.asset.InformationAssets;
import jp.sample.isms.audit.AuditEntry;
import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.support.MediaDisposalFixture;
import jp.sample.isms.support.Requests;
import jp.sample.isms.support.DemoOrganisation;

/** bpmn/mediaDisposal.bpmn (3.3.1, 3.3.2, 4.1.2): one test per path, on the real engine with the demo organisation. */
@IsmsSpringBootTest
class MediaDisposalProcessTest {

  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));
  static final byte[] SMALL_PDF = ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
      .getBytes(StandardCharsets.US_ASCII);

  @Autowired
  ProcessEngine engine;
  @Autowired
  MediaDisposalRegister register;
  @Autowired
  AuditRecorder audit;
  @Autowired
  RequestWithdrawal withdrawal;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  InformationAssets assets;

  Requests requests;

  @BeforeEach
  void setUp() {
    requests = new Requests(engine);
  }

  /** Assets of 開発設計部 in the demo 情報資産管理台帳 that yamamoto (設計課) may use, one per classification. */
  static final String PUBLIC_ASSET = "IA-0003";
  static final String INTERNAL_ASSET = "IA-0004";
  static final String SECRET_ASSET = "IA-0002";

  static Map<String, Object> request(String assetIds, String mediaType, String action, String method) {
    return MediaDisposalFixture.of(assetIds, mediaType, action, method).build();
  }

  static Map<String, Object> usbDestruction(String assetIds) {
    return MediaDisposalFixture.usbDestruction(assetIds).build();
  }

  static Map<String, Object> outsourced() {
    return MediaDisposalFixture.outsourcedHddDestruction(SECRET_ASSET, "株式会社データ抹消サービス").build();
  }

  static Map<String, Object> approve() {
    return Map.of("decision", "APPROVED", "decisionComment", "");
  }

  static Map<String, Object> executed() {
    return Map.of("executedOn", TODAY.toString(), "executionNote", "立会いのもと破壊した");
  }

  /** The 管理責任者 of the request's assets: ito heads 開発設計部, the president approves 極秘. */
  private static String owner(Map<String, Object> variables) {
    return SECRET_ASSET.equals(variables.get("assetIds")) ? DemoOrganisation.PRESIDENT : DemoOrganisation.DEVELOPMENT_HEAD;
  }

  /** Files as yamamoto and takes the request through watanabe's 受付, the owner's and suzuki's approval. */
  private ProcessInstance approved(Map<String, Object> variables) {
    ProcessInstance instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, MediaDisposalProcess.KEY, variables);
    requests.complete(DemoOrganisation.DESIGN_CHIEF, instance, approve());
    requests.complete(owner(variables), instance, approve());
    requests.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, instance, approve());
    assertThat(instance).isWaitingAt(MediaDisposalProcess.TASK_REPORT_EXECUTION);
    return instance;
  }

  private Attachment attach(ProcessInstance instance, String type, String name, byte[] content) {
    Task task = requests.task(instance);
    return requests.as(DemoOrganisation.DESIGN_EMPLOYEE, () -> engine.getTaskService().createAttachment(type, task.getId(),
        instance.getId(), name, "破壊証明書", new ByteArrayInputStream(content)));
  }

  // ---------------------------------------------------------------- routing

  @Test
  void publicMediaAreRecordedWithoutApproval() {
    // when
    ProcessInstance instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, MediaDisposalProcess.KEY,
        request(PUBLIC_ASSET, "PAPER", "DISPOSE", "SHREDDER"));
    // then 3.3 covers only 社外秘 and 極秘: no approval, a row in the register
    assertThat(instance).isEnded().hasPassedInOrder(MediaDisposalProcess.START_EVENT, "ServiceTask_IdentifyAssets",
        "ServiceTask_RegisterMediaDisposal", "BusinessRuleTask_DetermineApprovers", "ServiceTask_RecordPublicDisposal",
        MediaDisposalProcess.END_RECORDED);
    assertThat(instance.getBusinessKey()).matches("MD-" + TODAY.getYear() + "-\\d{4}");
    MediaDisposalRegister.Entry entry = register.find(instance.getBusinessKey());
    assertThat(entry.status()).isEqualTo("RECORDED");
    assertThat(entry.displayStatus()).isEqualTo("記録 (承認不要)");
    assertThat(entry.classification()).isEqualTo("PUBLIC");
    assertThat(entry.assetIds()).isEqualTo(PUBLIC_ASSET);
    assertThat(audit.forBusinessKey(instance.getBusinessKey())).extracting(AuditEntry::outcome, AuditEntry::clauses)
        .containsExactly(tuple("FILED", "3.3.1,3.3.2,4.1.2"), tuple("RECORDED", "3.1.1"));
  }

  @Test
  void internalDisposalIsReceivedBySectionChiefApprovedByTheOwnerAndTheSystemAdministratorAndExecuted() {
    // given a backup HDD of yamamoto (設計課) holding 開発設計部's INTERNAL reports, to be erased (3.3.1, 4.1.2)
    Map<String, Object> variables = request(INTERNAL_ASSET, "HDD", "DISPOSE", "ERASURE_SOFTWARE");
    variables.put("backupMedium", true);
    ProcessInstance instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, MediaDisposalProcess.KEY, variables);
    assertThat(instance).isWaitingAt(MediaDisposalProcess.TASK_RECEIVE);
    assertThat(requests.candidateGroups(requests.task(instance))).containsExactly("section-chief.design");
    assertThat(register.find(instance.getBusinessKey()).displayStatus()).isEqualTo("申請中");
    // when the section chief receives it
    requests.complete(DemoOrganisation.DESIGN_CHIEF, instance, approve());
    // then the asset's 管理責任者, the head of 開発設計部, approves (3.1.3)
    assertThat(instance).isWaitingAt(MediaDisposalProcess.TASK_CONFIRM_BY_OWNER);
    assertThat(requests.candidateGroups(requests.task(instance))).containsExactly("department-head.development");
    requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, approve());
    // then the system administrator (情報システム責任者) approves
    assertThat(instance).isWaitingAt(MediaDisposalProcess.TASK_APPROVE);
    assertThat(requests.candidateGroups(requests.task(instance))).containsExactly("system-administrator");
    assertThat(register.find(instance.getBusinessKey()).displayStatus()).isEqualTo("受付済 (承認待ち)");
    requests.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, instance, approve());
    // and the requester reports the execution
    assertThat(instance).isWaitingAt(MediaDisposalProcess.TASK_REPORT_EXECUTION).task().isAssignedTo(DemoOrganisation.DESIGN_EMPLOYEE);
    assertThat(register.find(instance.getBusinessKey()).displayStatus()).isEqualTo("承認 (実施待ち)");
    assertThatThrownBy(() -> requests.complete(DemoOrganisation.DESIGN_EMPLOYEE, instance, Map.of("executedOn", TODAY.plusDays(1).toString())))
        .isInstanceOf(RequestValidationException.class).hasMessageContaining("executedOn: 実施日に未来の日付は指定できません");
    requests.complete(DemoOrganisation.DESIGN_EMPLOYEE, instance, executed());

    assertThat(instance).isEnded().hasPassed(MediaDisposalProcess.END_DISPOSED);
    MediaDisposalRegister.Entry entry = register.find(instance.getBusinessKey());
    assertThat(entry.status()).isEqualTo("EXECUTED");
    assertThat(entry.backupMedium()).isTrue();
    assertThat(entry.quantity()).isEqualTo(3);
    assertThat(entry.receiver()).isEqualTo(DemoOrganisation.DESIGN_CHIEF);
    assertThat(entry.receiverRole()).isEqualTo("SECTION_CHIEF");
    assertThat(entry.approver()).isEqualTo(DemoOrganisation.SYSTEM_ADMINISTRATOR);
    assertThat(entry.approverRole()).isEqualTo("SYSTEM_ADMINISTRATOR");
    assertThat(entry.executedOn()).isEqualTo(TODAY);
    assertThat(entry.certificateAttachmentId()).isNull();
    assertThat(entry.ownerApprover()).isEqualTo(DemoOrganisation.DEVELOPMENT_HEAD);
    assertThat(entry.ownerApproverRole()).isEqualTo("DEPARTMENT_HEAD");
    assertThat(entry.classification()).isEqualTo("INTERNAL");
    assertThat(entry.lastCopy()).isFalse();
    assertThat(entry.retiredAssetIds()).isNull();
    List<AuditEntry> records = audit.forBusinessKey(instance.getBusinessKey());
    assertThat(records).extracting(AuditEntry::outcome)
        .containsExactly("FILED", "RECORDED", "APPROVED", "APPROVED", "APPROVED", "DONE");
    assertThat(records).extracting(AuditEntry::actingRole).containsExactly("REQUESTER", null, "SECTION_CHIEF",
        "DEPARTMENT_HEAD", "SYSTEM_ADMINISTRATOR", "REQUESTER");
    assertThat(records.get(1).comment()).isEqualTo(INTERNAL_ASSET + " INTERNAL (v1)");
    assertThat(records.get(4).stepName()).isEqualTo("廃棄・再利用を承認する");
    assertThat(records.get(4).clauses()).isEqualTo("3.3.1,3.3.2,4.1.2");
  }

  @Test
  void katosRequestEscalatesToHisDepartmentHeadGoesToTheOwningDepartmentThenToTheSecurityOfficer() {
    // given kato of 総務課, which has no section chief, disposes of a DVD with 製造部's 部品調達先一覧 (IA-0009,
    // INTERNAL, used by 総務部): his department head suzuki receives it
    ProcessInstance instance = requests.file(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, MediaDisposalProcess.KEY,
        request("IA-0009", "DVD_R", "DISPOSE", "PHYSICAL_DESTRUCTION"));
    assertThat(requests.candidateGroups(requests.task(instance))).containsExactly("department-head.general-affairs");
    requests.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, instance, approve());
    assertThat(audit.latest(instance.getId(), MediaDisposalProcess.TASK_RECEIVE).actingRole())
        .isEqualTo("DEPARTMENT_HEAD");
    // the asset's 管理責任者 is the head of 製造部, not kato's (3.1.3)
    assertThat(requests.candidateGroups(requests.task(instance))).containsExactly("department-head.manufacturing");
    requests.complete(DemoOrganisation.MANUFACTURING_HEAD, instance, approve());
    // when the system administrator's step comes, suzuki has already approved: it goes up to the security officer
    Task approval = requests.task(instance);
    assertThat(approval.getTaskDefinitionKey()).isEqualTo(MediaDisposalProcess.TASK_APPROVE);
    assertThat(requests.candidateGroups(approval)).containsExactly("security-officer");
    // then suzuki cannot take it even as an engine administrator (four eyes: two steps of one request)
    assertThatThrownBy(() -> requests.claim(DemoOrganisation.SYSTEM_ADMINISTRATOR, approval)).isInstanceOf(FourEyesViolationException.class)
        .hasMessageContaining("one person cannot take two approval steps");
    requests.complete(DemoOrganisation.PRESIDENT, instance, approve());
    assertThat(instance).isWaitingAt(MediaDisposalProcess.TASK_REPORT_EXECUTION).task().isAssignedTo(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE);
    AuditEntry decision = audit.latest(instance.getId(), MediaDisposalProcess.TASK_APPROVE);
    assertThat(decision.actor()).isEqualTo(DemoOrganisation.PRESIDENT);
    assertThat(decision.actingRole()).isEqualTo("SECURITY_OFFICER");
    assertThat(register.find(instance.getBusinessKey()).approverRole()).isEqualTo("SECURITY_OFFICER");
  }

  // ---------------------------------------------------------------- four eyes

  @Test
  void onlyHoldersOfTheRoleMayReceiveOrApprove() {
    ProcessInstance instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, MediaDisposalProcess.KEY, usbDestruction(INTERNAL_ASSET));
    // ito heads the department but is not the section chief; the requester holds nothing: the engine refuses (403)
    assertThatThrownBy(() -> requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, approve())).isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> requests.complete(DemoOrganisation.DESIGN_EMPLOYEE, instance, approve()))
        .isInstanceOf(AuthorizationException.class);
    requests.complete(DemoOrganisation.DESIGN_CHIEF, instance, approve());
    // the section chief who received it is neither the asset's 管理責任者 nor the system administrator
    assertThatThrownBy(() -> requests.complete(DemoOrganisation.DESIGN_CHIEF, instance, approve()))
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> requests.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, instance, approve()))
        .isInstanceOf(AuthorizationException.class);
    assertThat(instance).isWaitingAt(MediaDisposalProcess.TASK_CONFIRM_BY_OWNER);
    requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, approve());
    assertThatThrownBy(() -> requests.complete(DemoOrganisation.DESIGN_CHIEF, instance, approve()))
        .isInstanceOf(AuthorizationException.class);
    assertThat(instance).isWaitingAt(MediaDisposalProcess.TASK_APPROVE);
  }

  // ---------------------------------------------------------------- reject, send back, withdraw

  @Test
  void rejectedOnReceipt() {
    ProcessInstance instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, MediaDisposalProcess.KEY, usbDestruction(INTERNAL_ASSET));
    requests.complete(DemoOrganisation.DESIGN_CHIEF, instance, Map.of("decision", "REJECTED", "decisionComment", "まだ使用中の媒体です"));
    assertThat(instance).isEnded().hasPassed(MediaDisposalProcess.END_REJECTED)
        .hasNotPassed(MediaDisposalProcess.TASK_APPROVE);
    MediaDisposalRegister.Entry entry = register.find(instance.getBusinessKey());
    assertThat(entry.displayStatus()).isEqualTo("却下");
    assertThat(entry.receiver()).isEqualTo(DemoOrganisation.DESIGN_CHIEF);
  }

  @Test
  void rejectedByTheSystemAdministrator() {
    ProcessInstance instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, MediaDisposalProcess.KEY, usbDestruction(SECRET_ASSET));
    requests.complete(DemoOrganisation.DESIGN_CHIEF, instance, approve());
    // 極秘: the president approves as the asset's 管理責任者 (3.2, 3.1.3)
    assertThat(requests.candidateGroups(requests.task(instance))).containsExactly("president");
    requests.complete(DemoOrganisation.PRESIDENT, instance, approve());
    requests.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, instance, Map.of("decision", "REJECTED", "decisionComment", "保存期間中です"));
    assertThat(instance).isEnded().hasPassedInOrder(MediaDisposalProcess.TASK_APPROVE,
        MediaDisposalProcess.END_REJECTED);
    MediaDisposalRegister.Entry entry = register.find(instance.getBusinessKey());
    assertThat(entry.status()).isEqualTo("REJECTED");
    assertThat(entry.approver()).isEqualTo(DemoOrganisation.SYSTEM_ADMINISTRATOR);
    assertThat(audit.latest(instance.getId(), MediaDisposalProcess.TASK_APPROVE).comment()).isEqualTo("保存期間中です");
  }

  @Test
  void sentBackOnReceiptIsCorrectedAndResubmitted() {
    // given a request sent back by the section chief
    ProcessInstance instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, MediaDisposalProcess.KEY, usbDestruction(INTERNAL_ASSET));
    requests.complete(DemoOrganisation.DESIGN_CHIEF, instance, Map.of("decision", "SENT_BACK", "decisionComment", "消去して再利用できます"));
    assertThat(instance).isWaitingAt(MediaDisposalProcess.TASK_CORRECT).task().isAssignedTo(DemoOrganisation.DESIGN_EMPLOYEE);
    assertThat(register.find(instance.getBusinessKey()).displayStatus()).isEqualTo("差し戻し中");
    // the section chief cannot answer in the requester's place
    assertThatThrownBy(() -> requests.complete(DemoOrganisation.DESIGN_CHIEF, instance, Map.of("resubmission", "RESUBMIT")))
        .isInstanceOf(AuthorizationException.class);
    // when the requester changes it to reuse after erasure and resubmits
    Map<String, Object> corrected = request(INTERNAL_ASSET, "USB_MEMORY", "REUSE", "ERASURE_SOFTWARE");
    corrected.put("resubmission", "RESUBMIT");
    requests.complete(DemoOrganisation.DESIGN_EMPLOYEE, instance, corrected);
    // then it starts again at the section chief, with the register updated
    assertThat(instance).isWaitingAt(MediaDisposalProcess.TASK_RECEIVE);
    MediaDisposalRegister.Entry entry = register.find(instance.getBusinessKey());
    assertThat(entry.action()).isEqualTo("REUSE");
    assertThat(entry.method()).isEqualTo("ERASURE_SOFTWARE");
    assertThat(entry.displayStatus()).isEqualTo("申請中");
    requests.complete(DemoOrganisation.DESIGN_CHIEF, instance, approve());
    requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, approve());
    requests.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, instance, approve());
    assertThat(instance).isWaitingAt(MediaDisposalProcess.TASK_REPORT_EXECUTION);
    assertThat(audit.forBusinessKey(instance.getBusinessKey())).extracting(AuditEntry::outcome)
        .containsExactly("FILED", "RECORDED", "SENT_BACK", "RESUBMITTED", "RECORDED", "APPROVED", "APPROVED",
            "APPROVED");
  }

  @Test
  void aResubmissionIsCheckedAgainstTheMethodTable() {
    ProcessInstance instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, MediaDisposalProcess.KEY, usbDestruction(INTERNAL_ASSET));
    requests.complete(DemoOrganisation.DESIGN_CHIEF, instance, Map.of("decision", "SENT_BACK", "decisionComment", "方法を見直してください"));
    Map<String, Object> corrected = request(INTERNAL_ASSET, "USB_MEMORY", "REUSE", "OS_DELETE_FORMAT");
    corrected.put("resubmission", "RESUBMIT");
    assertThatThrownBy(() -> requests.complete(DemoOrganisation.DESIGN_EMPLOYEE, instance, corrected))
        .isInstanceOf(RequestValidationException.class)
        .hasMessageContaining("3.3.2: OSの削除機能による削除・フォーマットでは再利用できません");
    assertThat(instance).isWaitingAt(MediaDisposalProcess.TASK_CORRECT);
  }

  @Test
  void sentBackBySystemAdministratorAndWithdrawnByTheRequester() {
    ProcessInstance instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, MediaDisposalProcess.KEY, usbDestruction(SECRET_ASSET));
    requests.complete(DemoOrganisation.DESIGN_CHIEF, instance, approve());
    requests.complete(DemoOrganisation.PRESIDENT, instance, approve());
    requests.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, instance, Map.of("decision", "SENT_BACK", "decisionComment", "数量を確認してください"));
    assertThat(instance).hasPassed(MediaDisposalProcess.TASK_APPROVE).isWaitingAt(MediaDisposalProcess.TASK_CORRECT);
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "lastDecidedBy")).isEqualTo("鈴木 花子");
    requests.complete(DemoOrganisation.DESIGN_EMPLOYEE, instance, Map.of("resubmission", "WITHDRAW"));
    assertThat(instance).isEnded().hasPassed(MediaDisposalProcess.END_WITHDRAWN);
    assertThat(register.find(instance.getBusinessKey()).displayStatus()).isEqualTo("取り下げ");
    assertThat(audit.forBusinessKey(instance.getBusinessKey())).extracting(AuditEntry::outcome)
        .containsExactly("FILED", "RECORDED", "APPROVED", "APPROVED", "SENT_BACK", "WITHDRAWN");
  }

  @Test
  void requesterWithdrawsAnOpenRequestButNotAnApprovedOne() {
    ProcessInstance open = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, MediaDisposalProcess.KEY, usbDestruction(INTERNAL_ASSET));
    requests.complete(DemoOrganisation.DESIGN_CHIEF, open, approve());
    assertThatThrownBy(() -> withdrawal.withdraw(open.getBusinessKey(), DemoOrganisation.DESIGN_CHIEF, null))
        .isInstanceOf(RequestWithdrawal.WithdrawalRefusedException.class).hasMessageContaining("申請者本人");
    withdrawal.withdraw(open.getBusinessKey(), DemoOrganisation.DESIGN_EMPLOYEE, "別の部署で再利用することになった");
    assertThat(open).isEnded().hasPassed(MediaDisposalProcess.END_WITHDRAWN_BY_REQUESTER)
        .hasNotPassed(MediaDisposalProcess.END_WITHDRAWN);
    assertThat(register.find(open.getBusinessKey()).displayStatus()).isEqualTo("取り下げ");
    assertThat(audit.forBusinessKey(open.getBusinessKey())).extracting(AuditEntry::outcome)
        .containsExactly("FILED", "RECORDED", "APPROVED", "WITHDRAWN");

    ProcessInstance approved = approved(usbDestruction(INTERNAL_ASSET));
    assertThatThrownBy(() -> withdrawal.withdraw(approved.getBusinessKey(), DemoOrganisation.DESIGN_EMPLOYEE, null))
        .isInstanceOf(RequestWithdrawal.WithdrawalRefusedException.class).hasMessageContaining("承認済み");
    assertThat(approved).isWaitingAt(MediaDisposalProcess.TASK_REPORT_EXECUTION);
  }

  // ---------------------------------------------------------------- refusals at filing

  @ParameterizedTest(name = "{0} {1} {2} is refused by {3}")
  @CsvSource(delimiter = '|', textBlock = """
      PAPER             | REUSE   | SHREDDER               | 3.3.2 | 書類の裏紙再利用は禁止されています
      CD_R              | REUSE   | ERASURE_SOFTWARE       | 3.3.2 | CD-R・DVD-Rは再利用できません
      DVD_R             | REUSE   | PHYSICAL_DESTRUCTION   | 3.3.2 | CD-R・DVD-Rは再利用できません
      USB_MEMORY        | REUSE   | OS_DELETE_FORMAT       | 3.3.2 | OSの削除機能による削除・フォーマットでは再利用できません
      HDD               | REUSE   | SHREDDER               | 3.3.2 | 専用ソフトウェアによる完全消去後にのみ再利用できます
      PRODUCT_SAMPLE    | REUSE   | PHYSICAL_DESTRUCTION   | 3.3.2 | 規程に定めがありません
      USB_MEMORY        | DISPOSE | OS_DELETE_FORMAT       | 3.3.1 | 削除・フォーマットによる廃棄は不可です
      PAPER             | DISPOSE | OUTSOURCED_DESTRUCTION | 3.3.1 | 紙媒体はシュレッダーで細断してください
      CD_R              | DISPOSE | ERASURE_SOFTWARE       | 3.3.1 | CD-R・DVD-Rは完全消去できないため
      SMARTPHONE_TABLET | DISPOSE | SHREDDER               | 3.3.1 | 破壊又は専用ソフトウェアによる完全消去で廃棄してください
      PRODUCT_SAMPLE    | DISPOSE | ERASURE_SOFTWARE       | 3.3.1 | 製品サンプル等の物は破壊するか
      """)
  void aForbiddenCombinationIsRefusedAtFilingWithItsClauseAndNothingIsPersisted(String mediaType, String action,
      String method, String clause, String reason) {
    // given
    Map<String, Object> variables = request(INTERNAL_ASSET, mediaType, action, method);
    variables.put("contractor", "株式会社データ抹消サービス");
    long instancesBefore = engine.getHistoryService().createHistoricProcessInstanceQuery().count();
    Integer rowsBefore = jdbc.queryForObject("select count(*) from media_disposal_register", Integer.class);
    Integer refusalsBefore = refusals(clause);
    // when / then
    assertThatThrownBy(() -> requests.file(DemoOrganisation.DESIGN_EMPLOYEE, MediaDisposalProcess.KEY, variables))
        .isInstanceOf(RequestValidationException.class)
        .hasMessageStartingWith(clause + ": ").hasMessageContaining(reason).hasMessageEndingWith("(method)");
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().count()).isEqualTo(instancesBefore);
    assertThat(jdbc.queryForObject("select count(*) from media_disposal_register", Integer.class)).isEqualTo(rowsBefore);
    assertThat(refusals(clause)).isEqualTo(refusalsBefore + 1);
  }

  @Test
  void outsourcedDestructionNamesItsContractorAndInputIsCheckedFieldByField() {
    Map<String, Object> variables = outsourced();
    variables.remove("contractor");
    variables.put("quantity", 0);
    variables.put("mediaType", "FLOPPY");
    variables.put("somethingElse", "x");
    assertThatThrownBy(() -> requests.file(DemoOrganisation.DESIGN_EMPLOYEE, MediaDisposalProcess.KEY, variables))
        .isInstanceOf(RequestValidationException.class)
        .hasMessageContaining("contractor: 外部に委託する場合は委託先を入力してください")
        .hasMessageContaining("quantity: 「数量」は1以上にしてください")
        .hasMessageContaining("mediaType: 「媒体」の値「FLOPPY」は選択肢にありません")
        .hasMessageContaining("somethingElse: このフォームにない項目です");
    Map<String, Object> fraction = usbDestruction(INTERNAL_ASSET);
    fraction.put("quantity", 1.5);
    assertThatThrownBy(() -> requests.file(DemoOrganisation.DESIGN_EMPLOYEE, MediaDisposalProcess.KEY, fraction))
        .hasMessageContaining("quantity: 数量は1以上の整数で入力してください");
  }

  // ---------------------------------------------------------------- certificate of destruction

  @Test
  void outsourcedDestructionClosesOnlyWithARealCertificateAttached() {
    // given an approved outsourced destruction
    ProcessInstance instance = approved(outsourced());
    // when the requester reports it without a certificate, then 3.3.1 refuses
    assertThatThrownBy(() -> requests.complete(DemoOrganisation.DESIGN_EMPLOYEE, instance, executed()))
        .isInstanceOf(RequestValidationException.class)
        .hasMessageStartingWith("3.3.1: 外部に委託した破壊・完全消去は、実行したことの証明書")
        .hasMessageContaining("(certificateOfDestruction)");
    // when a text file named .pdf is attached, then it is refused for its content
    attach(instance, "application/pdf", "certificate.pdf", "破壊しました".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> requests.complete(DemoOrganisation.DESIGN_EMPLOYEE, instance, executed()))
        .isInstanceOf(RequestValidationException.class).hasMessageStartingWith("3.3.1: ")
        .hasMessageContaining("添付「certificate.pdf」の内容は PDF ではありません");
    assertThat(instance).isWaitingAt(MediaDisposalProcess.TASK_REPORT_EXECUTION);
    // when a real PDF is attached, then the request closes and the register keeps the certificate
    Attachment certificate = attach(instance, "application/pdf", "破壊証明書.pdf", SMALL_PDF);
    requests.complete(DemoOrganisation.DESIGN_EMPLOYEE, instance, executed());
    assertThat(instance).isEnded().hasPassed(MediaDisposalProcess.END_DISPOSED);
    MediaDisposalRegister.Entry entry = register.find(instance.getBusinessKey());
    assertThat(entry.status()).isEqualTo("EXECUTED");
    assertThat(entry.contractor()).isEqualTo("株式会社データ抹消サービス");
    assertThat(entry.certificateAttachmentId()).isEqualTo(certificate.getId());
    assertThat(entry.certificateSha256()).hasSize(64);
  }

  @Test
  void aCertificateIsJudgedByItsDeclaredTypeAndItsContent() {
    ProcessInstance instance = approved(outsourced());
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0};
    // a PNG declared as JPEG, a Word file and an oversized PDF do not count
    attach(instance, "image/jpeg", "certificate.jpg", png);
    attach(instance, "application/msword", "certificate.doc", SMALL_PDF);
    byte[] oversized = new byte[DestructionCertificates.MAX_BYTES + 1];
    System.arraycopy(SMALL_PDF, 0, oversized, 0, SMALL_PDF.length);
    attach(instance, "application/pdf", "scan.pdf", oversized);
    assertThatThrownBy(() -> requests.complete(DemoOrganisation.DESIGN_EMPLOYEE, instance, executed()))
        .hasMessageContaining("添付「certificate.jpg」の内容は JPEG ではありません")
        .hasMessageContaining("添付「certificate.doc」は PDF・PNG・JPEG ではありません")
        .hasMessageContaining("添付「scan.pdf」は 10MB を超えています");
    // a real PNG scan does
    Attachment scan = attach(instance, "image/png", "certificate.png", png);
    requests.complete(DemoOrganisation.DESIGN_EMPLOYEE, instance, executed());
    assertThat(register.find(instance.getBusinessKey()).certificateAttachmentId()).isEqualTo(scan.getId());
  }

  @Test
  void certificateFormatsAreDeclaredByMimeTypeOrFileName() {
    assertThat(AttachmentFormat.declaredBy("application/pdf")).contains(AttachmentFormat.PDF);
    assertThat(AttachmentFormat.declaredBy("証明書.JPEG")).contains(AttachmentFormat.JPEG);
    assertThat(AttachmentFormat.declaredBy("jpg")).contains(AttachmentFormat.JPEG);
    assertThat(AttachmentFormat.declaredBy("image/png")).contains(AttachmentFormat.PNG);
    assertThat(AttachmentFormat.declaredBy("certificate.pdf.exe")).isEmpty();
    assertThat(AttachmentFormat.declaredBy(null)).isEmpty();
    assertThat(AttachmentFormat.JPEG.starts(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0})).isTrue();
    assertThat(AttachmentFormat.PDF.starts(new byte[] {'%', 'P'})).isFalse();
  }

  // ---------------------------------------------------------------- the 情報資産管理台帳 (3.1)

  /** An asset of 開発設計部 of its own, so that retiring it touches no other test. */
  private InformationAsset givenAsset(Classification classification, ClassificationReason reason) {
    return assets.save(new InformationAsset(assets.nextId(), 0, "旧型機の試験データ", null, AssetKind.ELECTRONIC_DATA,
        "外付けHDD (開発設計部 キャビネットA)", classification, reason, "development", List.of(), List.of(),
        "ラベルに表示", false, false, "5年", InformationAsset.Status.ACTIVE, null, null, null, null), "system", "IMPORT",
        "IMPORTED", audit.now());
  }

  @Test
  void theLastCopyIsRetiredInTheRegisterWhenTheDisposalIsExecutedNotWhenItIsApproved() {
    // given the only copy of an INTERNAL asset on an HDD, disposed of as its last copy
    InformationAsset asset = givenAsset(Classification.INTERNAL, ClassificationReason.MAJOR_IMPACT_ON_BUSINESS);
    Map<String, Object> variables = request(asset.assetId(), "HDD", "DISPOSE", "PHYSICAL_DESTRUCTION");
    variables.put("lastCopy", true);
    ProcessInstance instance = approved(variables);
    // when approved, then the asset is still in force
    assertThat(assets.find(asset.assetId()).orElseThrow().retired()).isFalse();
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "assetSummary").toString())
        .startsWith(asset.assetId() + " 旧型機の試験データ — 社外秘 (機密性1) / 管理責任者: 開発設計部の部門長");
    // when the requester reports the execution
    requests.complete(DemoOrganisation.DESIGN_EMPLOYEE, instance, executed());
    // then the register has a new version, 廃棄済, made by this request
    InformationAsset retired = assets.find(asset.assetId()).orElseThrow();
    assertThat(retired.retired()).isTrue();
    assertThat(retired.version()).isEqualTo(2);
    assertThat(retired.changeKind()).isEqualTo("RETIRED");
    assertThat(retired.changeReference()).isEqualTo(instance.getBusinessKey());
    assertThat(retired.changedBy()).isEqualTo(DemoOrganisation.DESIGN_EMPLOYEE);
    assertThat(assets.history(asset.assetId())).extracting(InformationAsset::changeReference)
        .containsExactly("IMPORT", instance.getBusinessKey());
    MediaDisposalRegister.Entry entry = register.find(instance.getBusinessKey());
    assertThat(entry.lastCopy()).isTrue();
    assertThat(entry.retiredAssetIds()).isEqualTo(asset.assetId());
    assertThat(audit.latest(instance.getId(), "ServiceTask_RecordExecution").comment())
        .isEqualTo("廃棄済: " + asset.assetId());
    // and it can no longer be chosen
    assertThatThrownBy(() -> requests.file(DemoOrganisation.DESIGN_EMPLOYEE, MediaDisposalProcess.KEY, usbDestruction(asset.assetId())))
        .isInstanceOf(RequestValidationException.class).hasMessageContaining("3.1.1: 廃棄済の情報資産です");
  }

  @Test
  void unregisteredContentCountsAsSecretAndItsDepartmentHeadApprovesAsOwner() {
    // given a USB memory with information nobody registered
    Map<String, Object> variables = request(null, "USB_MEMORY", "DISPOSE", "PHYSICAL_DESTRUCTION");
    variables.remove("assetIds");
    variables.put("unregisteredContent", true);
    ProcessInstance instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, MediaDisposalProcess.KEY, variables);
    // then it needs approval as 極秘, and the requester's department head approves as its 管理責任者
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "classification")).isEqualTo("SECRET");
    requests.complete(DemoOrganisation.DESIGN_CHIEF, instance, approve());
    assertThat(requests.candidateGroups(requests.task(instance))).containsExactly("department-head.development");
    requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, approve());
    requests.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, instance, approve());
    requests.complete(DemoOrganisation.DESIGN_EMPLOYEE, instance, executed());
    MediaDisposalRegister.Entry entry = register.find(instance.getBusinessKey());
    assertThat(entry.classification()).isEqualTo("SECRET");
    assertThat(entry.assetIds()).isNull();
    assertThat(register.assetIds(instance.getBusinessKey())).isEmpty();
  }

  @Test
  void theOwnerRejects() {
    ProcessInstance instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, MediaDisposalProcess.KEY, usbDestruction(INTERNAL_ASSET));
    requests.complete(DemoOrganisation.DESIGN_CHIEF, instance, approve());
    requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, Map.of("decision", "REJECTED", "decisionComment", "保存期間中の報告書です"));
    assertThat(instance).isEnded().hasPassed(MediaDisposalProcess.END_REJECTED)
        .hasNotPassed(MediaDisposalProcess.TASK_APPROVE);
    MediaDisposalRegister.Entry entry = register.find(instance.getBusinessKey());
    assertThat(entry.displayStatus()).isEqualTo("却下");
    assertThat(entry.ownerApprover()).isEqualTo(DemoOrganisation.DEVELOPMENT_HEAD);
  }

  @Test
  void theOwnerSendsBackAndTheRequesterChoosesAnotherAsset() {
    ProcessInstance instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, MediaDisposalProcess.KEY, usbDestruction(INTERNAL_ASSET));
    requests.complete(DemoOrganisation.DESIGN_CHIEF, instance, approve());
    requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, Map.of("decision", "SENT_BACK", "decisionComment", "中身は公開カタログでは?"));
    assertThat(instance).isWaitingAt(MediaDisposalProcess.TASK_CORRECT);
    assertThat(register.find(instance.getBusinessKey()).displayStatus()).isEqualTo("差し戻し中");
    Map<String, Object> corrected = usbDestruction(PUBLIC_ASSET);
    corrected.put("resubmission", "RESUBMIT");
    requests.complete(DemoOrganisation.DESIGN_EMPLOYEE, instance, corrected);
    // a medium holding only 公開 information needs no approval (3.3)
    assertThat(instance).isEnded().hasPassed(MediaDisposalProcess.END_RECORDED);
    assertThat(register.find(instance.getBusinessKey()).classification()).isEqualTo("PUBLIC");
  }

  @Test
  void whatTheMediumHoldsComesFromTheRegisterWithinTheRequestersScope() {
    long before = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(MediaDisposalProcess.KEY).count();
    // the requester cannot declare a classification: the field is not the requester's (3.1)
    Map<String, Object> declared = usbDestruction(SECRET_ASSET);
    declared.put("classification", "PUBLIC");
    assertThatThrownBy(() -> requests.file(DemoOrganisation.DESIGN_EMPLOYEE, MediaDisposalProcess.KEY, declared))
        .isInstanceOf(RequestValidationException.class).hasMessageContaining("classification: このフォームにない項目です");
    // kobayashi (製造部) is not in the user scope of 開発設計部's 極秘 drawings (3.1.4)
    assertThatThrownBy(() -> requests.file(DemoOrganisation.PRODUCTION_EMPLOYEE, MediaDisposalProcess.KEY, usbDestruction(SECRET_ASSET)))
        .isInstanceOf(RequestValidationException.class)
        .hasMessageContaining("3.1.4: 情報資産 IA-0002 (顧客特注機の設計図面) の利用者範囲に含まれていません");
    // an unknown asset, nothing chosen, both, two owners, a 公開 last copy
    assertThatThrownBy(() -> requests.file(DemoOrganisation.DESIGN_EMPLOYEE, MediaDisposalProcess.KEY, usbDestruction("IA-9999")))
        .hasMessageContaining("3.1.1: 情報資産管理台帳に登録されていない情報資産です: IA-9999");
    Map<String, Object> nothing = usbDestruction(INTERNAL_ASSET);
    nothing.remove("assetIds");
    assertThatThrownBy(() -> requests.file(DemoOrganisation.DESIGN_EMPLOYEE, MediaDisposalProcess.KEY, nothing))
        .hasMessageContaining("3.1.1: 媒体に保存された情報資産を情報資産管理台帳から選ぶか");
    Map<String, Object> both = usbDestruction(INTERNAL_ASSET);
    both.put("unregisteredContent", true);
    assertThatThrownBy(() -> requests.file(DemoOrganisation.DESIGN_EMPLOYEE, MediaDisposalProcess.KEY, both))
        .hasMessageContaining("3.1.1: 台帳の情報資産と未登録の情報は別々に申請してください");
    assertThatThrownBy(() -> requests.file(DemoOrganisation.DESIGN_EMPLOYEE, MediaDisposalProcess.KEY,
        usbDestruction(INTERNAL_ASSET + ", IA-0007")))
        .hasMessageContaining("3.1.3: 管理責任者 (保有部門) の異なる情報資産は別々に申請してください");
    Map<String, Object> publicLastCopy = usbDestruction(PUBLIC_ASSET);
    publicLastCopy.put("lastCopy", true);
    assertThatThrownBy(() -> requests.file(DemoOrganisation.DESIGN_EMPLOYEE, MediaDisposalProcess.KEY, publicLastCopy))
        .hasMessageContaining("3.1.1: 公開の情報資産を台帳から廃棄するには");
    Map<String, Object> unregisteredLastCopy = usbDestruction(INTERNAL_ASSET);
    unregisteredLastCopy.remove("assetIds");
    unregisteredLastCopy.put("unregisteredContent", true);
    unregisteredLastCopy.put("lastCopy", true);
    assertThatThrownBy(() -> requests.file(DemoOrganisation.DESIGN_EMPLOYEE, MediaDisposalProcess.KEY, unregisteredLastCopy))
        .hasMessageContaining("3.1.1: 最後の複製として廃棄できるのは台帳に登録された情報資産だけです");
    // nothing was started
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(MediaDisposalProcess.KEY).count()).isEqualTo(before);
    assertThat(assets.find(SECRET_ASSET).orElseThrow().version()).isEqualTo(1);
  }

  private Integer refusals(String clause) {
    return jdbc.queryForObject("select count(*) from audit_record where outcome = 'REFUSED' and flow_key = "
        + "'mediaDisposal' and clauses = ?", Integer.class, clause);
  }
}
