package jp.sample.isms.auditor;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.RequestFlow;
import jp.sample.isms.organisation.Role;

import jp.sample.isms.audit.AuditLabels;
import jp.sample.isms.audit.AuditRecorder;

/**
 * 申請一覧: the requests one person filed, newest first, each with its state derived from the decision record
 * ({@code audit_request}, the last approval record) and the engine (is the instance running, its open steps, whom they
 * wait for); and, for approvers, the approval decisions they took and the steps they hold now. A page costs a fixed
 * number of statements whatever its size: the page, its count, the open steps of the page's requests with their
 * candidates, and the names of the people holding them.
 */
@Component
class MyRequests {

  /** The state of a request as its requester reads it. */
  enum State {
    PENDING("申請中", "Awaiting approval", true),
    SENT_BACK("差し戻し中", "Sent back", true),
    APPROVED("承認 (報告待ち)", "Approved (report due)", true),
    FOLLOW_UP_OVERDUE("期限切れのフォローアップ", "Follow-up overdue", true),
    IN_PROGRESS("進行中", "In progress", true),
    REJECTED("却下", "Rejected", false),
    WITHDRAWN("取り下げ", "Withdrawn", false),
    CANCELLED("中止", "Cancelled", false),
    COMPLETED("完了", "Completed", false);

    final String label;
    final String labelEn;
    /** The request is still running in the engine. */
    final boolean open;

    State(String label, String labelEn, boolean open) {
      this.label = label;
      this.labelEn = labelEn;
      this.open = open;
    }

    static State of(String code, String label) {
      try {
        return code == null ? null : valueOf(code);
      } catch (IllegalArgumentException e) {
        throw new AuditQueryParameters.BadQuery(label + "の値が正しくありません: " + code);
      }
    }
  }

  /** What a requester filters their list by; null means no filter. Dates are days in Japan, both inclusive. */
  record Criteria(String flow, State state, OffsetDateTime from, OffsetDateTime toExclusive) {

    static Criteria of(AuditQueryParameters p) {
      return new Criteria(p.code("flow", "フロー"), State.of(p.code("state", "状態"), "状態"),
          p.startOfDay("from", "期間の開始日"), p.endOfDay("to", "期間の終了日"));
    }
  }

  /** The last approval decision on a request. */
  record Decision(String outcome, String outcomeLabel, String actorName, String roleLabel, OffsetDateTime at,
      String comment) {
  }

  /** An open step of a request: whom it waits for. {@code yours}: the requester's own step (correction, report). */
  record OpenStep(String taskId, String name, String kind, String roleLabel, String roleLabelEn,
      String assigneeName, List<String> holders, OffsetDateTime dueAt, boolean overdue, boolean yours) {
  }

  /** One row of the list. */
  record Item(String businessKey, String flowKey, String flowName, String flowNameEn, String classificationLabel,
      OffsetDateTime filedAt, State state, String stateLabel, String stateLabelEn, List<OpenStep> waitingFor,
      Decision lastDecision, boolean withdrawable) {
  }

  /** A page of the list with the total of the filter. */
  record ItemPage(int page, int size, long total, boolean hasMore, List<Item> items) {
  }

  /** An approval decision the user took (or a substitute took for them). */
  record DecisionTaken(String businessKey, String flowKey, String flowName, String flowNameEn, String requesterName,
      String stepName, String outcome, String outcomeLabel, String actorName, boolean bySubstitute,
      OffsetDateTime at, String comment) {
  }

  /** A step offered to or assigned to the user, of someone else's request. */
  record HeldStep(String taskId, String name, String businessKey, String flowKey, String flowName,
      String flowNameEn, String requesterName, OffsetDateTime createdAt, OffsetDateTime dueAt, boolean claimed) {
  }

