package jp.sample.isms.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;


import jp.sample.isms.engine.EngineInternals;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import jp.sample.isms.engine.CommandScopedCache;

/**
 * Writes the append-only decision record. Records of a step are written in the engine's transaction, so they exist
 * exactly when the step does; a refusal at filing is written in a transaction of its own, since the filing itself
 * is rolled back. There is no update or delete of a record in this class, nor anywhere else in the application
 * (the search index {@code audit_request} beside the record is derived data and is kept up to date here).
 *
 * <p>The regulation revision a record carries is read once per engine command ({@link CommandScopedCache}): a request's
 * step writes several records; a new revision recorded in the command ({@link #regulationRevisionRecorded}) is what
 * the command's later records carry.
 */
@Component
public class AuditRecorder {

  /** The process variable that carries a request's 機密性 (3.1.1) in every flow that has one. */
  public static final String CLASSIFICATION = "classification";

  /** The stored rows, times in UTC: for what reads only their instants (the chain, the search index). */
  static final RowMapper<AuditEntry> ROW = row(ZoneOffset.UTC);

  static RowMapper<AuditEntry> row(ZoneId zone) {
    return (rs, i) -> AuditEntry.stored(
      rs.getLong("id"), rs.getString("business_key"), rs.getString("process_instance_id"), rs.getString("flow_key"),
      (Integer) rs.getObject("flow_version"), rs.getString("step"), rs.getString("step_name"),
      rs.getString("step_kind"), rs.getString("actor"), rs.getString("actor_name"), rs.getString("acting_role"),
      rs.getString("principal"), rs.getString("requester"), rs.getString("department_code"),
      rs.getTimestamp("occurred_at").toInstant().atZone(zone).toOffsetDateTime(), rs.getString("outcome"),
      rs.getString("comment"), rs.getString("clauses"), rs.getString("flags"), rs.getString("regulation_revision"),
      rs.getString("submitted_values"));
  }

  private final JdbcTemplate jdbc;
  private final TransactionTemplate separateTransaction;
  private final String regulationRevision;
  private final Clock clock;
  private final ZoneId zone;
  private final RowMapper<AuditEntry> row;
  private final AuditRequestIndex index;
  private final AuditChain chain;
  /** The current regulation revision as the running command read or recorded it (one key). */
  private final CommandScopedCache<Boolean, String> currentRevision =
      new CommandScopedCache<>("current regulation revision");

  public AuditRecorder(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
      @Value("${isms.regulation.revision:2026-04}") String regulationRevision, AuditRequestIndex index,
      AuditChain chain, Clock clock) {
    this.jdbc = jdbc;
    this.chain = chain;
    this.index = index;
    this.separateTransaction = new TransactionTemplate(transactionManager);
    this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.regulationRevision = regulationRevision;
    this.clock = clock;
    this.zone = clock.getZone();
    this.row = row(zone);
  }

