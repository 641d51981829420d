package jp.sample.isms.incident;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

import jp.sample.isms.approval.ApprovalVariables;
import jp.sample.isms.approval.Decision;
import jp.sample.isms.approval.RequestFlow;
import jp.sample.isms.approval.RequestInput;
import jp.sample.isms.approval.ValidationErrors;
import jp.sample.isms.asset.AssetSelection;
import jp.sample.isms.asset.InformationAssets;
import jp.sample.isms.periodicduty.EducationRegister;

/**
 * The rules of an incident (9.1–9.5, 2.5) beyond its forms. A report is never refused for a missing optional field
 * (only what happened and when are required): a discovery in the future and an asset id the 情報資産管理台帳 does not
 * know are input errors. A change of level needs a reason and a leak stays at level 2 or more ({@link IncidentLevels}).
 * A procedure step is done or not applicable with a reason; a filing records date, office and reference number and
 * cannot be skipped at level 3 (9.4.1 ⑥ ⑦). The closure of a level-3 incident needs the publication (⑧) and every
 * filing of its procedure recorded; a violation found names the violator, by the user id of a person of the
 * organisation, for the re-education of 2.5 recorded in the 教育実施記録.
 */
@Component
class IncidentFlow implements RequestFlow {


  private final InformationAssets assets;
  private final IncidentRegister register;
  private final EducationRegister education;

  IncidentFlow(InformationAssets assets, IncidentRegister register, EducationRegister education) {
    this.assets = assets;
    this.register = register;
    this.education = education;
  }

  @Override
  public String processKey() {
    return IncidentProcess.KEY;
  }

  @Override
  public String businessKeyPrefix() {
    return "IN";
  }

  @Override
  public String nameEn() {
    return "Information security incident";
  }

  @Override
  public void validateRequest(RequestInput input, ValidationErrors errors) {
    LocalDate discovered = input.date(IncidentProcess.DISCOVERED_AT);
    if (discovered != null && discovered.isAfter(input.today())) {
      errors.field(IncidentProcess.DISCOVERED_AT, "発見日時に未来の日付は指定できません");
    }
    for (String id : AssetSelection.ids(input.string(IncidentProcess.ASSET_IDS), IncidentProcess.ASSET_IDS, errors)) {
      if (assets.find(id).isEmpty()) {
        errors.field(IncidentProcess.ASSET_IDS, "情報資産管理台帳に登録されていない情報資産です: " + id
            + " (わからない場合は空欄のまま報告してください)");
      }
    }
  }

  @Override
  public void validateStep(String taskDefinitionKey, RequestInput input, ValidationErrors errors) {
    switch (taskDefinitionKey) {
      case IncidentProcess.TASK_CONFIRM_LEVEL -> IncidentLevels.checkChange(input.string(IncidentProcess.KIND),
          IncidentLevels.parse(input.string(IncidentProcess.ROUTED_LEVEL)), input.string(IncidentProcess.LEVEL),
          input.string(IncidentProcess.LEVEL_REASON), errors);
      case IncidentProcess.TASK_CARRY_OUT_STEP -> validateProcedureStep(input, errors);
      case IncidentProcess.TASK_REPORT_CLOSURE -> validateClosure(input, errors);
      case IncidentProcess.TASK_APPROVE_BY_INCIDENT_OFFICER, IncidentProcess.TASK_APPROVE_BY_PRESIDENT -> {
        if (Decision.APPROVED.name().equals(input.string(ApprovalVariables.DECISION))) {
          validateClosure(input, errors);
        }
      }
      default -> {
      }
    }
  }

  private static void validateProcedureStep(RequestInput input, ValidationErrors errors) {
    String outcome = input.string(IncidentProcess.STEP_OUTCOME);
    String filing = input.string(IncidentProcess.STEP_FILING);
    Integer level = IncidentLevels.parse(input.string(IncidentProcess.LEVEL));
    if (IncidentProcess.NOT_APPLICABLE.equals(outcome)) {
      if (filing != null && level != null && level == 3) {
        errors.refuse(IncidentProcess.STEP_OUTCOME, IncidentLevels.CLAUSE_LEAK,
            "事故レベル 3 の" + filingName(filing) + "は省略できません。届出日・届出先・受理番号を記録してください");
      } else if (input.string(IncidentProcess.STEP_EVIDENCE) == null) {
        errors.field(IncidentProcess.STEP_EVIDENCE, "該当しない場合はその理由を記入してください");
      }
      return;
    }
    if (filing != null) {
      LocalDate filedOn = input.date(IncidentProcess.FILED_ON);
      if (filedOn == null) {
        errors.refuse(IncidentProcess.FILED_ON, IncidentLevels.CLAUSE_LEAK, filingName(filing) + "の届出日が必要です");
      } else if (filedOn.isAfter(input.today())) {
        errors.field(IncidentProcess.FILED_ON, "届出日に未来の日付は指定できません");
      }
      if (input.string(IncidentProcess.FILING_OFFICE) == null) {
        errors.refuse(IncidentProcess.FILING_OFFICE, IncidentLevels.CLAUSE_LEAK, filingName(filing) + "の届出先が必要です");
      }
      if (input.string(IncidentProcess.FILING_REFERENCE) == null) {
        errors.refuse(IncidentProcess.FILING_REFERENCE, IncidentLevels.CLAUSE_LEAK,
            filingName(filing) + "の受理番号 (届出の控えの番号) が必要です");
      }
    } else if (input.string(IncidentProcess.STEP_EVIDENCE) == null) {
      errors.field(IncidentProcess.STEP_EVIDENCE, "実施した内容 (証跡) を記入してください");
    }
  }

  private void validateClosure(RequestInput input, ValidationErrors errors) {
    Integer level = IncidentLevels.parse(input.string(IncidentProcess.LEVEL));
    if (level != null && level == 3) {
      String businessKey = input.string(ApprovalVariables.BUSINESS_KEY);
      for (IncidentRegister.Step step : businessKey == null ? List.<IncidentRegister.Step>of()
          : register.steps(businessKey)) {
        if (step.isFiling() && (step.filingReference() == null || !IncidentProcess.DONE.equals(step.outcome()))) {
          errors.refuse("filings", IncidentLevels.CLAUSE_LEAK,
              filingName(step.filing()) + "が記録されていないため終結できません");
        }
      }
      if (!input.isTrue(IncidentProcess.PUBLICATION_DONE)) {
        errors.refuse(IncidentProcess.PUBLICATION_DONE, "9.4",
            "事故レベル 3 では最高責任者による対応結果及び対策の公表を終えてから終結します");
      }
    }
    if (input.isTrue(IncidentProcess.VIOLATION_FOUND) && input.string(IncidentProcess.VIOLATOR) == null) {
      errors.refuse(IncidentProcess.VIOLATOR, "2.5", "規程違反があった場合は再教育の対象者を記入してください");
    } else if (input.isTrue(IncidentProcess.VIOLATION_FOUND)
        && education.peopleNamedIn(input.string(IncidentProcess.VIOLATOR)).isEmpty()) {
      errors.refuse(IncidentProcess.VIOLATOR, "2.5",
          "再教育の対象者を組織に登録されているユーザー ID で記入してください (例: kobayashi (私物 USB メモリの接続))");
    }
  }

  static String filingName(String filing) {
    return switch (filing) {
      case "POLICE" -> "都道府県警察本部サイバー犯罪相談窓口への届出";
      case "SUPERVISORY_PRELIMINARY" -> "監督官庁への届出 (速報)";
      case "SUPERVISORY_FINAL" -> "監督官庁への届出 (確報)";
      default -> filing;
    };
  }
}
