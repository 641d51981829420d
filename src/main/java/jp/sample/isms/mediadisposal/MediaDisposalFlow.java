package jp.sample.isms.mediadisposal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.FlowDecisions;
import jp.sample.isms.approval.RequestFlow;
import jp.sample.isms.approval.RequestInput;
import jp.sample.isms.approval.RequestValues;
import jp.sample.isms.approval.ValidationErrors;
import jp.sample.isms.asset.AssetSelection;
import jp.sample.isms.asset.Classification;
import jp.sample.isms.asset.InformationAsset;
import jp.sample.isms.engine.EngineInternals;

/**
 * The rules of a media disposal request (3.3.1, 3.3.2, 4.1.2) beyond its form: the combination of medium, action and
 * method must be one the decision table {@code mediaDisposalMethod} allows, else the request is refused at filing with
 * the clause; outsourced destruction names its contractor; and it cannot be closed without the certificate of
 * destruction attached.
 */
@Component
class MediaDisposalFlow implements RequestFlow {

  static final String CLAUSE_DISPOSAL = "3.3.1";
  static final String CLAUSE_REUSE = "3.3.2";
  static final String CLAUSE_BACKUP = "4.1.2";

  /** The outcome of {@code mediaDisposalMethod} for one combination. */
  record MethodDecision(boolean allowed, String clause, String reason) {
  }

  private final FlowDecisions decisions;
  private final DestructionCertificates certificates;
  private final MediaDisposalRegister register;
  private final AssetSelection selection;

  MediaDisposalFlow(FlowDecisions decisions, DestructionCertificates certificates,
      MediaDisposalRegister register, AssetSelection selection) {
    this.selection = selection;
    this.decisions = decisions;
    this.certificates = certificates;
    this.register = register;
  }

  /** The register shows a cancelled (取消) or terminated request as such, never 申請中 for ever. */
  @Override
  public void ended(String businessKey, String outcome) {
    register.status(businessKey, outcome);
  }

  @Override
  public String processKey() {
    return MediaDisposalProcess.KEY;
  }

  @Override
  public String businessKeyPrefix() {
    return "MD";
  }

  @Override
  public String nameEn() {
    return "Disposal and reuse of media";
  }

  @Override
  public void validateRequest(RequestInput input, ValidationErrors errors) {
    validateAssets(input, errors);
    Object quantity = input.variables().get(MediaDisposalProcess.QUANTITY);
    if (quantity != null && !quantity.toString().isBlank() && !isWholeNumber(quantity)) {
      errors.field(MediaDisposalProcess.QUANTITY, "数量は1以上の整数で入力してください");
    }
    String method = input.string(MediaDisposalProcess.METHOD);
    if (MediaDisposalProcess.OUTSOURCED_DESTRUCTION.equals(method)
        && input.string(MediaDisposalProcess.CONTRACTOR) == null) {
      errors.field(MediaDisposalProcess.CONTRACTOR, "外部に委託する場合は委託先を入力してください");
    }
    String mediaType = input.string(MediaDisposalProcess.MEDIA_TYPE);
    String action = input.string(MediaDisposalProcess.ACTION);
    // an unknown or missing value is already an error of the form: the table judges only complete requests
    if (mediaType == null || action == null || method == null || errors.has(MediaDisposalProcess.MEDIA_TYPE)
        || errors.has(MediaDisposalProcess.ACTION) || errors.has(MediaDisposalProcess.METHOD)) {
      return;
    }
    MethodDecision decision = decideMethod(mediaType, action, method, input.processInstanceId());
    if (!decision.allowed()) {
      errors.refuse(MediaDisposalProcess.METHOD, decision.clause(), decision.reason());
    }
  }

