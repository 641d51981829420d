package jp.sample.isms.securityapproval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
 * bpmn/securityApproval.bpmn (5.1.3, 6.1.2, 7.1–7.27): one test per path shape (approval by one role, review then
 * approval, follow-up before the permit is active, expiry, account request, rejection, send-back, withdrawal) and one
 * per type that it is filed, routed as its decision table row says, decided and recorded. On the real engine with the
 * demo organisation and its IT register (PC-DEV-001 is yamamoto's PC). Each test removes the register rows it made.
 */
@IsmsSpringBootTest
class SecurityApprovalProcessTest {

  static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
  static final LocalDate TODAY = LocalDate.now(JAPAN);
  static final String TEST_DEVICE = "T-SA-PC-01";
  static final String TEST_SOFTWARE = "テスト用 CAD ビューア";

  @Autowired
  ProcessEngine engine;
  @Autowired
  ItRegister register;
  @Autowired
  SecurityPermits permits;
  @Autowired
  AuditRecorder audit;
  @Autowired
  RequestWithdrawal withdrawal;
  @Autowired
  JdbcTemplate jdbc;

  Requests requests;
  long outboxMark;
  final List<String> filed = new ArrayList<>();

  @BeforeEach
  void setUp() {
    requests = new Requests(engine);
    outboxMark = jdbc.queryForObject("select coalesce(max(id), 0) from mail_outbox", Long.class);
  }

  @AfterEach
  void tearDown() {
    filed.forEach(key -> {
      if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(key).count() > 0) {
        throw new AssertionError(key + " was left open by the test");
      }
    });
    // the registers are the product's and keep every row; the tests' rows go, so that others find them as they were
    jdbc.update("delete from it_device_software where device_id like 'T-SA-%' or software_name = ?"
        + " or device_id like 'EXT-SA-%'", TEST_SOFTWARE);
    jdbc.update("delete from approved_software where name = ? or name = 'テスト用ウイルス対策'", TEST_SOFTWARE);
    jdbc.update("delete from it_device where device_id like 'T-SA-%' or device_id like 'EXT-SA-%'");
    jdbc.update("delete from it_register_history where item_key like 'T-SA-%' or item_key like 'EXT-SA-%'"
        + " or item_key like ? or item_key like 'テスト用ウイルス対策%'", TEST_SOFTWARE + "%");
    filed.forEach(key -> jdbc.update("delete from security_permit where approval_number = ?", key));
    // a remote access the test granted on a demo device is taken back
    jdbc.update("update it_device set remote_access = false, remote_access_until = null where device_id = 'PC-DEV-001'");
    jdbc.update("delete from it_register_history where item_key = 'PC-DEV-001' and request_number like 'SA-%'");
  }

  // ---------------------------------------------------------------- helpers

  static Map<String, Object> request(String type, Object... fields) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("requestType", type);
    variables.put("purpose", "業務上必要なため");
    for (int i = 0; i < fields.length; i += 2) {
      variables.put((String) fields[i], fields[i + 1]);
    }
    return variables;
  }

  static Map<String, Object> unblock() {
    return request("UNBLOCK", "subject", "https://partner.example.jp/", "validUntil", TODAY.plusDays(10).toString());
  }

  static Map<String, Object> nonStandardSoftware() {
    return request("NON_STANDARD_SOFTWARE", "subject", TEST_SOFTWARE, "softwareVersion", "3.2",
        "softwareCategory", "APPLICATION", "vendor", "サンプルソフト株式会社", "targetDevices", "PC-DEV-001",
        "vendorSupportUntil", TODAY.plusYears(3).toString(), "licence", "1 ライセンス (永続)");
  }

  static Map<String, Object> lanConnection() {
    return request("LAN_CONNECTION", "subject", "保守業者のノートPC", "deviceOwner", "サンプル保守株式会社",
        "validFrom", TODAY.toString(), "validUntil", TODAY.plusDays(2).toString());
  }

  static Map<String, Object> approve() {
    return Map.of("decision", "APPROVED", "reviewedIndividually", true);
  }

  static Map<String, Object> review() {
    return Map.of("decision", "APPROVED", "requirementsConfirmed", true);
  }

  ProcessInstance file(String user, Map<String, Object> variables) {
    ProcessInstance instance = requests.file(user, SecurityApprovalProcess.KEY, variables);
    filed.add(instance.getBusinessKey());
    return instance;
  }

  List<String> mailsTo(String userId) {
    return jdbc.queryForList("select subject || chr(10) || body_text from mail_outbox where id > ? and recipient = ?"
        + " and dedup_key like 'notice:%' order by id", String.class, outboxMark, userId);
  }

  long instances() {
    return engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(SecurityApprovalProcess.KEY).count();
  }

  int refusals() {
    return jdbc.queryForObject("select count(*) from audit_record where outcome = 'REFUSED' and flow_key = ?",
        Integer.class, SecurityApprovalProcess.KEY);
  }

  int registerChanges() {
    return jdbc.queryForObject("select count(*) from it_register_history", Integer.class)
        + jdbc.queryForObject("select count(*) from security_permit", Integer.class);
  }

  void fireBothTimers(ProcessInstance instance) {
    requests.fireTimer(instance, SecurityApprovalProcess.TIMER_BEFORE_EXPIRY);
    requests.fireTimer(instance, SecurityApprovalProcess.TIMER_PERMIT_ENDS);
  }

  // ---------------------------------------------------------------- approval by one role, expiry

  @Test
  void anUnblockingIsApprovedByTheSecurityOfficerAloneRemindedBeforeItsEndAndLapses() {
    // when yamamoto asks to unblock a site until a date
    ProcessInstance instance = file(DemoOrganisation.DESIGN_EMPLOYEE, unblock());
    // then the security officer decides, without a review
    assertThat(instance.getBusinessKey()).matches("SA-" + TODAY.getYear() + "-\\d{4}");
    assertThat(instance).isWaitingAt(SecurityApprovalProcess.TASK_APPROVE);
    assertThat(requests.candidateGroups(instance)).containsExactly("security-officer");
    // a simple type needs no individual check (it may be approved in bulk)
    requests.complete(DemoOrganisation.SECURITY_OFFICER, instance, Map.of("decision", "APPROVED"));

    // then the permit is in the register, active until its end date, and the holder is told
    SecurityPermits.Permit permit = permits.find(instance.getBusinessKey()).orElseThrow();
    assertThat(permit.requestType()).isEqualTo("UNBLOCK");
    assertThat(permit.clause()).isEqualTo("7.16");
    assertThat(permit.subject()).isEqualTo("https://partner.example.jp/");
    assertThat(permit.holder()).isEqualTo(DemoOrganisation.DESIGN_EMPLOYEE);
    assertThat(permit.approvedBy()).isEqualTo(DemoOrganisation.SECURITY_OFFICER);
    assertThat(permit.validUntil()).isEqualTo(TODAY.plusDays(10));
    assertThat(permit.status()).isEqualTo(SecurityPermits.ACTIVE);
    assertThat(mailsTo(DemoOrganisation.DESIGN_EMPLOYEE)).anySatisfy(m -> assertThat(m).contains("閲覧制限・スパム扱いの解除",
        instance.getBusinessKey(), "有効期間"));
    assertThat(instance).isWaitingAt(SecurityApprovalProcess.TIMER_BEFORE_EXPIRY);
    assertThat(requests.timerDueDate(instance, SecurityApprovalProcess.TIMER_BEFORE_EXPIRY).toInstant()
        .atZone(JAPAN).toLocalDate()).isEqualTo(TODAY.plusDays(7));
    // a granted permit cannot be withdrawn any more
    assertThatThrownBy(() -> withdrawal.withdraw(instance.getBusinessKey(), DemoOrganisation.DESIGN_EMPLOYEE, null))
        .isInstanceOf(RequestWithdrawal.WithdrawalRefusedException.class);

    // when the reminder is due: the holder is told
    requests.fireTimer(instance, SecurityApprovalProcess.TIMER_BEFORE_EXPIRY);
    assertThat(mailsTo(DemoOrganisation.DESIGN_EMPLOYEE)).anySatisfy(m -> assertThat(m).contains("許可の終了予告", TODAY.plusDays(10).toString()));
    assertThat(requests.timerDueDate(instance, SecurityApprovalProcess.TIMER_PERMIT_ENDS).toInstant().atZone(JAPAN)
        .toLocalDateTime()).isEqualTo(TODAY.plusDays(11).atStartOfDay());
    // when the end date has passed: the permit lapses, recorded
    requests.fireTimer(instance, SecurityApprovalProcess.TIMER_PERMIT_ENDS);
    assertThat(instance).isEnded().hasPassedInOrder(SecurityApprovalProcess.TASK_APPROVE,
        SecurityApprovalProcess.TASK_APPLY, SecurityApprovalProcess.TASK_REMIND_HOLDER,
        SecurityApprovalProcess.TASK_RECORD_LAPSE, SecurityApprovalProcess.END_LAPSED);
    assertThat(permits.find(instance.getBusinessKey()).orElseThrow().status()).isEqualTo(SecurityPermits.LAPSED);
    assertThat(mailsTo(DemoOrganisation.DESIGN_EMPLOYEE)).anySatisfy(m -> assertThat(m).contains("許可の失効"));
    assertThat(audit.forBusinessKey(instance.getBusinessKey())).extracting(AuditEntry::outcome)
        .containsExactly("FILED", "APPROVED", "RECORDED", "REMINDED", "LAPSED");
  }

  @Test
  void aWirelessDeviceIsApprovedByTheSystemAdministratorAndItsMacAddressRegistered() {
    // given
    ProcessInstance instance = file(DemoOrganisation.DESIGN_EMPLOYEE, request("WIRELESS_DEVICE", "subject", "検査用タブレット",
        "deviceId", "T-SA-TAB-01", "macAddress", "00:1A:2B:3C:4D:5E", "attestWpa2Aes", true,
        "attestPreSharedKey", true));
    // when the system administrator approves (5.1.3)
    assertThat(requests.candidateGroups(instance)).containsExactly("system-administrator");
    requests.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, instance, Map.of("decision", "APPROVED"));
    // then the device is in the IT register with its MAC address, under the request number
    assertThat(instance).isEnded().hasPassed(SecurityApprovalProcess.END_GRANTED);
    ItRegister.Device device = register.device("T-SA-TAB-01").orElseThrow();
    assertThat(device.kind()).isEqualTo("WIRELESS");
    assertThat(device.macAddress()).isEqualTo("00:1A:2B:3C:4D:5E");
    assertThat(device.lastRequestNumber()).isEqualTo(instance.getBusinessKey());
    assertThat(register.history(ItRegister.DEVICE, "T-SA-TAB-01")).extracting(ItRegister.Change::change,
        ItRegister.Change::requestNumber, ItRegister.Change::actor).containsExactly(
            org.assertj.core.groups.Tuple.tuple("REGISTERED", instance.getBusinessKey(), DemoOrganisation.SYSTEM_ADMINISTRATOR),
            org.assertj.core.groups.Tuple.tuple("MAC_REGISTERED", instance.getBusinessKey(), DemoOrganisation.SYSTEM_ADMINISTRATOR));
  }

  // ---------------------------------------------------------------- review, then approval

  @Test
  void aNonStandardSoftwareIsReviewedByTheSystemAdministratorApprovedAndEntersTheSoftwareListAndThePc() {
    // when yamamoto asks to install a software on his PC
    ProcessInstance instance = file(DemoOrganisation.DESIGN_EMPLOYEE, nonStandardSoftware());
    // then the system administrator reviews first, and may not pass it on without confirming the requirements
    assertThat(instance).isWaitingAt(SecurityApprovalProcess.TASK_REVIEW);
    assertThat(requests.candidateGroups(instance)).containsExactly("system-administrator");
    assertThatThrownBy(() -> requests.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, instance, Map.of("decision", "APPROVED")))
        .isInstanceOf(RequestValidationException.class).hasMessageContaining("requirementsConfirmed");
    assertThat(instance).isWaitingAt(SecurityApprovalProcess.TASK_REVIEW);
    requests.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, instance, review());
    // then the security officer approves, having looked at it on its own (not a bulk-approvable type)
    assertThat(instance).isWaitingAt(SecurityApprovalProcess.TASK_APPROVE);
    assertThat(requests.candidateGroups(instance)).containsExactly("security-officer");
    assertThatThrownBy(() -> requests.complete(DemoOrganisation.SECURITY_OFFICER, instance, Map.of("decision", "APPROVED")))
        .isInstanceOf(RequestValidationException.class).hasMessageContaining("reviewedIndividually");
    requests.complete(DemoOrganisation.SECURITY_OFFICER, instance, approve());

    // then the software is on the approved list and installed on PC-DEV-001, each under the request number
    assertThat(instance).isEnded().hasPassedInOrder(SecurityApprovalProcess.TASK_REVIEW,
        SecurityApprovalProcess.TASK_APPROVE, SecurityApprovalProcess.TASK_APPLY, SecurityApprovalProcess.END_GRANTED);
    ItRegister.Software software = register.software(TEST_SOFTWARE, "3.2").orElseThrow();
    assertThat(software.category()).isEqualTo("APPLICATION");
    assertThat(software.approvalNumber()).isEqualTo(instance.getBusinessKey());
    assertThat(software.approvedBy()).isEqualTo(DemoOrganisation.SECURITY_OFFICER);
    assertThat(software.supportUntil()).isEqualTo(TODAY.plusYears(3));
    assertThat(register.installedOn("PC-DEV-001")).contains(TEST_SOFTWARE + " 3.2");
    assertThat(register.history(ItRegister.DEVICE, "PC-DEV-001")).anySatisfy(change -> {
      assertThat(change.change()).isEqualTo("SOFTWARE_INSTALLED");
      assertThat(change.requestNumber()).isEqualTo(instance.getBusinessKey());
    });
    assertThat(audit.forBusinessKey(instance.getBusinessKey())).extracting(AuditEntry::actor, AuditEntry::outcome)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(DemoOrganisation.DESIGN_EMPLOYEE, "FILED"),
            org.assertj.core.groups.Tuple.tuple(DemoOrganisation.SYSTEM_ADMINISTRATOR, "APPROVED"),
            org.assertj.core.groups.Tuple.tuple(DemoOrganisation.SECURITY_OFFICER, "APPROVED"),
            org.assertj.core.groups.Tuple.tuple("system", "RECORDED"));
  }

  @Test
  void aNewClientIsCheckedAgainstTheRequirementsAndRegisteredAsADevice() {
    // given a new client with 2FA, checked by the system administrator
    ProcessInstance instance = file(DemoOrganisation.DEVELOPMENT_HEAD, request("NEW_DEVICE", "subject", "ノートPC ThinkPad T14 Gen 5",
        "deviceKind", "CLIENT", "deviceId", "T-SA-PC-02", "location", "本社 開発設計部", "os", "Windows 11 Pro",
        "deviceOwnership", "COMPANY", "attestRequirementsMet", true, "attestTwoFactor", true));
    requests.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, instance, review());
    requests.complete(DemoOrganisation.SECURITY_OFFICER, instance, approve());
    // then the device is in the IT register
    ItRegister.Device device = register.device("T-SA-PC-02").orElseThrow();
    assertThat(device.kind()).isEqualTo("CLIENT");
    assertThat(device.owner()).isEqualTo(DemoOrganisation.DEVELOPMENT_HEAD);
    assertThat(device.departmentCode()).isEqualTo("development");
    assertThat(device.status()).isEqualTo(ItRegister.ACTIVE);
    // and the same node name cannot be requested again (7.3)
    assertThatThrownBy(() -> file(DemoOrganisation.DEVELOPMENT_HEAD, request("NEW_DEVICE", "subject", "別の PC", "deviceKind", "SERVER",
        "deviceId", "T-SA-PC-02", "location", "本社", "deviceOwnership", "COMPANY", "attestRequirementsMet", true)))
        .isInstanceOf(RequestValidationException.class).hasMessageContaining("deviceId");
  }

  @Test
  void theReviewerRejectsAndTheRequestEnds() {
    ProcessInstance instance = file(DemoOrganisation.DESIGN_EMPLOYEE, nonStandardSoftware());
    requests.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, instance, Map.of("decision", "REJECTED", "decisionComment", "標準ソフトウェアで足ります"));
    assertThat(instance).isEnded().hasPassed(SecurityApprovalProcess.END_REJECTED)
        .hasNotPassed(SecurityApprovalProcess.TASK_APPROVE);
    assertThat(register.software(TEST_SOFTWARE, "3.2")).isEmpty();
    assertThat(permits.find(instance.getBusinessKey())).isEmpty();
  }

  @Test
  void theApproverRejectsAndNothingIsRegistered() {
    ProcessInstance instance = file(DemoOrganisation.DESIGN_EMPLOYEE, unblock());
    requests.complete(DemoOrganisation.SECURITY_OFFICER, instance, Map.of("decision", "REJECTED", "decisionComment", "不要です"));
    assertThat(instance).isEnded().hasPassed(SecurityApprovalProcess.END_REJECTED);
    assertThat(permits.find(instance.getBusinessKey())).isEmpty();
  }

  // ---------------------------------------------------------------- send back, correction, withdrawal

  @Test
  void sentBackByTheReviewerItIsCorrectedResubmittedAndThenSentBackByTheApproverAndWithdrawn() {
    // given the reviewer sends it back
    Map<String, Object> wrong = nonStandardSoftware();
    wrong.put("softwareVersion", "3");
    ProcessInstance instance = file(DemoOrganisation.DESIGN_EMPLOYEE, wrong);
    requests.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, instance, Map.of("decision", "SENT_BACK", "decisionComment", "正確なバージョンを"));
    assertThat(instance).isWaitingAt(SecurityApprovalProcess.TASK_CORRECT);
    assertThat(requests.task(instance).getAssignee()).isEqualTo(DemoOrganisation.DESIGN_EMPLOYEE);
    // when yamamoto corrects and resubmits, the type's route is taken again from the start
    Map<String, Object> corrected = nonStandardSoftware();
    corrected.put("resubmission", "RESUBMIT");
    requests.complete(DemoOrganisation.DESIGN_EMPLOYEE, instance, corrected);
    assertThat(instance).isWaitingAt(SecurityApprovalProcess.TASK_REVIEW);
    requests.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, instance, review());
    // when the approver sends it back too, and yamamoto withdraws
    requests.complete(DemoOrganisation.SECURITY_OFFICER, instance, Map.of("decision", "SENT_BACK", "decisionComment", "目的を詳しく"));
    requests.complete(DemoOrganisation.DESIGN_EMPLOYEE, instance, Map.of("resubmission", "WITHDRAW"));
    // then it ended withdrawn, with nothing in the registers
    assertThat(instance).isEnded().hasPassed(SecurityApprovalProcess.END_WITHDRAWN);
    assertThat(register.software(TEST_SOFTWARE, "3.2")).isEmpty();
  }

  @Test
  void theRequesterWithdrawsAnOpenRequest() {
    ProcessInstance instance = file(DemoOrganisation.DESIGN_EMPLOYEE, unblock());
    withdrawal.withdraw(instance.getBusinessKey(), DemoOrganisation.DESIGN_EMPLOYEE, "不要になった");
    assertThat(instance).isEnded().hasPassed(SecurityApprovalProcess.END_WITHDRAWN_BY_REQUESTER);
  }

  // ---------------------------------------------------------------- follow-up before the permit is active

  @Test
  void anExternalDeviceIsConnectedOnlyAfterTheRequesterReportsUpdatedDefinitionsAndACleanScanAndThenLapses() {
    // given the security officer approved the LAN connection
    ProcessInstance instance = file(DemoOrganisation.DESIGN_EMPLOYEE, lanConnection());
    requests.complete(DemoOrganisation.SECURITY_OFFICER, instance, approve());
    // then the requester must report before connecting, and the device is not in the register yet
    assertThat(instance).isWaitingAt(SecurityApprovalProcess.TASK_PRE_CONNECTION_CHECK);
    assertThat(requests.task(instance).getAssignee()).isEqualTo(DemoOrganisation.DESIGN_EMPLOYEE);
    String deviceId = ApplySecurityApprovalDelegate.externalDeviceId(instance.getBusinessKey());
    assertThat(register.device(deviceId)).isEmpty();
    assertThat(permits.find(instance.getBusinessKey())).isEmpty();
    // a report without the full scan is refused with the clause
    assertThatThrownBy(() -> requests.complete(DemoOrganisation.DESIGN_EMPLOYEE, instance, Map.of("attestDefinitionsUpdated", true,
        "scanCompletedOn", TODAY.toString())))
        .isInstanceOf(RequestValidationException.class).hasMessageContaining("7.13")
        .hasMessageContaining("attestFullScanClean");
    assertThat(instance).isWaitingAt(SecurityApprovalProcess.TASK_PRE_CONNECTION_CHECK);
    // when both are attested
    requests.complete(DemoOrganisation.DESIGN_EMPLOYEE, instance, Map.of("attestDefinitionsUpdated", true, "attestFullScanClean", true,
        "scanCompletedOn", TODAY.toString()));
    // then the external device is in the register until the end date, and the permit is active
    ItRegister.Device device = register.device(deviceId).orElseThrow();
    assertThat(device.kind()).isEqualTo("EXTERNAL");
    assertThat(device.owner()).isEqualTo("サンプル保守株式会社");
    assertThat(device.validUntil()).isEqualTo(TODAY.plusDays(2));
    assertThat(device.status()).isEqualTo(ItRegister.ACTIVE);
    assertThat(permits.find(instance.getBusinessKey()).orElseThrow().status()).isEqualTo(SecurityPermits.ACTIVE);
    // when the end date passes, the device lapses in the register
    fireBothTimers(instance);
    assertThat(instance).isEnded().hasPassedInOrder(SecurityApprovalProcess.TASK_PRE_CONNECTION_CHECK,
        SecurityApprovalProcess.TASK_APPLY, SecurityApprovalProcess.TASK_RECORD_LAPSE,
        SecurityApprovalProcess.END_LAPSED);
    assertThat(register.device(deviceId).orElseThrow().status()).isEqualTo(ItRegister.LAPSED);
    assertThat(register.history(ItRegister.DEVICE, deviceId)).extracting(ItRegister.Change::change)
        .containsExactly("REGISTERED", "CONNECTION_LAPSED");
  }

  // ---------------------------------------------------------------- remote access

  @Test
  void remoteAccessIsPermittedForARegisteredClientAndTakenBackWhenItLapses() {
    ProcessInstance instance = file(DemoOrganisation.DESIGN_EMPLOYEE, request("REMOTE_ACCESS", "deviceId", "PC-DEV-001",
        "connectionMethod", "IPSEC_CARRIER", "validUntil", TODAY.plusDays(30).toString(), "attestWorkingHours", true));
    requests.complete(DemoOrganisation.SECURITY_OFFICER, instance, approve());
    ItRegister.Device device = register.device("PC-DEV-001").orElseThrow();
    assertThat(device.remoteAccess()).isTrue();
    assertThat(device.remoteAccessUntil()).isEqualTo(TODAY.plusDays(30));
    // the holder is told to report a lost device (7.25)
    assertThat(mailsTo(DemoOrganisation.DESIGN_EMPLOYEE)).anySatisfy(m -> assertThat(m).contains("紛失した場合", "7.25"));
    fireBothTimers(instance);
    assertThat(register.device("PC-DEV-001").orElseThrow().remoteAccess()).isFalse();
    assertThat(instance).isEnded().hasPassed(SecurityApprovalProcess.END_LAPSED);
  }

  @Test
  void remoteAccessFromADeviceNotInTheRegisterIsRefusedWithTheClause() {
    long before = instances();
    assertThatThrownBy(() -> file(DemoOrganisation.DESIGN_EMPLOYEE, request("REMOTE_ACCESS", "deviceId", "MY-HOME-PC",
        "connectionMethod", "IPSEC_CARRIER", "validUntil", TODAY.plusDays(30).toString(), "attestWorkingHours", true)))
        .isInstanceOf(RequestValidationException.class).hasMessageContaining("7.25").hasMessageContaining("deviceId");
    assertThat(instances()).isEqualTo(before);
  }

  // ---------------------------------------------------------------- internet mail address → account request

  @Test
  void anInternetMailAddressOnceApprovedStartsAnAccountRequestForTheExternalMailSystem() {
    // given the security officer approved lending kato an internet mail address
    ProcessInstance instance = file(DemoOrganisation.SYSTEM_ADMINISTRATOR, request("EXTERNAL_MAIL", "employeeId", DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE,
        "mailAddress", "kato.sa-test@sample-printing.example.jp"));
    requests.complete(DemoOrganisation.SECURITY_OFFICER, instance, approve());
    // then the account request is filed in a job of its own, after the approval is committed
    assertThat(instance).isWaitingAt(SecurityApprovalProcess.TASK_FILE_ACCOUNT_REQUEST);
    Job job = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).singleResult();
    engine.getManagementService().executeJob(job.getId());
    assertThat(instance).isEnded().hasPassed(SecurityApprovalProcess.END_ACCOUNT_REQUEST_FILED);
    String accountRequest = (String) engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).variableName(SecurityApprovalProcess.ACCOUNT_REQUEST_NUMBER)
        .singleResult().getValue();
    assertThat(accountRequest).startsWith("AR-");
    ProcessInstance account = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(accountRequest).singleResult();
    assertThat(engine.getRuntimeService().getVariables(account.getId())).containsEntry("system", "EXTERNAL_MAIL")
        .containsEntry("targetUserId", DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE).containsEntry("accountId", "kato.sa-test@sample-printing.example.jp")
        .containsEntry("requester", DemoOrganisation.SYSTEM_ADMINISTRATOR);
    assertThat(audit.forBusinessKey(accountRequest)).extracting(AuditEntry::outcome).containsExactly("FILED");
    assertThat(permits.find(instance.getBusinessKey()).orElseThrow().requestType()).isEqualTo("EXTERNAL_MAIL");
    // the account request runs on by its own flow; this test withdraws it
    withdrawal.withdraw(accountRequest, DemoOrganisation.SYSTEM_ADMINISTRATOR, "テストのため取り下げ");
  }

  @Test
  void anInternetMailAddressForSomeoneOutsideTheOrganisationIsRefused() {
    long before = instances();
    assertThatThrownBy(() -> file(DemoOrganisation.SYSTEM_ADMINISTRATOR, request("EXTERNAL_MAIL", "employeeId", "outsider",
        "mailAddress", "outsider@sample-printing.example.jp")))
        .isInstanceOf(RequestValidationException.class).hasMessageContaining("7.20");
    assertThat(instances()).isEqualTo(before);
  }

  // ---------------------------------------------------------------- every type: filed, routed, decided, recorded

  @ParameterizedTest(name = "{0}: {1} → {2}")
  @CsvSource({
      "PHOTO_RECORDING,       NONE,                 SECURITY_OFFICER,     6.1.2",
      "IT_INFRASTRUCTURE,     NONE,                 SECURITY_OFFICER,     7.1",
      "NON_STANDARD_SOFTWARE, SYSTEM_ADMINISTRATOR, SECURITY_OFFICER,     '7.4,7.7,7.9'",
      "NEW_DEVICE,            SYSTEM_ADMINISTRATOR, SECURITY_OFFICER,     '7.6,7.8,7.21'",
      "ANTIVIRUS,             NONE,                 SECURITY_OFFICER,     7.10",
      "WIRELESS_DEVICE,       NONE,                 SYSTEM_ADMINISTRATOR, 5.1.3",
      "UNBLOCK,               NONE,                 SECURITY_OFFICER,     7.16",
      "BROWSER_PASSWORD,      NONE,                 SYSTEM_ADMINISTRATOR, 7.16",
      "ONLINE_BANKING,        NONE,                 SECURITY_OFFICER,     7.17",
      "DATA_CENTRE,           NONE,                 SECURITY_OFFICER,     7.22",
  })
  void everyTypeIsFiledRoutedDecidedAndRecorded(String type, String reviewer, String approver, String clause) {
    // given a valid request of the type by kato, or by suzuki for the IT base (7.1)
    String requester = "IT_INFRASTRUCTURE".equals(type) ? DemoOrganisation.SYSTEM_ADMINISTRATOR : DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE;
    ProcessInstance instance = file(requester, validRequest(type));
    // then it is routed as its row of securityApprovalType says
    if (!"NONE".equals(reviewer)) {
      assertThat(instance).isWaitingAt(SecurityApprovalProcess.TASK_REVIEW);
      requests.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, instance, review());
    }
    assertThat(instance).isWaitingAt(SecurityApprovalProcess.TASK_APPROVE);
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "approverRole")).isEqualTo(approver);
    // the system administrator's own request goes up to the security officer (four eyes)
    String approverUser = "SYSTEM_ADMINISTRATOR".equals(approver) ? DemoOrganisation.SYSTEM_ADMINISTRATOR : DemoOrganisation.SECURITY_OFFICER;
    requests.complete(approverUser, instance, approve());
    if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).count() > 0) {
      fireBothTimers(instance);
    }
    // then it is recorded in the セキュリティ承認台帳 with its clause
    assertThat(instance).isEnded();
    SecurityPermits.Permit permit = permits.find(instance.getBusinessKey()).orElseThrow();
    assertThat(permit.clause()).isEqualTo(clause);
    assertThat(permit.holder()).isEqualTo(requester);
    assertThat(permit.approvedBy()).isEqualTo(approverUser);
    if ("DATA_CENTRE".equals(type)) {
      assertThat(permit.reviewDate()).isEqualTo(permit.approvedOn().plusYears(1));
    }
  }

  static Map<String, Object> validRequest(String type) {
    return switch (type) {
      case "PHOTO_RECORDING" -> request(type, "area", "第一工場 製造ライン", "participants", "小林 優、外部カメラマン1名",
          "validFrom", TODAY.toString(), "validUntil", TODAY.plusDays(1).toString());
      case "IT_INFRASTRUCTURE" -> request(type, "subject", "UTM 装置 FortiGate 70G", "securityMeasures",
          "ウイルス検知・メール送受信履歴・閲覧制限を有効化", "specDocument", "IT-SPEC-2026-03", "deviceId", "T-SA-UTM-02",
          "deviceKind", "NETWORK", "location", "本社 サーバー室");
      case "NON_STANDARD_SOFTWARE" -> nonStandardSoftware();
      case "NEW_DEVICE" -> request(type, "subject", "NAS", "deviceKind", "SERVER", "deviceId", "T-SA-NAS-01",
          "location", "本社 サーバー室", "deviceOwnership", "COMPANY", "attestRequirementsMet", true);
      case "ANTIVIRUS" -> request(type, "subject", "テスト用ウイルス対策", "softwareVersion", "1.0", "scope", "全クライアント");
      case "WIRELESS_DEVICE" -> request(type, "subject", "タブレット", "deviceId", "T-SA-TAB-02",
          "macAddress", "00-1A-2B-3C-4D-5F", "attestWpa2Aes", true, "attestPreSharedKey", true);
      case "UNBLOCK" -> unblock();
      case "BROWSER_PASSWORD" -> request(type, "subject", "https://bank.example.jp/");
      case "ONLINE_BANKING" -> request(type, "subject", "サンプル銀行 法人インターネットバンキング", "deviceId", "PC-GA-002",
          "attestOfficialUrl", true);
      case "DATA_CENTRE" -> request(type, "subject", "サンプルデータセンター 東日本", "dataCentreTier", "TIER_3",
          "classification", "INTERNAL", "ndaConcluded", true);
      default -> throw new IllegalArgumentException(type);
    };
  }

  // ---------------------------------------------------------------- refusals at filing

  @ParameterizedTest(name = "{0}: {2} ({3})")
  @CsvSource(delimiter = '|', value = {
      "SNS_USE               | yamamoto | 7.19 | requestType",
      "REMOTE_ACCESS         | yamamoto | 7.26 | connectionMethod",
      "NEW_DEVICE            | yamamoto | 7.8  | deviceOwnership",
      "NON_STANDARD_SOFTWARE | yamamoto | 7.4  | osJustification",
      "DATA_CENTRE           | yamamoto | 7.22 | dataCentreTier",
      "DATA_CENTRE_NO_NDA    | yamamoto | 7.22 | ndaConcluded",
      "IT_INFRASTRUCTURE     | yamamoto | 7.1  | requestType",
  })
  void whatTheRegulationForbidsIsRefusedAtFilingWithItsClauseAndNothingStarts(String kind, String user,
      String clause, String field) {
    Map<String, Object> variables = switch (kind) {
      case "SNS_USE" -> request("SNS_USE");
      case "REMOTE_ACCESS" -> request("REMOTE_ACCESS", "deviceId", "PC-DEV-001", "connectionMethod", "PUBLIC_WIFI",
          "validUntil", TODAY.plusDays(5).toString(), "attestWorkingHours", true);
      case "NEW_DEVICE" -> request("NEW_DEVICE", "subject", "私物スマートフォン", "deviceKind", "CLIENT",
          "deviceId", "T-SA-PRIVATE", "location", "自宅", "deviceOwnership", "PRIVATE", "attestRequirementsMet", true,
          "attestTwoFactor", true);
      case "NON_STANDARD_SOFTWARE" -> {
        Map<String, Object> linux = nonStandardSoftware();
        linux.put("softwareCategory", "OS");
        linux.put("subject", "Ubuntu Desktop");
        yield linux;
      }
      case "DATA_CENTRE" -> request("DATA_CENTRE", "subject", "格安ハウジング", "dataCentreTier", "NONE",
          "classification", "INTERNAL", "ndaConcluded", true);
      case "DATA_CENTRE_NO_NDA" -> request("DATA_CENTRE", "subject", "サンプルデータセンター", "dataCentreTier", "TIER_3",
          "classification", "INTERNAL");
      default -> validRequest("IT_INFRASTRUCTURE");
    };
    long instancesBefore = instances();
    int refusalsBefore = refusals();
    int registerBefore = registerChanges();
    // when
    assertThatThrownBy(() -> file(user, variables))
        // then refused with the clause and the field
        .isInstanceOfSatisfying(RequestValidationException.class, e -> {
          assertThat(e.isRefusal()).isTrue();
          assertThat(e.clauses()).isEqualTo(clause);
          assertThat(e.errors()).extracting(err -> err.field()).containsExactly(field);
        });
    // nothing started, nothing registered, the refusal recorded
    assertThat(instances()).isEqualTo(instancesBefore);
    assertThat(registerChanges()).isEqualTo(registerBefore);
    assertThat(refusals()).isEqualTo(refusalsBefore + 1);
  }

  @Test
  void aNonStandardOsWithItsJustificationIsAccepted() {
    Map<String, Object> linux = nonStandardSoftware();
    linux.put("softwareCategory", "OS");
    linux.put("osJustification", "検査装置の制御ソフトが Linux でのみ動作するため");
    ProcessInstance instance = file(DemoOrganisation.DESIGN_EMPLOYEE, linux);
    assertThat(instance).isWaitingAt(SecurityApprovalProcess.TASK_REVIEW);
    withdrawal.withdraw(instance.getBusinessKey(), DemoOrganisation.DESIGN_EMPLOYEE, null);
  }

  @ParameterizedTest(name = "{0} without {1}")
  @CsvSource({
      "PHOTO_RECORDING, area",
      "NEW_DEVICE,      attestTwoFactor",
      "WIRELESS_DEVICE, attestPreSharedKey",
      "ONLINE_BANKING,  attestOfficialUrl",
  })
  void aMissingStatementOrAttestationOfTheTypeIsA400NamingTheField(String type, String field) {
    Map<String, Object> variables = validRequest(type);
    if ("NEW_DEVICE".equals(type)) {
      variables.put("deviceKind", "CLIENT");
    } else {
      variables.remove(field);
    }
    long before = instances();
    assertThatThrownBy(() -> file(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, variables)).isInstanceOf(RequestValidationException.class)
        .hasMessageContaining(field);
    assertThat(instances()).isEqualTo(before);
  }

  @Test
  void anEndDateInThePastOrBeforeTheStartIsRefused() {
    assertThatThrownBy(() -> file(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, request("UNBLOCK", "subject", "x.example", "validUntil",
        TODAY.minusDays(1).toString()))).isInstanceOf(RequestValidationException.class)
        .hasMessageContaining("validUntil");
    assertThatThrownBy(() -> file(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, request("PHOTO_RECORDING", "area", "工場", "participants", "小林",
        "validFrom", TODAY.plusDays(3).toString(), "validUntil", TODAY.plusDays(1).toString())))
        .isInstanceOf(RequestValidationException.class).hasMessageContaining("validUntil");
  }

  @Test
  void softwareForADeviceNotInTheRegisterIsRefused() {
    Map<String, Object> variables = nonStandardSoftware();
    variables.put("targetDevices", "PC-DEV-001, NO-SUCH-PC");
    assertThatThrownBy(() -> file(DemoOrganisation.DESIGN_EMPLOYEE, variables)).isInstanceOf(RequestValidationException.class)
        .hasMessageContaining("NO-SUCH-PC");
  }
}
