package jp.sample.isms.resubcontracting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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
import jp.sample.isms.support.Outsourcings;
import jp.sample.isms.support.Requests;
import jp.sample.isms.support.DemoOrganisation;

/** bpmn/resubcontracting.bpmn (8.1.5): one test per path, on the real engine with the demo organisation. */
@IsmsSpringBootTest
class ResubcontractingProcessTest {

  static final byte[] PDF = "%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};

  @Autowired
  ProcessEngine engine;
  @Autowired
  ResubcontractorRegister register;
  @Autowired
  AuditRecorder audit;
  @Autowired
  RequestWithdrawal withdrawal;
  @Autowired
  JdbcTemplate jdbc;

  Requests requests;
  Outsourcings outsourcings;
  final List<ProcessInstance> started = new ArrayList<>();

  @BeforeEach
  void setUp() {
    requests = new Requests(engine);
    outsourcings = new Outsourcings(engine, jdbc);
  }

  @AfterEach
  void cleanUp() {
    List<String> ids = started.stream().map(ProcessInstance::getId).toList();
    if (!ids.isEmpty()) {
      engine.getRuntimeService().deleteProcessInstancesIfExists(ids, "test clean-up", true, true, true);
    }
    started.forEach(i -> jdbc.update("delete from resubcontractor_register where business_key = ?", i.getBusinessKey()));
    started.clear();
    outsourcings.cleanUp();
  }

  static Map<String, Object> request(String outsourcingBusinessKey) {
    return Outsourcings.resubcontracting(outsourcingBusinessKey);
  }

  static Map<String, Object> equivalenceConfirmed() {
    Map<String, Object> variables = Outsourcings.decision("APPROVED", "");
    variables.put("equivalentSelectionCriteria", true);
    variables.put("equivalentContractTerms", true);
    variables.put("equivalentPeriodicEvaluation", true);
    return variables;
  }

  private ProcessInstance file(String requester, Map<String, Object> variables) {
    ProcessInstance instance = requests.file(requester, ResubcontractingProcess.KEY, variables);
    started.add(instance);
    return instance;
  }

  private void attach(ProcessInstance instance, String type, String name, byte[] content) {
    Task task = requests.task(instance);
    requests.as(task.getAssignee(), () -> engine.getTaskService().createAttachment(type, task.getId(),
        instance.getId(), name, "再委託の資料", new ByteArrayInputStream(content)));
  }

  /** Filed by {@code requester} for a running outsourcing, with the three documents attached: waiting for the review. */
  private ProcessInstance documented(String requester, String outsourcingBusinessKey) {
    ProcessInstance instance = file(requester, request(outsourcingBusinessKey));
    attach(instance, "PRIOR_REPORT", "再委託事前報告書.pdf", PDF);
    attach(instance, "CONTRACT_EXTRACT", "契約書案_抜粋.pdf", PDF);
    attach(instance, "SELECTION_CRITERIA", "選定基準.png", PNG);
    requests.complete(requester, instance, Map.of("comment", ""));
    return instance;
  }

  private List<String> outcomes(ProcessInstance instance) {
    return audit.forBusinessKey(instance.getBusinessKey()).stream().map(AuditEntry::outcome).toList();
  }

  @Test
  void approvedResubcontractorIsLinkedToTheRunningContract() {
    // given a running outsourcing of yamamoto's
    ProcessInstance outsourcing = outsourcings.running(DemoOrganisation.DESIGN_EMPLOYEE);

    // when yamamoto files the re-subcontracting
    ProcessInstance instance = file(DemoOrganisation.DESIGN_EMPLOYEE, request(outsourcing.getBusinessKey()));

    // then he is asked for the documents, and the request knows the outsourcing it belongs to
    assertThat(instance.getBusinessKey()).matches("RS-\\d{4}-\\d{4}");
    assertThat(instance).isWaitingAt(ResubcontractingProcess.TASK_ATTACH_DOCUMENTS).task().isAssignedTo(DemoOrganisation.DESIGN_EMPLOYEE);
    assertThat(instance).variables().containsEntry("outsourcingContractor", "株式会社データ入力サービス")
        .containsEntry("outsourcingRequester", DemoOrganisation.DESIGN_EMPLOYEE).containsEntry("outsourcingDepartmentName", "開発設計部");

    // when the documents are attached, ito confirms equivalence and tanaka approves
    attach(instance, "PRIOR_REPORT", "再委託事前報告書.pdf", PDF);
    attach(instance, "CONTRACT_EXTRACT", "契約書案_抜粋.pdf", PDF);
    attach(instance, "SELECTION_CRITERIA", "選定基準.png", PNG);
    requests.complete(DemoOrganisation.DESIGN_EMPLOYEE, instance, Map.of("comment", "委託先から報告書を受領"));
    assertThat(instance).isWaitingAt(ResubcontractingProcess.TASK_REVIEW);
    assertThat(requests.candidateGroups(instance)).containsExactly("department-head.development");
    requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, equivalenceConfirmed());
    assertThat(instance).isWaitingAt(ResubcontractingProcess.TASK_APPROVE);
    assertThat(requests.candidateGroups(instance)).containsExactly("security-officer");
    requests.complete(DemoOrganisation.SECURITY_OFFICER, instance, Outsourcings.decision("APPROVED", ""));

