package jp.sample.isms.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;

import jp.sample.isms.organisation.OrganisationService;
import jp.sample.isms.organisation.Role;
import jp.sample.isms.support.PostgresApplication;
import jp.sample.isms.support.DemoOrganisation;

/** The production profile on a real PostgreSQL: schema, deployment, organisation, REST authentication. */
@Tag("postgres")
class PostgresApplicationIT {

  static PostgresApplication application;
  static ConfigurableApplicationContext context;

  @BeforeAll
  static void start() {
    application = PostgresApplication.start();
    context = application.context();
  }

  @AfterAll
  static void stop() {
    if (application != null) {
      application.close();
    }
  }

  @Test
  void runsOnPostgresWithTheDemoOrganisation() {
    assertThat(context.getEnvironment().getProperty("spring.datasource.url")).startsWith("jdbc:postgresql:");
    IdentityService identity = context.getBean(IdentityService.class);
    assertThat(identity.createUserQuery().list()).extracting(User::getId)
        .containsExactlyInAnyOrderElementsOf(ApplicationStartTest.DEMO_USERS);
    OrganisationService organisation = context.getBean(OrganisationService.class);
    assertThat(organisation.holders(Role.DEPARTMENT_HEAD,
        DemoOrganisation.DESIGN_EMPLOYEE).userIds()).containsExactly(DemoOrganisation.DEVELOPMENT_HEAD);
    assertThat(organisation.holders(Role.SECTION_CHIEF,
        DemoOrganisation.DESIGN_EMPLOYEE).userIds()).containsExactly(DemoOrganisation.DESIGN_CHIEF);
    assertThat(organisation.holders(Role.SYSTEM_ADMINISTRATOR,
        DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE).userIds()).containsExactly(DemoOrganisation.SYSTEM_ADMINISTRATOR);
  }

  @Test
  void deploysTheFlowsAndForms() {
    RepositoryService repository = context.getBean(RepositoryService.class);
    List<String> names = repository.createDeploymentQuery().list().stream()
        .flatMap(d -> repository.getDeploymentResourceNames(d.getId()).stream()).toList();
    assertThat(names).anyMatch(n -> n.endsWith(".bpmn")).anyMatch(n -> n.endsWith(".form"));
  }