  /**
   * The state in SQL, so that the filter, the page and the count agree. Running (an execution exists): the
   * requester's own open step after a send-back is a correction; a step of someone else is an approval or a work
   * step; the requester's own step otherwise is the report after approval (overdue past its due date); no open step
   * at all is a wait (a timer, a message). Ended: withdrawn, rejected, cancelled from outside, else completed.
   */
  private static final String REQUESTS = """
      select * from (
        select q.business_key, q.process_instance_id, q.flow_key, q.classification, q.filed_at,
               d.outcome as decision_outcome, d.actor_name as decision_actor_name, d.acting_role as decision_role,
               d.occurred_at as decision_at, d.comment as decision_comment,
               case
                 when e.ID_ is not null then case
                   when d.outcome = 'SENT_BACK' and exists (select 1 from ACT_RU_TASK t
                        where t.PROC_INST_ID_ = q.process_instance_id and t.ASSIGNEE_ = q.requester) then 'SENT_BACK'
                   when exists (select 1 from ACT_RU_TASK t where t.PROC_INST_ID_ = q.process_instance_id
                        and (t.ASSIGNEE_ is null or t.ASSIGNEE_ <> q.requester)) then 'PENDING'
                   when exists (select 1 from ACT_RU_TASK t where t.PROC_INST_ID_ = q.process_instance_id
                        and t.DUE_DATE_ < :now) then 'FOLLOW_UP_OVERDUE'
                   when exists (select 1 from ACT_RU_TASK t where t.PROC_INST_ID_ = q.process_instance_id)
                        then 'APPROVED'
                   else 'IN_PROGRESS' end
                 when q.outcomes like '%,WITHDRAWN,%' then 'WITHDRAWN'
                 when q.outcomes like '%,CANCELLED,%' or q.outcomes like '%,TERMINATED,%' then 'CANCELLED'
                 when d.outcome = 'REJECTED' then 'REJECTED'
                 when h.STATE_ = 'EXTERNALLY_TERMINATED' then 'CANCELLED'
                 else 'COMPLETED'
               end as state
          from audit_request q
          left join audit_record d on d.id = (select max(a.id) from audit_record a
                where a.business_key = q.business_key and a.step_kind = 'APPROVAL')
          left join ACT_RU_EXECUTION e on e.ID_ = q.process_instance_id
          left join ACT_HI_PROCINST h on h.ID_ = q.process_instance_id
         where q.requester = :requester
      ) s
      """;

  private final NamedParameterJdbcTemplate jdbc;
  private final AuditLabels labels;
  private final AuditRecorder recorder;
  private final RepositoryService repositoryService;
  private final Map<String, RequestFlow> flows;
  /** {@code isms.stepKind} of a user task by process definition and task id (definitions never change). */
  private final Map<String, String> stepKinds = new ConcurrentHashMap<>();

  MyRequests(NamedParameterJdbcTemplate jdbc, AuditLabels labels, AuditRecorder recorder,
      RepositoryService repositoryService, List<RequestFlow> flows) {
    this.jdbc = jdbc;
    this.labels = labels;
    this.recorder = recorder;
    this.repositoryService = repositoryService;
    this.flows = flows.stream().collect(Collectors.toMap(RequestFlow::processKey, Function.identity()));
  }

  /** The flows a request may be of, key → Japanese and English name. */
  Map<String, List<String>> flowNames() {
    Map<String, List<String>> names = new LinkedHashMap<>();
    flows.values().stream().sorted((a, b) -> a.processKey().compareTo(b.processKey()))
        .forEach(flow -> names.put(flow.processKey(), List.of(flow.nameJa(), flow.nameEn())));
    return names;
  }

  ItemPage requests(String requester, Criteria criteria, int page, int size) {
    MapSqlParameterSource parameters = parameters(requester);
    String where = where(criteria, parameters);
    parameters.addValue("limit", size + 1).addValue("offset", (long) page * size);
    List<Row> rows = jdbc.query(REQUESTS + where + " order by s.filed_at desc, s.business_key desc"
        + " limit :limit offset :offset", parameters, (rs, i) -> row(rs));
    boolean more = rows.size() > size;
    List<Row> shown = more ? rows.subList(0, size) : rows;
    Long total = jdbc.queryForObject("select count(*) from (" + REQUESTS + where + ") c", parameters, Long.class);
    return new ItemPage(page, size, total == null ? 0 : total, more, items(requester, shown));
  }

  /** Every request of the filter, newest first, a batch at a time (for the CSV). */
  void forEach(String requester, Criteria criteria, Consumer<Item> action) {
    int batch = 500;
    for (int page = 0;; page++) {
      MapSqlParameterSource parameters = parameters(requester);
      String where = where(criteria, parameters);
      parameters.addValue("limit", batch).addValue("offset", (long) page * batch);
      List<Row> rows = jdbc.query(REQUESTS + where + " order by s.filed_at desc, s.business_key desc"
          + " limit :limit offset :offset", parameters, (rs, i) -> row(rs));
      items(requester, rows).forEach(action);
      if (rows.size() < batch) {
        return;
      }
    }
  }