    // then the re-subcontractor is in the register, linked to the contract, with the documents approved on
    assertThat(instance).isEnded().hasPassed(ResubcontractingProcess.END_APPROVED);
    ResubcontractorRegister.Entry entry = register.find(instance.getBusinessKey()).orElseThrow();
    assertThat(entry.outsourcingBusinessKey()).isEqualTo(outsourcing.getBusinessKey());
    assertThat(entry.resubcontractor()).isEqualTo("有限会社入力パートナー");
    assertThat(entry.reviewer()).isEqualTo(DemoOrganisation.DEVELOPMENT_HEAD);
    assertThat(entry.approver()).isEqualTo(DemoOrganisation.SECURITY_OFFICER);
    assertThat(entry.documents().lines()).hasSize(3)
        .anySatisfy(line -> assertThat(line).matches("PRIOR_REPORT=[^:]+:[0-9a-f]{64}"));
    assertThat(register.forOutsourcing(outsourcing.getBusinessKey())).extracting(ResubcontractorRegister.Entry::businessKey)
        .containsExactly(instance.getBusinessKey());
    assertThat(outcomes(instance)).containsExactly("FILED", "DONE", "APPROVED", "APPROVED");
    List<AuditEntry> records = audit.forBusinessKey(instance.getBusinessKey());
    assertThat(records.get(2).actingRole()).isEqualTo("DEPARTMENT_HEAD");
    assertThat(records.get(3).actingRole()).isEqualTo("SECURITY_OFFICER");
    assertThat(records).allSatisfy(r -> assertThat(r.clauses()).isEqualTo("8.1.5"));
    // the outsourcing runs on
    assertThat(outsourcing).isWaitingAt(Outsourcings.CONTRACT_ENDED);
  }

  @Test
  void theHeadOfTheDepartmentOwningTheOutsourcingReviewsWhoeverFiles() {
    // kato of 総務部 files for an outsourcing of 開発設計部
    ProcessInstance outsourcing = outsourcings.running(DemoOrganisation.DESIGN_EMPLOYEE);
    ProcessInstance instance = documented(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, outsourcing.getBusinessKey());

    assertThat(requests.candidateGroups(instance)).containsExactly("department-head.development");
    // neither the requester nor the head of another department may review
    assertThatThrownBy(() -> requests.complete(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, instance, equivalenceConfirmed()))
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> requests.complete(DemoOrganisation.MANUFACTURING_HEAD, instance, equivalenceConfirmed()))
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> requests.complete(DemoOrganisation.HR_HEAD, instance, equivalenceConfirmed()))
        .isInstanceOf(AuthorizationException.class);
    requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, equivalenceConfirmed());
    // the reviewer does not hold the security officer's role
    assertThatThrownBy(() -> requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, Outsourcings.decision("APPROVED", "")))
        .isInstanceOf(AuthorizationException.class);
    requests.complete(DemoOrganisation.SECURITY_OFFICER, instance, Outsourcings.decision("APPROVED", ""));
    assertThat(instance).isEnded().hasPassed(ResubcontractingProcess.END_APPROVED);
  }

  @Test
  void theOwningDepartmentHeadsOwnRequestGoesToThePresident() {
    // ito, the only head of 開発設計部, files for his department's outsourcing
    ProcessInstance outsourcing = outsourcings.running(DemoOrganisation.DESIGN_EMPLOYEE);
    ProcessInstance instance = documented(DemoOrganisation.DEVELOPMENT_HEAD, outsourcing.getBusinessKey());

    assertThat(requests.candidateGroups(instance)).containsExactly("president");
    requests.complete(DemoOrganisation.SECURITY_OFFICER, instance, equivalenceConfirmed());
    assertThat(audit.latest(instance.getId(), ResubcontractingProcess.TASK_REVIEW).actingRole()).isEqualTo("PRESIDENT");

    // tanaka, who reviewed, is the only security officer too: a documented repeat, not a silent one
    requests.complete(DemoOrganisation.SECURITY_OFFICER, instance, Outsourcings.decision("APPROVED", ""));
    AuditEntry approval = audit.latest(instance.getId(), ResubcontractingProcess.TASK_APPROVE);
    assertThat(approval.actingRole()).isEqualTo("SECURITY_OFFICER");
    assertThat(approval.flags()).isEqualTo("REPEATED_APPROVER");
    assertThat(instance).isEnded().hasPassed(ResubcontractingProcess.END_APPROVED);
  }

  @Test
  void refusedAtFilingUnlessTheOutsourcingIsRunningAndNothingIsPersisted() {
    ProcessInstance inEvaluation = outsourcings.file(DemoOrganisation.DESIGN_EMPLOYEE, Outsourcings.request());
    ProcessInstance ended = outsourcings.running(DemoOrganisation.DESIGN_EMPLOYEE);
    requests.fireTimer(ended, Outsourcings.CONTRACT_ENDED);
    assertThat(ended).isEnded();
    long before = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(ResubcontractingProcess.KEY).count();
    Integer refusalsBefore = refusals();

    assertThatThrownBy(() -> file(DemoOrganisation.DESIGN_EMPLOYEE, request("OS-1999-9999")))
        .isInstanceOf(RequestValidationException.class)
        .hasMessage("8.1.5: 業務委託 OS-1999-9999 は存在しません: 再委託は契約中の業務委託についてのみ承認できます"
            + " (outsourcingBusinessKey)");
    assertThatThrownBy(() -> file(DemoOrganisation.DESIGN_EMPLOYEE, request(inEvaluation.getBusinessKey())))
        .isInstanceOf(RequestValidationException.class)
        .hasMessageContaining("8.1.5: 業務委託 " + inEvaluation.getBusinessKey() + " はまだ契約中ではありません");
    assertThatThrownBy(() -> file(DemoOrganisation.DESIGN_EMPLOYEE, request(ended.getBusinessKey())))
        .isInstanceOf(RequestValidationException.class)
        .hasMessageContaining("8.1.5: 業務委託 " + ended.getBusinessKey() + " は終了しています");
    assertThatThrownBy(() -> file(DemoOrganisation.DESIGN_EMPLOYEE, request("TO-2026-0001")))
        .isInstanceOf(RequestValidationException.class)
        .hasMessageContaining("outsourcingBusinessKey: 「業務委託の申請番号」の形式が正しくありません");

    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(ResubcontractingProcess.KEY).count()).isEqualTo(before);
    assertThat(refusals()).isEqualTo(refusalsBefore + 3);
  }

  @Test
  void theDocumentsMustBeAttachedBeforeTheReview() {
    ProcessInstance outsourcing = outsourcings.running(DemoOrganisation.DESIGN_EMPLOYEE);
    Map<String, Object> certified = request(outsourcing.getBusinessKey());
    certified.put("resubcontractorCertified", true);
    ProcessInstance instance = file(DemoOrganisation.DESIGN_EMPLOYEE, certified);

    // nothing attached
    assertThatThrownBy(() -> requests.complete(DemoOrganisation.DESIGN_EMPLOYEE, instance, Map.of("comment", "")))
        .isInstanceOf(RequestValidationException.class)
        .hasMessageContaining("8.1.5: 再委託の承認には次の資料の添付 (PDF・PNG・JPEG、10MB以下) が必要です: "
            + "委託先からの事前の書面による報告 (PRIOR_REPORT)、委託先と再委託先との契約書案の写し (情報セキュリティに関連する部分)"
            + " (CONTRACT_EXTRACT)、再委託先の選定基準 (SELECTION_CRITERIA)、再委託先の認証・認定の証書の写し (CERTIFICATION)"
            + " (attachments)");

    // a renamed text file, a file of no known kind, and the rest but the certificate
    attach(instance, "PRIOR_REPORT", "報告書.pdf", "not a pdf".getBytes(StandardCharsets.UTF_8));
    attach(instance, "MEMO", "メモ.pdf", PDF);
    attach(instance, "CONTRACT_EXTRACT", "契約書案_抜粋.pdf", PDF);
    attach(instance, "SELECTION_CRITERIA", "選定基準.pdf", PDF);
    assertThatThrownBy(() -> requests.complete(DemoOrganisation.DESIGN_EMPLOYEE, instance, Map.of("comment", "")))
        .isInstanceOf(RequestValidationException.class)
        .hasMessageContaining("委託先からの事前の書面による報告 (PRIOR_REPORT)、再委託先の認証・認定の証書の写し (CERTIFICATION)")
        .hasMessageContaining("添付「報告書.pdf」の内容は PDF ではありません")
        .hasMessageContaining("添付「メモ.pdf」の種類 (MEMO) は")
        .hasMessageNotContaining("(CONTRACT_EXTRACT)");
    assertThat(instance).isWaitingAt(ResubcontractingProcess.TASK_ATTACH_DOCUMENTS);
    assertThat(outcomes(instance)).containsExactly("FILED");

    attach(instance, "PRIOR_REPORT", "報告書.pdf", PDF);
    attach(instance, "certification", "ISMS認証登録証.png", PNG);
    requests.complete(DemoOrganisation.DESIGN_EMPLOYEE, instance, Map.of("comment", ""));
    assertThat(instance).isWaitingAt(ResubcontractingProcess.TASK_REVIEW);
  }

  @Test
  void theReviewerApprovesOnlyHavingConfirmedEquivalence() {
    ProcessInstance outsourcing = outsourcings.running(DemoOrganisation.DESIGN_EMPLOYEE);
    ProcessInstance instance = documented(DemoOrganisation.DESIGN_EMPLOYEE, outsourcing.getBusinessKey());
    Map<String, Object> review = equivalenceConfirmed();
    review.put("equivalentContractTerms", false);

    assertThatThrownBy(() -> requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, review))
        .isInstanceOf(RequestValidationException.class)
        .hasMessage("8.1.5: 「8.1.3 委託契約の締結」と同等の管理を再委託先に求めていることを確認しない限り承認できません"
            + " (equivalentContractTerms)");
    assertThat(instance).isWaitingAt(ResubcontractingProcess.TASK_REVIEW);
  }

  @Test
  void aContractEndedSinceTheReviewCannotBeApprovedAndIsRejected() {
    ProcessInstance outsourcing = outsourcings.running(DemoOrganisation.DESIGN_EMPLOYEE);
    ProcessInstance instance = documented(DemoOrganisation.DESIGN_EMPLOYEE, outsourcing.getBusinessKey());
    requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, equivalenceConfirmed());
    requests.fireTimer(outsourcing, Outsourcings.CONTRACT_ENDED);

    assertThatThrownBy(() -> requests.complete(DemoOrganisation.SECURITY_OFFICER, instance, Outsourcings.decision("APPROVED", "")))
        .isInstanceOf(RequestValidationException.class)
        .hasMessageContaining("8.1.5: 業務委託 " + outsourcing.getBusinessKey() + " は終了しています");

    requests.complete(DemoOrganisation.SECURITY_OFFICER, instance, Outsourcings.decision("REJECTED", "委託契約が終了したため"));
    assertThat(instance).isEnded().hasPassed(ResubcontractingProcess.END_REJECTED);
    assertThat(register.find(instance.getBusinessKey())).isEmpty();
  }

  @Test
  void sentBackBySecurityOfficerIsCorrectedAndReviewedAgain() {
    ProcessInstance outsourcing = outsourcings.running(DemoOrganisation.DESIGN_EMPLOYEE);
    ProcessInstance instance = documented(DemoOrganisation.DESIGN_EMPLOYEE, outsourcing.getBusinessKey());
    requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, equivalenceConfirmed());
    requests.complete(DemoOrganisation.SECURITY_OFFICER, instance, Outsourcings.decision("SENT_BACK", "再委託する業務の範囲を具体的に"));
    assertThat(instance).isWaitingAt(ResubcontractingProcess.TASK_CORRECT).task().isAssignedTo(DemoOrganisation.DESIGN_EMPLOYEE);

    Map<String, Object> corrected = request(outsourcing.getBusinessKey());
    corrected.put("scopeOfWork", "アンケート回答のうち自由記述欄 (約300件) の入力");
    corrected.put("resubmission", "RESUBMIT");
    requests.complete(DemoOrganisation.DESIGN_EMPLOYEE, instance, corrected);

    // the documents are still attached; the review starts from unchecked boxes
    assertThat(instance).isWaitingAt(ResubcontractingProcess.TASK_ATTACH_DOCUMENTS);
    requests.complete(DemoOrganisation.DESIGN_EMPLOYEE, instance, Map.of("comment", ""));
    assertThat(instance).isWaitingAt(ResubcontractingProcess.TASK_REVIEW);
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "equivalentContractTerms")).isEqualTo(false);
    requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, equivalenceConfirmed());
    requests.complete(DemoOrganisation.SECURITY_OFFICER, instance, Outsourcings.decision("APPROVED", ""));
    assertThat(instance).isEnded().hasPassed(ResubcontractingProcess.END_APPROVED);
    assertThat(register.find(instance.getBusinessKey()).orElseThrow().scopeOfWork()).contains("約300件");
    assertThat(outcomes(instance)).containsExactly("FILED", "DONE", "APPROVED", "SENT_BACK", "RESUBMITTED", "DONE",
        "APPROVED", "APPROVED");
  }

  @Test
  void sentBackByTheReviewerIsWithdrawn() {
    ProcessInstance outsourcing = outsourcings.running(DemoOrganisation.DESIGN_EMPLOYEE);
    ProcessInstance instance = documented(DemoOrganisation.DESIGN_EMPLOYEE, outsourcing.getBusinessKey());
    requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, Outsourcings.decision("SENT_BACK", "選定基準が古い版です"));
    requests.complete(DemoOrganisation.DESIGN_EMPLOYEE, instance, Map.of("resubmission", "WITHDRAW"));
    assertThat(instance).isEnded().hasPassed(ResubcontractingProcess.END_WITHDRAWN);
    assertThat(register.find(instance.getBusinessKey())).isEmpty();
  }

  @Test
  void rejectedByTheReviewer() {
    ProcessInstance outsourcing = outsourcings.running(DemoOrganisation.DESIGN_EMPLOYEE);
    ProcessInstance instance = documented(DemoOrganisation.DESIGN_EMPLOYEE, outsourcing.getBusinessKey());
    requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, Outsourcings.decision("REJECTED", "再委託先の管理が当社と同等ではない"));
    assertThat(instance).isEnded().hasPassed(ResubcontractingProcess.END_REJECTED);
    assertThat(register.find(instance.getBusinessKey())).isEmpty();
  }

  @Test
  void requesterWithdrawsWhileTheRequestIsReviewed() {
    ProcessInstance outsourcing = outsourcings.running(DemoOrganisation.DESIGN_EMPLOYEE);
    ProcessInstance attaching = file(DemoOrganisation.DESIGN_EMPLOYEE, request(outsourcing.getBusinessKey()));
    // the kernel lets a requester withdraw while an approval or a correction is open, not their own follow-up step
    assertThatThrownBy(() -> withdrawal.withdraw(attaching.getBusinessKey(), DemoOrganisation.DESIGN_EMPLOYEE, null))
        .isInstanceOf(RequestWithdrawal.WithdrawalRefusedException.class);

    ProcessInstance instance = documented(DemoOrganisation.DESIGN_EMPLOYEE, outsourcing.getBusinessKey());
    assertThatThrownBy(() -> withdrawal.withdraw(instance.getBusinessKey(), DemoOrganisation.DEVELOPMENT_HEAD, null))
        .isInstanceOf(RequestWithdrawal.WithdrawalRefusedException.class).hasMessageContaining("申請者本人");
    withdrawal.withdraw(instance.getBusinessKey(), DemoOrganisation.DESIGN_EMPLOYEE, "委託先が再委託をやめた");
    assertThat(instance).isEnded().hasPassed(ResubcontractingProcess.END_WITHDRAWN_BY_REQUESTER);
    assertThat(outcomes(instance)).containsExactly("FILED", "DONE", "WITHDRAWN");
  }

  private Integer refusals() {
    return jdbc.queryForObject(
        "select count(*) from audit_record where outcome = 'REFUSED' and flow_key = 'resubcontracting'", Integer.class);
  }
}
