package jp.sample.isms.takeout;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
import jp.sample.isms.asset.InformationAssets;

/**
 * The rules of a take-out request (3.2) beyond its form: the assets come from the 情報資産管理台帳 and the requester
 * must be in their user scope (3.1.4), one 管理責任者 per request (3.1.3); dates; and the measures the clause demands
 * for the chosen medium and the register's classification, as decision {@code takeOutMeasures} lists them. A missing
 * measure refuses the request at filing; it is not for the approver to judge.
 */
@Component
class TakeOutFlow implements RequestFlow {

  static final String CLAUSE = "3.2";

  private final AssetSelection selection;
  private final InformationAssets assets;
  private final TakeOutRegister register;
  private final FlowDecisions decisions;

  /** A measure of 3.2 the requester attests in the form's field {@code attestation}. */
  record Measure(String attestation, String clause, String text) {
  }

  TakeOutFlow(AssetSelection selection, InformationAssets assets, TakeOutRegister register,
      FlowDecisions decisions) {
    this.decisions = decisions;
    this.selection = selection;
    this.assets = assets;
    this.register = register;
  }

  /** The register shows a cancelled (取消) or terminated request as such, never 申請中 for ever. */
  @Override
  public void ended(String businessKey, String outcome) {
    register.status(businessKey, outcome);
  }

  @Override
  public String processKey() {
    return TakeOutProcess.KEY;
  }

  @Override
  public String businessKeyPrefix() {
    return "TO";
  }

  @Override
  public String nameEn() {
    return "Taking information assets off-site";
  }

  @Override
  public void validateRequest(RequestInput input, ValidationErrors errors) {
    LocalDate start = input.date(TakeOutProcess.START_DATE);
    LocalDate plannedReturn = input.date(TakeOutProcess.PLANNED_RETURN_DATE);
    if (start != null && start.isBefore(input.today())) {
      errors.field(TakeOutProcess.START_DATE, "持ち出し日に過去の日付は指定できません");
    }
    if (start != null && plannedReturn != null && plannedReturn.isBefore(start)) {
      errors.field(TakeOutProcess.PLANNED_RETURN_DATE, "返却予定日は持ち出し日以降の日付にしてください");
    }
    List<InformationAsset> selected = selection.select(input.string(TakeOutProcess.ASSET_IDS), input.requester(),
        TakeOutProcess.ASSET_IDS, errors);
    boolean unregistered = input.string(TakeOutProcess.ASSET_IDS) == null;
    if (unregistered && !input.isTrue(TakeOutProcess.UNREGISTERED_ASSET)) {
      errors.refuse(TakeOutProcess.ASSET_IDS, "3.1.1",
          "持ち出す情報資産を情報資産管理台帳から選ぶか、「台帳に未登録の情報資産」を選んでください");
    }
    if (selected.stream().map(InformationAsset::ownerDepartment).distinct().count() > 1) {
      errors.refuse(TakeOutProcess.ASSET_IDS, "3.1.3", "管理責任者 (保有部門) の異なる情報資産は別々に申請してください");
    }
    String medium = input.string(TakeOutProcess.MEDIUM);
    if (medium == null || errors.has(TakeOutProcess.MEDIUM)) {
      return; // the form has said that it is missing or not one of the media
    }
    // an unregistered asset counts as confidential until its department head has registered it
    Classification classification = unregistered ? Classification.SECRET
        : Classification.highest(selected.stream().map(InformationAsset::classification).toList());
    for (Measure measure : required(medium, classification, input.processInstanceId())) {
      if (!input.isTrue(measure.attestation())) {
        errors.refuse(measure.attestation(), measure.clause(), measure.text());
      }
    }
  }

  /** The rows of {@code takeOutMeasures} for the medium and classification (null: not known, no row of it applies). */
  List<Measure> required(String medium, Classification classification, String processInstanceId) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(TakeOutProcess.MEDIUM, medium);
    variables.put(TakeOutProcess.CLASSIFICATION, classification == null ? null : classification.name());
    return decisions.evaluate(TakeOutProcess.DECISION_MEASURES, variables, processInstanceId).getResultList().stream()
        .map(row -> new Measure((String) row.get("attestation"), (String) row.get("clause"), (String) row.get("text")))
        .toList();
  }

  /**
   * 3.2, 3.1.3: an INTERNAL take-out goes to the head of the department that holds the assets, as the register says
   * now; a SECRET one above the department heads, to the president.
   */
  @Override
  public jp.sample.isms.organisation.Role ownerStepRole(VariableScope execution) {
    // the table's role when it is neither the owner department's head nor the president (e.g. the section chief)
    jp.sample.isms.organisation.Role role = jp.sample.isms.organisation.Role.parse(
        RequestValues.string(execution, TakeOutProcess.APPROVER_ROLE));
    return role == null || role == jp.sample.isms.organisation.Role.DEPARTMENT_HEAD
        || role == jp.sample.isms.organisation.Role.PRESIDENT ? null : role;
  }

  @Override
  public String ownerDepartment(VariableScope execution) {
    if (!"DEPARTMENT_HEAD".equals(execution.getVariable(TakeOutProcess.APPROVER_ROLE))) {
      return null;
    }
    List<String> ids = AssetSelection.ids(RequestValues.string(execution, TakeOutProcess.ASSET_IDS),
        TakeOutProcess.ASSET_IDS, new ValidationErrors());
    return assets.findAll(ids).stream().map(InformationAsset::ownerDepartment).findFirst().orElse(null);
  }

  @Override
  public void validateStep(String taskDefinitionKey, RequestInput input, ValidationErrors errors) {
    if (TakeOutProcess.TASK_REGISTER_ASSET.equals(taskDefinitionKey)) {
      if (TakeOutProcess.REGISTERED.equals(input.string(TakeOutProcess.ASSET_REGISTRATION))) {
        if (input.string(TakeOutProcess.ASSET_IDS) == null) {
          errors.refuse(TakeOutProcess.ASSET_IDS, "3.1.1", "台帳に登録した情報資産のIDを入力してください");
        }
        List<InformationAsset> registered = selection.select(input.string(TakeOutProcess.ASSET_IDS),
            input.requester(), TakeOutProcess.ASSET_IDS, errors);
        if (registered.stream().map(InformationAsset::ownerDepartment).distinct().count() > 1) {
          errors.refuse(TakeOutProcess.ASSET_IDS, "3.1.3", "管理責任者 (保有部門) の異なる情報資産は別々に申請してください");
        }
      } else if (input.string("comment") == null) {
        errors.field("comment", "登録しない場合はコメントが必須です");
      }
    }
    if (TakeOutProcess.TASK_REPORT_RETURN.equals(taskDefinitionKey)) {
      LocalDate returnedOn = input.date(TakeOutProcess.RETURNED_ON);
      if (returnedOn != null && returnedOn.isAfter(input.today())) {
        errors.field(TakeOutProcess.RETURNED_ON, "返却日に未来の日付は指定できません");
      }
      LocalDate start = input.date(TakeOutProcess.START_DATE);
      if (returnedOn != null && start != null && returnedOn.isBefore(start)) {
        errors.field(TakeOutProcess.RETURNED_ON, "返却日は持ち出し日以降の日付にしてください");
      }
    }
  }
}
