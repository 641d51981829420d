package jp.sample.isms.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.audit.AuditEntry;
import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.support.Requests;
import jp.sample.isms.support.DemoOrganisation;

/** Requests filed before the upgrade to the kernel's records are decided after it, under the same four eyes. */
@IsmsSpringBootTest
class RequestRecordsBackfillTest {

  private static final String APPROVAL = "UserTask_ApproveTakeOut";

  @Autowired
  ProcessEngine engine;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  AuditRecorder audit;
  @Autowired
  RequestRecordsBackfill backfill;

  @Test
  void aTakeOutFiledBeforeTheUpgradeIsApprovedByTheHeadAndNeverByItsRequester() {
    Requests requests = new Requests(engine);
    ProcessInstance instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, "takeOut", Requests.internalLaptopTakeOut());
    String id = instance.getId();
    Task step = requests.task(instance);
    try {
      Map<String, Object> filed = jdbc.queryForMap("select * from request_filing where process_instance_id = ?", id);
      Map<String, Object> route = routeOf(step.getId());
      // as an installation before the kernel's records had it
      jdbc.update("delete from request_step where process_instance_id = ?", id);
      jdbc.update("delete from request_filing where process_instance_id = ?", id);
      assertThatThrownBy(() -> requests.claim(DemoOrganisation.DEVELOPMENT_HEAD, step)).isInstanceOf(FourEyesViolationException.class);

      RequestRecordsBackfill.Result restored = backfill.backfill();

      assertThat(restored.requests()).isPositive();
      assertThat(restored.filings()).isPositive();
      assertThat(restored.steps()).isPositive();
      Map<String, Object> refiled = jdbc.queryForMap("select * from request_filing where process_instance_id = ?", id);
      for (String column : List.of("BUSINESS_KEY", "FLOW_KEY", "REQUESTER", "REQUESTER_NAME", "DEPARTMENT_CODE",
          "DEPARTMENT_NAME", "SECTION_CODE", "FILED_VALUES")) {
        assertThat(refiled.get(column)).as(column).isEqualTo(filed.get(column)).isNotNull();
      }
      // the decision record was written a moment after the filing record
      assertThat(Duration.between(instant(filed.get("FILED_AT")), instant(refiled.get("FILED_AT"))).abs())
          .isLessThan(Duration.ofSeconds(5));
      assertThat(routeOf(step.getId())).isEqualTo(route);
      List<AuditEntry> reconstruction = audit.forProcessInstance(id).stream()
          .filter(entry -> RequestRecordsBackfill.STEP.equals(entry.step())).toList();
      assertThat(reconstruction).singleElement().satisfies(entry -> {
        assertThat(entry.businessKey()).isEqualTo(filed.get("BUSINESS_KEY"));
        assertThat(entry.outcome()).isEqualTo("RECORDED");
        assertThat(entry.actor()).isEqualTo("system");
        assertThat(entry.requester()).isEqualTo(DemoOrganisation.DESIGN_EMPLOYEE);
        assertThat(entry.comment()).contains(APPROVAL, "DEPARTMENT_HEAD", "department-head.development");
      });

      // the requester still cannot decide her own request, even offered the step by a link added after the upgrade
      engine.getTaskService().addCandidateUser(step.getId(), DemoOrganisation.DESIGN_EMPLOYEE);
      assertThatThrownBy(() -> requests.complete(DemoOrganisation.DESIGN_EMPLOYEE, instance, Map.of("decision", "APPROVED")))
          .isInstanceOf(FourEyesViolationException.class).hasMessageContaining("自分の申請");
      assertThat(requests.task(instance).getId()).isEqualTo(step.getId());
      assertThat(requests.task(instance).getAssignee()).isNull();

      // the head of her department approves it, and the decision record reads as for any request
      requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, Map.of("decision", "APPROVED"));
      AuditEntry approval = audit.latest(id, APPROVAL);
      assertThat(approval.actor()).isEqualTo(DemoOrganisation.DEVELOPMENT_HEAD);
      assertThat(approval.outcome()).isEqualTo("APPROVED");
      assertThat(approval.actingRole()).isEqualTo("DEPARTMENT_HEAD");
      assertThat(approval.requester()).isEqualTo(DemoOrganisation.DESIGN_EMPLOYEE);
      assertThat(approval.departmentCode()).isEqualTo("development");
      assertThat(approval.businessKey()).isEqualTo(filed.get("BUSINESS_KEY"));
      assertThat(audit.forProcessInstance(id)).extracting(AuditEntry::outcome)
          .containsSubsequence("FILED", "RECORDED", "APPROVED");
    } finally {
      if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).count() > 0) {
        engine.getRuntimeService().deleteProcessInstance(id, "test cleanup");
      }
    }
  }

  @Test
  void aSecondRunWritesNothing() {
    Requests requests = new Requests(engine);
    ProcessInstance instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, "takeOut", Requests.internalLaptopTakeOut());
    try {
      jdbc.update("delete from request_step where process_instance_id = ?", instance.getId());
      backfill.backfill();
      int filings = count("request_filing");
      int steps = count("request_step");
      int records = count("audit_record");

      RequestRecordsBackfill.Result again = backfill.backfill();

      assertThat(again.requests()).isZero();
      assertThat(again.filings()).isZero();
      assertThat(again.steps()).isZero();
      assertThat(count("request_filing")).isEqualTo(filings);
      assertThat(count("request_step")).isEqualTo(steps);
      assertThat(count("audit_record")).isEqualTo(records);
    } finally {
      engine.getRuntimeService().deleteProcessInstance(instance.getId(), "test cleanup");
    }
  }

  private Map<String, Object> routeOf(String taskId) {
    return jdbc.queryForMap("select step, acting_role, candidate_groups, four_eyes_exception from request_step "
        + "where task_id = ?", taskId);
  }

  private static Instant instant(Object timestamp) {
    return timestamp instanceof Timestamp sql ? sql.toInstant() : ((OffsetDateTime) timestamp).toInstant();
  }

  private int count(String table) {
    return jdbc.queryForObject("select count(*) from " + table, Integer.class);
  }
}
