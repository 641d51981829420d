package jp.sample.isms.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import jp.sample.isms.audit.AuditEntry;
import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.audit.RecordFlag;
import jp.sample.isms.support.Requests;
import jp.sample.isms.takeout.TakeOutRegister;
import jp.sample.isms.support.DemoOrganisation;

/**
 * The kernel's guarantees hold against whatever reached the engine (an administrator, the Java API, a hole at the
 * HTTP edge): four eyes and the step's role are decided from the kernel's records, not from variables or identity
 * links; a request ends with a decision or a record of why it did not. Each attack asserts the refusal and that
 * nothing changed. Run on H2 ({@link KernelIntegrityTest}) and on PostgreSQL ({@link KernelIntegrityIT}).
 */
abstract class KernelIntegrityScenarios {

  private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));

  ProcessEngine engine;
  AuditRecorder audit;
  JdbcTemplate jdbc;
  TakeOutRegister takeOuts;
  Requests requests;

  /** The application under test, started by the subclass on its database. */
  abstract org.springframework.context.ApplicationContext application();

  @BeforeEach
  void setUp() {
    org.springframework.context.ApplicationContext application = application();
    engine = application.getBean(ProcessEngine.class);
    audit = application.getBean(AuditRecorder.class);
    jdbc = application.getBean(JdbcTemplate.class);
    takeOuts = application.getBean(TakeOutRegister.class);
    requests = new Requests(engine);
  }

  private List<String> outcomes(ProcessInstance instance) {
    return audit.forProcessInstance(instance.getId()).stream().map(AuditEntry::outcome).toList();
  }

  private String registerStatus(ProcessInstance instance) {
    return jdbc.queryForObject("select status from takeout_register where business_key = ?", String.class,
        instance.getBusinessKey());
  }

  private List<String> groups(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
        .filter(g -> g != null).toList();
  }

  @Test
  void changedRequesterVariablesDoNotLetTheRequesterApproveTheirOwnRequest() {
    // given: ito, the only head of development, files; his request goes up to the president
    ProcessInstance instance = requests.file(DemoOrganisation.DEVELOPMENT_HEAD, "takeOut", Requests.internalLaptopTakeOut());
    Task task = requests.task(instance);
    assertThat(groups(task)).containsExactly("president");
    // an administrator (or anyone past the HTTP edge) rewrites the kernel's variables and the step's route
    engine.getRuntimeService().setVariable(instance.getId(), ApprovalVariables.REQUESTER, DemoOrganisation.DESIGN_EMPLOYEE);
    engine.getRuntimeService().setVariable(instance.getId(), ApprovalVariables.REQUESTER_DEPARTMENT, "manufacturing");
    engine.getTaskService().setVariableLocal(task.getId(), ApprovalVariables.ACTING_ROLE, "DEPARTMENT_HEAD");
    engine.getTaskService().setVariableLocal(task.getId(), ApprovalVariables.FOUR_EYES_EXCEPTION,
        RecordFlag.SELF_APPROVAL.code());
    engine.getTaskService().addCandidateGroup(task.getId(), "department-head.development");
    List<String> before = outcomes(instance);

    // when / then: ito may neither claim nor complete his own request
    assertThatThrownBy(() -> requests.claim(DemoOrganisation.DEVELOPMENT_HEAD, task)).isInstanceOf(FourEyesViolationException.class)
        .hasMessageContaining("自分の申請");
    assertThatThrownBy(() -> requests.as(DemoOrganisation.DEVELOPMENT_HEAD, () -> {
      engine.getTaskService().complete(task.getId(), Map.of("decision", "APPROVED"));
      return null;
    })).isInstanceOf(FourEyesViolationException.class);
    assertThat(requests.task(instance).getAssignee()).isNull();
    assertThat(outcomes(instance)).isEqualTo(before);
    assertThat(registerStatus(instance)).isEqualTo("REQUESTED");

    // and the president's decision is recorded with the requester and role the kernel knows
    requests.complete(DemoOrganisation.PRESIDENT, instance, Map.of("decision", "APPROVED", "decisionComment", ""));
    AuditEntry approval = audit.latest(instance.getId(), "UserTask_ApproveTakeOut");
    assertThat(approval.requester()).isEqualTo(DemoOrganisation.DEVELOPMENT_HEAD);
    assertThat(approval.departmentCode()).isEqualTo("development");
    assertThat(approval.actingRole()).isEqualTo("PRESIDENT");
    assertThat(approval.flags()).isNull();
    assertThat(jdbc.queryForObject("select requester from takeout_register where business_key = ?", String.class,
        instance.getBusinessKey())).isEqualTo(DemoOrganisation.DEVELOPMENT_HEAD);
  }

  @Test
  void aResubmissionIsRoutedForTheRequesterOfTheFilingWhateverTheVariablesSay() {
    // given: ito's request, sent back by the president
    ProcessInstance instance = requests.file(DemoOrganisation.DEVELOPMENT_HEAD, "takeOut", Requests.internalLaptopTakeOut());
    requests.complete(DemoOrganisation.PRESIDENT, instance, Map.of("decision", "SENT_BACK", "decisionComment", "日付を確認してください"));
    engine.getRuntimeService().setVariable(instance.getId(), ApprovalVariables.REQUESTER, DemoOrganisation.DESIGN_EMPLOYEE);
    // when: ito resubmits (the correction step is his by the filing, not by the variable)
    Map<String, Object> corrected = new HashMap<>(Requests.internalLaptopTakeOut());
    corrected.put("resubmission", "RESUBMIT");
    requests.submit(DemoOrganisation.DEVELOPMENT_HEAD, requests.task(instance), corrected);
    // then: the approval goes to the president again, not to ito's own department head group
    assertThat(groups(requests.task(instance))).containsExactly("president");
    assertThatThrownBy(() -> requests.claim(DemoOrganisation.DEVELOPMENT_HEAD, requests.task(instance)))
        .isInstanceOf(AuthorizationException.class);
    assertThat(outcomes(instance)).containsExactly("FILED", "RECORDED", "SENT_BACK", "RESUBMITTED", "RECORDED");
  }

  @Test
  void filedValuesChangedAroundTheFormsAreNotApproved() {
    // given: yamamoto's request for the head of development; its destination is changed after filing
    ProcessInstance instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, "takeOut", Requests.internalLaptopTakeOut());
    engine.getRuntimeService().setVariable(instance.getId(), "destination", "競合他社");
    List<String> before = outcomes(instance);
    // when / then: the approver cannot approve what was not filed
    assertThatThrownBy(() -> requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, Map.of("decision", "APPROVED", "decisionComment", "")))
        .isInstanceOf(FourEyesViolationException.class).hasMessageContaining("destination");
    assertThat(outcomes(instance)).isEqualTo(before);
    assertThat(registerStatus(instance)).isEqualTo("REQUESTED");
    assertThat(jdbc.queryForObject("select destination from takeout_register where business_key = ?", String.class,
        instance.getBusinessKey())).isEqualTo("取引先");
    // once the filed value is back, the approval goes through
    engine.getRuntimeService().setVariable(instance.getId(), "destination", "取引先");
    requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, Map.of("decision", "APPROVED", "decisionComment", ""));
    assertThat(outcomes(instance)).containsExactly("FILED", "RECORDED", "APPROVED");
  }

  @Test
  void aStartAroundTheStartFormAndItsListenersIsStillCheckedByTheKernel() {
    long instances = engine.getRuntimeService().createProcessInstanceQuery().count();
    long filings = jdbc.queryForObject("select count(*) from request_filing", Long.class);
    // straight to the approval, skipping custom listeners and the start form, with kernel variables of one's choice
    Map<String, Object> variables = new HashMap<>(Requests.internalLaptopTakeOut());
    variables.put(ApprovalVariables.REQUESTER, DemoOrganisation.PRESIDENT);
    assertThatThrownBy(() -> requests.as(DemoOrganisation.DESIGN_EMPLOYEE, () -> engine.getRuntimeService()
        .createProcessInstanceByKey("takeOut").startBeforeActivity("UserTask_ApproveTakeOut")
        .setVariables(variables).execute(true, true))).isInstanceOf(RequestValidationException.class);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(instances);
    assertThat(jdbc.queryForObject("select count(*) from request_filing", Long.class)).isEqualTo(filings);
  }

  @Test
  void identityLinksAddedLaterDoNotMakeSomeoneAnApprover() {
    // given: yamamoto's request waits for the head of development
    ProcessInstance instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, "takeOut", Requests.internalLaptopTakeOut());
    Task task = requests.task(instance);
    engine.getTaskService().addCandidateUser(task.getId(), DemoOrganisation.PRODUCTION_EMPLOYEE);
    engine.getTaskService().addCandidateGroup(task.getId(), "employees");
    List<String> before = outcomes(instance);

    // when / then: the added candidates can see the step but not take it
    assertThatThrownBy(() -> requests.claim(DemoOrganisation.PRODUCTION_EMPLOYEE, task)).isInstanceOf(FourEyesViolationException.class)
        .hasMessageContaining("担当者ではありません");
    // an assignee set by someone else is refused too, and so is completing as that outsider
    assertThatThrownBy(() -> engine.getTaskService().setAssignee(task.getId(), DemoOrganisation.PRODUCTION_EMPLOYEE))
        .isInstanceOf(FourEyesViolationException.class);
    assertThatThrownBy(() -> requests.submit(DemoOrganisation.PRODUCTION_EMPLOYEE, task, Map.of("decision", "APPROVED", "decisionComment", "")))
        .isInstanceOf(AuthorizationException.class);
    // a holder handing the step to an outsider (delegation) is refused
    requests.claim(DemoOrganisation.DEVELOPMENT_HEAD, task);
    assertThatThrownBy(() -> requests.as(DemoOrganisation.DEVELOPMENT_HEAD, () -> {
      engine.getTaskService().delegateTask(task.getId(), DemoOrganisation.PRODUCTION_EMPLOYEE);
      return null;
    })).isInstanceOf(FourEyesViolationException.class);
    assertThat(requests.task(instance).getAssignee()).isEqualTo(DemoOrganisation.DEVELOPMENT_HEAD);
    assertThat(outcomes(instance)).isEqualTo(before);
    assertThat(registerStatus(instance)).isEqualTo("REQUESTED");

    // the holder still decides, as the role the routing gave the step
    requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, Map.of("decision", "APPROVED", "decisionComment", ""));
    assertThat(audit.latest(instance.getId(), "UserTask_ApproveTakeOut").actingRole()).isEqualTo("DEPARTMENT_HEAD");
  }

  @Test
  void onlyAnAdministratorMayThrowABpmnErrorOrEscalationAtAStep() {
    // given
    ProcessInstance instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, "takeOut", Requests.internalLaptopTakeOut());
    Task task = requests.task(instance);
    List<String> before = outcomes(instance);
    // when / then: a holder of the step, and the requester, are refused
    for (String user : List.of(DemoOrganisation.DEVELOPMENT_HEAD, DemoOrganisation.DESIGN_EMPLOYEE)) {
      assertThatThrownBy(() -> requests.as(user, () -> {
        engine.getTaskService().handleBpmnError(task.getId(), "ANY");
        return null;
      })).isInstanceOf(FourEyesViolationException.class);
      assertThatThrownBy(() -> requests.as(user, () -> {
        engine.getTaskService().handleEscalation(task.getId(), "ANY");
        return null;
      })).isInstanceOf(FourEyesViolationException.class);
    }
    assertThat(requests.task(instance).getId()).isEqualTo(task.getId());
    assertThat(outcomes(instance)).isEqualTo(before);

    // an escalation nobody catches is the administrator's mistake: 400, not 500, and nothing changes
    assertThatThrownBy(() -> requests.as(DemoOrganisation.SYSTEM_ADMINISTRATOR, () -> {
      engine.getTaskService().handleEscalation(task.getId(), "ANY");
      return null;
    })).isInstanceOf(BadUserRequestException.class);
    assertThat(requests.task(instance).getId()).isEqualTo(task.getId());
    assertThat(outcomes(instance)).isEqualTo(before);
  }

  @Test
  void aRequestEndedByABpmnErrorIsRecordedAndTheRegisterFollows() {
    // given
    ProcessInstance instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, "takeOut", Requests.internalLaptopTakeOut());
    Task task = requests.task(instance);
    // when: an administrator throws an error nobody catches
    requests.as(DemoOrganisation.SYSTEM_ADMINISTRATOR, () -> {
      engine.getTaskService().handleBpmnError(task.getId(), "ANY");
      return null;
    });
    // then
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).count())
        .isZero();
    AuditEntry end = audit.forProcessInstance(instance.getId()).get(audit.forProcessInstance(instance.getId()).size() - 1);
    assertThat(end.outcome()).isEqualTo(RequestLifecycle.TERMINATED);
    assertThat(end.actor()).isEqualTo(DemoOrganisation.SYSTEM_ADMINISTRATOR);
    assertThat(end.requester()).isEqualTo(DemoOrganisation.DESIGN_EMPLOYEE);
    assertThat(registerStatus(instance)).isEqualTo("TERMINATED");
    assertThat(takeOuts.find(instance.getBusinessKey()).displayStatus()).isEqualTo("終了 (決定なし)");
  }

  @Test
  void anAdministratorsCancellationIsRecordedWithWhoAndWhy() {
    // given
    ProcessInstance instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, "takeOut", Requests.internalLaptopTakeOut());
    ProcessInstance skipped = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, "takeOut", Requests.internalLaptopTakeOut());
    // when: deleted through the Java API, once skipping custom listeners
    requests.as(DemoOrganisation.SYSTEM_ADMINISTRATOR, () -> {
      engine.getRuntimeService().deleteProcessInstance(instance.getId(), "重複して申請されたため");
      engine.getRuntimeService().deleteProcessInstance(skipped.getId(), "誤申請", true);
      return null;
    });
    // then
    for (ProcessInstance cancelled : List.of(instance, skipped)) {
      List<AuditEntry> records = audit.forProcessInstance(cancelled.getId());
      assertThat(records).extracting(AuditEntry::outcome).containsExactly("FILED", "RECORDED", RequestLifecycle.CANCELLED);
      AuditEntry cancellation = records.get(records.size() - 1);
      assertThat(cancellation.actor()).isEqualTo(DemoOrganisation.SYSTEM_ADMINISTRATOR);
      assertThat(cancellation.actingRole()).isEqualTo("ADMINISTRATOR");
      assertThat(cancellation.businessKey()).isEqualTo(cancelled.getBusinessKey());
      assertThat(registerStatus(cancelled)).isEqualTo("CANCELLED");
    }
    List<AuditEntry> records = audit.forProcessInstance(instance.getId());
    assertThat(records.get(records.size() - 1).comment()).isEqualTo("重複して申請されたため");
    assertThat(takeOuts.find(instance.getBusinessKey()).displayStatus()).isEqualTo("取消");
  }

  @Test
  void aRequestThatEndsNormallyGetsNoCancellationRecord() {
    ProcessInstance instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, "takeOut", Requests.internalLaptopTakeOut());
    requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, Map.of("decision", "REJECTED", "decisionComment", "不要"));
    assertThat(outcomes(instance)).containsExactly("FILED", "RECORDED", "REJECTED");
    assertThat(registerStatus(instance)).isEqualTo("REJECTED");
  }
}
