package jp.sample.isms.periodicduty;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.JdbcTemplate;


/** Test fixture: fires the nightly scheduler on a given day, finds occurrences, cleans up after a test. */
final class PeriodicDuties {

  /** The product's zone as the tests run it ({@code isms.time-zone} left at its default). */
  static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");

  private final ProcessEngine engine;
  private final JdbcTemplate jdbc;

  PeriodicDuties(ProcessEngine engine, JdbcTemplate jdbc) {
    this.engine = engine;
    this.jdbc = jdbc;
  }

  /**
   * Moves the engine's clock to 10:00 of {@code day} in the product's zone and runs the scheduler's timer as the job
   * executor.
   */
  void scheduleOn(LocalDate day) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(10, 0).atZone(ZONE).toInstant()));
    Job nightly = engine.getManagementService().createJobQuery()
        .processDefinitionKey(PeriodicDutyProcess.SCHEDULE_KEY).timers().singleResult();
    engine.getManagementService().executeJob(nightly.getId());
  }

  /** The running occurrence of a duty due on a day (for the whole company, or the department). */
  ProcessInstance occurrence(String dutyCode, LocalDate due, String department) {
    String instanceId = jdbc.queryForObject("select process_instance_id from periodic_duty_occurrence "
        + "where duty_code = ? and due_date = ? and department_code = ?", String.class, dutyCode, java.sql.Date.valueOf(due),
        department == null ? "-" : department);
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instanceId).singleResult();
  }

  List<Map<String, Object>> rows() {
    return jdbc.queryForList("select * from periodic_duty_occurrence order by due_date, duty_code, department_code");
  }

  static Map<String, Object> performed(boolean evidence) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("checklistConfirmed", true);
    variables.put("performedOn", "2026-04-02");
    variables.put("result", "異常なし");
    variables.put("evidenceAttached", evidence);
    return variables;
  }

  static Map<String, Object> decision(String decision, String comment) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("decision", decision);
    variables.put("decisionComment", comment);
    return variables;
  }

  /** Ends every occurrence and forgets them, so that each test schedules from an empty table. */
  void cleanUp() {
    ClockUtil.reset();
    engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(PeriodicDutyProcess.KEY).list()
        .forEach(instance -> engine.getRuntimeService().deleteProcessInstance(instance.getId(), "test over"));
    for (String filed : jdbc.queryForList("select filed_request from account_review_result "
        + "where filed_request is not null", String.class)) {
      engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(filed).list()
          .forEach(instance -> engine.getRuntimeService().deleteProcessInstance(instance.getId(), "test over"));
    }
    jdbc.update("delete from improvement_item");
    jdbc.update("delete from backup_check_entry");
    jdbc.update("delete from backup_check_week");
    jdbc.update("delete from periodic_duty_occurrence");
    jdbc.update("delete from account_review_result");
    jdbc.update("delete from education_attendance");
  }
}
