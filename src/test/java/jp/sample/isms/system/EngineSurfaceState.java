package jp.sample.isms.system;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Everything an attack on the engine's REST surface could change around one request, read straight from the database
 * (H2 or PostgreSQL): its variables, tasks, candidates, comments, attachments, executions and jobs, its decision
 * records and register row, and the organisation's users, group memberships, authorizations and deployments. Two
 * equal states mean nothing changed.
 */
record EngineSurfaceState(Map<String, List<String>> tables) {

  static EngineSurfaceState of(JdbcTemplate jdbc, String processInstanceId, String businessKey) {
    Map<String, List<String>> tables = new TreeMap<>();
    tables.put("variables", rows(jdbc, "select NAME_, TASK_ID_, EXECUTION_ID_, TYPE_, TEXT_, LONG_ from ACT_RU_VARIABLE"
        + " where PROC_INST_ID_ = ?", processInstanceId));
    tables.put("tasks", rows(jdbc, "select ID_, NAME_, DESCRIPTION_, ASSIGNEE_, OWNER_, DELEGATION_, PRIORITY_, "
        + "DUE_DATE_, FOLLOW_UP_DATE_, SUSPENSION_STATE_ from ACT_RU_TASK where PROC_INST_ID_ = ?", processInstanceId));
    tables.put("identity links", rows(jdbc, "select l.TYPE_, l.USER_ID_, l.GROUP_ID_, l.TASK_ID_ from ACT_RU_IDENTITYLINK l"
        + " join ACT_RU_TASK t on t.ID_ = l.TASK_ID_ where t.PROC_INST_ID_ = ?", processInstanceId));
    tables.put("comments", rows(jdbc, "select ID_, USER_ID_, MESSAGE_ from ACT_HI_COMMENT where PROC_INST_ID_ = ?",
        processInstanceId));
    tables.put("attachments", rows(jdbc, "select ID_, NAME_, TYPE_, DESCRIPTION_ from ACT_HI_ATTACHMENT "
        + "where PROC_INST_ID_ = ?", processInstanceId));
    tables.put("executions", rows(jdbc, "select ID_, ACT_ID_, IS_ACTIVE_, SUSPENSION_STATE_ from ACT_RU_EXECUTION "
        + "where PROC_INST_ID_ = ?", processInstanceId));
    tables.put("jobs", rows(jdbc, "select ID_, RETRIES_, DUEDATE_, SUSPENSION_STATE_ from ACT_RU_JOB "
        + "where PROCESS_INSTANCE_ID_ = ?", processInstanceId));
    tables.put("history of the request", rows(jdbc, "select ID_, STATE_, END_TIME_ from ACT_HI_PROCINST "
        + "where PROC_INST_ID_ = ?", processInstanceId));
    tables.put("audit records", rows(jdbc, "select id, step, actor, outcome from audit_record where business_key = ?",
        businessKey));
    tables.put("register", rows(jdbc, "select requester, classification, destination, status, approver "
        + "from takeout_register where business_key = ?", businessKey));
    tables.put("users", rows(jdbc, "select ID_, EMAIL_, PWD_ from ACT_ID_USER"));
    tables.put("memberships", rows(jdbc, "select USER_ID_, GROUP_ID_ from ACT_ID_MEMBERSHIP"));
    tables.put("groups", rows(jdbc, "select ID_, NAME_ from ACT_ID_GROUP"));
    tables.put("authorizations", rows(jdbc, "select count(*) from ACT_RU_AUTHORIZATION"));
    tables.put("deployments", rows(jdbc, "select count(*) from ACT_RE_DEPLOYMENT"));
    tables.put("filters", rows(jdbc, "select ID_, NAME_, OWNER_ from ACT_RU_FILTER"));
    return new EngineSurfaceState(tables);
  }

  private static List<String> rows(JdbcTemplate jdbc, String sql, Object... arguments) {
    return jdbc.queryForList(sql, arguments).stream().map(row -> new TreeMap<>(row).toString()).sorted().toList();
  }
}
