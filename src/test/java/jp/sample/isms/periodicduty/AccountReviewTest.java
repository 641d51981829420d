package jp.sample.isms.periodicduty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.approval.RequestValidationException;
import jp.sample.isms.support.Requests;
import jp.sample.isms.support.DemoOrganisation;

/** アカウントの棚卸し (5.1.5, 5.1.7): the department head reviews the register's rows; a marked row files a request. */
@IsmsSpringBootTest
class AccountReviewTest {

  static final LocalDate SEPTEMBER_END = LocalDate.of(2026, 9, 30);

  @Autowired
  ProcessEngine engine;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  AccountReview review;
  @Autowired
  Occurrences occurrences;

  Requests requests;
  PeriodicDuties duties;
  long yamamotoFiles;
  long watanabeMail;

  @BeforeEach
  void setUp() {
    requests = new Requests(engine);
    duties = new PeriodicDuties(engine, jdbc);
    duties.cleanUp();
    yamamotoFiles = account(DemoOrganisation.DESIGN_EMPLOYEE, "FILE_SERVER", DemoOrganisation.DESIGN_EMPLOYEE, "設計フォルダ 読み書き");
    watanabeMail = account(DemoOrganisation.DESIGN_CHIEF, "INTERNAL_MAIL", DemoOrganisation.DESIGN_CHIEF, "送受信");
  }

  @AfterEach
  void cleanUp() {
    duties.cleanUp();
    jdbc.update("delete from account_register where id in (?, ?)", yamamotoFiles, watanabeMail);
  }

  private long account(String user, String system, String accountId, String rights) {
    jdbc.update("""
        insert into account_register (user_id, system_code, account_id, access_rights, status, created_at,
          approved_by, set_up_by, created_by_request, last_request)
        values (?, ?, ?, ?, 'ACTIVE', current_timestamp, 'tanaka', 'suzuki', 'AR-2026-9000', 'AR-2026-9000')
        """, user, system, accountId, rights);
    return jdbc.queryForObject("select max(id) from account_register where user_id = ? and system_code = ?",
        Long.class, user, system);
  }

