package jp.sample.isms.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.audit.AuditEntry;
import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.support.Requests;
import jp.sample.isms.support.DemoOrganisation;

/** Reminders before the due date and escalation to the superior role when it has passed; each once. */
@IsmsSpringBootTest
class TaskDeadlinesTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  TaskDeadlines deadlines;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  AuditRecorder audit;

  Requests requests;
  long outboxMark;

  @BeforeEach
  void setUp() {
    requests = new Requests(engine);
    outboxMark = jdbc.queryForObject("select coalesce(max(id), 0) from mail_outbox", Long.class);
  }

  @Test
  void aStepDueSoonRemindsItsApproverAndAnOverdueOneGoesToThePresident() {
    ProcessInstance instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, "takeOut", Requests.internalLaptopTakeOut());
    Task task = requests.task(instance);
    // other requests of the shared database must not be due now
    jdbc.update("update ACT_RU_TASK set DUE_DATE_ = ? where ID_ <> ?", Date.from(Instant.now().plus(30, ChronoUnit.DAYS)),
        task.getId());

    // when the step is due in two hours
    engine.getTaskService().setDueDate(task.getId(), Date.from(Instant.now().plus(2, ChronoUnit.HOURS)));
    deadlines.check();
    deadlines.check();
    // then ito is reminded, once
    assertThat(queued("reminder:%")).containsExactly("ito:【期限間近】" + instance.getBusinessKey()
        + " 情報資産の社外持ち出し申請: 持ち出しを承認する");

    // when it is overdue
    engine.getTaskService().setDueDate(task.getId(), Date.from(Instant.now().minus(1, ChronoUnit.HOURS)));
    deadlines.check();
    deadlines.check();
    // then the president (superior of the department head) is told, once, and the escalation is recorded
    assertThat(queued("escalation:%")).containsExactly("tanaka:【期限超過】" + instance.getBusinessKey()
        + " 情報資産の社外持ち出し申請: 持ち出しを承認する");
    List<AuditEntry> records = audit.forBusinessKey(instance.getBusinessKey());
    assertThat(records).filteredOn(r -> "ESCALATED".equals(r.outcome())).singleElement()
        .satisfies(r -> assertThat(r.actingRole()).isEqualTo("PRESIDENT"));
  }

  private List<String> queued(String dedupPattern) {
    return jdbc.queryForList("select recipient || ':' || subject from mail_outbox where id > ? and dedup_key like ?"
        + " order by id", String.class, outboxMark, dedupPattern);
  }
}
