package jp.sample.isms.approval;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import jp.sample.isms.engine.EngineInternals;


/**
 * The kernel's facts of a request (tables {@code request_filing}, {@code request_step}): written when a request is
 * filed and when a role holder's step is created, read by four eyes, routing, mails, registers and the decision record
 * instead of process variables, which anyone with a variable write could change. Inside an engine command each fact is
 * read once: the filing and the step a command works on are kept until the command ends.
 */
@Component
public class RequestRecords {

  /** Who filed a request, from where, under which number; the values of its last filing or resubmission. */
  public record Filing(String processInstanceId, String businessKey, String flowKey, String requester,
      String requesterName, String departmentCode, String departmentName, String sectionCode, OffsetDateTime filedAt,
      String filedValues) {
  }

  /** The route a role holder's step was created with: who may take it is decided from this alone. */
  public record Step(String taskId, String processInstanceId, String step, String actingRole,
      List<String> candidateGroups, String fourEyesException) {
  }

  /** The facts read or written in the command running on this thread. */
  private record Scope(Object context, Map<String, Optional<Filing>> filings, Map<String, Optional<Step>> steps,
      Map<String, Route> offered) {
  }

  private static final ThreadLocal<Scope> SCOPE = new ThreadLocal<>();

  private final JdbcTemplate jdbc;
  private final ZoneId zone;

  RequestRecords(JdbcTemplate jdbc, ZoneId zone) {
    this.jdbc = jdbc;
    this.zone = zone;
  }

  /** Forgets what the finished command read; called when the outermost command of the thread ends. */
  static void endOfCommand() {
    SCOPE.remove();
  }

  // ---------------------------------------------------------------- filings

  /** The filing of the request {@code execution} belongs to; empty for an instance that is not a filed request. */
  public Optional<Filing> filing(DelegateExecution execution) {
    return filing(execution.getProcessInstanceId());
  }

  public Optional<Filing> filing(String processInstanceId) {
    Scope scope = scope();
    if (scope != null && scope.filings().containsKey(processInstanceId)) {
      return scope.filings().get(processInstanceId);
    }
    Optional<Filing> filing = jdbc.query("select * from request_filing where process_instance_id = ?",
        (rs, i) -> filing(rs), processInstanceId).stream().findFirst();
    if (scope != null) {
      scope.filings().put(processInstanceId, filing);
    }
    return filing;
  }

  /** The requester of a filed request; null for an instance that is not one. */
  public String requester(DelegateExecution execution) {
    return filing(execution).map(Filing::requester).orElse(null);
  }

  /** The requester's department at filing; null for an instance that is not a filed request. */
  public String department(DelegateExecution execution) {
    return filing(execution).map(Filing::departmentCode).orElse(null);
  }

  public String businessKey(DelegateExecution execution) {
    return filing(execution).map(Filing::businessKey).orElse(null);
  }

  void filed(Filing filing) {
    jdbc.update("""
        insert into request_filing (process_instance_id, business_key, flow_key, requester, requester_name,
          department_code, department_name, section_code, filed_at, filed_values)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """, filing.processInstanceId(), filing.businessKey(), filing.flowKey(), filing.requester(),
        filing.requesterName(), filing.departmentCode(), filing.departmentName(), filing.sectionCode(),
        Timestamp.from(filing.filedAt().toInstant()), filing.filedValues());
    remember(filing);
  }

  /** The requester corrected and resubmitted the request: its values are now these. */
  void refiled(Filing filing, String filedValues) {
    jdbc.update("update request_filing set filed_values = ? where process_instance_id = ?", filedValues,
        filing.processInstanceId());
    remember(new Filing(filing.processInstanceId(), filing.businessKey(), filing.flowKey(), filing.requester(),
        filing.requesterName(), filing.departmentCode(), filing.departmentName(), filing.sectionCode(),
        filing.filedAt(), filedValues));
  }

  private void remember(Filing filing) {
    Scope scope = scope();
    if (scope != null) {
      scope.filings().put(filing.processInstanceId(), Optional.of(filing));
    }
  }

  // ---------------------------------------------------------------- steps

