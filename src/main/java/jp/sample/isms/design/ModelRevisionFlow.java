package jp.sample.isms.design;

import java.util.List;

import org.springframework.stereotype.Component;

import jp.sample.isms.approval.RequestFlow;
import jp.sample.isms.approval.RequestInput;
import jp.sample.isms.approval.ValidationErrors;

/** The rules of a model revision beyond its forms: the filing must be the requester's own, made by the workbench. */
@Component
class ModelRevisionFlow implements RequestFlow {

  private final ModelRevisionFilings filings;

  ModelRevisionFlow(ModelRevisionFilings filings) {
    this.filings = filings;
  }

  @Override
  public String processKey() {
    return ModelRevisionProcess.KEY;
  }

  @Override
  public String businessKeyPrefix() {
    return "MR";
  }

  @Override
  public String nameJa() {
    return "モデル改訂申請";
  }

  @Override
  public String nameEn() {
    return "Model revision";
  }

  @Override
  public List<String> clauses() {
    return List.of("1.4");
  }

  @Override
  public void validateRequest(RequestInput input, ValidationErrors errors) {
    String filing = input.string(ModelRevisionProcess.FILING);
    if (filing == null || input.requester() == null) {
      return;
    }
    if (input.processInstanceId() == null && !filings.isOpenFilingOf(filing, input.requester().userId())) {
      errors.refuse(ModelRevisionProcess.FILING, "1.4", "この受付番号の申請ファイルはありません。プロセス設計画面 (/design/) "
          + "から申請してください (no open filing of yours with this number; propose from the workbench)");
    }
  }
}
