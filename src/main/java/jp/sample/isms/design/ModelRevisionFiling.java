package jp.sample.isms.design;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import jp.sample.isms.audit.AuditRecorder;

/**
 * Files a {@code modelRevision} request from the workbench (1.4): the files must pass the checks (400 with the
 * findings, nothing stored or started otherwise); then they are stored with their SHA-256 and the request starts as
 * the process owner's, in one transaction.
 */
@Component
class ModelRevisionFiling {

  record Filed(String businessKey, String processInstanceId) {
  }

  static final int MAX_REASON = 2000;
  static final int MAX_CLAUSES = 200;

  private final ModelChecks checks;
  private final ModelRevisionFilings filings;
  private final FormService forms;
  private final RepositoryService repository;
  private final AuditRecorder audit;

  ModelRevisionFiling(ModelChecks checks, ModelRevisionFilings filings, FormService forms,
      RepositoryService repository, AuditRecorder audit) {
    this.checks = checks;
    this.filings = filings;
    this.forms = forms;
    this.repository = repository;
    this.audit = audit;
  }

  @Transactional
  Filed file(String user, List<ModelFile> files, String reason, String clauses, boolean procedureChange) {
    if (reason == null || reason.isBlank() || reason.length() > MAX_REASON) {
      throw new DesignController.BadDesignRequest("改訂の理由を " + MAX_REASON + " 文字以内で書いてください",
          "Give the reason of the revision (at most " + MAX_REASON + " characters)", "reason", null);
    }
    if (clauses == null || clauses.isBlank() || clauses.length() > MAX_CLAUSES
        || !clauses.matches("(?s).*\\d+\\.\\d+.*")) {
      throw new DesignController.BadDesignRequest("関係する条項を書いてください (例: 3.2, 1.4)",
          "Name the clauses the revision touches (e.g. 3.2, 1.4)", "clauses", null);
    }
    List<Finding> findings = checks.check(files);
    if (findings.stream().anyMatch(Finding::isError)) {
      throw new DesignController.BadDesignRequest("モデルの検査でエラーがあるため申請できません",
          "The model checks found errors; the revision cannot be proposed", "files", findings);
    }
    String filing = filings.store(user, files, false, null, audit.now());
    Map<String, Object> variables = new HashMap<>();
    variables.put(ModelRevisionProcess.FILING, filing);
    variables.put(ModelRevisionProcess.REASON, reason.strip());
    variables.put(ModelRevisionProcess.CLAUSES, clauses.strip());
    variables.put(ModelRevisionProcess.PROCEDURE_CHANGE, procedureChange);
    String definition = repository.createProcessDefinitionQuery().processDefinitionKey(ModelRevisionProcess.KEY)
        .latestVersion().singleResult().getId();
    ProcessInstance instance = forms.submitStartForm(definition, variables);
    return new Filed(instance.getBusinessKey(), instance.getId());
  }
}
