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
    return HttpStatus.valueOf(rest.withBasicAuth(as, "Demo-2026!").postForEntity("/api/accounts/" + user + "/disable",
        reason == null ? Map.of() : Map.of("reason", reason), String.class).getStatusCode().value());
  }

  @Test
  void aDisabledAccountCannotLogInAndItsOpenSessionEnds() {
    WebappSession session = new WebappSession(rest);
    assertThat(session.login("kato", "Demo-2026!", "tasklist").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(session.get("/camunda/api/engine/engine/default/task/count").getStatusCode()).isEqualTo(HttpStatus.OK);
    try {
      assertThat(disable("kato", "kato", "x")).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(disable("suzuki", "kato", null)).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(disable("suzuki", "kato", "退職")).isEqualTo(HttpStatus.OK);

      assertThat(rest.withBasicAuth("kato", "Demo-2026!").getForEntity("/engine-rest/task", String.class)
          .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
      assertThat(session.get("/camunda/api/engine/engine/default/task/count").getStatusCode())
          .isEqualTo(HttpStatus.UNAUTHORIZED);
      assertThat(new WebappSession(rest).login("kato", "Demo-2026!", "tasklist").getStatusCode().is2xxSuccessful())
          .isFalse();
      assertThat(jdbc.queryForObject("select count(*) from audit_record where outcome = 'ACCOUNT_DISABLED' "
          + "and requester = 'kato'", Integer.class)).isPositive();
    } finally {
      deactivation.enable("kato", "suzuki");
    }
    assertThat(rest.withBasicAuth("kato", "Demo-2026!").getForEntity("/engine-rest/task", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void aDisabledApproversStepsGoToTheNextHolderOfTheRole() {
    Requests requests = new Requests(engine);
    ProcessInstance instance = requests.file("yamamoto", "takeOut", Requests.internalLaptopTakeOut());
    requests.claim("ito", requests.task(instance));
    try {
      deactivation.disable("ito", "suzuki", "長期休職");
      assertThat(requests.task(instance).getAssignee()).isNull();
      List<String> groups = engine.getTaskService().getIdentityLinksForTask(requests.task(instance).getId()).stream()
          .map(IdentityLink::getGroupId).filter(g -> g != null).toList();
      assertThat(groups).contains("department-head.development", "president");
      requests.complete("tanaka", instance, Map.of("decision", "APPROVED"));
      assertThat(requests.task(instance).getTaskDefinitionKey()).isEqualTo("UserTask_ReportReturn");
    } finally {
      deactivation.enable("ito", "suzuki");
    }
  }

  @Test
  void theNightlyReviewDisablesAccountsUnusedForTheInactivityPeriod() {
    accounts.loggedIn("kobayashi");
    jdbc.update("update account_state set last_login_at = ? where user_id = 'kobayashi'",
        Timestamp.from(Instant.now().minus(200, ChronoUnit.DAYS)));
    Job nightly = engine.getManagementService().createJobQuery().processDefinitionKey("accountInactivityReview")
        .timers().singleResult();
    try {
      engine.getManagementService().executeJob(nightly.getId());
      assertThat(accounts.isDisabled("kobayashi")).isTrue();
      assertThat(accounts.isDisabled("yamamoto")).isFalse();
      assertThat(jdbc.queryForObject("select comment from audit_record where outcome = 'ACCOUNT_DISABLED' "
          + "and requester = 'kobayashi' order by id desc fetch first 1 rows only", String.class))
          .contains("一定期間 (90日) ログインがないため");
    } finally {
      deactivation.enable("kobayashi", "suzuki");
    }
  }
}