  /**
   * Records in the current transaction, chained to the record before it in its strand (see {@link AuditChain}). The
   * strand's head row is locked until the transaction ends, so the records of a strand are chained in commit order,
   * also across application nodes; concurrent transactions take different strands and do not wait for each other.
   */
  public void record(AuditEntry entry) {
    AuditChain.Link link = chain.lockStrand();
    String previousHash = link.previousHash();
    Integer flowVersion = entry.flowVersion() != null || entry.processInstanceId() == null ? entry.flowVersion()
        : flowVersion(entry.processInstanceId());
    AuditEntry stored = entry.completed(flowVersion,
        (entry.occurredAt() != null ? entry.occurredAt() : now()).truncatedTo(ChronoUnit.MILLIS),
        truncate(entry.comment(), 4000),
        entry.regulationRevision() != null ? entry.regulationRevision() : regulationRevision());
    String hash = AuditChain.hash(previousHash, stored);
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      PreparedStatement insert = connection.prepareStatement("""
          insert into audit_record (business_key, process_instance_id, flow_key, flow_version, step, step_name,
            step_kind, actor, actor_name, acting_role, principal, requester, department_code, occurred_at, outcome,
            comment, clauses, flags, regulation_revision, submitted_values, previous_hash, record_hash, chain_strand)
          values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          """, new String[] {"id"});
      int i = 1;
      insert.setString(i++, stored.businessKey());
      insert.setString(i++, stored.processInstanceId());
      insert.setString(i++, stored.flowKey());
      insert.setObject(i++, stored.flowVersion(), Types.INTEGER);
      insert.setString(i++, stored.step());
      insert.setString(i++, stored.stepName());
      insert.setString(i++, stored.stepKind());
      insert.setString(i++, stored.actor());
      insert.setString(i++, stored.actorName());
      insert.setString(i++, stored.actingRole());
      insert.setString(i++, stored.principal());
      insert.setString(i++, stored.requester());
      insert.setString(i++, stored.departmentCode());
      insert.setTimestamp(i++, Timestamp.from(stored.occurredAt().toInstant()));
      insert.setString(i++, stored.outcome());
      insert.setString(i++, stored.comment());
      insert.setString(i++, stored.clauses());
      insert.setString(i++, stored.flags());
      insert.setString(i++, stored.regulationRevision());
      insert.setString(i++, stored.submittedValues());
      insert.setString(i++, previousHash);
      insert.setString(i++, hash);
      insert.setInt(i, link.strand());
      return insert;
    }, key);
    long id = key.getKey().longValue();
    jdbc.update("update audit_chain_head set last_id = ?, last_hash = ? where id = ?", id, hash, link.strand());
    if (stored.businessKey() != null) {
      index.add(id, stored, classification(stored.processInstanceId()));
    }
  }

  /**
   * The regulation revision in force (1.4): the newest recorded one, before the first the configured
   * {@code isms.regulation.revision}. Read once per engine command.
   */
  public String regulationRevision() {
    return currentRevision.get(Boolean.TRUE, key -> jdbc.query("select revision from regulation_revision "
        + "order by id desc fetch first 1 rows only", rs -> rs.next() ? rs.getString(1) : regulationRevision));
  }

  /** A new regulation revision was recorded in the running transaction: the command's later records carry it. */
  public void regulationRevisionRecorded(String revision) {
    currentRevision.put(Boolean.TRUE, revision);
  }

  /**
   * The request's 機密性 (3.1.1) when the record is written inside an engine command of the request: its process
   * variable {@code classification}, which every flow that has one names alike. Null elsewhere.
   */
  private static String classification(String processInstanceId) {
    Object value = EngineInternals.processVariableInCommand(processInstanceId, CLASSIFICATION);
    return value instanceof String text && !text.isBlank() ? text : null;
  }


  /** The version of the flow an instance runs on, for records written by a flow's own service tasks. */
  private Integer flowVersion(String processInstanceId) {
    List<Integer> versions = jdbc.queryForList("""
        select d.VERSION_ from ACT_RU_EXECUTION e join ACT_RE_PROCDEF d on d.ID_ = e.PROC_DEF_ID_
         where e.ID_ = ? union
        select d.VERSION_ from ACT_HI_PROCINST p join ACT_RE_PROCDEF d on d.ID_ = p.PROC_DEF_ID_
         where p.PROC_INST_ID_ = ?
        """, Integer.class, processInstanceId, processInstanceId);
    return versions.isEmpty() ? null : versions.get(0);
  }

  /** Records in a transaction of its own, which commits even when the caller's rolls back (refusals). */
  public void recordSeparately(AuditEntry entry) {
    separateTransaction.executeWithoutResult(status -> record(entry));
  }

  public OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }

  /** The product's zone ({@code isms.time-zone}): the records' times are shown and their days counted in it. */
  public ZoneId zone() {
    return zone;
  }

  public List<AuditEntry> forProcessInstance(String processInstanceId) {
    return jdbc.query("select * from audit_record where process_instance_id = ? order by id", row, processInstanceId);
  }

  public List<AuditEntry> forBusinessKey(String businessKey) {
    return jdbc.query("select * from audit_record where business_key = ? order by id", row, businessKey);
  }

  /** The latest record of a step of a request (e.g. the decision just taken). */
  public AuditEntry latest(String processInstanceId, String step) {
    return jdbc.query("select * from audit_record where process_instance_id = ? and step = ? order by id desc",
        row, processInstanceId, step).stream().findFirst().orElse(null);
  }

  /** Who approved a step of this request other than {@code step}: they may not take another (four eyes). */
  public Set<String> approversOfOtherSteps(String processInstanceId, String step) {
    return new LinkedHashSet<>(jdbc.queryForList("""
        select distinct actor from audit_record
         where process_instance_id = ? and step_kind = 'APPROVAL' and outcome = 'APPROVED' and step <> ?
        """, String.class, processInstanceId, step));
  }

  private static String truncate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
