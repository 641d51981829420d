package jp.sample.isms.auditor;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import jp.sample.isms.audit.AuditLabels;
import jp.sample.isms.audit.AuditRecorder;

/**
 * The auditor's searches over the decision record: requests (one row per business key, through the index
 * {@code audit_request}) and single records (including refusals at filing, which have no business key, and the
 * auditors' own queries). Newest first; a page is read with one indexed query, the count is a query of its own.
 */
@Component
class RequestSearch {

  /** What the auditor filters requests by; null means no filter. Dates are days in Japan, both inclusive. */
  record RequestCriteria(String flow, String businessKey, String requester, String approver, String department,
      String classification, String outcome, OffsetDateTime from, OffsetDateTime toExclusive, String clause) {

    static RequestCriteria of(AuditQueryParameters p) {
      return new RequestCriteria(p.code("flow", "フロー"), p.code("businessKey", "申請番号"),
          p.code("requester", "申請者"), p.code("approver", "承認者"), p.code("department", "部門"),
          p.code("classification", "機密性"), p.code("outcome", "結果"), p.startOfDay("from", "期間の開始日"),
          p.endOfDay("to", "期間の終了日"), p.clause("clause"));
    }
  }

  /**
   * What the auditor filters single records by. The auditors' own queries are left out unless asked for (by the flag,
   * by their kind or by their flow): every search adds one, and they would crowd out the records searched for.
   * {@code upToId}: only records up to this one, so that a count and the pages after the first agree with the first
   * page although each call adds a query record.
   */
  record RecordCriteria(String flow, String businessKey, String actor, String outcome, String stepKind,
      OffsetDateTime from, OffsetDateTime toExclusive, String clause, boolean includeQueries, Long upToId) {

    static RecordCriteria of(AuditQueryParameters p) {
      String flow = p.code("flow", "フロー");
      String stepKind = p.code("stepKind", "種別");
      return new RecordCriteria(flow, p.code("businessKey", "申請番号"), p.code("actor", "実施者"),
          p.code("outcome", "結果"), stepKind, p.startOfDay("from", "期間の開始日"),
          p.endOfDay("to", "期間の終了日"), p.clause("clause"),
          p.flag("includeQueries") || AuditAccess.STEP_KIND.equals(stepKind) || AuditAccess.FLOW.equals(flow),
          p.id("upTo", "記録番号の上限"));
    }
  }

  /** One request as the search lists it. */
  record RequestSummary(String businessKey, String processInstanceId, String flowKey, Integer flowVersion,
      String requester, String requesterName, String departmentCode, String departmentName, String classification,
      String classificationLabel, OffsetDateTime filedAt, String lastStepName, String lastOutcome,
      String lastOutcomeLabel, OffsetDateTime lastAt, int recordCount) {
  }

  /** One record, with the Japanese words for its codes. */
  record RecordView(long id, String businessKey, String processInstanceId, String flowKey, Integer flowVersion,
      String step, String stepName, String stepKind, String stepKindLabel, String actor, String actorName,
      String actingRole, String actingRoleLabel, String principal, String requester, String departmentCode,
      OffsetDateTime occurredAt, String outcome, String outcomeLabel, String comment, List<String> clauses,
      List<String> flags, List<String> flagLabels, String regulationRevision, String submittedValues) {
  }

  /** A page of results; {@code hasMore} tells whether a next page exists (the total is {@code /count}). */
  record Page<T>(int page, int size, boolean hasMore, List<T> items) {
  }

  private final NamedParameterJdbcTemplate jdbc;
  private final AuditLabels labels;
  private final ZoneId zone;

  RequestSearch(NamedParameterJdbcTemplate jdbc, AuditLabels labels, ZoneId zone) {
    this.jdbc = jdbc;
    this.labels = labels;
    this.zone = zone;
  }

