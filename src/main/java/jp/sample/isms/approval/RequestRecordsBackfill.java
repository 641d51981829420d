package jp.sample.isms.approval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import jp.sample.isms.audit.AuditEntry;
import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.audit.Outcome;
import jp.sample.isms.organisation.OrganisationService;
import jp.sample.isms.organisation.Person;
import jp.sample.isms.system.StartUp;

/**
 * Requests in flight when an installation upgrades to the kernel's records ({@code request_filing},
 * {@code request_step}): at start, a running request without a filing record gets one from its FILED decision record
 * (and its resubmissions), and an open role holder's step without a route record gets one from the step's current
 * candidate groups and the role and four-eyes exception the kernel put on the task when it created it. Each request
 * so completed gets a decision record saying so. With nothing missing this is one query.
 */
@Component
public class RequestRecordsBackfill {

  private static final Logger LOG = LoggerFactory.getLogger(RequestRecordsBackfill.class);

  /** The step the decision record names for a reconstruction. */
  static final String STEP = "KernelRecordsRestored";

  /** What one run wrote: filings and steps, for how many requests; requests without a FILED record stay as they are. */
  public record Result(int requests, int filings, int steps, int withoutFilingRecord) {
  }

  private final JdbcTemplate jdbc;
  private final RequestLifecycle lifecycle;
  private final RequestRecords records;
  private final AuditRecorder audit;
  private final OrganisationService organisation;
  private final TaskService taskService;
  private final RepositoryService repositoryService;
  private final TransactionTemplate transaction;

  RequestRecordsBackfill(JdbcTemplate jdbc, RequestLifecycle lifecycle, RequestRecords records, AuditRecorder audit,
      OrganisationService organisation, TaskService taskService, RepositoryService repositoryService,
      PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.lifecycle = lifecycle;
    this.records = records;
    this.audit = audit;
    this.organisation = organisation;
    this.taskService = taskService;
    this.repositoryService = repositoryService;
    this.transaction = new TransactionTemplate(transactions);
  }

  /** A request instance lacking its filing record, or one of its open steps lacking a route record. */
  private record Missing(String processInstanceId, String flowKey, String definitionId, String taskId,
      String taskDefinitionKey) {
  }

  /** At start-up, once the organisation is read (the filing's section comes from it). */
  @EventListener
  void atStartUp(StartUp.RequestsInFlight step) {
    backfill();
  }

  /** Writes the missing records of every request in flight; idempotent (a second run finds nothing missing). */
  public Result backfill() {
    List<String> keys = List.copyOf(lifecycle.requestFlowKeys());
    if (keys.isEmpty()) {
      return new Result(0, 0, 0, 0);
    }
    String in = String.join(",", Collections.nCopies(keys.size(), "?"));
    List<Object> arguments = new ArrayList<>(keys);
    arguments.addAll(keys);
    // role holders' steps are offered to candidate groups; the requester's own steps are assigned and have no route
    List<Missing> missing = jdbc.query("""
        select e.ID_ as instance, d.KEY_ as flow_key, d.ID_ as definition_id, cast(null as varchar(64)) as task_id,
               cast(null as varchar(255)) as task_key
          from ACT_RU_EXECUTION e join ACT_RE_PROCDEF d on d.ID_ = e.PROC_DEF_ID_
         where e.ID_ = e.PROC_INST_ID_ and d.KEY_ in (%s)
           and not exists (select 1 from request_filing f where f.process_instance_id = e.ID_)
        union all
        select t.PROC_INST_ID_, d.KEY_, d.ID_, t.ID_, t.TASK_DEF_KEY_
          from ACT_RU_TASK t join ACT_RE_PROCDEF d on d.ID_ = t.PROC_DEF_ID_
         where d.KEY_ in (%s)
           and exists (select 1 from ACT_RU_IDENTITYLINK l
                        where l.TASK_ID_ = t.ID_ and l.TYPE_ = 'candidate' and l.GROUP_ID_ is not null)
           and not exists (select 1 from request_step s where s.task_id = t.ID_)
        """.formatted(in, in), (rs, i) -> new Missing(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getString(5)), arguments.toArray());
    if (missing.isEmpty()) {
      return new Result(0, 0, 0, 0);
    }
    Map<String, List<Missing>> byRequest = new LinkedHashMap<>();
    missing.forEach(m -> byRequest.computeIfAbsent(m.processInstanceId(), id -> new ArrayList<>()).add(m));
    int requests = 0;
    int filings = 0;
    int steps = 0;
    int withoutFilingRecord = 0;
    for (List<Missing> request : byRequest.values()) {
      int[] written = transaction.execute(status -> restore(request));
      if (written == null) {
        withoutFilingRecord++;
      } else if (written[0] + written[1] > 0) {
        requests++;
        filings += written[0];
        steps += written[1];
      }
    }
    Result result = new Result(requests, filings, steps, withoutFilingRecord);
    LOG.info("kernel records restored for {} requests in flight: {} filings, {} steps; {} requests without a filing "
        + "decision record left as they are", requests, filings, steps, withoutFilingRecord);
    return result;
  }

