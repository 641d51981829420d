package jp.sample.isms.design;

import java.util.List;

import org.springframework.stereotype.Component;

/** Files a {@code modelRevision} request: checks, then stores the files with their SHA-256 and starts the flow. */
@Component
class ModelRevisionFiling {

  record Filed(String businessKey, String processInstanceId) {
  }

  private final ModelChecks checks;

  ModelRevisionFiling(ModelChecks checks) {
    this.checks = checks;
  }

  Filed file(String user, List<ModelFile> files, String reason, String clauses, boolean procedureChange) {
    List<Finding> findings = checks.check(files);
    if (findings.stream().anyMatch(Finding::isError)) {
      throw new DesignController.BadDesignRequest("モデルの検査でエラーがあります", "The model checks found errors",
          "files", findings);
    }
    throw new DesignController.BadDesignRequest("モデル改訂の申請はまだ受け付けていません",
        "Model revision proposals are not yet accepted", "files", findings);
  }
}
