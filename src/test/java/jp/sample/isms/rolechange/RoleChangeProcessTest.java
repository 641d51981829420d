package jp.sample.isms.rolechange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.accounts.OrganisationChanges;
import jp.sample.isms.approval.RequestValidationException;
import jp.sample.isms.approval.RequestWithdrawal;
import jp.sample.isms.audit.AuditEntry;
import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.organisation.OrganisationService;
import jp.sample.isms.support.Requests;
import jp.sample.isms.support.DemoOrganisation;

/** bpmn/roleChange.bpmn (1.1, 10.1, 5.1.5, 5.1.10): one test per path, on the real engine with the demo organisation. */
@IsmsSpringBootTest
class RoleChangeProcessTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  AuditRecorder audit;
  @Autowired
  RequestWithdrawal withdrawal;
  @Autowired
  OrganisationService organisation;
  @Autowired
  OrganisationChanges changes;
  @Autowired
  RoleChanges roleChanges;
  @Autowired
  JdbcTemplate jdbc;

  Requests requests;

  @BeforeEach
  void setUp() {
    requests = new Requests(engine);
  }

  @AfterEach
  void restoreTheDemoOrganisation() {
    changes.removeRoleHolder("audit-officer", DemoOrganisation.DESIGN_CHIEF, "system", "test");
    changes.removeRoleHolder("camunda-admin", DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, "system", "test");
    changes.addRoleHolder("incident-officer", DemoOrganisation.INCIDENT_OFFICER, "system", "test");
  }

  static Map<String, Object> change(String kind, String role, String person) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("changeKind", kind);
    variables.put("role", role);
    variables.put("person", person);
    variables.put("changeReason", "体制の見直し");
    return variables;
  }

  static Map<String, Object> approve() {
    return Map.of("decision", "APPROVED", "decisionComment", "");
  }

  private List<String> outcomes(ProcessInstance instance) {
    return audit.forBusinessKey(instance.getBusinessKey()).stream().map(AuditEntry::outcome).toList();
  }

  private int mails(String recipient, String businessKey) {
    return jdbc.queryForObject("select count(*) from mail_outbox where recipient = ? and subject like ?", Integer.class,
        recipient, "%" + businessKey + "%");
  }

  @Test
  void aHolderIsAddedOnlyWhenTheSecurityOfficerApproves() {
    // when the system administrator files watanabe as a second audit officer
    ProcessInstance instance = requests.file(DemoOrganisation.SYSTEM_ADMINISTRATOR, RoleChangeProcess.KEY, change("ADD", "AUDIT_OFFICER", DemoOrganisation.DESIGN_CHIEF));
    assertThat(instance.getBusinessKey()).startsWith("RC-");
    assertThat(instance).isWaitingAt(RoleChangeProcess.TASK_APPROVE);
    assertThat(requests.candidateGroups(instance)).containsExactly("security-officer");
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "changeSummary").toString())
        .contains("渡辺 翔").contains("audit-officer");
    // then nothing changes before the approval, and the filer cannot approve
    assertThat(organisation.members("audit-officer")).containsExactly(DemoOrganisation.AUDIT_OFFICER);
    assertThatThrownBy(() -> requests.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, instance, approve()))
        .isInstanceOf(AuthorizationException.class);
    requests.complete(DemoOrganisation.SECURITY_OFFICER, instance, approve());
    // and the approval changes the group, recorded with the request number, and watanabe is told
    assertThat(instance).isEnded().hasPassed(RoleChangeProcess.END_CHANGED);
    assertThat(organisation.members("audit-officer")).containsExactly(DemoOrganisation.AUDIT_OFFICER, DemoOrganisation.DESIGN_CHIEF);
    RoleChanges.Change row = roleChanges.history(instance.getBusinessKey()).get(0);
    assertThat(row.groupId()).isEqualTo("audit-officer");
    assertThat(row.userId()).isEqualTo(DemoOrganisation.DESIGN_CHIEF);
    assertThat(row.requestedBy()).isEqualTo(DemoOrganisation.SYSTEM_ADMINISTRATOR);
    assertThat(row.approvedBy()).isEqualTo(DemoOrganisation.SECURITY_OFFICER);
    assertThat(row.exceptionUntil()).isNull();
    assertThat(outcomes(instance)).containsExactly("FILED", "APPROVED");
    assertThat(jdbc.queryForObject("select count(*) from audit_record where outcome = 'ROLE_HOLDER_ADDED' "
        + "and comment like ?", Integer.class, "%" + instance.getBusinessKey() + "%")).isEqualTo(1);
    assertThat(mails(DemoOrganisation.DESIGN_CHIEF, instance.getBusinessKey())).isPositive();
  }

  @Test
  void aHolderIsRemovedByTheHumanResourcesDepartment() {
    // sato (人事部長) files that takahashi no longer is the incident officer
    ProcessInstance instance = requests.file(DemoOrganisation.HR_HEAD, RoleChangeProcess.KEY,
        change("REMOVE", "INCIDENT_OFFICER", DemoOrganisation.INCIDENT_OFFICER));
    requests.complete(DemoOrganisation.SECURITY_OFFICER, instance, approve());
    assertThat(instance).isEnded().hasPassed(RoleChangeProcess.END_CHANGED);
    assertThat(organisation.members("incident-officer")).isEmpty();
    assertThat(roleChanges.history(instance.getBusinessKey())).extracting(RoleChanges.Change::changeKind)
        .containsExactly("REMOVE");
  }

  @Test
  void aRejectedChangeChangesNothing() {
    ProcessInstance instance = requests.file(DemoOrganisation.SYSTEM_ADMINISTRATOR, RoleChangeProcess.KEY, change("ADD", "AUDIT_OFFICER", DemoOrganisation.DESIGN_CHIEF));
    requests.complete(DemoOrganisation.SECURITY_OFFICER, instance, Map.of("decision", "REJECTED", "decisionComment", "監査の独立性"));
    assertThat(instance).isEnded().hasPassed(RoleChangeProcess.END_REJECTED);
    assertThat(organisation.members("audit-officer")).containsExactly(DemoOrganisation.AUDIT_OFFICER);
    assertThat(roleChanges.history(instance.getBusinessKey())).isEmpty();
  }

  @Test
  void aSentBackChangeIsCorrectedAndResubmitted() {
    ProcessInstance instance = requests.file(DemoOrganisation.SYSTEM_ADMINISTRATOR, RoleChangeProcess.KEY, change("ADD", "AUDIT_OFFICER", DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE));
    requests.complete(DemoOrganisation.SECURITY_OFFICER, instance, Map.of("decision", "SENT_BACK", "decisionComment", "渡辺さんでは?"));
    assertThat(instance).isWaitingAt(RoleChangeProcess.TASK_CORRECT);
    Map<String, Object> corrected = new HashMap<>(change("ADD", "AUDIT_OFFICER", DemoOrganisation.DESIGN_CHIEF));
    corrected.put("resubmission", "RESUBMIT");
    requests.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, instance, corrected);
    assertThat(instance).isWaitingAt(RoleChangeProcess.TASK_APPROVE);
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "changeSummary").toString()).contains("渡辺 翔");
    requests.complete(DemoOrganisation.SECURITY_OFFICER, instance, approve());
    assertThat(organisation.members("audit-officer")).containsExactly(DemoOrganisation.AUDIT_OFFICER, DemoOrganisation.DESIGN_CHIEF);
  }

  @Test
  void aSentBackChangeIsWithdrawn() {
    ProcessInstance instance = requests.file(DemoOrganisation.SYSTEM_ADMINISTRATOR, RoleChangeProcess.KEY, change("ADD", "AUDIT_OFFICER", DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE));
    requests.complete(DemoOrganisation.SECURITY_OFFICER, instance, Map.of("decision", "SENT_BACK", "decisionComment", "理由は?"));
    requests.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, instance, Map.of("resubmission", "WITHDRAW"));
    assertThat(instance).isEnded().hasPassed(RoleChangeProcess.END_WITHDRAWN);
    assertThat(organisation.members("audit-officer")).containsExactly(DemoOrganisation.AUDIT_OFFICER);
  }

  @Test
  void theRequesterWithdrawsAnOpenRequest() {
    ProcessInstance instance = requests.file(DemoOrganisation.SYSTEM_ADMINISTRATOR, RoleChangeProcess.KEY, change("ADD", "AUDIT_OFFICER", DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE));
    withdrawal.withdraw(instance.getBusinessKey(), DemoOrganisation.SYSTEM_ADMINISTRATOR, "不要になった");
    assertThat(instance).isEnded().hasPassed(RoleChangeProcess.END_WITHDRAWN_BY_REQUESTER);
    assertThat(organisation.members("audit-officer")).containsExactly(DemoOrganisation.AUDIT_OFFICER);
  }

  @Test
  void aPrivilegedGroupForSomeoneElseIsAnExceptionThatLapses() {
    // 5.1.10: camunda-admin for kato without an end date is refused at filing
    assertThatThrownBy(() -> requests.file(DemoOrganisation.SYSTEM_ADMINISTRATOR, RoleChangeProcess.KEY, change("ADD", "CAMUNDA_ADMIN", DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE)))
        .isInstanceOf(RequestValidationException.class).hasMessageContaining("5.1.10")
        .hasMessageContaining("exceptionUntil");
    // with an end date the security officer approves an exception
    LocalDate until = LocalDate.now(ZoneId.of("Asia/Tokyo")).plusDays(7);
    Map<String, Object> exception = change("ADD", "CAMUNDA_ADMIN", DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE);
    exception.put("exceptionUntil", until.toString());
    ProcessInstance instance = requests.file(DemoOrganisation.SYSTEM_ADMINISTRATOR, RoleChangeProcess.KEY, exception);
    assertThat(requests.candidateGroups(instance)).containsExactly("security-officer");
    requests.complete(DemoOrganisation.SECURITY_OFFICER, instance, approve());
    assertThat(organisation.members("camunda-admin")).contains(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE);
    assertThat(instance).isWaitingAt(RoleChangeProcess.TIMER_EXCEPTION_ENDS);
    assertThat(requests.timerDueDate(instance, RoleChangeProcess.TIMER_EXCEPTION_ENDS).toInstant())
        .isEqualTo(until.plusDays(1).atStartOfDay(ZoneId.of("Asia/Tokyo")).toInstant());
    assertThat(roleChanges.history(instance.getBusinessKey()).get(0).exceptionUntil()).isEqualTo(until);
    // when the day after the last day comes, the membership goes, recorded, and kato and the administrators are told
    requests.fireTimer(instance, RoleChangeProcess.TIMER_EXCEPTION_ENDS);
    assertThat(instance).isEnded().hasPassed(RoleChangeProcess.END_EXCEPTION_LAPSED);
    assertThat(organisation.members("camunda-admin")).doesNotContain(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE);
    assertThat(roleChanges.history(instance.getBusinessKey()).get(0).lapsedAt()).isNotNull();
    assertThat(jdbc.queryForObject("select count(*) from audit_record where outcome = 'ROLE_HOLDER_REMOVED' "
        + "and comment like ?", Integer.class, "%kato%" + instance.getBusinessKey() + "%")).isEqualTo(1);
    assertThat(mails(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, instance.getBusinessKey())).isEqualTo(2);
    assertThat(mails(DemoOrganisation.SYSTEM_ADMINISTRATOR, instance.getBusinessKey())).isPositive();
  }

  @Test
  void theSecurityOfficersOwnChangeGoesToThePresident() {
    ProcessInstance instance = requests.file(DemoOrganisation.SYSTEM_ADMINISTRATOR, RoleChangeProcess.KEY,
        change("ADD", "SECURITY_OFFICER", DemoOrganisation.DEVELOPMENT_HEAD));
    assertThat(requests.candidateGroups(instance)).containsExactly("president");
    withdrawal.withdraw(instance.getBusinessKey(), DemoOrganisation.SYSTEM_ADMINISTRATOR, "テスト");
  }

  @Test
  void theFilingIsRefusedWithItsClause() {
    // 10.1: neither the system administrator nor 人事部
    assertThatThrownBy(() -> requests.file(DemoOrganisation.DESIGN_EMPLOYEE, RoleChangeProcess.KEY,
        change("ADD", "AUDIT_OFFICER", DemoOrganisation.DESIGN_EMPLOYEE))).isInstanceOf(RequestValidationException.class)
        .hasMessageContaining("10.1");
    // a department head needs a department of the organisation
    Map<String, Object> head = change("ADD", "DEPARTMENT_HEAD", DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE);
    head.put("unitCode", "sales");
    assertThatThrownBy(() -> requests.file(DemoOrganisation.SYSTEM_ADMINISTRATOR, RoleChangeProcess.KEY, head))
        .isInstanceOf(RequestValidationException.class).hasMessageContaining("unitCode");
    // the last security officer cannot be removed; someone who does not hold a role cannot lose it
    assertThatThrownBy(() -> requests.file(DemoOrganisation.SYSTEM_ADMINISTRATOR, RoleChangeProcess.KEY,
        change("REMOVE", "SECURITY_OFFICER", DemoOrganisation.SECURITY_OFFICER))).isInstanceOf(RequestValidationException.class)
        .hasMessageContaining("1.1");
    assertThatThrownBy(() -> requests.file(DemoOrganisation.SYSTEM_ADMINISTRATOR, RoleChangeProcess.KEY,
        change("REMOVE", "AUDIT_OFFICER", DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE))).isInstanceOf(RequestValidationException.class)
        .hasMessageContaining("person");
    // an end date only for a privileged exception
    Map<String, Object> dated = change("ADD", "AUDIT_OFFICER", DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE);
    dated.put("exceptionUntil", LocalDate.now().plusDays(3).toString());
    assertThatThrownBy(() -> requests.file(DemoOrganisation.SYSTEM_ADMINISTRATOR, RoleChangeProcess.KEY, dated))
        .isInstanceOf(RequestValidationException.class).hasMessageContaining("exceptionUntil");
    // nothing was filed
    assertThat(organisation.members("audit-officer")).containsExactly(DemoOrganisation.AUDIT_OFFICER);
  }
}