  /** The request if {@code requester} filed it, else null (the same answer as for a number nobody filed). */
  Item request(String requester, String businessKey) {
    MapSqlParameterSource parameters = parameters(requester).addValue("businessKey", businessKey);
    List<Row> rows = jdbc.query(REQUESTS + " where s.business_key = :businessKey", parameters, (rs, i) -> row(rs));
    return rows.isEmpty() ? null : items(requester, rows).get(0);
  }

  /** The process instance of the requester's own request, else null. */
  String processInstanceId(String requester, String businessKey) {
    return jdbc.query("select process_instance_id from audit_request where business_key = :businessKey"
        + " and requester = :requester", parameters(requester).addValue("businessKey", businessKey),
        (rs, i) -> rs.getString(1)).stream().findFirst().orElse(null);
  }

  /** The approval decisions the user took, or a substitute took for them, newest first. */
  RequestSearch.Page<DecisionTaken> decisions(String userId, String outcome, OffsetDateTime from,
      OffsetDateTime toExclusive, int page, int size) {
    MapSqlParameterSource parameters = new MapSqlParameterSource("user", userId)
        .addValue("limit", size + 1).addValue("offset", (long) page * size);
    StringBuilder where = new StringBuilder(" where r.step_kind = 'APPROVAL' and (r.actor = :user or r.principal = :user)");
    if (outcome != null) {
      where.append(" and r.outcome = :outcome");
      parameters.addValue("outcome", outcome);
    }
    if (from != null) {
      where.append(" and r.occurred_at >= :from");
      parameters.addValue("from", from);
    }
    if (toExclusive != null) {
      where.append(" and r.occurred_at < :to");
      parameters.addValue("to", toExclusive);
    }
    List<DecisionTaken> rows = jdbc.query("""
        select r.business_key, r.flow_key, r.step_name, r.outcome, r.actor, r.actor_name, r.occurred_at, r.comment,
               q.requester_name
          from audit_record r
          left join audit_request q on q.business_key = r.business_key
        """ + where + " order by r.id desc limit :limit offset :offset", parameters, (rs, i) -> {
          String flowKey = rs.getString("flow_key");
          String result = rs.getString("outcome");
          return new DecisionTaken(rs.getString("business_key"), flowKey, flowName(flowKey, false),
              flowName(flowKey, true), rs.getString("requester_name"), rs.getString("step_name"), result,
              labels.outcome(result), rs.getString("actor_name"), !userId.equals(rs.getString("actor")),
              time(rs, "occurred_at"), rs.getString("comment"));
        });
    boolean more = rows.size() > size;
    return new RequestSearch.Page<>(page, size, more, more ? rows.subList(0, size) : rows);
  }

  /** The open steps of other people's requests assigned to the user or offered to them (their groups, as substitute). */
  List<HeldStep> held(String userId, Collection<String> groupIds) {
    MapSqlParameterSource parameters = new MapSqlParameterSource("user", userId)
        .addValue("groups", groupIds.isEmpty() ? List.of("") : groupIds);
    return jdbc.query("""
        select t.ID_, t.NAME_, t.ASSIGNEE_, t.CREATE_TIME_, t.DUE_DATE_, q.business_key, q.flow_key, q.requester_name
          from ACT_RU_TASK t
          join audit_request q on q.process_instance_id = t.PROC_INST_ID_
         where q.requester <> :user
           and (t.ASSIGNEE_ = :user or (t.ASSIGNEE_ is null and exists (select 1 from ACT_RU_IDENTITYLINK l
                where l.TASK_ID_ = t.ID_ and l.TYPE_ = 'candidate'
                  and (l.USER_ID_ = :user or l.GROUP_ID_ in (:groups)))))
         order by t.CREATE_TIME_, t.ID_
        """, parameters, (rs, i) -> {
          String flowKey = rs.getString("flow_key");
          return new HeldStep(rs.getString("ID_"), rs.getString("NAME_"), rs.getString("business_key"), flowKey,
              flowName(flowKey, false), flowName(flowKey, true), rs.getString("requester_name"),
              time(rs, "CREATE_TIME_"), time(rs, "DUE_DATE_"),
              rs.getString("ASSIGNEE_") != null);
        });
  }

  // ---------------------------------------------------------------- rows to items

  /** A row of the list query, before its open steps are added. */
  private record Row(String businessKey, String processInstanceId, String flowKey, String classification,
      OffsetDateTime filedAt, State state, Decision decision) {
  }