  private Map<String, Object> reviewed(String deleteRows, String changeRows, String changeRights) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("deleteRows", deleteRows);
    variables.put("changeRows", changeRows);
    variables.put("changeRights", changeRights);
    variables.put("performedOn", "2026-09-01");
    variables.put("result", "部門のアカウントを確認した");
    return variables;
  }

  @Test
  void aMarkedRowFilesADeleteRequestAndTheReviewIsTheRegistersHistory() {
    // given the half-yearly review of 開発設計部, for its head ito
    duties.scheduleOn(LocalDate.of(2026, 4, 1));
    ProcessInstance instance = duties.occurrence("ACCESS_REVIEW", SEPTEMBER_END, "development");
    assertThat(instance).isWaitingAt(PeriodicDutyProcess.TASK_REVIEW_ACCOUNTS);
    assertThat(engine.getTaskService().getIdentityLinksForTask(requests.task(instance).getId()))
        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("department-head.development"));
    String list = (String) engine.getRuntimeService().getVariable(instance.getId(), PeriodicDutyProcess.ACCOUNT_LIST);
    assertThat(list).contains(yamamotoFiles + ": yamamoto / FILE_SERVER / yamamoto / 設計フォルダ 読み書き")
        .contains(watanabeMail + ": watanabe / INTERNAL_MAIL");

    // when ito marks yamamoto's file server account for deletion and confirms the rest
    requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, reviewed(String.valueOf(yamamotoFiles), "", null));
    Job filing = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).singleResult();
    engine.getManagementService().executeJob(filing.getId());

    // then a DELETE accountRequest is filed in ito's name through the kernel, numbered and routed
    List<AccountReview.Result> results = review.ofReview(instance.getBusinessKey());
    assertThat(results).extracting(AccountReview.Result::result).contains("DELETE", "CONFIRMED");
    AccountReview.Result deletion = results.stream().filter(r -> r.rowId() == yamamotoFiles).findFirst().orElseThrow();
    assertThat(deletion.result()).isEqualTo(AccountReview.DELETE);
    assertThat(deletion.reviewer()).isEqualTo(DemoOrganisation.DEVELOPMENT_HEAD);
    assertThat(deletion.filedRequest()).matches("AR-\\d{4}-\\d{4}");
    ProcessInstance request = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(deletion.filedRequest()).singleResult();
    assertThat(engine.getRuntimeService().getVariables(request.getId())).containsEntry("requestType", "DELETE")
        .containsEntry("requester", DemoOrganisation.DEVELOPMENT_HEAD).containsEntry("targetUserId", DemoOrganisation.DESIGN_EMPLOYEE);
    assertThat(review.ofAccount(watanabeMail)).singleElement()
        .satisfies(r -> assertThat(r.result()).isEqualTo(AccountReview.CONFIRMED));

    // and the system administrator accepts the review
    assertThat(instance).isWaitingAt(PeriodicDutyProcess.TASK_ACCEPT);
    requests.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, instance, PeriodicDuties.decision("APPROVED", ""));
    assertThat(instance).isEnded();
    assertThat(occurrences.byBusinessKey(instance.getBusinessKey()).orElseThrow().performedBy()).isEqualTo(DemoOrganisation.DEVELOPMENT_HEAD);
  }

  @Test
  void aChangedRowFilesAChangeRequestWithTheNewRights() {
    duties.scheduleOn(LocalDate.of(2026, 4, 1));
    ProcessInstance instance = duties.occurrence("ACCESS_REVIEW", SEPTEMBER_END, "development");

    requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, reviewed("", String.valueOf(watanabeMail), "送受信 (外部宛て不可)"));
    engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
        .processInstanceId(instance.getId()).singleResult().getId());

    AccountReview.Result change = review.ofAccount(watanabeMail).get(0);
    assertThat(change.result()).isEqualTo(AccountReview.CHANGE);
    ProcessInstance request = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(change.filedRequest()).singleResult();
    assertThat(engine.getRuntimeService().getVariables(request.getId())).containsEntry("requestType", "CHANGE")
        .containsEntry("accessRights", "送受信 (外部宛て不可)");
  }

  @Test
  void onlyRowsOfTheListCanBeMarked() {
    duties.scheduleOn(LocalDate.of(2026, 4, 1));
    ProcessInstance instance = duties.occurrence("ACCESS_REVIEW", SEPTEMBER_END, "development");

    // a row of another department, a row marked twice, a change without its rights: 400, nothing recorded
    assertThatThrownBy(() -> requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, reviewed("999999", "", null)))
        .isInstanceOf(RequestValidationException.class).hasMessageContaining("deleteRows").hasMessageContaining("5.1.5");
    assertThatThrownBy(() -> requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, reviewed(String.valueOf(yamamotoFiles),
        String.valueOf(yamamotoFiles), "x"))).isInstanceOf(RequestValidationException.class)
        .hasMessageContaining("changeRows");
    assertThatThrownBy(() -> requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, reviewed("", String.valueOf(watanabeMail), null)))
        .isInstanceOf(RequestValidationException.class).hasMessageContaining("changeRights");
    assertThatThrownBy(() -> requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, reviewed("abc", "", null)))
        .isInstanceOf(RequestValidationException.class).hasMessageContaining("deleteRows");
    assertThat(review.ofReview(instance.getBusinessKey())).isEmpty();
    assertThat(instance).isWaitingAt(PeriodicDutyProcess.TASK_REVIEW_ACCOUNTS);
  }

  @Test
  void anotherDepartmentsHeadCannotReview() {
    duties.scheduleOn(LocalDate.of(2026, 4, 1));
    ProcessInstance instance = duties.occurrence("ACCESS_REVIEW", SEPTEMBER_END, "development");

    assertThatThrownBy(() -> requests.complete(DemoOrganisation.MANUFACTURING_HEAD, instance, reviewed(String.valueOf(yamamotoFiles), "", null)))
        .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
    assertThat(review.ofReview(instance.getBusinessKey())).isEmpty();
    assertThat(requests.task(instance).getAssignee()).isNull();
  }
}
