package jp.sample.isms.outsourcing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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

/** bpmn/outsourcing.bpmn (8.1.1–8.1.4, 8.1.6): one test per path, on the real engine with the demo organisation. */
@IsmsSpringBootTest
class OutsourcingProcessTest {

  static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
  static final LocalDate TODAY = LocalDate.now(JAPAN);

  @Autowired
  ProcessEngine engine;
  @Autowired
  ContractorRegister register;
  @Autowired
  AuditRecorder audit;
  @Autowired
  RequestWithdrawal withdrawal;
  @Autowired
  JdbcTemplate jdbc;

  Requests requests;
  Outsourcings outsourcings;

  @BeforeEach
  void setUp() {
    requests = new Requests(engine);
    outsourcings = new Outsourcings(engine, jdbc);
  }

  @AfterEach
  void cleanUp() {
    Requests.resetClock();
    outsourcings.cleanUp();
  }

  private ProcessInstance selected() {
    ProcessInstance instance = outsourcings.file(DemoOrganisation.DESIGN_EMPLOYEE, Outsourcings.request());
    requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, Outsourcings.evaluationAllMet());
    requests.complete(DemoOrganisation.SECURITY_OFFICER, instance, Outsourcings.decision("APPROVED", ""));
    return instance;
  }

  private List<String> outcomes(ProcessInstance instance) {
    return audit.forBusinessKey(instance.getBusinessKey()).stream().map(AuditEntry::outcome).toList();
  }

  private long jobs(ProcessInstance instance) {
    return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).count();
  }

  @Test
  void selectedContractorIsContractedEvaluatedPeriodicallyAndTheContractEnds() {
    // given a request filed by yamamoto
    ProcessInstance instance = outsourcings.file(DemoOrganisation.DESIGN_EMPLOYEE, Outsourcings.request());
    assertThat(instance.getBusinessKey()).matches("OS-" + TODAY.getYear() + "-\\d{4}");
    assertThat(instance).isWaitingAt(OutsourcingProcess.TASK_EVALUATE);
    assertThat(requests.candidateGroups(requests.task(instance))).containsExactly("department-head.development");

    // when ito evaluates the contractor on the fifteen criteria and tanaka approves the selection
    requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, Outsourcings.evaluationAllMet());
    assertThat(instance).isWaitingAt(OutsourcingProcess.TASK_APPROVE);
    assertThat(requests.candidateGroups(requests.task(instance))).containsExactly("security-officer");
    requests.complete(DemoOrganisation.SECURITY_OFFICER, instance, Outsourcings.decision("APPROVED", ""));

    // then the contract is in the register as selected, with the evaluation at selection
    ContractorRegister.Contract contract = register.find(instance.getBusinessKey()).orElseThrow();
    assertThat(contract.status()).isEqualTo(ContractorRegister.SELECTED);
    assertThat(contract.evaluator()).isEqualTo(DemoOrganisation.DEVELOPMENT_HEAD);
    assertThat(contract.approver()).isEqualTo(DemoOrganisation.SECURITY_OFFICER);
    assertThat(contract.unmetCriteria()).isNull();
    assertThat(register.evaluations(instance.getBusinessKey())).singleElement()
        .satisfies(e -> assertThat(e.kind()).isEqualTo(ContractorRegister.SELECTION))
        .satisfies(e -> assertThat(e.findings()).startsWith("① 満たしている — 根拠: 訪問時に規程・記録を確認"));
    assertThat(instance).isWaitingAt(OutsourcingProcess.TASK_CONFIRM_CONTRACT).task().isAssignedTo(DemoOrganisation.DESIGN_EMPLOYEE);

    // when the requester confirms the contract and the NDA
    requests.complete(DemoOrganisation.DESIGN_EMPLOYEE, instance, Outsourcings.contractConfirmed());

    // then the contract runs until its end date, with the first evaluation due one interval after its start
    assertThat(instance).isWaitingAt(OutsourcingProcess.EVENT_CONTRACT_ENDED);
    contract = register.find(instance.getBusinessKey()).orElseThrow();
    assertThat(contract.status()).isEqualTo(ContractorRegister.RUNNING);
    assertThat(contract.contractConfirmedBy()).isEqualTo(DemoOrganisation.DESIGN_EMPLOYEE);
    assertThat(contract.evaluationInterval()).isEqualTo("P6M");
    Date firstDue = requests.timerDueDate(instance, OutsourcingProcess.BOUNDARY_EVALUATION_DUE);
    assertThat(firstDue.toInstant()).isEqualTo(TODAY.plusMonths(6).atTime(9, 0).atZone(JAPAN).toInstant());
    assertThat(requests.timerDueDate(instance, OutsourcingProcess.EVENT_CONTRACT_ENDED).toInstant())
        .isEqualTo(TODAY.plusYears(1).plusDays(1).atStartOfDay(JAPAN).toInstant());

    // when the evaluation comes due, the requester evaluates by visit and finds nothing
    ClockUtil.setCurrentTime(firstDue);
    requests.fireTimer(instance, OutsourcingProcess.BOUNDARY_EVALUATION_DUE);
    assertThat(instance).isWaitingAt(OutsourcingProcess.TASK_EVALUATE_PERIODICALLY,
        OutsourcingProcess.EVENT_CONTRACT_ENDED);
    assertThat(requests.task(instance)).satisfies(t -> assertThat(t.getAssignee()).isEqualTo(DemoOrganisation.DESIGN_EMPLOYEE));
    Date secondDue = requests.timerDueDate(instance, OutsourcingProcess.BOUNDARY_EVALUATION_DUE);
    assertThat(secondDue.toInstant()).isEqualTo(TODAY.plusMonths(12).atTime(9, 0).atZone(JAPAN).toInstant());
    requests.complete(DemoOrganisation.DESIGN_EMPLOYEE, instance, Outsourcings.periodicEvaluation("VISIT", null));

    // and again: an interview finds a shortfall, settled in writing
    ClockUtil.setCurrentTime(secondDue);
    requests.fireTimer(instance, OutsourcingProcess.BOUNDARY_EVALUATION_DUE);
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), OutsourcingProcess.EVALUATION_METHOD))
        .as("every evaluation starts from an empty form").isNull();
    requests.complete(DemoOrganisation.DESIGN_EMPLOYEE, instance, Outsourcings.periodicEvaluation("INTERVIEW", "入退室記録を毎日確認する旨の覚書を締結"));
    assertThat(instance).isWaitingAt(OutsourcingProcess.EVENT_CONTRACT_ENDED);

    // when the contract end date passes
    ClockUtil.setCurrentTime(requests.timerDueDate(instance, OutsourcingProcess.EVENT_CONTRACT_ENDED));
    requests.fireTimer(instance, OutsourcingProcess.EVENT_CONTRACT_ENDED);

    // then the instance is closed, no evaluation is due any more, and the register shows the contract ended
    assertThat(instance).isEnded().hasPassed(OutsourcingProcess.TASK_CLOSE_CONTRACT, OutsourcingProcess.END_CONTRACT_ENDED);
    assertThat(jobs(instance)).isZero();
    assertThat(register.find(instance.getBusinessKey()).orElseThrow().status()).isEqualTo(ContractorRegister.ENDED);
    List<ContractorRegister.Evaluation> evaluations = register.evaluations(instance.getBusinessKey());
    assertThat(evaluations).extracting(ContractorRegister.Evaluation::kind)
        .containsExactly(ContractorRegister.SELECTION, ContractorRegister.PERIODIC, ContractorRegister.PERIODIC);
    assertThat(evaluations).extracting(ContractorRegister.Evaluation::method).containsExactly(null, "VISIT", "INTERVIEW");
    assertThat(evaluations.get(1).findingIdentified()).isFalse();
    assertThat(evaluations.get(1).writtenAgreement()).isNull();
    assertThat(evaluations.get(2).findingIdentified()).isTrue();
    assertThat(evaluations.get(2).writtenAgreement()).isEqualTo("入退室記録を毎日確認する旨の覚書を締結");
    assertThat(evaluations.get(2).evaluator()).isEqualTo(DemoOrganisation.DESIGN_EMPLOYEE);
    assertThat(outcomes(instance)).containsExactly("FILED", "APPROVED", "APPROVED", "DONE", "DONE", "DONE", "ENDED");
    List<AuditEntry> records = audit.forBusinessKey(instance.getBusinessKey());
    assertThat(records.get(1).actingRole()).isEqualTo("DEPARTMENT_HEAD");
    assertThat(records.get(2).actingRole()).isEqualTo("SECURITY_OFFICER");
    assertThat(records).allSatisfy(r -> assertThat(r.flags()).isNull());
  }

  @Test
  void theContractEndStopsAnEvaluationInProgress() {
    ProcessInstance instance = outsourcings.running(DemoOrganisation.DESIGN_EMPLOYEE);
    requests.fireTimer(instance, OutsourcingProcess.BOUNDARY_EVALUATION_DUE);
    assertThat(instance).isWaitingAt(OutsourcingProcess.TASK_EVALUATE_PERIODICALLY);

    requests.fireTimer(instance, OutsourcingProcess.EVENT_CONTRACT_ENDED);

    assertThat(instance).isEnded().hasPassed(OutsourcingProcess.END_CONTRACT_ENDED)
        .hasNotPassed(OutsourcingProcess.END_EVALUATION_RECORDED);
    assertThat(requests.tasks(instance)).isEmpty();
    assertThat(jobs(instance)).isZero();
    assertThat(register.evaluations(instance.getBusinessKey())).hasSize(1);
  }

  @Test
  void anUnmetCriterionWithoutMitigationCannotReachApproval() {
    // given an evaluation that finds ③ not met and documents no mitigation
    ProcessInstance instance = outsourcings.file(DemoOrganisation.DESIGN_EMPLOYEE, Outsourcings.request());
    Map<String, Object> evaluation = Outsourcings.evaluationAllMet();
    evaluation.put("criterion03", "NOT_MET");
    evaluation.put("criterion03Evidence", "規程は作成中");
    evaluation.put("criterion07", "NOT_MET");
    evaluation.put("criterion07Mitigation", "当社資料は施錠キャビネットのある専用室でのみ扱う旨を契約に明記");

    // when ito proposes the selection, then 8.1.1 refuses it and nothing is recorded
    assertThatThrownBy(() -> requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, evaluation))
        .isInstanceOf(RequestValidationException.class)
        .hasMessageContaining("8.1.1: 委託先評価基準「③情報セキュリティ対策を定める規程等を整備している」を満たしていません"
            + ": 対策を記載しない限り選定を上申できません (criterion03Mitigation)")
        .hasMessageNotContaining("criterion07Mitigation");
    assertThat(instance).isWaitingAt(OutsourcingProcess.TASK_EVALUATE);
    assertThat(outcomes(instance)).containsExactly("FILED");

    // when the mitigation is documented, then the selection goes up and the register keeps the unmet criteria
    evaluation.put("criterion03Mitigation", "規程の整備まで当社の規程を準用させ、3か月後に確認する");
    requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, evaluation);
    requests.complete(DemoOrganisation.SECURITY_OFFICER, instance, Outsourcings.decision("APPROVED", ""));
    ContractorRegister.Contract contract = register.find(instance.getBusinessKey()).orElseThrow();
    assertThat(contract.unmetCriteria()).isEqualTo("③⑦");
    assertThat(register.evaluations(instance.getBusinessKey()).get(0).findings())
        .contains("③ 満たしていない — 根拠: 規程は作成中 — 対策: 規程の整備まで当社の規程を準用させ、3か月後に確認する");
  }

  @Test
  void anIncompleteEvaluationIsRefusedFieldByField() {
    ProcessInstance instance = outsourcings.file(DemoOrganisation.DESIGN_EMPLOYEE, Outsourcings.request());
    Map<String, Object> evaluation = Outsourcings.evaluationAllMet();
    evaluation.remove("criterion15");
    evaluation.put("criterion14Evidence", "");
    assertThatThrownBy(() -> requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, evaluation))
        .isInstanceOf(RequestValidationException.class)
        .hasMessageContaining("criterion15: 「⑮業務で使用するサーバー・パソコンに利用制限等を設け管理している」を評価してください")
        .hasMessageContaining("criterion14Evidence: 「⑭業務で使用するサーバー・パソコンは利用者認証機能を設定している」の根拠を記入してください");
    assertThat(instance).isWaitingAt(OutsourcingProcess.TASK_EVALUATE);
  }

  @Test
  void assetsAreNotHandedOverBeforeTheContractAndTheNdaCarryEveryItem() {
    ProcessInstance instance = selected();
    Map<String, Object> contract = Outsourcings.contractConfirmed();
    contract.put("contractAuditRights", false);
    contract.put("ndaAssetInventory", false);

    assertThatThrownBy(() -> requests.complete(DemoOrganisation.DESIGN_EMPLOYEE, instance, contract))
        .isInstanceOf(RequestValidationException.class)
        .hasMessageContaining("8.1.3: 委託契約書に「情報セキュリティ対策の実施状況に関する監査の方法とその権限」が含まれていることを"
            + "確認するまで情報資産は引き渡せません (contractAuditRights)")
        .hasMessageContaining("8.1.6: 秘密保持契約に「情報資産の目録の作成」が含まれていることを確認するまで情報資産は引き渡せません"
            + " (ndaAssetInventory)");

    assertThat(instance).isWaitingAt(OutsourcingProcess.TASK_CONFIRM_CONTRACT);
    assertThat(register.find(instance.getBusinessKey()).orElseThrow().status()).isEqualTo(ContractorRegister.SELECTED);
    assertThat(outcomes(instance)).containsExactly("FILED", "APPROVED", "APPROVED");
  }

  @Test
  void aFindingWithoutAWrittenAgreementIsRefused() {
    ProcessInstance instance = outsourcings.running(DemoOrganisation.DESIGN_EMPLOYEE);
    requests.fireTimer(instance, OutsourcingProcess.BOUNDARY_EVALUATION_DUE);
    Map<String, Object> evaluation = Outsourcings.periodicEvaluation("WRITTEN_REPORT", null);
    evaluation.put("findingIdentified", true);

    assertThatThrownBy(() -> requests.complete(DemoOrganisation.DESIGN_EMPLOYEE, instance, evaluation))
        .isInstanceOf(RequestValidationException.class)
        .hasMessageContaining("8.1.4: 評価基準の実施に不備又は変更が認められた場合は、双方協議のうえ書面で合意した対処を記録してください"
            + " (writtenAgreement)");

    assertThat(instance).isWaitingAt(OutsourcingProcess.TASK_EVALUATE_PERIODICALLY);
    assertThat(register.evaluations(instance.getBusinessKey())).hasSize(1);
  }

  @Test
  void sentBackBySecurityOfficerIsCorrectedAndResubmitted() {
    ProcessInstance instance = outsourcings.file(DemoOrganisation.DESIGN_EMPLOYEE, Outsourcings.request());
    requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, Outsourcings.evaluationAllMet());
    requests.complete(DemoOrganisation.SECURITY_OFFICER, instance, Outsourcings.decision("SENT_BACK", "契約期間を半年にしてください"));
    assertThat(instance).isWaitingAt(OutsourcingProcess.TASK_CORRECT).task().isAssignedTo(DemoOrganisation.DESIGN_EMPLOYEE);
    assertThat(register.find(instance.getBusinessKey())).isEmpty();

    Map<String, Object> corrected = Outsourcings.request();
    corrected.put("contractEnd", TODAY.plusMonths(6).toString());
    corrected.put("resubmission", "RESUBMIT");
    requests.complete(DemoOrganisation.DESIGN_EMPLOYEE, instance, corrected);

    // the department evaluates again, then the security officer decides
    assertThat(instance).isWaitingAt(OutsourcingProcess.TASK_EVALUATE);
    requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, Outsourcings.evaluationAllMet());
    requests.complete(DemoOrganisation.SECURITY_OFFICER, instance, Outsourcings.decision("APPROVED", ""));
    assertThat(instance).isWaitingAt(OutsourcingProcess.TASK_CONFIRM_CONTRACT);
    assertThat(register.find(instance.getBusinessKey()).orElseThrow().contractEnd()).isEqualTo(TODAY.plusMonths(6));
    assertThat(outcomes(instance)).containsExactly("FILED", "APPROVED", "SENT_BACK", "RESUBMITTED", "APPROVED",
        "APPROVED");
  }

  @Test
  void sentBackByTheEvaluatorIsWithdrawn() {
    ProcessInstance instance = outsourcings.file(DemoOrganisation.DESIGN_EMPLOYEE, Outsourcings.request());
    requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, Outsourcings.decision("SENT_BACK", "別の委託先も比較してください"));
    assertThat(instance).isWaitingAt(OutsourcingProcess.TASK_CORRECT);

    requests.complete(DemoOrganisation.DESIGN_EMPLOYEE, instance, Map.of("resubmission", "WITHDRAW"));

    assertThat(instance).isEnded().hasPassed(OutsourcingProcess.END_WITHDRAWN);
    assertThat(register.find(instance.getBusinessKey())).isEmpty();
    assertThat(outcomes(instance)).containsExactly("FILED", "SENT_BACK", "WITHDRAWN");
  }

  @Test
  void rejectedByTheEvaluator() {
    ProcessInstance instance = outsourcings.file(DemoOrganisation.DESIGN_EMPLOYEE, Outsourcings.request());
    requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, Outsourcings.decision("REJECTED", "委託先の体制が不十分"));
    assertThat(instance).isEnded().hasPassed(OutsourcingProcess.END_REJECTED);
    assertThat(register.find(instance.getBusinessKey())).isEmpty();
  }

  @Test
  void rejectedByTheSecurityOfficer() {
    ProcessInstance instance = outsourcings.file(DemoOrganisation.DESIGN_EMPLOYEE, Outsourcings.request());
    requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, Outsourcings.evaluationAllMet());
    assertThatThrownBy(() -> requests.complete(DemoOrganisation.SECURITY_OFFICER, instance, Outsourcings.decision("REJECTED", "")))
        .isInstanceOf(RequestValidationException.class).hasMessageContaining("却下の場合はコメントが必須です");
    requests.complete(DemoOrganisation.PRESIDENT, instance, Outsourcings.decision("REJECTED", "極秘情報を扱う実績がない"));
    assertThat(instance).isEnded().hasPassed(OutsourcingProcess.END_REJECTED);
    assertThat(register.find(instance.getBusinessKey())).isEmpty();
    assertThat(audit.latest(instance.getId(), OutsourcingProcess.TASK_APPROVE).comment()).isEqualTo("極秘情報を扱う実績がない");
  }

  @Test
  void requesterWithdrawsBeforeTheSelectionIsApprovedButNotAfter() {
    ProcessInstance open = outsourcings.file(DemoOrganisation.DESIGN_EMPLOYEE, Outsourcings.request());
    assertThatThrownBy(() -> withdrawal.withdraw(open.getBusinessKey(), DemoOrganisation.DEVELOPMENT_HEAD, null))
        .isInstanceOf(RequestWithdrawal.WithdrawalRefusedException.class).hasMessageContaining("申請者本人");
    withdrawal.withdraw(open.getBusinessKey(), DemoOrganisation.DESIGN_EMPLOYEE, "委託をやめた");
    assertThat(open).isEnded().hasPassed(OutsourcingProcess.END_WITHDRAWN_BY_REQUESTER);
    assertThat(outcomes(open)).containsExactly("FILED", "WITHDRAWN");

    ProcessInstance approved = selected();
    assertThatThrownBy(() -> withdrawal.withdraw(approved.getBusinessKey(), DemoOrganisation.DESIGN_EMPLOYEE, null))
        .isInstanceOf(RequestWithdrawal.WithdrawalRefusedException.class).hasMessageContaining("承認済み");
    assertThat(approved).isWaitingAt(OutsourcingProcess.TASK_CONFIRM_CONTRACT);
  }

  @Test
  void onlyTheRoleHoldersAndTheRequesterTakeTheirSteps() {
    ProcessInstance instance = outsourcings.file(DemoOrganisation.DESIGN_EMPLOYEE, Outsourcings.request());
    // the requester holds no role for the evaluation, nor the head of another department
    assertThatThrownBy(() -> requests.complete(DemoOrganisation.DESIGN_EMPLOYEE, instance, Outsourcings.evaluationAllMet()))
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> requests.complete(DemoOrganisation.HR_HEAD, instance, Outsourcings.evaluationAllMet()))
        .isInstanceOf(AuthorizationException.class);
    requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, Outsourcings.evaluationAllMet());
    // the evaluator cannot approve the selection: he does not hold the security officer's role
    assertThatThrownBy(() -> requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, Outsourcings.decision("APPROVED", "")))
        .isInstanceOf(AuthorizationException.class);
    requests.complete(DemoOrganisation.SECURITY_OFFICER, instance, Outsourcings.decision("APPROVED", ""));
    // the contract step is the requester's own
    assertThatThrownBy(() -> requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, Outsourcings.contractConfirmed()))
        .isInstanceOf(AuthorizationException.class);
    assertThat(instance).isWaitingAt(OutsourcingProcess.TASK_CONFIRM_CONTRACT);
  }

  @Test
  void anInvalidContractPeriodIsRefusedAndNothingIsPersisted() {
    Map<String, Object> variables = new HashMap<>(Outsourcings.request());
    variables.put("contractStart", TODAY.plusDays(10).toString());
    variables.put("contractEnd", TODAY.plusDays(5).toString());
    // the classification of what is handed over is the register's: a requester's word is not a field of the form
    variables.put("assetClassification", "PUBLIC");
    long before = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(OutsourcingProcess.KEY).count();

    assertThatThrownBy(() -> outsourcings.file(DemoOrganisation.DESIGN_EMPLOYEE, variables))
        .isInstanceOf(RequestValidationException.class)
        .hasMessageContaining("contractEnd: 契約終了日は契約開始日より後の日付にしてください")
        .hasMessageContaining("assetClassification: このフォームにない項目です");

    variables.remove("assetClassification");
    variables.put("contractStart", TODAY.minusYears(1).toString());
    variables.put("contractEnd", TODAY.minusDays(1).toString());
    assertThatThrownBy(() -> outsourcings.file(DemoOrganisation.DESIGN_EMPLOYEE, variables))
        .isInstanceOf(RequestValidationException.class)
        .hasMessageContaining("contractEnd: 契約終了日に過去の日付は指定できません");
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(OutsourcingProcess.KEY).count()).isEqualTo(before);
  }

  @Test
  void theAssetsHandedOverComeFromTheRegisterWithTheirClassification() {
    long before = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(OutsourcingProcess.KEY).count();
    // kobayashi (製造部) cannot hand over 開発設計部's 極秘 drawings (3.1.4)
    Map<String, Object> outside = new HashMap<>(Outsourcings.request());
    outside.put("assetIds", "IA-0002");
    assertThatThrownBy(() -> outsourcings.file(DemoOrganisation.PRODUCTION_EMPLOYEE, outside)).isInstanceOf(RequestValidationException.class)
        .hasMessageContaining("3.1.4: 情報資産 IA-0002 (顧客特注機の設計図面) の利用者範囲に含まれていません (assetIds)");
    // only 公開 assets: not an outsourcing of 8.1
    Map<String, Object> publicOnly = new HashMap<>(Outsourcings.request());
    publicOnly.put("assetIds", "IA-0003");
    assertThatThrownBy(() -> outsourcings.file(DemoOrganisation.DESIGN_EMPLOYEE, publicOnly)).isInstanceOf(RequestValidationException.class)
        .hasMessageContaining("8.1.1: 委託先の評価は社外秘又は極秘の情報資産の処理・授受を伴う委託に行います");
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(OutsourcingProcess.KEY).count()).isEqualTo(before);
    // the register's highest classification is what the request carries
    Map<String, Object> mixed = new HashMap<>(Outsourcings.request());
    mixed.put("assetIds", "IA-0001, IA-0002");
    ProcessInstance instance = outsourcings.file(DemoOrganisation.DESIGN_EMPLOYEE, mixed);
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "assetClassification")).isEqualTo("SECRET");
    engine.getRuntimeService().deleteProcessInstance(instance.getId(), "test cleanup");
  }
}
