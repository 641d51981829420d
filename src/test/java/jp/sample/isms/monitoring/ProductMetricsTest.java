package jp.sample.isms.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Date;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.audit.AuditChain;
import jp.sample.isms.support.Requests;
import jp.sample.isms.support.DemoOrganisation;

/**
 * The gauges for Prometheus count what the database holds: a filed request is open in its flow, a step past its due
 * date is overdue, a queued mail is in the backlog and a given-up one failed; the chain gauge shows the last
 * scheduled verification. Read against a registry of its own, with no caching between readings.
 */
@IsmsSpringBootTest
class ProductMetricsTest {

  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  AuditChain chain;
  @Autowired
  ProcessEngine engine;

  @Test
  void theGaugesFollowRequestsStepsMailsAndTheChain() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    ProductMetrics metrics = new ProductMetrics(jdbc, chain, registry, Duration.ZERO);
    metrics.registerFlows();
    double openBefore = registry.get("isms.requests.open").tag("flow", "takeOut").gauge().value();
    double overdueBefore = registry.get("isms.steps.overdue").gauge().value();
    // every deployed flow has its gauge, also with nothing open
    assertThat(registry.find("isms.requests.open").gauges()).extracting(g -> g.getId().getTag("flow"))
        .contains("takeOut", "mediaDisposal", "accountRequest", "cloudUse", "outsourcing", "resubcontracting");

    // when a take-out is filed and its step is past due, and mails wait and fail
    Requests requests = new Requests(engine);
    ProcessInstance instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, "takeOut", Requests.internalLaptopTakeOut());
    Task step = requests.task(instance);
    step.setDueDate(new Date(System.currentTimeMillis() - 60_000));
    engine.getTaskService().saveTask(step);
    // (the filing queued its own mails to the approvers: counted from here)
    double backlogBefore = registry.get("isms.mail.outbox.backlog").gauge().value();
    double failedBefore = registry.get("isms.mail.failed").gauge().value();
    jdbc.update("""
        insert into mail_outbox (dedup_key, recipient, address, subject, body_text, status, attempts, created_at,
          next_attempt_at) values ('metrics-test-pending', 'ito', 'ito@example.com', 's', 'b', 'PENDING', 0,
          current_timestamp, current_timestamp), ('metrics-test-failed', 'ito', 'ito@example.com', 's', 'b',
          'FAILED', 9, current_timestamp, current_timestamp)
        """);
    try {
      // then the gauges count them
      assertThat(registry.get("isms.requests.open").tag("flow", "takeOut").gauge().value()).isEqualTo(openBefore + 1);
      assertThat(registry.get("isms.steps.overdue").gauge().value()).isEqualTo(overdueBefore + 1);
      assertThat(registry.get("isms.mail.outbox.backlog").gauge().value()).isEqualTo(backlogBefore + 1);
      assertThat(registry.get("isms.mail.failed").gauge().value()).isEqualTo(failedBefore + 1);
    } finally {
      jdbc.update("delete from mail_outbox where dedup_key like 'metrics-test-%'");
      engine.getRuntimeService().deleteProcessInstance(instance.getId(), "test over");
    }

    // and the chain gauge shows the scheduled verification, not one run per reading
    chain.verifyNightly();
    assertThat(registry.get("isms.audit.chain.intact").gauge().value()).isEqualTo(1);
    assertThat(registry.get("isms.audit.chain.records").gauge().value())
        .isEqualTo(chain.lastScheduled().recordsChecked());
  }

  @Test
  void aSnapshotServesEveryReadingWithinTheRefreshInterval() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    ProductMetrics metrics = new ProductMetrics(jdbc, chain, registry, Duration.ofMinutes(5));
    ProductMetrics.Snapshot first = metrics.snapshot();
    jdbc.update("""
        insert into mail_outbox (dedup_key, recipient, address, subject, body_text, status, attempts, created_at,
          next_attempt_at) values ('metrics-test-cached', 'ito', 'ito@example.com', 's', 'b', 'PENDING', 0,
          current_timestamp, current_timestamp)
        """);
    try {
      assertThat(metrics.snapshot()).isSameAs(first);
      assertThat(registry.get("isms.mail.outbox.backlog").gauge().value()).isEqualTo(first.mailBacklog());
    } finally {
      jdbc.update("delete from mail_outbox where dedup_key like 'metrics-test-%'");
    }
  }
}