  Page<RequestSummary> requests(RequestCriteria criteria, int page, int size) {
    MapSqlParameterSource parameters = new MapSqlParameterSource();
    String where = where(criteria, parameters);
    parameters.addValue("limit", size + 1).addValue("offset", (long) page * size);
    List<RequestSummary> rows = jdbc.query("""
        select q.*, d.name as department_name
          from audit_request q
          left join org_department d on d.code = q.department_code
        """ + where + """
         order by q.filed_at desc, q.business_key desc
         limit :limit offset :offset
        """, parameters, (rs, i) -> summary(rs));
    return page(rows, page, size);
  }

  long countRequests(RequestCriteria criteria) {
    MapSqlParameterSource parameters = new MapSqlParameterSource();
    Long count = jdbc.queryForObject("select count(*) from audit_request q " + where(criteria, parameters),
        parameters, Long.class);
    return count == null ? 0 : count;
  }

  RequestSummary request(String businessKey) {
    return jdbc.query("""
        select q.*, d.name as department_name
          from audit_request q
          left join org_department d on d.code = q.department_code
         where q.business_key = :businessKey
        """, new MapSqlParameterSource("businessKey", businessKey), (rs, i) -> summary(rs))
        .stream().findFirst().orElse(null);
  }

  /** Every record of a request, in the order they were written. */
  List<RecordView> timeline(String businessKey) {
    return jdbc.query("select * from audit_record where business_key = :businessKey order by id",
        new MapSqlParameterSource("businessKey", businessKey), (rs, i) -> record(rs));
  }

  Page<RecordView> records(RecordCriteria criteria, int page, int size) {
    MapSqlParameterSource parameters = new MapSqlParameterSource();
    String where = where(criteria, parameters);
    parameters.addValue("limit", size + 1).addValue("offset", (long) page * size);
    List<RecordView> rows = jdbc.query("select r.* from audit_record r " + where
        + " order by r.id desc limit :limit offset :offset", parameters, (rs, i) -> record(rs));
    return page(rows, page, size);
  }

  long countRecords(RecordCriteria criteria) {
    MapSqlParameterSource parameters = new MapSqlParameterSource();
    Long count = jdbc.queryForObject("select count(*) from audit_record r " + where(criteria, parameters),
        parameters, Long.class);
    return count == null ? 0 : count;
  }