  /**
   * 3.1, 3.1.3, 3.1.4: the assets on the medium come from the register, in the requester's user scope and of one
   * 管理責任者; or the medium holds unregistered information, said so. A last copy can only be one of registered
   * assets that need approval: a 公開 asset is retired through the register's own request.
   */
  private void validateAssets(RequestInput input, ValidationErrors errors) {
    String ids = input.string(MediaDisposalProcess.ASSET_IDS);
    boolean unregistered = input.isTrue(MediaDisposalProcess.UNREGISTERED_CONTENT);
    List<InformationAsset> selected = selection.select(ids, input.requester(), MediaDisposalProcess.ASSET_IDS,
        errors);
    if (ids == null && !unregistered) {
      errors.refuse(MediaDisposalProcess.ASSET_IDS, "3.1.1",
          "媒体に保存された情報資産を情報資産管理台帳から選ぶか、「台帳に未登録の情報が保存されている」を選んでください");
    }
    if (ids != null && unregistered) {
      errors.refuse(MediaDisposalProcess.UNREGISTERED_CONTENT, "3.1.1",
          "台帳の情報資産と未登録の情報は別々に申請してください (未登録の情報は先に台帳に登録できます)");
    }
    if (selected.stream().map(InformationAsset::ownerDepartment).distinct().count() > 1) {
      errors.refuse(MediaDisposalProcess.ASSET_IDS, "3.1.3", "管理責任者 (保有部門) の異なる情報資産は別々に申請してください");
    }
    if (input.isTrue(MediaDisposalProcess.LAST_COPY)) {
      if (ids == null) {
        errors.refuse(MediaDisposalProcess.LAST_COPY, "3.1.1", "最後の複製として廃棄できるのは台帳に登録された情報資産だけです");
      } else if (!selected.isEmpty() && Classification.highest(selected.stream()
          .map(InformationAsset::classification).toList()) == Classification.PUBLIC) {
        errors.refuse(MediaDisposalProcess.LAST_COPY, "3.1.1", "公開の情報資産を台帳から廃棄するには"
            + "「情報資産管理台帳の登録・変更・廃棄申請」(廃棄) で管理責任者の承認を得てください");
      }
    }
  }

  /**
   * 3.1.3: the 管理責任者's step goes to the head of the department owning the assets (the requester's own for
   * unregistered content); a 極秘 one above the department heads, to the president.
   */
  @Override
  public String ownerDepartment(VariableScope execution) {
    if (!"DEPARTMENT_HEAD".equals(execution.getVariable(MediaDisposalProcess.OWNER_ROLE))) {
      return null;
    }
    return RequestValues.string(execution.getVariable(MediaDisposalProcess.ASSET_OWNER_DEPARTMENT));
  }

  @Override
  public void validateStep(String taskDefinitionKey, RequestInput input, ValidationErrors errors) {
    if (!MediaDisposalProcess.TASK_REPORT_EXECUTION.equals(taskDefinitionKey)) {
      return;
    }
    LocalDate executedOn = input.date(MediaDisposalProcess.EXECUTED_ON);
    if (executedOn != null && executedOn.isAfter(input.today())) {
      errors.field(MediaDisposalProcess.EXECUTED_ON, "実施日に未来の日付は指定できません");
    }
    if (MediaDisposalProcess.OUTSOURCED_DESTRUCTION.equals(input.string(MediaDisposalProcess.METHOD))) {
      DestructionCertificates.Check check = certificates.check(input.processInstanceId());
      if (!check.found()) {
        String problems = check.problems().isEmpty() ? "" : " (" + String.join("、", check.problems()) + ")";
        errors.refuse(MediaDisposalProcess.CERTIFICATE, CLAUSE_DISPOSAL,
            "外部に委託した破壊・完全消去は、実行したことの証明書 (PDF・PNG・JPEG、10MB以下) を申請に添付するまで完了できません"
                + problems);
      }
    }
  }

  /**
   * Evaluates {@code mediaDisposalMethod} in the version {@link FlowDecisions} chooses for the request (the latest at
   * filing).
   */
  private MethodDecision decideMethod(String mediaType, String action, String method, String processInstanceId) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(MediaDisposalProcess.MEDIA_TYPE, mediaType);
    variables.put(MediaDisposalProcess.ACTION, action);
    variables.put(MediaDisposalProcess.METHOD, method);
    DmnDecisionResultEntries result = decisions.evaluate(MediaDisposalProcess.DECISION_METHOD, variables,
        processInstanceId).getFirstResult();
    if (result == null) {
      return new MethodDecision(false, "3.3", "処分方法を判定できませんでした");
    }
    return new MethodDecision(Boolean.TRUE.equals(result.get("allowed")), (String) result.get("clause"),
        (String) result.get("reason"));
  }

  private static boolean isWholeNumber(Object value) {
    try {
      BigDecimal number = new BigDecimal(value.toString().trim());
      return number.stripTrailingZeros().scale() <= 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
