package jp.sample.isms.assetregistration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.approval.RequestValidationException;
import jp.sample.isms.approval.RequestWithdrawal;
import jp.sample.isms.asset.AssetKind;
import jp.sample.isms.asset.Classification;
import jp.sample.isms.asset.ClassificationReason;
import jp.sample.isms.asset.InformationAsset;
import jp.sample.isms.asset.InformationAssets;
import jp.sample.isms.audit.AuditEntry;
import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.support.Requests;
import jp.sample.isms.support.DemoOrganisation;

/** bpmn/assetRegistration.bpmn (3.1.1–3.1.4): one test per path, on the real engine with the demo organisation. */
@IsmsSpringBootTest
class AssetRegistrationProcessTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  InformationAssets assets;
  @Autowired
  AuditRecorder audit;
  @Autowired
  RequestWithdrawal withdrawal;

  Requests requests;

  @BeforeEach
  void setUp() {
    requests = new Requests(engine);
  }

  /** An INTERNAL document of 開発設計部 in the register, as an import would have left it. */
  private InformationAsset givenAsset(Classification classification, ClassificationReason reason) {
    return assets.save(new InformationAsset(assets.nextId(), 0, "金型設計の検討メモ", null, AssetKind.DOCUMENT,
        "開発設計部 キャビネットA", classification, reason, "development", List.of(), List.of(), "ファイルに表示", false,
        false, "3年", InformationAsset.Status.ACTIVE, null, null, null, null), "system", "IMPORT", "IMPORTED",
        audit.now());
  }

  static Map<String, Object> registration() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("changeKind", "REGISTER");
    variables.put("name", "展示会用 製品紹介動画");
    variables.put("kind", "ELECTRONIC_DATA");
    variables.put("location", "\\\\fileserver\\開発設計部\\社外秘\\動画");
    variables.put("classification", "INTERNAL");
    variables.put("classificationReason", "MAJOR_IMPACT_ON_BUSINESS");
    variables.put("userDepartments", "general-affairs");
    variables.put("labelling", "フォルダー名に「社外秘」");
    variables.put("labelImpossible", false);
    variables.put("personalData", false);
    variables.put("changeReason", "展示会で使うため");
    return variables;
  }

  static Map<String, Object> change(String assetId, Map<String, Object> fields) {
    Map<String, Object> variables = new HashMap<>(fields);
    variables.put("changeKind", "CHANGE");
    variables.put("assetId", assetId);
    variables.put("changeReason", "見直し");
    return variables;
  }

  static Map<String, Object> approve() {
    return Map.of("decision", "APPROVED", "decisionComment", "");
  }

  private List<String> outcomes(ProcessInstance instance) {
    return audit.forBusinessKey(instance.getBusinessKey()).stream().map(AuditEntry::outcome).toList();
  }

  @Test
  void aNewAssetIsRegisteredWhenItsOwnersHeadApproves() {
    // when yamamoto files a new INTERNAL asset of 開発設計部
    ProcessInstance instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, AssetRegistrationProcess.KEY, registration());
    // then its 管理責任者, the head of 開発設計部, decides alone
    assertThat(instance).isWaitingAt(AssetRegistrationProcess.TASK_APPROVE_BY_OWNER);
    assertThat(instance.getBusinessKey()).startsWith("AR-");
    assertThat(requests.candidateGroups(instance)).containsExactly("department-head.development");
    assertThatThrownBy(() -> requests.complete(DemoOrganisation.DESIGN_EMPLOYEE, instance, approve()))
        .isInstanceOf(AuthorizationException.class);
    requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, approve());
    // and the register has the asset, version 1, made by this request
    assertThat(instance).isEnded().hasPassed(AssetRegistrationProcess.END_CHANGED);
    String assetId = (String) engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).variableName("assetId").singleResult().getValue();
    InformationAsset registered = assets.find(assetId).orElseThrow();
    assertThat(registered.name()).isEqualTo("展示会用 製品紹介動画");
    assertThat(registered.ownerDepartment()).isEqualTo("development");
    assertThat(registered.userDepartments()).containsExactly("general-affairs");
    assertThat(registered.version()).isEqualTo(1);
    assertThat(registered.changeReference()).isEqualTo(instance.getBusinessKey());
    assertThat(registered.changeKind()).isEqualTo("REGISTERED");
    assertThat(registered.changedBy()).isEqualTo(DemoOrganisation.DESIGN_EMPLOYEE);
    assertThat(outcomes(instance)).containsExactly("FILED", "APPROVED");
  }

  @Test
  void raisingToSecretNeedsTheSecurityOfficerToo() {
    // given an INTERNAL asset of 開発設計部
    InformationAsset asset = givenAsset(Classification.INTERNAL, ClassificationReason.MAJOR_IMPACT_ON_BUSINESS);
    // when yamamoto asks to make it SECRET
    ProcessInstance instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, AssetRegistrationProcess.KEY, change(asset.assetId(),
        Map.of("classification", "SECRET", "classificationReason", "CONFIDENTIALITY_OBLIGATION")));
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "currentClassification")).isEqualTo("INTERNAL");
    requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, approve());
    // then the security officer approves as well, and only then is it changed
    assertThat(instance).isWaitingAt(AssetRegistrationProcess.TASK_APPROVE_BY_SECURITY_OFFICER);
    assertThat(requests.candidateGroups(instance)).containsExactly("security-officer");
    assertThat(assets.find(asset.assetId()).orElseThrow().classification()).isEqualTo(Classification.INTERNAL);
    requests.complete(DemoOrganisation.SECURITY_OFFICER, instance, approve());
    assertThat(instance).isEnded().hasPassed(AssetRegistrationProcess.END_CHANGED);
    InformationAsset changed = assets.find(asset.assetId()).orElseThrow();
    assertThat(changed.classification()).isEqualTo(Classification.SECRET);
    assertThat(changed.version()).isEqualTo(2);
    assertThat(changed.changeKind()).isEqualTo("RECLASSIFIED");
    assertThat(changed.name()).isEqualTo(asset.name());
    assertThat(assets.history(asset.assetId())).extracting(InformationAsset::changeReference)
        .containsExactly("IMPORT", instance.getBusinessKey());
    // and a take-out of it now goes to the president (3.2)
    Map<String, Object> takeOut = Requests.internalLaptopTakeOut();
    takeOut.put("assetIds", asset.assetId());
    ProcessInstance takeOutInstance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, "takeOut", takeOut);
    assertThat(requests.candidateGroups(takeOutInstance)).containsExactly("president");
  }

  @Test
  void theSecurityOfficerRejectsLoweringASecretAsset() {
    InformationAsset asset = givenAsset(Classification.SECRET, ClassificationReason.CONFIDENTIALITY_OBLIGATION);
    ProcessInstance instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, AssetRegistrationProcess.KEY, change(asset.assetId(),
        Map.of("classification", "PUBLIC", "classificationReason", "NO_IMPACT")));
    requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, approve());
    requests.complete(DemoOrganisation.SECURITY_OFFICER, instance, Map.of("decision", "REJECTED", "decisionComment", "守秘義務契約が継続中"));
    assertThat(instance).isEnded().hasPassed(AssetRegistrationProcess.END_REJECTED);
    assertThat(assets.find(asset.assetId()).orElseThrow().version()).isEqualTo(1);
  }

  @Test
  void theOwnersHeadRejects() {
    ProcessInstance instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, AssetRegistrationProcess.KEY, registration());
    requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, Map.of("decision", "REJECTED", "decisionComment", "既存の IA-0003 で足りる"));
    assertThat(instance).isEnded().hasPassed(AssetRegistrationProcess.END_REJECTED);
    assertThat(outcomes(instance)).containsExactly("FILED", "REJECTED");
  }

  @Test
  void aSentBackRequestIsCorrectedAndResubmitted() {
    InformationAsset asset = givenAsset(Classification.INTERNAL, ClassificationReason.MAJOR_IMPACT_ON_BUSINESS);
    ProcessInstance instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, AssetRegistrationProcess.KEY, change(asset.assetId(),
        Map.of("userDepartments", "manufacturing")));
    requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, Map.of("decision", "SENT_BACK", "decisionComment", "総務部も加えてください"));
    assertThat(instance).isWaitingAt(AssetRegistrationProcess.TASK_CORRECT).task().isAssignedTo(DemoOrganisation.DESIGN_EMPLOYEE);
    Map<String, Object> corrected = change(asset.assetId(), Map.of("userDepartments", "manufacturing, general-affairs",
        "resubmission", "RESUBMIT"));
    requests.complete(DemoOrganisation.DESIGN_EMPLOYEE, instance, corrected);
    requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, approve());
    assertThat(instance).isEnded().hasPassed(AssetRegistrationProcess.END_CHANGED);
    InformationAsset changed = assets.find(asset.assetId()).orElseThrow();
    assertThat(changed.userDepartments()).containsExactly("manufacturing", "general-affairs");
    assertThat(changed.changeKind()).isEqualTo("SCOPE_CHANGED");
    // kato (総務部) is now in its user scope (3.1.4)
    Map<String, Object> takeOut = Requests.internalLaptopTakeOut(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE);
    takeOut.put("assetIds", asset.assetId());
    assertThat(requests.file(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, "takeOut", takeOut)).isWaitingAt("UserTask_ApproveTakeOut");
  }

  @Test
  void aRequestSentBackByTheSecurityOfficerIsWithdrawn() {
    InformationAsset asset = givenAsset(Classification.SECRET, ClassificationReason.CONFIDENTIALITY_OBLIGATION);
    ProcessInstance instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, AssetRegistrationProcess.KEY, change(asset.assetId(),
        Map.of("location", "開発設計部 金庫")));
    requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, approve());
    requests.complete(DemoOrganisation.SECURITY_OFFICER, instance, Map.of("decision", "SENT_BACK", "decisionComment", "金庫の番号は?"));
    assertThat(instance).isWaitingAt(AssetRegistrationProcess.TASK_CORRECT);
    requests.complete(DemoOrganisation.DESIGN_EMPLOYEE, instance, Map.of("resubmission", "WITHDRAW"));
    assertThat(instance).isEnded().hasPassed(AssetRegistrationProcess.END_WITHDRAWN);
    assertThat(assets.find(asset.assetId()).orElseThrow().location()).isEqualTo("開発設計部 キャビネットA");
  }

  @Test
  void theRequesterWithdrawsAnOpenRequest() {
    ProcessInstance instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, AssetRegistrationProcess.KEY, registration());
    withdrawal.withdraw(instance.getBusinessKey(), DemoOrganisation.DESIGN_EMPLOYEE, "不要になった");
    assertThat(instance).isEnded().hasPassed(AssetRegistrationProcess.END_WITHDRAWN_BY_REQUESTER);
  }

  @Test
  void aRetiredAssetCanNoLongerBeTakenOut() {
    InformationAsset asset = givenAsset(Classification.INTERNAL, ClassificationReason.MAJOR_IMPACT_ON_BUSINESS);
    ProcessInstance instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, AssetRegistrationProcess.KEY,
        Map.of("changeKind", "RETIRE", "assetId", asset.assetId(), "changeReason", "溶解処理した"));
    requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, approve());
    InformationAsset retired = assets.find(asset.assetId()).orElseThrow();
    assertThat(retired.retired()).isTrue();
    assertThat(retired.changeKind()).isEqualTo("RETIRED");
    Map<String, Object> takeOut = Requests.internalLaptopTakeOut();
    takeOut.put("assetIds", asset.assetId());
    assertThatThrownBy(() -> requests.file(DemoOrganisation.DESIGN_EMPLOYEE, "takeOut", takeOut))
        .isInstanceOf(RequestValidationException.class).hasMessageContaining("3.1.1: 廃棄済の情報資産です");
    // nor changed again
    assertThatThrownBy(() -> requests.file(DemoOrganisation.DESIGN_EMPLOYEE, AssetRegistrationProcess.KEY, change(asset.assetId(),
        Map.of("name", "x")))).isInstanceOf(RequestValidationException.class).hasMessageContaining("3.1.1: 廃棄済");
  }

  @Test
  void requestsTheRegulationForbidsAreRefusedAndNothingIsStarted() {
    long before = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(AssetRegistrationProcess.KEY).count();
    // kato (総務部) asks to change 開発設計部's drawings (3.1.3)
    assertThatThrownBy(() -> requests.file(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, AssetRegistrationProcess.KEY, change("IA-0001",
        Map.of("classification", "PUBLIC", "classificationReason", "NO_IMPACT"))))
        .isInstanceOf(RequestValidationException.class).hasMessageContaining("3.1.3: 情報資産 IA-0001 の変更・廃棄は保有部門の者");
    // a criterion of another classification, a department the organisation lacks, no label (3.1.1, 3.1.4, 3.1.2)
    Map<String, Object> wrong = registration();
    wrong.put("classification", "PUBLIC");
    wrong.put("classificationReason", "LEGAL_SAFEGUARDS");
    wrong.put("userDepartments", "sales");
    wrong.remove("labelling");
    assertThatThrownBy(() -> requests.file(DemoOrganisation.DESIGN_EMPLOYEE, AssetRegistrationProcess.KEY, wrong))
        .isInstanceOf(RequestValidationException.class)
        .hasMessageContaining("3.1.1: 評価の基準が機密性の表にありません")
        .hasMessageContaining("3.1.4: 利用者範囲の部署が組織にありません (sales)")
        .hasMessageContaining("(labelling)");
    // a classification outside the table, an unknown asset
    Map<String, Object> outside = registration();
    outside.put("classification", "TOP_SECRET");
    assertThatThrownBy(() -> requests.file(DemoOrganisation.DESIGN_EMPLOYEE, AssetRegistrationProcess.KEY, outside))
        .isInstanceOf(RequestValidationException.class).hasMessageContaining("classification");
    assertThatThrownBy(() -> requests.file(DemoOrganisation.DESIGN_EMPLOYEE, AssetRegistrationProcess.KEY, change("IA-9999",
        Map.of("name", "x")))).isInstanceOf(RequestValidationException.class).hasMessageContaining("3.1.1: 情報資産管理台帳にない");
    // tanaka belongs to no department: no asset is his department's to register
    assertThatThrownBy(() -> requests.file(DemoOrganisation.SECURITY_OFFICER, AssetRegistrationProcess.KEY, registration()))
        .isInstanceOf(RequestValidationException.class).hasMessageContaining("3.1.3:");
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(AssetRegistrationProcess.KEY).count()).isEqualTo(before);
    assertThat(assets.find("IA-0001").orElseThrow().classification()).isEqualTo(Classification.INTERNAL);
  }

  // ---------------------------------------------------------------- moving an asset to another owner (3.1.3)

  static Map<String, Object> move(String assetId, String newOwner) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("changeKind", "MOVE");
    variables.put("assetId", assetId);
    variables.put("newOwnerDepartment", newOwner);
    variables.put("changeReason", "量産に移行したため製造部で管理する");
    return variables;
  }

  @Test
  void aMoveToAnotherDepartmentIsApprovedByBothHeadsAndMakesANewVersion() {
    // given an INTERNAL asset of 開発設計部
    InformationAsset asset = givenAsset(Classification.INTERNAL, ClassificationReason.MAJOR_IMPACT_ON_BUSINESS);
    // when yamamoto asks to hand it to 製造部
    ProcessInstance instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, AssetRegistrationProcess.KEY,
        move(asset.assetId(), "manufacturing"));
    // then the current 管理責任者 approves first, then the head of 製造部
    assertThat(requests.candidateGroups(instance)).containsExactly("department-head.development");
    requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, approve());
    assertThat(instance).isWaitingAt(AssetRegistrationProcess.TASK_APPROVE_BY_NEW_OWNER);
    assertThat(requests.candidateGroups(instance)).containsExactly("department-head.manufacturing");
    assertThat(assets.find(asset.assetId()).orElseThrow().ownerDepartment()).isEqualTo("development");
    assertThatThrownBy(() -> requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, approve()))
        .isInstanceOf(AuthorizationException.class);
    requests.complete(DemoOrganisation.MANUFACTURING_HEAD, instance, approve());
    // and the register has a new version owned by 製造部, made by this request
    assertThat(instance).isEnded().hasPassed(AssetRegistrationProcess.END_CHANGED)
        .hasNotPassed(AssetRegistrationProcess.TASK_APPROVE_BY_SECURITY_OFFICER);
    InformationAsset moved = assets.find(asset.assetId()).orElseThrow();
    assertThat(moved.ownerDepartment()).isEqualTo("manufacturing");
    assertThat(moved.version()).isEqualTo(2);
    assertThat(moved.changeKind()).isEqualTo("MOVED");
    assertThat(moved.changeReference()).isEqualTo(instance.getBusinessKey());
    assertThat(moved.name()).isEqualTo(asset.name());
    assertThat(audit.forBusinessKey(instance.getBusinessKey())).extracting(AuditEntry::actingRole)
        .containsExactly("REQUESTER", "DEPARTMENT_HEAD", "DEPARTMENT_HEAD");
    // a take-out of it now goes to its new 管理責任者 (3.2)
    Map<String, Object> takeOut = Requests.internalLaptopTakeOut(DemoOrganisation.PRODUCTION_EMPLOYEE);
    takeOut.put("assetIds", asset.assetId());
    assertThat(requests.candidateGroups(requests.file(DemoOrganisation.PRODUCTION_EMPLOYEE, "takeOut", takeOut)))
        .containsExactly("department-head.manufacturing");
  }

  @Test
  void movingASecretAssetNeedsTheSecurityOfficerToo() {
    InformationAsset asset = givenAsset(Classification.SECRET, ClassificationReason.CONFIDENTIALITY_OBLIGATION);
    ProcessInstance instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, AssetRegistrationProcess.KEY,
        move(asset.assetId(), "general-affairs"));
    requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, approve());
    requests.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, instance, approve());
    assertThat(instance).isWaitingAt(AssetRegistrationProcess.TASK_APPROVE_BY_SECURITY_OFFICER);
    requests.complete(DemoOrganisation.SECURITY_OFFICER, instance, approve());
    assertThat(assets.find(asset.assetId()).orElseThrow().ownerDepartment()).isEqualTo("general-affairs");
  }

  @Test
  void theNewOwnersHeadRejectsOrSendsBack() {
    InformationAsset asset = givenAsset(Classification.INTERNAL, ClassificationReason.MAJOR_IMPACT_ON_BUSINESS);
    ProcessInstance rejected = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, AssetRegistrationProcess.KEY,
        move(asset.assetId(), "hr"));
    requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, rejected, approve());
    requests.complete(DemoOrganisation.HR_HEAD, rejected, Map.of("decision", "REJECTED", "decisionComment", "人事部の業務ではない"));
    assertThat(rejected).isEnded().hasPassed(AssetRegistrationProcess.END_REJECTED);
    assertThat(assets.find(asset.assetId()).orElseThrow().ownerDepartment()).isEqualTo("development");

    ProcessInstance sentBack = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, AssetRegistrationProcess.KEY,
        move(asset.assetId(), "hr"));
    requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, sentBack, approve());
    requests.complete(DemoOrganisation.HR_HEAD, sentBack, Map.of("decision", "SENT_BACK", "decisionComment", "製造部では?"));
    assertThat(sentBack).isWaitingAt(AssetRegistrationProcess.TASK_CORRECT);
    Map<String, Object> corrected = move(asset.assetId(), "manufacturing");
    corrected.put("resubmission", "RESUBMIT");
    requests.complete(DemoOrganisation.DESIGN_EMPLOYEE, sentBack, corrected);
    requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, sentBack, approve());
    assertThat(requests.candidateGroups(sentBack)).containsExactly("department-head.manufacturing");
    withdrawal.withdraw(sentBack.getBusinessKey(), DemoOrganisation.DESIGN_EMPLOYEE, "テスト後の片付け");
  }

  @Test
  void aMoveIsFiledByTheOwningDepartmentToADepartmentThatExists() {
    InformationAsset asset = givenAsset(Classification.INTERNAL, ClassificationReason.MAJOR_IMPACT_ON_BUSINESS);
    long before = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(AssetRegistrationProcess.KEY).count();
    // kobayashi (製造部) cannot take 開発設計部's asset for his department
    assertThatThrownBy(() -> requests.file(DemoOrganisation.PRODUCTION_EMPLOYEE, AssetRegistrationProcess.KEY,
        move(asset.assetId(), "manufacturing"))).isInstanceOf(RequestValidationException.class)
        .hasMessageContaining("3.1.3: 情報資産 " + asset.assetId() + " の変更・廃棄は保有部門の者");
    // no department, the same one, one the organisation lacks
    for (String target : new String[] {null, "development", "sales"}) {
      Map<String, Object> wrong = move(asset.assetId(), target);
      if (target == null) {
        wrong.remove("newOwnerDepartment");
      }
      assertThatThrownBy(() -> requests.file(DemoOrganisation.DESIGN_EMPLOYEE, AssetRegistrationProcess.KEY, wrong))
          .isInstanceOf(RequestValidationException.class)
          .hasMessageContaining("3.1.3: 移管先として、組織にある、現在の保有部門 (development) 以外の部門を指定してください")
          .hasMessageContaining("(newOwnerDepartment)");
    }
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(AssetRegistrationProcess.KEY).count()).isEqualTo(before);
    assertThat(assets.find(asset.assetId()).orElseThrow().version()).isEqualTo(1);
  }
}