  private Row row(ResultSet rs) throws SQLException {
    String outcome = rs.getString("decision_outcome");
    Decision decision = outcome == null ? null : new Decision(outcome, labels.outcome(outcome),
        rs.getString("decision_actor_name"), labels.role(rs.getString("decision_role")),
        time(rs, "decision_at"), rs.getString("decision_comment"));
    return new Row(rs.getString("business_key"), rs.getString("process_instance_id"), rs.getString("flow_key"),
        rs.getString("classification"), time(rs, "filed_at"), State.valueOf(rs.getString("state")),
        decision);
  }

  /** A task of the page's requests with one of its candidates (a task without candidates comes once). */
  private record TaskRow(String processInstanceId, String taskId, String name, String definitionId, String taskKey,
      String assignee, OffsetDateTime dueAt, String candidateGroup, String candidateGroupName, String candidateUser) {
  }

  private List<Item> items(String requester, List<Row> rows) {
    List<String> running = rows.stream().filter(r -> r.state().open)
        .map(Row::processInstanceId).toList();
    List<TaskRow> tasks = running.isEmpty() ? List.of() : jdbc.query("""
        select t.PROC_INST_ID_, t.ID_, t.NAME_, t.PROC_DEF_ID_, t.TASK_DEF_KEY_, t.ASSIGNEE_, t.DUE_DATE_,
               l.GROUP_ID_, g.NAME_ as group_name, l.USER_ID_
          from ACT_RU_TASK t
          left join ACT_RU_IDENTITYLINK l on l.TASK_ID_ = t.ID_ and l.TYPE_ = 'candidate'
          left join ACT_ID_GROUP g on g.ID_ = l.GROUP_ID_
         where t.PROC_INST_ID_ in (:ids)
         order by t.CREATE_TIME_, t.ID_
        """, new MapSqlParameterSource("ids", running), (rs, i) -> new TaskRow(rs.getString("PROC_INST_ID_"),
        rs.getString("ID_"), rs.getString("NAME_"), rs.getString("PROC_DEF_ID_"), rs.getString("TASK_DEF_KEY_"),
        rs.getString("ASSIGNEE_"), time(rs, "DUE_DATE_"), rs.getString("GROUP_ID_"),
        rs.getString("group_name"), rs.getString("USER_ID_")));
    Map<String, List<String>> members = new LinkedHashMap<>();
    Map<String, String> names = people(tasks, members);
    OffsetDateTime now = recorder.now();
    Map<String, List<TaskRow>> byInstance = tasks.stream()
        .collect(Collectors.groupingBy(TaskRow::processInstanceId, LinkedHashMap::new, Collectors.toList()));
    List<Item> items = new ArrayList<>();
    for (Row row : rows) {
      Map<String, List<TaskRow>> byTask = byInstance.getOrDefault(row.processInstanceId(), List.of()).stream()
          .collect(Collectors.groupingBy(TaskRow::taskId, LinkedHashMap::new, Collectors.toList()));
      List<OpenStep> steps = byTask.values().stream()
          .map(links -> openStep(links, requester, names, members, now)).toList();
      boolean withdrawable = steps.stream().anyMatch(s -> "APPROVAL".equals(s.kind()) || "CORRECTION".equals(s.kind()));
      items.add(new Item(row.businessKey(), row.flowKey(), flowName(row.flowKey(), false),
          flowName(row.flowKey(), true), labels.choice(AuditRecorder.CLASSIFICATION, row.classification()),
          row.filedAt(), row.state(), row.state().label, row.state().labelEn, steps, row.decision(), withdrawable));
    }
    return items;
  }

  private OpenStep openStep(List<TaskRow> links, String requester, Map<String, String> names,
      Map<String, List<String>> members, OffsetDateTime now) {
    TaskRow task = links.get(0);
    Set<String> holders = new LinkedHashSet<>();
    String roleLabel = null;
    String roleLabelEn = null;
    for (TaskRow link : links) {
      if (link.candidateGroup() != null) {
        roleLabel = roleLabel == null ? link.candidateGroupName() : roleLabel;
        roleLabelEn = roleLabelEn == null ? roleEn(link.candidateGroup(), link.candidateGroupName()) : roleLabelEn;
        members.getOrDefault(link.candidateGroup(), List.of()).forEach(holders::add);
      }
      if (link.candidateUser() != null) {
        holders.add(link.candidateUser());
      }
    }
    holders.remove(requester);
    boolean yours = requester.equals(task.assignee());
    return new OpenStep(task.taskId(), task.name(), stepKind(task.definitionId(), task.taskKey()), roleLabel,
        roleLabelEn, task.assignee() == null ? null : names.getOrDefault(task.assignee(), task.assignee()),
        holders.stream().map(user -> names.getOrDefault(user, user)).toList(), task.dueAt(),
        task.dueAt() != null && task.dueAt().isBefore(now), yours);
  }

