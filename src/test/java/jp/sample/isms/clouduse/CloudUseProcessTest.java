package jp.sample.isms.clouduse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
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

/**
 * bpmn/cloudUse.bpmn (7.18, 4.1.3): one test per path, on the real engine with the demo organisation: yamamoto files,
 * suzuki (system administrator) evaluates the provider and confirms the NDA, tanaka (security officer) approves. The
 * register is shared with every other test of the context: each test removes the rows it entered.
 */
@IsmsSpringBootTest
class CloudUseProcessTest {

  static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
  static final LocalDate TODAY = LocalDate.now(JAPAN);
  static final String EXTERNAL_ADDRESS = "design.sample@mail.example.jp";

  @Autowired
  ProcessEngine engine;
  @Autowired
  CloudServiceRegister register;
  @Autowired
  AuditRecorder audit;
  @Autowired
  RequestWithdrawal withdrawal;
  @Autowired
  JdbcTemplate jdbc;

  Requests requests;
  /** Outbox rows before the test: the mails a test caused are the notices after this id. */
  long outboxMark;
  final List<String> filed = new ArrayList<>();

  @BeforeEach
  void setUp() {
    requests = new Requests(engine);
    outboxMark = jdbc.queryForObject("select coalesce(max(id), 0) from mail_outbox", Long.class);
  }

