package jp.sample.isms.outsourcing;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

import jp.sample.isms.approval.ApprovalVariables;
import jp.sample.isms.approval.Decision;
import jp.sample.isms.approval.RequestFlow;
import jp.sample.isms.approval.RequestInput;
import jp.sample.isms.approval.ValidationErrors;
import jp.sample.isms.asset.AssetSelection;
import jp.sample.isms.asset.Classification;
import jp.sample.isms.asset.InformationAsset;

/**
 * The rules of an outsourcing request (8.1) beyond its forms: the contract period; a selection reaches the security
 * officer only with every criterion of 8.1.1 evaluated with its evidence and a documented mitigation for each one not
 * met (8.1.1); assets are handed over only once the contract states every item of 8.1.3 and the NDA every item of
 * 8.1.6; a periodic evaluation that finds a shortfall or change records the written agreement reached (8.1.4). The
 * assets handed over are chosen from the 情報資産管理台帳 within the requester's user scope (3.1.4), and their
 * classification is the register's (3.1.1); a request handing over only 公開 assets is not one of 8.1.
 */
@Component
class OutsourcingFlow implements RequestFlow {

  static final String CLAUSE_CRITERIA = "8.1.1";
  static final String CLAUSE_SELECTION = "8.1.2";
  static final String CLAUSE_CONTRACT = "8.1.3";
  static final String CLAUSE_EVALUATION = "8.1.4";
  static final String CLAUSE_NDA = "8.1.6";

  private final AssetSelection selection;

  OutsourcingFlow(AssetSelection selection) {
    this.selection = selection;
  }

  @Override
  public String processKey() {
    return OutsourcingProcess.KEY;
  }

  @Override
  public String businessKeyPrefix() {
    return "OS";
  }

  @Override
  public String nameEn() {
    return "Outsourcing: contractor evaluation, selection, contract and periodic evaluation";
  }

  @Override
  public void validateRequest(RequestInput input, ValidationErrors errors) {
    LocalDate start = input.date(OutsourcingProcess.CONTRACT_START);
    LocalDate end = input.date(OutsourcingProcess.CONTRACT_END);
    if (end != null && end.isBefore(input.today())) {
      errors.field(OutsourcingProcess.CONTRACT_END, "契約終了日に過去の日付は指定できません");
    }
    if (start != null && end != null && !end.isAfter(start)) {
      errors.field(OutsourcingProcess.CONTRACT_END, "契約終了日は契約開始日より後の日付にしてください");
    }
    List<InformationAsset> assets = selection.select(input.string(OutsourcingProcess.ASSET_IDS), input.requester(),
        OutsourcingProcess.ASSET_IDS, errors);
    if (!assets.isEmpty() && Classification.highest(assets.stream().map(InformationAsset::classification).toList())
        == Classification.PUBLIC) {
      errors.refuse(OutsourcingProcess.ASSET_IDS, CLAUSE_CRITERIA,
          "委託先の評価は社外秘又は極秘の情報資産の処理・授受を伴う委託に行います: 選んだ情報資産はすべて公開です");
    }
  }

  @Override
  public void validateStep(String taskDefinitionKey, RequestInput input, ValidationErrors errors) {
    switch (taskDefinitionKey) {
      case OutsourcingProcess.TASK_EVALUATE -> {
        if (Decision.APPROVED.name().equals(input.string(ApprovalVariables.DECISION))) {
          validateEvaluation(input, errors);
        }
      }
      case OutsourcingProcess.TASK_CONFIRM_CONTRACT -> validateContract(input, errors);
      case OutsourcingProcess.TASK_EVALUATE_PERIODICALLY -> validatePeriodicEvaluation(input, errors);
      default -> {
        // the security officer's approval and the correction have no rules beyond the kernel's and the request's
      }
    }
  }

  /** 8.1.1: every criterion evaluated with evidence; one not met needs a mitigation before the selection goes up. */
  private static void validateEvaluation(RequestInput input, ValidationErrors errors) {
    for (SelectionCriterion criterion : SelectionCriterion.values()) {
      String value = input.string(criterion.variable());
      if (value == null) {
        errors.field(criterion.variable(), "「" + criterion.label() + "」を評価してください");
        continue;
      }
      if (input.string(criterion.evidenceVariable()) == null) {
        errors.field(criterion.evidenceVariable(), "「" + criterion.label() + "」の根拠を記入してください");
      }
      if (SelectionCriterion.NOT_MET.equals(value) && input.string(criterion.mitigationVariable()) == null) {
        errors.refuse(criterion.mitigationVariable(), CLAUSE_CRITERIA, "委託先評価基準「" + criterion.label()
            + "」を満たしていません: 対策を記載しない限り選定を上申できません");
      }
    }
  }

  /** 8.1.3 and 8.1.6: every item confirmed before any asset is handed over. */
  private static void validateContract(RequestInput input, ValidationErrors errors) {
    for (ContractItem item : ContractItem.values()) {
      if (!input.isTrue(item.variable())) {
        errors.refuse(item.variable(), item.clause(), item.document() + "に「" + item.label()
            + "」が含まれていることを確認するまで情報資産は引き渡せません");
      }
    }
    LocalDate concludedOn = input.date(OutsourcingProcess.CONTRACT_CONCLUDED_ON);
    if (concludedOn != null && concludedOn.isAfter(input.today())) {
      errors.field(OutsourcingProcess.CONTRACT_CONCLUDED_ON, "締結した日に未来の日付は指定できません");
    }
  }

  /** 8.1.4: a shortfall or change found is settled by written agreement. */
  private static void validatePeriodicEvaluation(RequestInput input, ValidationErrors errors) {
    LocalDate evaluatedOn = input.date(OutsourcingProcess.EVALUATED_ON);
    if (evaluatedOn != null && evaluatedOn.isAfter(input.today())) {
      errors.field(OutsourcingProcess.EVALUATED_ON, "評価した日に未来の日付は指定できません");
    }
    if (input.isTrue(OutsourcingProcess.FINDING_IDENTIFIED)
        && input.string(OutsourcingProcess.WRITTEN_AGREEMENT) == null) {
      errors.refuse(OutsourcingProcess.WRITTEN_AGREEMENT, CLAUSE_EVALUATION,
          "評価基準の実施に不備又は変更が認められた場合は、双方協議のうえ書面で合意した対処を記録してください");
    }
  }
}
