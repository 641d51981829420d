package jp.sample.isms.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jp.sample.isms.IsmsApplication;
import jp.sample.isms.periodicduty.PeriodicDutyScheduler;
import jp.sample.isms.support.PostgresDatabase;

/**
 * Two application nodes on one PostgreSQL database create each occurrence of a periodic duty once: the scheduler's
 * timer falls due while both job executors poll, and node A's scheduler is run by hand at the same moment from three
 * threads besides. Every duty, due date and department is filed once, each with exactly one running occurrence.
 */
@Tag("postgres")
class PeriodicDutiesTwoNodesIT {

  @Test
  void twoNodesCreateEachOccurrenceOnce() throws Exception {
    GreenMail smtp = new GreenMail(new ServerSetup(TwoNodesIT.freePort(), "127.0.0.1", "smtp"));
    smtp.start();
    PostgresDatabase database = PostgresDatabase.create();
    ConfigurableApplicationContext nodeA = null;
    Process nodeB = null;
    try {
      nodeA = new SpringApplicationBuilder(IsmsApplication.class).profiles("postgres")
          .run(TwoNodesIT.nodeArguments(database, smtp, "node-a", 0).toArray(String[]::new));
      nodeB = TwoNodesIT.startNodeB(TwoNodesIT.nodeArguments(database, smtp, "node-b", TwoNodesIT.freePort()));
      JdbcTemplate jdbc = nodeA.getBean(JdbcTemplate.class);
      ManagementService management = nodeA.getBean(ManagementService.class);
      PeriodicDutyScheduler scheduler = nodeA.getBean(PeriodicDutyScheduler.class);
      TransactionTemplate transaction = new TransactionTemplate(nodeA.getBean(PlatformTransactionManager.class));

      // when the nightly timer falls due for both job executors, and node A's scheduler runs three times at once
      Job nightly = management.createJobQuery().processDefinitionKey("periodicDutySchedule").timers().singleResult();
      CountDownLatch go = new CountDownLatch(1);
      ExecutorService threads = Executors.newFixedThreadPool(3);
      List<Future<String>> runs = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        runs.add(threads.submit(() -> {
          go.await();
          try {
            return "created " + transaction.execute(status -> scheduler.createDue()).size();
          } catch (RuntimeException lostRace) {
            return "lost: " + lostRace.getClass().getSimpleName();
          }
        }));
      }
      management.setJobDuedate(nightly.getId(), new Date());
      go.countDown();
      List<String> outcomes = new ArrayList<>();
      for (Future<String> run : runs) {
        outcomes.add(run.get(120, TimeUnit.SECONDS));
      }
      threads.shutdown();
      TwoNodesIT.awaitTrue(Duration.ofSeconds(120), "the nightly job ran", () -> jdbc.queryForObject(
          "select count(*) from ACT_HI_JOB_LOG where JOB_ID_ = ? and JOB_STATE_ = 2", Integer.class,
          nightly.getId()) > 0);
      // one more pass by hand: everything is there already
      String last = "created " + transaction.execute(status -> scheduler.createDue()).size();

      // then every occurrence exists once, with exactly one running instance, and the timer ran once
      Integer occurrences = jdbc.queryForObject("select count(*) from periodic_duty_occurrence", Integer.class);
      List<Map<String, Object>> duplicates = jdbc.queryForList("select duty_code, due_date, department_code, count(*) "
          + "from periodic_duty_occurrence group by duty_code, due_date, department_code having count(*) > 1");
      Integer instances = jdbc.queryForObject("select count(*) from ACT_RU_EXECUTION e join ACT_RE_PROCDEF d "
          + "on d.ID_ = e.PROC_DEF_ID_ where d.KEY_ = 'periodicDuty' and e.PARENT_ID_ is null", Integer.class);
      Integer withoutInstance = jdbc.queryForObject("select count(*) from periodic_duty_occurrence o where not exists "
          + "(select 1 from ACT_RU_EXECUTION e where e.ID_ = o.process_instance_id)", Integer.class);
      List<Map<String, Object>> jobRuns = jdbc.queryForList("select HOSTNAME_ as host from ACT_HI_JOB_LOG "
          + "where JOB_ID_ = ? and JOB_STATE_ = 2", nightly.getId());
      System.out.printf("periodic duties on two nodes: %d occurrences, %d instances, by hand %s then %s, "
          + "timer run by %s%n", occurrences, instances, outcomes, last, jobRuns);

      assertThat(occurrences).isPositive();
      assertThat(duplicates).isEmpty();
      assertThat(instances).isEqualTo(occurrences);
      assertThat(withoutInstance).isZero();
      assertThat(jobRuns).hasSize(1);
      assertThat(last).isEqualTo("created 0");
    } finally {
      if (nodeB != null) {
        nodeB.destroy();
        nodeB.waitFor(30, TimeUnit.SECONDS);
      }
      if (nodeA != null) {
        nodeA.close();
      }
      database.close();
      smtp.stop();
    }
  }
}
