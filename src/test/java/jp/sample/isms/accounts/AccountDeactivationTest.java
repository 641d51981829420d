package jp.sample.isms.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.organisation.AccountStates;
import jp.sample.isms.support.Requests;
import jp.sample.isms.system.WebappSession;
import jp.sample.isms.support.DemoOrganisation;

/** 5.1.7: disabled accounts cannot log in, lose their sessions, and their steps move on; unused ones are disabled. */
@IsmsSpringBootTest
class AccountDeactivationTest {

  @Autowired
  TestRestTemplate rest;
  @Autowired
  ProcessEngine engine;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  AccountStates accounts;
  @Autowired
  AccountDeactivation deactivation;

  private HttpStatus disable(String as, String user, String reason) {
    return HttpStatus.valueOf(rest.withBasicAuth(as, DemoOrganisation.PASSWORD).postForEntity("/api/accounts/" + user + "/disable",
        reason == null ? Map.of() : Map.of("reason", reason), String.class).getStatusCode().value());
  }

  @Test
  void aDisabledAccountCannotLogInAndItsOpenSessionEnds() {
    WebappSession session = new WebappSession(rest);
    assertThat(session.login(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, DemoOrganisation.PASSWORD, "tasklist").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(session.get("/camunda/api/engine/engine/default/task/count").getStatusCode()).isEqualTo(HttpStatus.OK);
    try {
      assertThat(disable(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, "x")).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(disable(DemoOrganisation.SYSTEM_ADMINISTRATOR, DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, null)).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(disable(DemoOrganisation.SYSTEM_ADMINISTRATOR, DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, "退職")).isEqualTo(HttpStatus.OK);

      assertThat(rest.withBasicAuth(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, DemoOrganisation.PASSWORD).getForEntity("/engine-rest/task", String.class)
          .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
      assertThat(session.get("/camunda/api/engine/engine/default/task/count").getStatusCode())
          .isEqualTo(HttpStatus.UNAUTHORIZED);
      assertThat(new WebappSession(rest).login(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, DemoOrganisation.PASSWORD, "tasklist").getStatusCode().is2xxSuccessful())
          .isFalse();
      assertThat(jdbc.queryForObject("select count(*) from audit_record where outcome = 'ACCOUNT_DISABLED' "
          + "and requester = 'kato'", Integer.class)).isPositive();
    } finally {
      deactivation.enable(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, DemoOrganisation.SYSTEM_ADMINISTRATOR);
    }
    assertThat(rest.withBasicAuth(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, DemoOrganisation.PASSWORD).getForEntity("/engine-rest/task", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void aDisabledApproversStepsGoToTheNextHolderOfTheRole() {
    Requests requests = new Requests(engine);
    ProcessInstance instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, "takeOut", Requests.internalLaptopTakeOut());
    requests.claim(DemoOrganisation.DEVELOPMENT_HEAD, requests.task(instance));
    try {
      deactivation.disable(DemoOrganisation.DEVELOPMENT_HEAD, DemoOrganisation.SYSTEM_ADMINISTRATOR, "長期休職");
      assertThat(requests.task(instance).getAssignee()).isNull();
      List<String> groups = engine.getTaskService().getIdentityLinksForTask(requests.task(instance).getId()).stream()
          .map(IdentityLink::getGroupId).filter(g -> g != null).toList();
      assertThat(groups).contains("department-head.development", "president");
      requests.complete(DemoOrganisation.PRESIDENT, instance, Map.of("decision", "APPROVED"));
      assertThat(requests.task(instance).getTaskDefinitionKey()).isEqualTo("UserTask_ReportReturn");
    } finally {
      deactivation.enable(DemoOrganisation.DEVELOPMENT_HEAD, DemoOrganisation.SYSTEM_ADMINISTRATOR);
    }
  }

  @Test
  void theNightlyReviewDisablesAccountsUnusedForTheInactivityPeriod() {
    accounts.loggedIn(DemoOrganisation.PRODUCTION_EMPLOYEE);
    jdbc.update("update account_state set last_login_at = ? where user_id = 'kobayashi'",
        Timestamp.from(Instant.now().minus(200, ChronoUnit.DAYS)));
    Job nightly = engine.getManagementService().createJobQuery().processDefinitionKey("accountInactivityReview")
        .timers().singleResult();
    try {
      engine.getManagementService().executeJob(nightly.getId());
      assertThat(accounts.isDisabled(DemoOrganisation.PRODUCTION_EMPLOYEE)).isTrue();
      assertThat(accounts.isDisabled(DemoOrganisation.DESIGN_EMPLOYEE)).isFalse();
      assertThat(jdbc.queryForObject("select comment from audit_record where outcome = 'ACCOUNT_DISABLED' "
          + "and requester = 'kobayashi' order by id desc fetch first 1 rows only", String.class))
          .contains("一定期間 (90日) ログインがないため");
    } finally {
      deactivation.enable(DemoOrganisation.PRODUCTION_EMPLOYEE, DemoOrganisation.SYSTEM_ADMINISTRATOR);
    }
  }
}