  /** The missing records of one request, with its decision record; null when it has no FILED decision record. */
  private int[] restore(List<Missing> request) {
    String processInstanceId = request.get(0).processInstanceId();
    String flowKey = request.get(0).flowKey();
    int filings = 0;
    RequestRecords.Filing filing = records.filing(processInstanceId).orElse(null);
    if (filing == null) {
      filing = fromDecisionRecord(processInstanceId, flowKey);
      if (filing == null) {
        LOG.warn("request instance {} ({}) has no filing decision record: its steps stay refused until an "
            + "administrator cancels it", processInstanceId, flowKey);
        return null;
      }
      records.filed(filing);
      filings++;
    }
    List<String> restoredSteps = new ArrayList<>();
    for (Missing step : request) {
      if (step.taskId() == null || !roleHolderStep(step)) {
        continue;
      }
      Map<String, Object> local = taskService.getVariablesLocal(step.taskId(),
          List.of(ApprovalVariables.ACTING_ROLE, ApprovalVariables.FOUR_EYES_EXCEPTION));
      List<String> groups = taskService.getIdentityLinksForTask(step.taskId()).stream()
          .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType())).map(IdentityLink::getGroupId)
          .filter(group -> group != null).distinct().sorted().toList();
      String actingRole = (String) local.get(ApprovalVariables.ACTING_ROLE);
      String exception = (String) local.get(ApprovalVariables.FOUR_EYES_EXCEPTION);
      records.stepCreated(new RequestRecords.Step(step.taskId(), processInstanceId, step.taskDefinitionKey(),
          actingRole, groups, exception));
      restoredSteps.add(step.taskDefinitionKey() + " (" + (actingRole == null ? "-" : actingRole) + ": "
          + String.join(",", groups) + (exception == null ? "" : ", 例外 " + exception) + ")");
    }
    if (filings + restoredSteps.size() == 0) {
      return new int[] {0, 0};
    }
    audit.record(AuditEntry.systemStep(filing.businessKey(), processInstanceId, flowKey, STEP,
            "申請記録の復元 (アップグレード)")
        .actingAs(AuditEntry.SYSTEM).requester(filing.requester(), filing.departmentCode()).outcome(Outcome.RECORDED)
        .comment("アップグレード時に申請の記録を復元しました (kernel records restored at "
            + "upgrade): " + (filings > 0 ? "受付記録 (filing, from the FILED decision record)" : "")
            + (filings > 0 && !restoredSteps.isEmpty() ? "; " : "")
            + (restoredSteps.isEmpty() ? "" : "承認経路 (route, from the open step) " + String.join("; ", restoredSteps)))
        .build());
    return new int[] {filings, restoredSteps.size()};
  }

  /**
   * The filing as the decision record kept it: who filed, from which department, when, with which values (those of
   * the last resubmission put over them); the name of the department and the person's section from the organisation
   * (the section only while the person still sits in the department they filed from).
   */
  private RequestRecords.Filing fromDecisionRecord(String processInstanceId, String flowKey) {
    List<AuditEntry> entries = audit.forProcessInstance(processInstanceId);
    AuditEntry filed = entries.stream().filter(e -> Outcome.FILED.code().equals(e.outcome()) && e.businessKey() != null)
        .findFirst().orElse(null);
    if (filed == null) {
      return null;
    }
    String values = filed.submittedValues();
    for (AuditEntry entry : entries) {
      if (Outcome.RESUBMITTED.code().equals(entry.outcome())) {
        values = RequestValues.merged(values, entry.submittedValues());
      }
    }
    Person person = organisation.person(filed.requester()).orElse(null);
    String department = filed.departmentCode();
    String section = person != null && department != null && department.equals(person.departmentCode())
        ? person.sectionCode() : null;
    return new RequestRecords.Filing(processInstanceId, filed.businessKey(), flowKey, filed.requester(),
        filed.actorName(), department, department == null ? null : organisation.departmentName(department).orElse(null),
        section, filed.occurredAt(), values);
  }

  /** Whether the task's BPMN declares a step for a role holder (not one of the requester's own). */
  private boolean roleHolderStep(Missing step) {
    StepKind kind = RequestLifecycle.stepKind(repositoryService, step.definitionId(), step.taskDefinitionKey());
    return kind != null && kind.forRoleHolder();
  }
}