  @Test
  void theDecisionRecordIsAppendOnlyInPostgres() {
    var requests = new jp.sample.isms.support.Requests(context.getBean(org.camunda.bpm.engine.ProcessEngine.class));
    requests.file(DemoOrganisation.DESIGN_EMPLOYEE, "takeOut", jp.sample.isms.support.Requests.internalLaptopTakeOut());
    org.springframework.jdbc.core.JdbcTemplate jdbc = context.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
    assertThat(jdbc.queryForObject("select count(*) from audit_record", Integer.class)).isPositive();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update("update audit_record set comment = 'x'"))
        .hasMessageContaining("append-only");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update("delete from audit_record"))
        .hasMessageContaining("append-only");
    assertThat(context.getBean(jp.sample.isms.audit.AuditChain.class).verify().intact()).isTrue();
  }

  @Test
  void concurrentFirstFilingsOfAYearGetDistinctNumbersOnPostgres() throws Exception {
    var keys = context.getBean(jp.sample.isms.approval.BusinessKeyGenerator.class);
    var transactions = new org.springframework.transaction.support.TransactionTemplate(
        context.getBean(org.springframework.transaction.PlatformTransactionManager.class));
    java.time.LocalDate newYear = java.time.LocalDate.of(2040, 1, 1);
    var clients = java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      List<java.util.concurrent.Callable<String>> filings = new java.util.ArrayList<>();
      for (int i = 0; i < 40; i++) {
        filings.add(() -> transactions.execute(status -> keys.next("PG", newYear)));
      }
      java.util.Set<String> numbers = new java.util.HashSet<>();
      for (var number : clients.invokeAll(filings)) {
        numbers.add(number.get());
      }
      assertThat(numbers).hasSize(40).contains("PG-2040-0001", "PG-2040-0040");
    } finally {
      clients.shutdownNow();
    }
  }

  @Test
  void theOutboxQueuesAnEventOnceEvenWhenQueuedConcurrentlyOnPostgres() throws Exception {
    var outbox = context.getBean(jp.sample.isms.notification.MailOutbox.class);
    var jdbc = context.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
    var transactions = new org.springframework.transaction.support.TransactionTemplate(
        context.getBean(org.springframework.transaction.PlatformTransactionManager.class));
    String key = "pg-outbox-test:" + java.util.UUID.randomUUID();
    var clients = java.util.concurrent.Executors.newFixedThreadPool(6);
    try {
      List<java.util.concurrent.Callable<Boolean>> enqueues = new java.util.ArrayList<>();
      for (int i = 0; i < 12; i++) {
        // each in a transaction of its own that goes on after the insert, as a filing does
        enqueues.add(() -> transactions.execute(status -> {
          boolean queued = outbox.enqueue(key, DemoOrganisation.DEVELOPMENT_HEAD, "notice", java.util.Map.of("subject",
              "テスト", "body", "本文"));
          jdbc.queryForObject("select count(*) from mail_outbox", Integer.class);
          return queued;
        }));
      }
      long queued = 0;
      for (var result : clients.invokeAll(enqueues)) {
        queued += result.get() ? 1 : 0;
      }
      assertThat(queued).as("enqueue answered true once").isEqualTo(1);
      assertThat(jdbc.queryForObject("select count(*) from mail_outbox where dedup_key = ?", Integer.class, key))
          .isEqualTo(1);
    } finally {
      clients.shutdownNow();
    }
  }

  @Test
  void theEngineSendsItsInsertBatchesAsMultiRowInserts() throws Exception {
    try (var connection = context.getBean(javax.sql.DataSource.class).getConnection()) {
      var pg = connection.unwrap(org.postgresql.core.BaseConnection.class);
      assertThat(pg.getQueryExecutor().isReWriteBatchedInsertsEnabled()).isTrue();
    }
    // and a request still files and is approved with it (the engine needs no row counts of inserts)
    var engine = context.getBean(org.camunda.bpm.engine.ProcessEngine.class);
    var requests = new jp.sample.isms.support.Requests(engine);
    var instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, "takeOut",
        jp.sample.isms.support.Requests.internalLaptopTakeOut());
    assertThat(engine.getRuntimeService().getVariables(instance.getId())).containsKeys("requester", "businessKey");
  }

  @Test
  void restNeedsAuthentication() {
    TestRestTemplate rest = new TestRestTemplate();
    String base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    assertThat(rest.getForEntity(base + "/engine-rest/task", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.withBasicAuth(DemoOrganisation.DESIGN_EMPLOYEE,
        DemoOrganisation.PASSWORD).getForEntity(base + "/engine-rest/task", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(rest.withBasicAuth(DemoOrganisation.DESIGN_EMPLOYEE, "bad").getForEntity(base + "/engine-rest/task",
        String.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void passwordExpiryRunsOnPostgres() {
    org.springframework.jdbc.core.JdbcTemplate jdbc = context.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
    var engine = context.getBean(org.camunda.bpm.engine.ProcessEngine.class);
    // every demo password was dated at start-up (the insert of start-up runs on PostgreSQL)
    assertThat(jdbc.queryForObject("select count(*) from account_state where password_changed_at is not null",
        Integer.class)).isGreaterThanOrEqualTo(ApplicationStartTest.DEMO_USERS.size());
    java.time.Instant aged = java.time.Instant.now().minus(java.time.Duration.ofDays(80));
    jdbc.update("update account_state set password_changed_at = ?, password_expiry_warned_at = null "
        + "where user_id = 'kato'", java.sql.Timestamp.from(aged));
    try {
      for (int night = 0; night < 2; night++) {
        var timer = engine.getManagementService().createJobQuery().processDefinitionKey("passwordExpiryReview")
            .timers().singleResult();
        engine.getManagementService().executeJob(timer.getId());
      }
      assertThat(jdbc.queryForObject("select count(*) from mail_outbox where dedup_key like 'password-expiry:kato:%'",
          Integer.class)).isEqualTo(1);

      jdbc.update("update account_state set password_changed_at = ? where user_id = 'kato'",
          java.sql.Timestamp.from(aged.minus(java.time.Duration.ofDays(20))));
      TestRestTemplate rest = new TestRestTemplate();
      String base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
      var refused = rest.withBasicAuth(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE,
          DemoOrganisation.PASSWORD).getForEntity(base + "/engine-rest/task", String.class);
      assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(refused.getBody()).contains("PasswordExpired");
    } finally {
      context.getBean(jp.sample.isms.organisation.AccountStates.class).passwordSetBySystem(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE);
    }
  }

  @Test
  void myRequestsDerivesStatesAndListsDecisionsOnPostgres() {
    var requests = new jp.sample.isms.support.Requests(context.getBean(org.camunda.bpm.engine.ProcessEngine.class));
    var pending = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, "takeOut",
        jp.sample.isms.support.Requests.internalLaptopTakeOut());
    var approved = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, "takeOut",
        jp.sample.isms.support.Requests.internalLaptopTakeOut());
    requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, approved, java.util.Map.of("decision", "APPROVED",
        "decisionComment", "承認します"));
    var sentBack = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, "takeOut",
        jp.sample.isms.support.Requests.internalLaptopTakeOut());
    requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, sentBack, java.util.Map.of("decision", "SENT_BACK",
        "decisionComment", "日付を確認"));
    TestRestTemplate rest = new TestRestTemplate().withBasicAuth(DemoOrganisation.DESIGN_EMPLOYEE,
        DemoOrganisation.PASSWORD);
    String base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");

    String list = rest.getForObject(base + "/api/my/requests?size=50", String.class);
    assertThat(list).contains("\"businessKey\":\"" + pending.getBusinessKey() + "\"", "\"state\":\"PENDING\"",
        "\"state\":\"APPROVED\"", "\"state\":\"SENT_BACK\"", "伊藤 直樹", "承認します");
    assertThat(rest.getForObject(base + "/api/my/requests?state=SENT_BACK", String.class))
        .contains(sentBack.getBusinessKey()).doesNotContain(approved.getBusinessKey());
    assertThat(rest.getForObject(base + "/api/my/requests.csv", String.class)).contains(approved.getBusinessKey());
    assertThat(rest.getForObject(base + "/api/my/requests/" + approved.getBusinessKey(), String.class))
        .contains("UserTask_ReportReturn", "承認します");
    TestRestTemplate ito = new TestRestTemplate().withBasicAuth(DemoOrganisation.DEVELOPMENT_HEAD,
        DemoOrganisation.PASSWORD);
    assertThat(ito.getForObject(base + "/api/my/decisions", String.class)).contains(approved.getBusinessKey(),
        sentBack.getBusinessKey());
    assertThat(ito.getForObject(base + "/api/my/tasks", String.class)).contains(pending.getBusinessKey());
  }

  @Test
  void tasklistQueriesArePlannedForIndexLookUpsInTheirOwnTransactionOnlyAndAnswerAsBefore() throws Exception {
    var engine = context.getBean(org.camunda.bpm.engine.ProcessEngine.class);
    var requests = new jp.sample.isms.support.Requests(engine);
    for (int i = 0; i < 3; i++) {
      requests.file(DemoOrganisation.DESIGN_EMPLOYEE, "takeOut", jp.sample.isms.support.Requests.internalLaptopTakeOut());
    }
    var jdbc = context.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
    var transactions = new org.springframework.transaction.support.TransactionTemplate(
        context.getBean(org.springframework.transaction.PlatformTransactionManager.class));
    String settings = "select current_setting('random_page_cost') || ' ' || current_setting('enable_material') "
        + "|| ' ' || pg_backend_pid()";
    String before = transactions.execute(status -> jdbc.queryForObject(settings, String.class));
    assertThat(before).as("the server's own settings").doesNotStartWith("1.1 off");
    String defaults = before.substring(0, before.lastIndexOf(' '));

    String filterId = engine.getFilterService().createFilterQuery().filterName(TasklistFilters.MY_GROUP_TASKS).list()
        .stream().filter(f -> f.getOwner() == null).findFirst().orElseThrow().getId();
    List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(DemoOrganisation.DEVELOPMENT_HEAD)
        .list().stream().map(org.camunda.bpm.engine.identity.Group::getId).toList();
    // a Tasklist query and an unrelated statement in one transaction; then a statement in the next transaction
    String inside;
    List<String> listed;
    engine.getIdentityService().setAuthentication(DemoOrganisation.DEVELOPMENT_HEAD, groups);
    try {
      var page = new java.util.concurrent.atomic.AtomicReference<List<String>>();
      inside = transactions.execute(status -> {
        page.set(engine.getFilterService().<org.camunda.bpm.engine.task.Task>listPage(filterId, 0, 50).stream()
            .map(org.camunda.bpm.engine.task.Task::getId).toList());
        return jdbc.queryForObject(settings, String.class);
      });
      listed = page.get();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    String after = transactions.execute(status -> jdbc.queryForObject(settings, String.class));
    String pid = inside.substring(inside.lastIndexOf(' ') + 1);
    assertThat(inside).as("inside the query's transaction").isEqualTo("1.1 off " + pid);
    assertThat(after).as("the next transaction on the same connection").isEqualTo(defaults + " " + pid);
    // a query the product does not plan differently, in a transaction of its own: the server's settings
    String unrelated = transactions.execute(status -> {
      engine.getRepositoryService().createProcessDefinitionQuery().list();
      return jdbc.queryForObject(settings, String.class);
    });
    assertThat(unrelated).startsWith(defaults + " ");

    // the page answers what the data says: ito's groups' unassigned candidate tasks and their display variables
    List<String> expected = jdbc.queryForList("select distinct t.id_ from act_ru_task t join act_ru_identitylink i "
        + "on i.task_id_ = t.id_ where t.assignee_ is null and i.type_ = 'candidate' and i.group_id_ in "
        + "(select group_id_ from act_id_membership where user_id_ = ?)", String.class, DemoOrganisation.DEVELOPMENT_HEAD);
    assertThat(expected).isNotEmpty().hasSizeLessThan(50);
    assertThat(listed).containsExactlyInAnyOrderElementsOf(expected);
    String base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    var headers = new org.springframework.http.HttpHeaders();
    headers.set("Accept", "application/hal+json");
    headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
    var answer = new TestRestTemplate().withBasicAuth(DemoOrganisation.DEVELOPMENT_HEAD, DemoOrganisation.PASSWORD)
        .exchange(base + "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=50",
            org.springframework.http.HttpMethod.POST, new org.springframework.http.HttpEntity<>("{}", headers),
            String.class);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    var hal = new com.fasterxml.jackson.databind.ObjectMapper().readTree(answer.getBody());
    assertThat(hal.path("count").asInt()).isEqualTo(expected.size());
    var tasks = hal.path("_embedded").path("task");
    List<String> shown = new java.util.ArrayList<>();
    for (var task : tasks) {
      shown.add(task.path("id").asText());
      String instance = task.path("processInstanceId").asText();
      java.util.Map<String, String> variables = new java.util.HashMap<>();
      for (var variable : task.path("_embedded").path("variable")) {
        variables.put(variable.path("name").asText(), variable.path("value").asText());
      }
      assertThat(variables).as("display variables of " + task.path("id").asText()).containsKey("businessKey");
      variables.forEach((name, value) -> assertThat(value).as(name + " of " + task.path("id").asText())
          .isEqualTo(String.valueOf(engine.getRuntimeService().getVariable(instance, name))));
    }
    assertThat(shown).containsExactlyInAnyOrderElementsOf(expected);
  }
}