  /** The route of a role holder's step; empty for a step of the requester or one the kernel did not create. */
  public Optional<Step> step(String taskId) {
    Scope scope = scope();
    if (scope != null && scope.steps().containsKey(taskId)) {
      return scope.steps().get(taskId);
    }
    // the step and its request in one statement: a claim or a completion needs both
    List<Object[]> rows = jdbc.query("""
        select s.task_id, s.process_instance_id as step_instance, s.step, s.acting_role, s.candidate_groups,
               s.four_eyes_exception, f.*
          from request_step s left join request_filing f on f.process_instance_id = s.process_instance_id
         where s.task_id = ?
        """, (rs, i) -> new Object[] {new Step(rs.getString("task_id"), rs.getString("step_instance"),
            rs.getString("step"), rs.getString("acting_role"), groups(rs.getString("candidate_groups")),
            rs.getString("four_eyes_exception")), rs.getString("business_key") == null ? null : filing(rs)}, taskId);
    Optional<Step> step = rows.stream().findFirst().map(row -> (Step) row[0]);
    if (scope != null) {
      scope.steps().put(taskId, step);
      rows.stream().findFirst().filter(row -> row[1] != null).ifPresent(row -> remember((Filing) row[1]));
    }
    return step;
  }

  void stepCreated(Step step) {
    jdbc.update("""
        insert into request_step (task_id, process_instance_id, step, acting_role, candidate_groups,
          four_eyes_exception, created_at)
        values (?, ?, ?, ?, ?, ?, ?)
        """, step.taskId(), step.processInstanceId(), step.step(), step.actingRole(),
        String.join(",", step.candidateGroups()), step.fourEyesException(), Timestamp.from(java.time.Instant.now()));
    Scope scope = scope();
    if (scope != null) {
      scope.steps().put(step.taskId(), Optional.of(step));
    }
  }

  /**
   * A routing offers the user task being created at {@code executionId} to {@code route}; the kernel's create listener
   * takes it in the same command and records it on the step. Nothing is stored: an offer not taken ends with the command.
   */
  void offer(String executionId, Route route) {
    Scope scope = scope();
    if (scope == null) {
      throw new IllegalStateException("a route is offered only while the engine creates a user task");
    }
    scope.offered().put(executionId, route);
  }

  /** The route offered to the user task being created at {@code executionId}, once. */
  Optional<Route> takeOffered(String executionId) {
    Scope scope = scope();
    return scope == null ? Optional.empty() : Optional.ofNullable(scope.offered().remove(executionId));
  }

  /** The kernel offers an open step to another group too (its holders are all disabled: the superior's group). */
  void groupAdded(String taskId, String groupId) {
    step(taskId).filter(step -> !step.candidateGroups().contains(groupId)).ifPresent(step -> {
      List<String> groups = new java.util.ArrayList<>(step.candidateGroups());
      groups.add(groupId);
      jdbc.update("update request_step set candidate_groups = ? where task_id = ?", String.join(",", groups), taskId);
      Scope scope = scope();
      if (scope != null) {
        scope.steps().put(taskId, Optional.of(new Step(step.taskId(), step.processInstanceId(), step.step(),
            step.actingRole(), List.copyOf(groups), step.fourEyesException())));
      }
    });
  }

  // ---------------------------------------------------------------- reading

  private Filing filing(ResultSet rs) throws SQLException {
    return new Filing(rs.getString("process_instance_id"), rs.getString("business_key"), rs.getString("flow_key"),
        rs.getString("requester"), rs.getString("requester_name"), rs.getString("department_code"),
        rs.getString("department_name"), rs.getString("section_code"),
        rs.getTimestamp("filed_at").toInstant().atZone(zone).toOffsetDateTime(),
        rs.getString("filed_values"));
  }

  private static List<String> groups(String text) {
    return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split(","));
  }

  /** The cache of the command running on this thread; null outside a command (each read goes to the database). */
  private static Scope scope() {
    Object context = EngineInternals.currentCommand();
    if (context == null) {
      return null;
    }
    Scope scope = SCOPE.get();
    if (scope == null || scope.context() != context) {
      scope = new Scope(context, new HashMap<>(), new HashMap<>(), new HashMap<>());
      SCOPE.set(scope);
    }
    return scope;
  }
}