  private static String where(RequestCriteria c, MapSqlParameterSource parameters) {
    List<String> conditions = new ArrayList<>();
    equal(conditions, parameters, "q.flow_key", "flow", c.flow());
    equal(conditions, parameters, "q.business_key", "businessKey", c.businessKey());
    equal(conditions, parameters, "q.requester", "requester", c.requester());
    equal(conditions, parameters, "q.department_code", "department", c.department());
    equal(conditions, parameters, "q.classification", "classification", c.classification());
    if (c.from() != null) {
      conditions.add("q.filed_at >= :from");
      parameters.addValue("from", c.from());
    }
    if (c.toExclusive() != null) {
      conditions.add("q.filed_at < :to");
      parameters.addValue("to", c.toExclusive());
    }
    if (c.approver() != null) {
      // who took an approval step of the request, themselves or through a substitute
      conditions.add("""
          exists (select 1 from audit_record a where a.business_key = q.business_key and a.step_kind = 'APPROVAL'
                   and (a.actor = :approver or a.principal = :approver))""");
      parameters.addValue("approver", c.approver());
    }
    if (c.outcome() != null) {
      // a record of the request has this outcome (a request once sent back and then approved has both)
      conditions.add("q.outcomes like :outcome");
      parameters.addValue("outcome", "%," + c.outcome() + ",%");
    }
    if (c.clause() != null) {
      conditions.add("(q.clauses like :clauseExact or q.clauses like :clauseChild)");
      clauseParameters(parameters, c.clause());
    }
    return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions) + " ";
  }

  private static String where(RecordCriteria c, MapSqlParameterSource parameters) {
    List<String> conditions = new ArrayList<>();
    equal(conditions, parameters, "r.flow_key", "flow", c.flow());
    equal(conditions, parameters, "r.business_key", "businessKey", c.businessKey());
    equal(conditions, parameters, "r.outcome", "outcome", c.outcome());
    equal(conditions, parameters, "r.step_kind", "stepKind", c.stepKind());
    if (!c.includeQueries()) {
      conditions.add("r.step_kind <> '" + AuditAccess.STEP_KIND + "'");
    }
    if (c.upToId() != null) {
      conditions.add("r.id <= :upTo");
      parameters.addValue("upTo", c.upToId());
    }
    if (c.actor() != null) {
      conditions.add("(r.actor = :actor or r.principal = :actor)");
      parameters.addValue("actor", c.actor());
    }
    if (c.from() != null) {
      conditions.add("r.occurred_at >= :from");
      parameters.addValue("from", c.from());
    }
    if (c.toExclusive() != null) {
      conditions.add("r.occurred_at < :to");
      parameters.addValue("to", c.toExclusive());
    }
    if (c.clause() != null) {
      conditions.add("(concat(',', r.clauses, ',') like :clauseExact or concat(',', r.clauses, ',') like :clauseChild)");
      clauseParameters(parameters, c.clause());
    }
    return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions) + " ";
  }

  /** A clause matches itself and the clauses under it: 5.1 matches 5.1 and 5.1.4, not 5.10. */
  private static void clauseParameters(MapSqlParameterSource parameters, String clause) {
    parameters.addValue("clauseExact", "%," + clause + ",%").addValue("clauseChild", "%," + clause + ".%");
  }

  private static void equal(List<String> conditions, MapSqlParameterSource parameters, String column, String name,
      Object value) {
    if (value != null) {
      conditions.add(column + " = :" + name);
      parameters.addValue(name, value);
    }
  }

  private static <T> Page<T> page(List<T> rows, int page, int size) {
    boolean more = rows.size() > size;
    return new Page<>(page, size, more, more ? rows.subList(0, size) : rows);
  }

  private RequestSummary summary(ResultSet rs) throws SQLException {
    String classification = rs.getString("classification");
    String outcome = rs.getString("last_outcome");
    return new RequestSummary(rs.getString("business_key"), rs.getString("process_instance_id"),
        rs.getString("flow_key"), (Integer) rs.getObject("flow_version", Integer.class), rs.getString("requester"),
        rs.getString("requester_name"), rs.getString("department_code"), rs.getString("department_name"),
        classification, labels.choice(AuditRecorder.CLASSIFICATION, classification), time(rs, "filed_at", zone),
        rs.getString("last_step_name"), outcome, labels.outcome(outcome), time(rs, "last_at", zone),
        rs.getInt("record_count"));
  }

  private RecordView record(ResultSet rs) throws SQLException {
    String stepKind = rs.getString("step_kind");
    String role = rs.getString("acting_role");
    String outcome = rs.getString("outcome");
    List<String> flags = list(rs.getString("flags"));
    return new RecordView(rs.getLong("id"), rs.getString("business_key"), rs.getString("process_instance_id"),
        rs.getString("flow_key"), rs.getObject("flow_version", Integer.class), rs.getString("step"),
        rs.getString("step_name"), stepKind, labels.stepKind(stepKind), rs.getString("actor"),
        rs.getString("actor_name"), role, labels.role(role), rs.getString("principal"), rs.getString("requester"),
        rs.getString("department_code"), time(rs, "occurred_at", zone), outcome, labels.outcome(outcome),
        rs.getString("comment"), list(rs.getString("clauses")), flags, labels.flags(flags),
        rs.getString("regulation_revision"), rs.getString("submitted_values"));
  }

  /** A stored time as the product's {@code zone} shows it. */
  static OffsetDateTime time(ResultSet rs, String column, ZoneId zone) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant().atZone(zone).toOffsetDateTime();
  }

  private static List<String> list(String commaSeparated) {
    return commaSeparated == null || commaSeparated.isBlank() ? List.of()
        : Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