  /** Names of the assignees, candidate users and members of candidate groups, in one statement; fills members. */
  private Map<String, String> people(List<TaskRow> tasks, Map<String, List<String>> members) {
    Set<String> groups = new LinkedHashSet<>();
    Set<String> users = new LinkedHashSet<>();
    for (TaskRow task : tasks) {
      if (task.candidateGroup() != null) {
        groups.add(task.candidateGroup());
      }
      if (task.candidateUser() != null) {
        users.add(task.candidateUser());
      }
      if (task.assignee() != null) {
        users.add(task.assignee());
      }
    }
    Map<String, String> names = new LinkedHashMap<>();
    if (groups.isEmpty() && users.isEmpty()) {
      return names;
    }
    jdbc.query("""
        select u.ID_, u.LAST_, u.FIRST_, m.GROUP_ID_
          from ACT_ID_USER u
          left join ACT_ID_MEMBERSHIP m on m.USER_ID_ = u.ID_ and m.GROUP_ID_ in (:groups)
         where u.ID_ in (:users) or m.GROUP_ID_ is not null
         order by u.ID_
        """, new MapSqlParameterSource("groups", groups.isEmpty() ? List.of("") : groups)
        .addValue("users", users.isEmpty() ? List.of("") : users), (RowCallbackHandler) rs -> {
          String user = rs.getString("ID_");
          names.put(user, name(rs.getString("LAST_"), rs.getString("FIRST_"), user));
          if (rs.getString("GROUP_ID_") != null) {
            members.computeIfAbsent(rs.getString("GROUP_ID_"), g -> new ArrayList<>()).add(user);
          }
        });
    return names;
  }

  /** {@code isms.stepKind} of the task as its BPMN declares it (from the engine's cache of parsed models). */
  private String stepKind(String processDefinitionId, String taskKey) {
    return stepKinds.computeIfAbsent(processDefinitionId + "#" + taskKey, key -> {
      BpmnModelInstance model = repositoryService.getBpmnModelInstance(processDefinitionId);
      UserTask task = model == null ? null : model.getModelElementById(taskKey);
      if (task == null || task.getExtensionElements() == null) {
        return "";
      }
      return task.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
          .flatMap(properties -> properties.getCamundaProperties().stream())
          .filter(property -> "isms.stepKind".equals(property.getCamundaName())).map(CamundaProperty::getCamundaValue)
          .findFirst().orElse("");
    });
  }

  /** {@code department-head.development} → {@code Department head (開発設計部)}. */
  private OffsetDateTime time(ResultSet rs, String column) throws SQLException {
    return RequestSearch.time(rs, column, recorder.zone());
  }

  private static String roleEn(String groupId, String groupName) {
    String prefix = groupId.contains(".") ? groupId.substring(0, groupId.indexOf('.')) : groupId;
    return Arrays.stream(Role.values()).filter(role -> role.groupPrefix().equals(prefix)).findFirst()
        .map(role -> groupName != null && groupName.contains("(")
            ? role.nameEn() + " " + groupName.substring(groupName.indexOf('(')) : role.nameEn())
        .orElse(groupName);
  }

  private String flowName(String flowKey, boolean english) {
    RequestFlow flow = flows.get(flowKey);
    return flow == null ? flowKey : english ? flow.nameEn() : flow.nameJa();
  }

  private static String name(String last, String first, String fallback) {
    String name = ((last == null ? "" : last) + " " + (first == null ? "" : first)).trim();
    return name.isEmpty() ? fallback : name;
  }

  private MapSqlParameterSource parameters(String requester) {
    return new MapSqlParameterSource("requester", requester).addValue("now", Timestamp.from(recorder.now().toInstant()));
  }

  private static String where(Criteria c, MapSqlParameterSource parameters) {
    List<String> conditions = new ArrayList<>();
    if (c.flow() != null) {
      conditions.add("s.flow_key = :flow");
      parameters.addValue("flow", c.flow());
    }
    if (c.state() != null) {
      conditions.add("s.state = :state");
      parameters.addValue("state", c.state().name());
    }
    if (c.from() != null) {
      conditions.add("s.filed_at >= :from");
      parameters.addValue("from", c.from());
    }
    if (c.toExclusive() != null) {
      conditions.add("s.filed_at < :to");
      parameters.addValue("to", c.toExclusive());
    }
    return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
  }
}
