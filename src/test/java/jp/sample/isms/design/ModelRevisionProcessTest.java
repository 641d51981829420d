package jp.sample.isms.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.approval.RequestWithdrawal;
import jp.sample.isms.audit.AuditEntry;
import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.organisation.Committee;
import jp.sample.isms.support.Requests;
import jp.sample.isms.support.DemoOrganisation;

/** bpmn/modelRevision.bpmn (1.4): one test per path, on the real engine with the demo organisation. */
@IsmsSpringBootTest
class ModelRevisionProcessTest {

  /** A harmless revision: the correction form of this flow with another heading. */
  static final String FORM = "modelRevisionCorrection.form";

  @Autowired
  ProcessEngine engine;
  @Autowired
  ModelRevisionFiling filing;
  @Autowired
  AuditRecorder audit;
  @Autowired
  RequestWithdrawal withdrawal;
  @Autowired
  RegulationRevisions revisions;
  @Autowired
  Committee committee;
  @Autowired
  JdbcTemplate jdbc;

  Requests requests;

  @BeforeEach
  void setUp() {
    requests = new Requests(engine);
  }

  static List<ModelFile> revisedForm(String heading) {
    try {
      String form = Files.readString(Path.of("forms", FORM), StandardCharsets.UTF_8)
          .replace("## モデル改訂の修正 (1.4)", "## モデル改訂の修正 (1.4) " + heading);
      return List.of(new ModelFile(FORM, form));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private ProcessInstance propose(String user, boolean procedureChange) {
    ModelRevisionFiling.Filed filed = requests.as(user, () -> filing.file(user, revisedForm(user + System.nanoTime()),
        "見出しの修正", "1.4", procedureChange));
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(filed.processInstanceId())
        .singleResult();
  }

  static Map<String, Object> decide(String decision) {
    return Map.of("decision", decision, "decisionComment", decision.equals("APPROVED") ? "" : "理由");
  }

  private long formVersions() {
    return engine.getRepositoryService().createDeploymentQuery().list().stream()
        .filter(d -> engine.getRepositoryService().getDeploymentResourceNames(d.getId()).stream()
            .anyMatch(n -> n.endsWith(FORM))).count();
  }

  private List<String> outcomes(ProcessInstance instance) {
    return audit.forBusinessKey(instance.getBusinessKey()).stream().map(AuditEntry::outcome).toList();
  }

  @Test
  void theSecurityOfficerApprovesAndExactlyTheFiledFilesAreDeployedWithANewRevision() {
    // given suzuki (system administrator) proposes a revision
    long before = formVersions();
    ProcessInstance instance = propose(DemoOrganisation.DEPARTMENT_PROCESS_OWNER, false);
    assertThat(instance.getBusinessKey()).matches("MR-\\d{4}-\\d{4}");
    assertThat(instance).isWaitingAt(ModelRevisionProcess.TASK_APPROVE);
    assertThat(requests.candidateGroups(instance)).containsExactly("security-officer");
    assertThat((String) engine.getRuntimeService().getVariable(instance.getId(), ModelRevisionProcess.FILES))
        .contains(FORM).contains("SHA-256");
    assertThat(formVersions()).isEqualTo(before);
    // when she tries to approve her own proposal, then four eyes refuses it
    assertThatThrownBy(() -> requests.complete(DemoOrganisation.DEPARTMENT_PROCESS_OWNER, instance, decide("APPROVED")))
        .isInstanceOf(AuthorizationException.class);
    // when tanaka approves
    requests.complete(DemoOrganisation.SECURITY_OFFICER, instance, decide("APPROVED"));
    // then the filed form is deployed, from the revision, with a new regulation revision
    assertThat(instance).isEnded().hasPassed(ModelRevisionProcess.END_DEPLOYED);
    assertThat(formVersions()).isEqualTo(before + 1);
    RegulationRevisions.Revision current = revisions.current();
    assertThat(current.businessKey()).isEqualTo(instance.getBusinessKey());
    assertThat(current.revision()).matches("\\d{4}-\\d{2}(-\\d+)?");
    assertThat(jdbc.queryForObject("select source from model_deployment where business_key = ?", String.class,
        instance.getBusinessKey())).isEqualTo("REVISION");
    assertThat(outcomes(instance)).contains("FILED", "APPROVED", "REVISION_DEPLOYED");
    // and every later record carries the new revision
    AuditEntry deployed = audit.forBusinessKey(instance.getBusinessKey()).stream()
        .filter(e -> e.outcome().equals("REVISION_DEPLOYED")).findFirst().orElseThrow();
    assertThat(deployed.regulationRevision()).isEqualTo(current.revision());
  }

  @Test
  void theSecurityOfficersOwnProposalGoesToThePresident() {
    ProcessInstance instance = propose(DemoOrganisation.SECURITY_OFFICER, false);
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), ModelRevisionProcess.APPROVER_ROLE))
        .isEqualTo("PRESIDENT");
    withdrawal.withdraw(instance.getBusinessKey(), DemoOrganisation.SECURITY_OFFICER, "テスト");
    assertThat(instance).isEnded().hasPassed(ModelRevisionProcess.END_WITHDRAWN_BY_REQUESTER);
  }

  @Test
  void aRejectionDeploysNothing() {
    long before = formVersions();
    ProcessInstance instance = propose(DemoOrganisation.DEPARTMENT_PROCESS_OWNER, false);
    requests.complete(DemoOrganisation.SECURITY_OFFICER, instance, decide("REJECTED"));
    assertThat(instance).isEnded().hasPassed(ModelRevisionProcess.END_REJECTED);
    assertThat(formVersions()).isEqualTo(before);
  }

  @Test
  void aSentBackProposalIsResubmittedOrWithdrawn() {
    ProcessInstance resubmitted = propose(DemoOrganisation.DEPARTMENT_PROCESS_OWNER, false);
    requests.complete(DemoOrganisation.SECURITY_OFFICER, resubmitted, decide("SENT_BACK"));
    assertThat(resubmitted).isWaitingAt(ModelRevisionProcess.TASK_CORRECT);
    requests.complete(DemoOrganisation.DEPARTMENT_PROCESS_OWNER, resubmitted, Map.of("resubmission", "RESUBMIT",
        "revisionReason", "見出しの修正 (再)"));
    assertThat(resubmitted).isWaitingAt(ModelRevisionProcess.TASK_APPROVE);
    requests.complete(DemoOrganisation.SECURITY_OFFICER, resubmitted, decide("REJECTED"));
    assertThat(resubmitted).isEnded().hasPassed(ModelRevisionProcess.END_REJECTED);

    ProcessInstance withdrawn = propose(DemoOrganisation.DEPARTMENT_PROCESS_OWNER, false);
    requests.complete(DemoOrganisation.SECURITY_OFFICER, withdrawn, decide("SENT_BACK"));
    requests.complete(DemoOrganisation.DEPARTMENT_PROCESS_OWNER, withdrawn, Map.of("resubmission", "WITHDRAW"));
    assertThat(withdrawn).isEnded().hasPassed(ModelRevisionProcess.END_WITHDRAWN);
  }

  @Test
  void aProcedureChangeIsApprovedByEveryCommitteeMemberAsWell() {
    long before = formVersions();
    ProcessInstance instance = propose(DemoOrganisation.DEPARTMENT_PROCESS_OWNER, true);
    requests.complete(DemoOrganisation.SECURITY_OFFICER, instance, decide("APPROVED"));
    // then every member but the requester and the approver has their own step
    List<Task> tasks = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).list();
    List<String> expected = committee.members().stream().filter(m -> !m.equals(DemoOrganisation.DEPARTMENT_PROCESS_OWNER) && !m.equals(DemoOrganisation.SECURITY_OFFICER))
        .toList();
    assertThat(tasks).extracting(Task::getAssignee).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(formVersions()).isEqualTo(before);
    // and a member cannot decide for another
    Task first = tasks.get(0);
    String other = expected.stream().filter(m -> !m.equals(first.getAssignee())).findFirst().orElseThrow();
    assertThatThrownBy(() -> requests.submit(other, first, decide("APPROVED"))).isInstanceOf(AuthorizationException.class);
    for (Task task : tasks) {
      requests.submit(task.getAssignee(), task, decide("APPROVED"));
    }
    assertThat(instance).isEnded().hasPassed(ModelRevisionProcess.END_DEPLOYED);
    assertThat(formVersions()).isEqualTo(before + 1);
  }

  @Test
  void oneCommitteeMembersRejectionEndsTheRevision() {
    long before = formVersions();
    ProcessInstance instance = propose(DemoOrganisation.DEPARTMENT_PROCESS_OWNER, true);
    requests.complete(DemoOrganisation.SECURITY_OFFICER, instance, decide("APPROVED"));
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).list().get(0);
    requests.submit(task.getAssignee(), task, decide("REJECTED"));
    assertThat(instance).isEnded().hasPassed(ModelRevisionProcess.END_REJECTED_BY_COMMITTEE);
    assertThat(formVersions()).isEqualTo(before);
  }

  @Test
  void aStoredFileChangedAfterFilingIsNotDeployedAndTheRefusalIsRecorded() {
    long before = formVersions();
    String revisionBefore = revisions.current().revision();
    ProcessInstance instance = propose(DemoOrganisation.DEPARTMENT_PROCESS_OWNER, false);
    // given someone changes the stored text behind the request
    jdbc.update("update model_revision_file set content = content || ' ' where filing_id = (select filing_id from "
        + "model_revision_filing where business_key = ?)", instance.getBusinessKey());
    requests.complete(DemoOrganisation.SECURITY_OFFICER, instance, decide("APPROVED"));
    assertThat(instance).isEnded().hasPassed(ModelRevisionProcess.END_DEPLOYMENT_REFUSED);
    assertThat(formVersions()).isEqualTo(before);
    assertThat(revisions.current().revision()).isEqualTo(revisionBefore);
    assertThat(outcomes(instance)).contains("DEPLOYMENT_REFUSED");
    assertThat(jdbc.queryForObject("select outcome from model_revision_filing where business_key = ?", String.class,
        instance.getBusinessKey())).isEqualTo("CHANGED_AFTER_FILING");
  }

  @Test
  void aFilingCannotBeStartedFromTasklistWithoutTheWorkbench() {
    assertThatThrownBy(() -> requests.file(DemoOrganisation.DEPARTMENT_PROCESS_OWNER, ModelRevisionProcess.KEY,
        Map.of(ModelRevisionProcess.FILING,
        "no-such-filing", ModelRevisionProcess.REASON, "理由", ModelRevisionProcess.CLAUSES, "1.4")))
        .hasMessageContaining("1.4");
  }
}