  @AfterEach
  void tearDown() {
    // the register is the product's and keeps every row; the tests' rows go, so that others find it as it was
    filed.forEach(key -> jdbc.update("delete from cloud_service_register where approval_number = ?", key));
    filed.forEach(key -> {
      if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(key).count() > 0) {
        throw new AssertionError(key + " was left open by the test");
      }
    });
  }

  // ---------------------------------------------------------------- helpers

  static Map<String, Object> request(String classification, boolean backupUse) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("serviceName", "オンラインストレージ ビジネスプラン");
    variables.put("provider", "サンプルクラウド株式会社");
    variables.put("purpose", "取引先との設計図面の共有");
    variables.put("classification", classification);
    variables.put("backupUse", backupUse);
    variables.put("registrationEmail", EXTERNAL_ADDRESS);
    variables.put("expectedStartDate", TODAY.plusDays(14).toString());
    return variables;
  }

  /** A suitable provider, as the system administrator records it; both 4.1.3 requirements hold. */
  static Map<String, Object> suitable() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("iso27017Certified", true);
    variables.put("csMarkCertified", false);
    variables.put("otherCertifications", "ISO/IEC 27001");
    variables.put("termsConform", true);
    variables.put("dataLocation", "日本 (大阪リージョン)");
    variables.put("facilityOutsideDisasterArea", true);
    variables.put("evaluationOpinion", "ISO/IEC 27017 認証を確認。約款は情報管理規程に適合");
    variables.put("decision", "APPROVED");
    return variables;
  }

  static Map<String, Object> approve(boolean storageApproved) {
    return Map.of("decision", "APPROVED", "storageApproved", storageApproved);
  }

  static Map<String, Object> ndaConfirmed() {
    return Map.of("ndaSigned", true, "ndaSignedOn", TODAY.toString(), "ndaReference", "法務キャビネット NDA-2026-014",
        "comment", "秘密保持契約書の原本を確認");
  }

  ProcessInstance file(String user, Map<String, Object> variables) {
    ProcessInstance instance = requests.file(user, CloudUseProcess.KEY, variables);
    filed.add(instance.getBusinessKey());
    return instance;
  }

  List<String> candidateGroups(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .map(IdentityLink::getGroupId).filter(g -> g != null).toList();
  }

  Object taskVariable(ProcessInstance instance, String name) {
    return engine.getTaskService().getVariableLocal(requests.task(instance).getId(), name);
  }

  /** Notices queued for the user by this test (subject, a line break, the text). */
  List<String> mailsTo(String userId) {
    return jdbc.queryForList("select subject || chr(10) || body_text from mail_outbox where id > ? and recipient = ?"
        + " and dedup_key like 'notice:%' order by id", String.class, outboxMark, userId);
  }

  long instances() {
    return engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(CloudUseProcess.KEY).count();
  }

  int refusals() {
    return jdbc.queryForObject(
        "select count(*) from audit_record where outcome = 'REFUSED' and flow_key = 'cloudUse'", Integer.class);
  }

  int registerRows() {
    return jdbc.queryForObject("select count(*) from cloud_service_register", Integer.class);
  }

  // ---------------------------------------------------------------- approved and registered

  @Test
  void anInternalServiceIsEvaluatedApprovedExplicitlyConfirmedRegisteredAndTheRequesterTold() {
    // when yamamoto files a service for INTERNAL data
    ProcessInstance instance = file(DemoOrganisation.DESIGN_EMPLOYEE, request("INTERNAL", false));
    // then the system administrator evaluates the provider first
    assertThat(instance.getBusinessKey()).matches("CU-" + TODAY.getYear() + "-\\d{4}");
    assertThat(instance).isWaitingAt(CloudUseProcess.TASK_EVALUATE);
    assertThat(candidateGroups(requests.task(instance))).containsExactly("system-administrator");
    requests.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, instance, suitable());
    // then the security officer approves, explicitly including the storage of INTERNAL data
    assertThat(instance).isWaitingAt(CloudUseProcess.TASK_APPROVE);
    assertThat(candidateGroups(requests.task(instance))).containsExactly("security-officer");
    requests.complete(DemoOrganisation.SECURITY_OFFICER, instance, approve(true));
    // then the system administrator confirms the NDA with the provider's administrator
    assertThat(instance).isWaitingAt(CloudUseProcess.TASK_CONFIRM_NDA);
    assertThat(candidateGroups(requests.task(instance))).containsExactly("system-administrator");
    // a work step may be done by someone who approved another step: suzuki evaluated the provider and confirms
    // the NDA, with no four-eyes flag (only approval steps avoid earlier approvers)
    assertThat(taskVariable(instance, "fourEyesException")).isNull();
    requests.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, instance, ndaConfirmed());

    // then the service is in the register under its approval number, and yamamoto is told
    assertThat(instance).isEnded().hasPassedInOrder(CloudUseProcess.TASK_EVALUATE, CloudUseProcess.TASK_APPROVE,
        CloudUseProcess.TASK_CONFIRM_NDA, CloudUseProcess.TASK_REGISTER, CloudUseProcess.TASK_NOTIFY_REQUESTER,
        CloudUseProcess.END_REGISTERED);
    CloudServiceRegister.Entry entry = register.find(instance.getBusinessKey()).orElseThrow();
    assertThat(entry.serviceName()).isEqualTo("オンラインストレージ ビジネスプラン");
    assertThat(entry.provider()).isEqualTo("サンプルクラウド株式会社");
    assertThat(entry.classification()).isEqualTo("INTERNAL");
    assertThat(entry.backupUse()).isFalse();
    assertThat(entry.facilityOutsideDisasterArea()).isNull();
    assertThat(entry.registrationEmail()).isEqualTo(EXTERNAL_ADDRESS);
    assertThat(entry.expectedStartDate()).isEqualTo(TODAY.plusDays(14));
    assertThat(entry.iso27017Certified()).isTrue();
    assertThat(entry.csMarkCertified()).isFalse();
    assertThat(entry.otherCertifications()).isEqualTo("ISO/IEC 27001");
    assertThat(entry.termsConform()).isTrue();
    assertThat(entry.dataLocation()).isEqualTo("日本 (大阪リージョン)");
    assertThat(entry.requester()).isEqualTo(DemoOrganisation.DESIGN_EMPLOYEE);
    assertThat(entry.departmentCode()).isEqualTo("development");
    assertThat(entry.evaluatedBy()).isEqualTo(DemoOrganisation.SYSTEM_ADMINISTRATOR);
    assertThat(entry.approvedBy()).isEqualTo(DemoOrganisation.SECURITY_OFFICER);
    assertThat(entry.approvedOn()).isEqualTo(TODAY);
    assertThat(entry.ndaSignedOn()).isEqualTo(TODAY);
    assertThat(entry.ndaReference()).isEqualTo("法務キャビネット NDA-2026-014");
    assertThat(entry.ndaConfirmedBy()).isEqualTo(DemoOrganisation.SYSTEM_ADMINISTRATOR);
    assertThat(entry.reviewDate()).isEqualTo(TODAY.plusYears(1));
    assertThat(entry.status()).isEqualTo(CloudServiceRegister.IN_USE);
    assertThat(entry.registeredAt()).isNotNull();
    assertThat(register.all()).extracting(CloudServiceRegister.Entry::approvalNumber)
        .contains(instance.getBusinessKey());
    assertThat(register.dueForReview(TODAY.plusYears(1))).extracting(CloudServiceRegister.Entry::approvalNumber)
        .contains(instance.getBusinessKey());
    assertThat(register.dueForReview(TODAY.plusYears(1).minusDays(1)))
        .extracting(CloudServiceRegister.Entry::approvalNumber).doesNotContain(instance.getBusinessKey());
    assertThat(mailsTo(DemoOrganisation.DESIGN_EMPLOYEE)).singleElement().asString().contains("クラウドサービス利用承認",
        instance.getBusinessKey(), "社外秘 (機密性1)", "見直し日: " + TODAY.plusYears(1), EXTERNAL_ADDRESS);

    List<AuditEntry> records = audit.forBusinessKey(instance.getBusinessKey());
    assertThat(records).extracting(AuditEntry::step).containsExactly(CloudUseProcess.START_EVENT,
        CloudUseProcess.TASK_EVALUATE, CloudUseProcess.TASK_APPROVE, CloudUseProcess.TASK_CONFIRM_NDA,
        CloudUseProcess.TASK_NOTIFY_REQUESTER);
    assertThat(records).extracting(AuditEntry::outcome)
        .containsExactly("FILED", "APPROVED", "APPROVED", "DONE", "NOTIFIED");
    assertThat(records).extracting(AuditEntry::actor).containsExactly(DemoOrganisation.DESIGN_EMPLOYEE, DemoOrganisation.SYSTEM_ADMINISTRATOR, DemoOrganisation.SECURITY_OFFICER, DemoOrganisation.SYSTEM_ADMINISTRATOR, "system");
    assertThat(records).extracting(AuditEntry::actingRole)
        .containsExactly("REQUESTER", "SYSTEM_ADMINISTRATOR", "SECURITY_OFFICER", "SYSTEM_ADMINISTRATOR", null);
    assertThat(records).extracting(AuditEntry::flags).containsExactly(null, null, null, null, null);
    assertThat(records).extracting(AuditEntry::clauses).containsExactly("7.18,4.1.3", "7.18,4.1.3", "7.18,4.1.3",
        "7.18", "7.18");
    assertThat(records.get(3).comment()).isEqualTo("秘密保持契約書の原本を確認");
  }

  @Test
  void aBackupServiceForPublicDataMeetsBothServiceRequirementsAndNeedsNoStorageApproval() {
    // given a backup service that holds only PUBLIC data
    ProcessInstance instance = file(DemoOrganisation.DESIGN_EMPLOYEE, request("PUBLIC", true));
    // when the evaluation confirms both requirements of 4.1.3 and the security officer approves without the
    // storage approval, which PUBLIC data does not need
    requests.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, instance, suitable());
    requests.complete(DemoOrganisation.SECURITY_OFFICER, instance, Map.of("decision", "APPROVED"));
    requests.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, instance, ndaConfirmed());
    // then it is registered as a backup service that meets 4.1.3
    assertThat(instance).isEnded().hasPassed(CloudUseProcess.END_REGISTERED);
    CloudServiceRegister.Entry entry = register.find(instance.getBusinessKey()).orElseThrow();
    assertThat(entry.classification()).isEqualTo("PUBLIC");
    assertThat(entry.backupUse()).isTrue();
    assertThat(entry.termsConform()).isTrue();
    assertThat(entry.facilityOutsideDisasterArea()).isTrue();
    assertThat(mailsTo(DemoOrganisation.DESIGN_EMPLOYEE)).singleElement().asString().contains("バックアップの保存: 可");
  }

  // ---------------------------------------------------------------- refusals

  @Test
  void aRegistrationAddressInTheInternalOnlyDomainIsRefusedAtFiling() {
    for (String internal : List.of("yamamoto@sample-printing.example", "Yamamoto@Sample-Printing.Example",
        "design@mail.sample-printing.example")) {
      // given
      long instancesBefore = instances();
      int refusalsBefore = refusals();
      int rowsBefore = registerRows();
      Map<String, Object> variables = request("INTERNAL", false);
      variables.put("registrationEmail", internal);
      // when, then
      assertThatThrownBy(() -> requests.file(DemoOrganisation.DESIGN_EMPLOYEE, CloudUseProcess.KEY, variables))
          .isInstanceOf(RequestValidationException.class)
          .hasMessageContaining("7.18: クラウドサービスには外部メールアドレスを登録してください: ")
          .hasMessageContaining("は社内専用のメールドメインです (registrationEmail)");
      // nothing persisted but the refusal itself
      assertThat(instances()).isEqualTo(instancesBefore);
      assertThat(registerRows()).isEqualTo(rowsBefore);
      assertThat(refusals()).isEqualTo(refusalsBefore + 1);
    }
    Map<String, Object> refusal = jdbc.queryForMap("select step, actor, clauses from audit_record "
        + "where outcome = 'REFUSED' and flow_key = 'cloudUse' order by id desc limit 1");
    assertThat(refusal.get("step")).isEqualTo(CloudUseProcess.START_EVENT);
    assertThat(refusal.get("actor")).isEqualTo(DemoOrganisation.DESIGN_EMPLOYEE);
    assertThat(refusal.get("clauses")).isEqualTo("7.18");
  }

  @Test
  void aMalformedAddressOrAPastStartDateIsAnInputErrorNotARefusal() {
    int refusalsBefore = refusals();
    long instancesBefore = instances();
    Map<String, Object> malformed = request("PUBLIC", false);
    malformed.put("registrationEmail", "not an address");
    assertThatThrownBy(() -> requests.file(DemoOrganisation.DESIGN_EMPLOYEE, CloudUseProcess.KEY, malformed))
        .isInstanceOf(RequestValidationException.class).hasMessageContaining("registrationEmail: ");
    Map<String, Object> past = request("PUBLIC", false);
    past.put("expectedStartDate", TODAY.minusDays(1).toString());
    assertThatThrownBy(() -> requests.file(DemoOrganisation.DESIGN_EMPLOYEE, CloudUseProcess.KEY, past))
        .isInstanceOf(RequestValidationException.class)
        .hasMessageContaining("expectedStartDate: 利用開始予定日に過去の日付は指定できません");
    assertThat(refusals()).isEqualTo(refusalsBefore);
    assertThat(instances()).isEqualTo(instancesBefore);
  }

  @Test
  void aBackupServiceThatDoesNotMeetTheServiceRequirementsCannotBeApprovedAndIsRejected() {
    // given a backup service for SECRET data
    ProcessInstance instance = file(DemoOrganisation.DESIGN_EMPLOYEE, request("SECRET", true));
    // when the system administrator finds the facility in the disaster area of the company's sites, it cannot pass
    Map<String, Object> inDisasterArea = suitable();
    inDisasterArea.put("facilityOutsideDisasterArea", false);
    assertThatThrownBy(() -> requests.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, instance, inDisasterArea))
        .isInstanceOf(RequestValidationException.class)
        .hasMessageContaining("4.1.3: バックアップに利用するクラウドサービスは、当社事業所がある地域で発生する災害の影響を受けない")
        .hasMessageContaining("(facilityOutsideDisasterArea)")
        .hasMessageNotContaining("(termsConform)");
    // nor when the terms do not conform
    Map<String, Object> termsDoNotConform = suitable();
    termsDoNotConform.put("termsConform", false);
    assertThatThrownBy(() -> requests.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, instance, termsDoNotConform))
        .isInstanceOf(RequestValidationException.class)
        .hasMessageContaining("4.1.3: バックアップに利用するクラウドサービスは、サービス利用約款・情報セキュリティ方針が")
        .hasMessageContaining("(termsConform)");
    // an approval also needs the evaluation itself
    Map<String, Object> unexplained = suitable();
    unexplained.remove("dataLocation");
    unexplained.remove("evaluationOpinion");
    assertThatThrownBy(() -> requests.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, instance, unexplained))
        .isInstanceOf(RequestValidationException.class).hasMessageContaining("dataLocation: ")
        .hasMessageContaining("evaluationOpinion: ");
    assertThat(instance).isWaitingAt(CloudUseProcess.TASK_EVALUATE);
    // then she rejects it, with the evaluation on record
    inDisasterArea.put("decision", "REJECTED");
    inDisasterArea.put("decisionComment", "データセンターが当社事業所と同じ地域にある (4.1.3)");
    requests.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, instance, inDisasterArea);
    assertThat(instance).isEnded().hasPassed(CloudUseProcess.END_REJECTED)
        .hasNotPassed(CloudUseProcess.TASK_APPROVE);
    assertThat(register.find(instance.getBusinessKey())).isEmpty();
    AuditEntry evaluation = audit.latest(instance.getId(), CloudUseProcess.TASK_EVALUATE);
    assertThat(evaluation.outcome()).isEqualTo("REJECTED");
    assertThat(evaluation.comment()).contains("4.1.3");
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName("facilityOutsideDisasterArea").singleResult().getValue()).isEqualTo(false);
  }

  @Test
  void storingInternalOrSecretDataNeedsTheExplicitApproval() {
    for (String classification : List.of("INTERNAL", "SECRET")) {
      // given an evaluated request for confidential data
      ProcessInstance instance = file(DemoOrganisation.DESIGN_EMPLOYEE, request(classification, false));
      requests.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, instance, suitable());
      // when the security officer approves without approving the storage, then it is refused (HTTP 400)
      assertThatThrownBy(() -> requests.complete(DemoOrganisation.SECURITY_OFFICER, instance, Map.of("decision", "APPROVED")))
          .isInstanceOf(RequestValidationException.class)
          .hasMessageContaining("7.18: " + ("SECRET".equals(classification) ? "極秘" : "社外秘")
              + "の情報資産をクラウドサービスに保存するには、その保存を明示的に承認してください (storageApproved)");
      assertThatThrownBy(() -> requests.complete(DemoOrganisation.SECURITY_OFFICER, instance, approve(false)))
          .isInstanceOf(RequestValidationException.class).hasMessageContaining("(storageApproved)");
      assertThat(instance).isWaitingAt(CloudUseProcess.TASK_APPROVE);
      // and with it, it is approved
      requests.complete(DemoOrganisation.SECURITY_OFFICER, instance, approve(true));
      assertThat(instance).isWaitingAt(CloudUseProcess.TASK_CONFIRM_NDA);
      requests.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, instance, ndaConfirmed());
      assertThat(register.find(instance.getBusinessKey())).get()
          .extracting(CloudServiceRegister.Entry::classification).isEqualTo(classification);
    }
  }

  @Test
  void theServiceIsNotRegisteredBeforeTheNonDisclosureAgreementIsSigned() {
    ProcessInstance instance = file(DemoOrganisation.DESIGN_EMPLOYEE, request("PUBLIC", false));
    requests.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, instance, suitable());
    requests.complete(DemoOrganisation.SECURITY_OFFICER, instance, approve(false));
    // once approved, the request can no longer be withdrawn
    assertThatThrownBy(() -> withdrawal.withdraw(instance.getBusinessKey(), DemoOrganisation.DESIGN_EMPLOYEE, null))
        .isInstanceOf(RequestWithdrawal.WithdrawalRefusedException.class).hasMessageContaining("承認済み");
    assertThatThrownBy(() -> requests.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, instance,
        Map.of("ndaSigned", false, "ndaSignedOn", TODAY.toString())))
        .isInstanceOf(RequestValidationException.class)
        .hasMessageContaining("7.18: クラウドサービスの管理者との秘密保持契約が締結されるまで、台帳に登録して利用を開始できません (ndaSigned)");
    assertThatThrownBy(() -> requests.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, instance,
        Map.of("ndaSigned", true, "ndaSignedOn", TODAY.plusDays(1).toString())))
        .isInstanceOf(RequestValidationException.class)
        .hasMessageContaining("ndaSignedOn: 締結日に未来の日付は指定できません");
    assertThat(instance).isWaitingAt(CloudUseProcess.TASK_CONFIRM_NDA);
    assertThat(register.find(instance.getBusinessKey())).isEmpty();
    requests.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, instance, ndaConfirmed());
    assertThat(instance).isEnded().hasPassed(CloudUseProcess.END_REGISTERED);
  }

  // ---------------------------------------------------------------- send back, withdraw, reject

  @Test
  void sentBackByTheSecurityOfficerIsCorrectedResubmittedEvaluatedAndApprovedAgain() {
    ProcessInstance instance = file(DemoOrganisation.DESIGN_EMPLOYEE, request("PUBLIC", false));
    requests.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, instance, suitable());
    // when the security officer sends it back, having ticked the storage approval
    requests.complete(DemoOrganisation.SECURITY_OFFICER, instance, Map.of("decision", "SENT_BACK", "storageApproved", true,
        "decisionComment", "保存する情報の機密性を見直してください"));
    assertThat(instance).isWaitingAt(CloudUseProcess.TASK_CORRECT).task().isAssignedTo(DemoOrganisation.DESIGN_EMPLOYEE);
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "lastDecidedBy")).isEqualTo("田中 一郎");

    // a resubmission is checked like a filing
    Map<String, Object> internalAddress = request("INTERNAL", false);
    internalAddress.put("registrationEmail", "yamamoto@sample-printing.example");
    internalAddress.put("resubmission", "RESUBMIT");
    assertThatThrownBy(() -> requests.complete(DemoOrganisation.DESIGN_EMPLOYEE, instance, internalAddress))
        .isInstanceOf(RequestValidationException.class).hasMessageContaining("7.18:");
    assertThat(instance).isWaitingAt(CloudUseProcess.TASK_CORRECT);

    Map<String, Object> corrected = request("INTERNAL", false);
    corrected.put("resubmission", "RESUBMIT");
    requests.complete(DemoOrganisation.DESIGN_EMPLOYEE, instance, corrected);
    // then the provider is evaluated again, and the storage approval of the first round does not carry over
    assertThat(instance).isWaitingAt(CloudUseProcess.TASK_EVALUATE);
    requests.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, instance, suitable());
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "storageApproved")).isEqualTo(false);
    assertThatThrownBy(() -> requests.complete(DemoOrganisation.SECURITY_OFFICER, instance, Map.of("decision", "APPROVED")))
        .isInstanceOf(RequestValidationException.class).hasMessageContaining("(storageApproved)");
    requests.complete(DemoOrganisation.SECURITY_OFFICER, instance, approve(true));
    requests.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, instance, ndaConfirmed());
    assertThat(instance).isEnded().hasPassed(CloudUseProcess.END_REGISTERED);
    assertThat(register.find(instance.getBusinessKey())).get()
        .extracting(CloudServiceRegister.Entry::classification).isEqualTo("INTERNAL");
    assertThat(audit.forBusinessKey(instance.getBusinessKey())).extracting(AuditEntry::outcome).containsExactly(
        "FILED", "APPROVED", "SENT_BACK", "RESUBMITTED", "APPROVED", "APPROVED", "DONE", "NOTIFIED");
  }

  @Test
  void sentBackByTheSystemAdministratorIsWithdrawnByTheRequester() {
    ProcessInstance instance = file(DemoOrganisation.DESIGN_EMPLOYEE, request("INTERNAL", true));
    Map<String, Object> sentBack = suitable();
    sentBack.put("decision", "SENT_BACK");
    sentBack.put("decisionComment", "プロバイダの利用約款の写しを添付してください");
    requests.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, instance, sentBack);
    assertThat(instance).isWaitingAt(CloudUseProcess.TASK_CORRECT).task().isAssignedTo(DemoOrganisation.DESIGN_EMPLOYEE);
    // only the requester corrects
    assertThatThrownBy(() -> requests.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, instance, Map.of("resubmission", "WITHDRAW")))
        .isInstanceOf(AuthorizationException.class);
    requests.complete(DemoOrganisation.DESIGN_EMPLOYEE, instance, Map.of("resubmission", "WITHDRAW"));
    assertThat(instance).isEnded().hasPassed(CloudUseProcess.END_WITHDRAWN)
        .hasNotPassed(CloudUseProcess.TASK_APPROVE);
    assertThat(register.find(instance.getBusinessKey())).isEmpty();
    assertThat(audit.forBusinessKey(instance.getBusinessKey())).extracting(AuditEntry::outcome)
        .containsExactly("FILED", "SENT_BACK", "WITHDRAWN");
  }

  @Test
  void theRequesterWithdrawsAnOpenRequest() {
    ProcessInstance instance = file(DemoOrganisation.DESIGN_EMPLOYEE, request("SECRET", false));
    requests.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, instance, suitable());
    assertThatThrownBy(() -> withdrawal.withdraw(instance.getBusinessKey(), DemoOrganisation.SYSTEM_ADMINISTRATOR, null))
        .isInstanceOf(RequestWithdrawal.WithdrawalRefusedException.class).hasMessageContaining("申請者本人");
    // when
    withdrawal.withdraw(instance.getBusinessKey(), DemoOrganisation.DESIGN_EMPLOYEE, "別のサービスを利用することにした");
    // then
    assertThat(instance).isEnded().hasPassed(CloudUseProcess.END_WITHDRAWN_BY_REQUESTER)
        .hasNotPassed(CloudUseProcess.TASK_CONFIRM_NDA);
    assertThat(register.find(instance.getBusinessKey())).isEmpty();
    List<AuditEntry> records = audit.forBusinessKey(instance.getBusinessKey());
    assertThat(records).extracting(AuditEntry::outcome).containsExactly("FILED", "APPROVED", "WITHDRAWN");
    assertThat(records.get(2).clauses()).isEqualTo("7.18,4.1.3");
  }

  @Test
  void theSecurityOfficerRejects() {
    ProcessInstance instance = file(DemoOrganisation.DESIGN_EMPLOYEE, request("SECRET", false));
    requests.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, instance, suitable());
    assertThatThrownBy(() -> requests.complete(DemoOrganisation.SECURITY_OFFICER, instance, Map.of("decision", "REJECTED")))
        .isInstanceOf(RequestValidationException.class).hasMessageContaining("却下の場合はコメントが必須です");
    // a rejection needs no storage approval
    requests.complete(DemoOrganisation.PRESIDENT, instance, Map.of("decision", "REJECTED", "decisionComment", "極秘情報の保存は認めない"));
    assertThat(instance).isEnded().hasPassed(CloudUseProcess.END_REJECTED)
        .hasNotPassed(CloudUseProcess.TASK_CONFIRM_NDA);
    assertThat(register.find(instance.getBusinessKey())).isEmpty();
    assertThat(audit.latest(instance.getId(), CloudUseProcess.TASK_APPROVE).comment()).isEqualTo("極秘情報の保存は認めない");
  }

  // ---------------------------------------------------------------- four eyes

  @Test
  void onlyTheHoldersOfTheStepsRoleMayTakeIt() {
    ProcessInstance instance = file(DemoOrganisation.DESIGN_EMPLOYEE, request("INTERNAL", false));
    // the requester herself, a colleague and the security officer hold no role for the evaluation (HTTP 403)
    assertThatThrownBy(() -> requests.complete(DemoOrganisation.DESIGN_EMPLOYEE, instance, suitable()))
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> requests.complete(DemoOrganisation.PRODUCTION_EMPLOYEE, instance, suitable()))
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> requests.complete(DemoOrganisation.SECURITY_OFFICER, instance, suitable()))
        .isInstanceOf(AuthorizationException.class);
    requests.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, instance, suitable());
    // the system administrator who evaluated cannot approve as security officer
    assertThatThrownBy(() -> requests.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, instance, approve(true)))
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> requests.claim(DemoOrganisation.DEVELOPMENT_HEAD, requests.task(instance)))
        .isInstanceOf(AuthorizationException.class);
    requests.complete(DemoOrganisation.SECURITY_OFFICER, instance, approve(true));
    // nor can anyone but the system administrator confirm the NDA
    assertThatThrownBy(() -> requests.complete(DemoOrganisation.DESIGN_EMPLOYEE, instance, ndaConfirmed()))
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> requests.complete(DemoOrganisation.PRODUCTION_EMPLOYEE, instance, ndaConfirmed()))
        .isInstanceOf(AuthorizationException.class);
    requests.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, instance, ndaConfirmed());
    assertThat(instance).isEnded().hasPassed(CloudUseProcess.END_REGISTERED);
  }

  @Test
  void theSystemAdministratorsOwnRequestIsEvaluatedByTheSecurityOfficer() {
    // given suzuki, the only system administrator, files a service herself
    ProcessInstance instance = file(DemoOrganisation.SYSTEM_ADMINISTRATOR, request("PUBLIC", false));
    // then the evaluation goes up to the security officer, and she cannot take it
    Task evaluation = requests.task(instance);
    assertThat(candidateGroups(evaluation)).containsExactly("security-officer");
    assertThat(taskVariable(instance, "actingRole")).isEqualTo("SECURITY_OFFICER");
    assertThatThrownBy(() -> requests.claim(DemoOrganisation.SYSTEM_ADMINISTRATOR, evaluation)).isInstanceOf(AuthorizationException.class);
    requests.complete(DemoOrganisation.SECURITY_OFFICER, instance, suitable());
    // tanaka, the only security officer and president, approves too: allowed, flagged for the auditor
    assertThat(taskVariable(instance, "fourEyesException")).isEqualTo("REPEATED_APPROVER");
    requests.complete(DemoOrganisation.SECURITY_OFFICER, instance, approve(false));
    requests.complete(DemoOrganisation.SECURITY_OFFICER, instance, ndaConfirmed());
    assertThat(instance).isEnded().hasPassed(CloudUseProcess.END_REGISTERED);
    assertThat(audit.forBusinessKey(instance.getBusinessKey())).extracting(AuditEntry::actingRole)
        .containsExactly("REQUESTER", "SECURITY_OFFICER", "SECURITY_OFFICER", "SECURITY_OFFICER", null);
    assertThat(register.find(instance.getBusinessKey())).get().extracting(CloudServiceRegister.Entry::evaluatedBy)
        .isEqualTo(DemoOrganisation.SECURITY_OFFICER);
  }
}
