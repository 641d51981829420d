package jp.sample.isms.securityapproval;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.RequestRecords;
import jp.sample.isms.audit.AuditEntry;
import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.audit.Outcome;
import jp.sample.isms.engine.EngineInternals;

/**
 * {@code ServiceTask_FileAccountRequest}, 7.20: the security officer approved lending an internet mail address to an
 * employee; the account itself is requested, set up and registered by flow {@code accountRequest} (5.1), filed here in
 * the requester's name through its start form, so that its validation, four eyes and register apply as to any filing.
 * Runs as a job of its own (asynchronous before), after the approval is committed: a refusal of the account request
 * leaves an incident for the system administrator and the approval stands.
 */
@Component
class FileExternalMailAccountRequestDelegate implements JavaDelegate {

  static final String ACCOUNT_REQUEST = "accountRequest";
  static final String EXTERNAL_MAIL = "EXTERNAL_MAIL";

  private final RequestRecords records;
  private final AuditRecorder audit;
  private final IdentityService identity;
  private final FormService forms;
  private final RepositoryService repository;

  FileExternalMailAccountRequestDelegate(RequestRecords records, AuditRecorder audit, @Lazy IdentityService identity,
      @Lazy FormService forms, @Lazy RepositoryService repository) {
    this.records = records;
    this.audit = audit;
    this.identity = identity;
    this.forms = forms;
    this.repository = repository;
  }

  @Override
  public void execute(DelegateExecution execution) {
    SecurityApprovalRequest request = SecurityApprovalRequest.of(execution);
    String requester = records.requester(execution);
    String definitionId = repository.createProcessDefinitionQuery().processDefinitionKey(ACCOUNT_REQUEST)
        .latestVersion().singleResult().getId();
    Map<String, Object> filing = new HashMap<>();
    filing.put("requestType", "CREATE");
    filing.put("targetUserId", request.employeeId());
    filing.put("system", EXTERNAL_MAIL);
    filing.put("accountId", request.mailAddress());
    filing.put("accessRights", "インターネットメールの送受信 (7.20)");
    filing.put("sharedAccount", false);
    filing.put("privileged", false);
    String reason = "情報セキュリティ承認 " + request.businessKey() + " で承認されたインターネットメールアドレスの貸与 (7.20): "
        + request.purpose();
    filing.put("reason", reason.length() > 500 ? reason.substring(0, 500) : reason);

    List<String> groups = identity.createGroupQuery().groupMember(requester).list().stream().map(Group::getId)
        .toList();
    ProcessInstance accountRequest = EngineInternals.asUser(identity, requester, groups,
        () -> forms.submitStartForm(definitionId, filing));
    execution.setVariable(SecurityApprovalProcess.ACCOUNT_REQUEST_NUMBER, accountRequest.getBusinessKey());
    audit.record(AuditEntry.systemStep(request.businessKey(), execution.getProcessInstanceId(),
            SecurityApprovalProcess.KEY, execution.getCurrentActivityId(), "外部メールのアカウント申請を起こす")
        .requester(requester, records.department(execution)).outcome(Outcome.RECORDED)
        .comment("アカウント申請 " + accountRequest.getBusinessKey() + " (外部メール " + request.mailAddress() + "、"
            + request.employeeId() + ") を " + requester + " の名前で起こした")
        .clauses(SecurityApprovalFlow.CLAUSE_MAIL).build());
  }
}
