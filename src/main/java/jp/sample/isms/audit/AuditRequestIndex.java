package jp.sample.isms.audit;

import java.sql.Timestamp;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import jp.sample.isms.engine.CommandScopedCache;

/**
 * The search index {@code audit_request}: one row per request, with what the auditor filters on without reading every
 * record — flow, requester, department, classification, filing time, and the sets of outcomes and clauses of all its
 * records. Kept by {@link AuditRecorder} in the transaction of each record; requests recorded before the index existed
 * are added at start from their records. Derived data: the record stays the source of truth.
 *
 * <p>Inside an engine command a request's outcomes and clauses are read once ({@link CommandScopedCache}): the
 * records of one step each add to the row, and what this class wrote is what the next record of the command adds to.
 * The row is locked by the command's first write to it, so no other transaction changes it meanwhile.
 */
@Component
public class AuditRequestIndex {

  private static final Logger LOG = LoggerFactory.getLogger(AuditRequestIndex.class);

  private final JdbcTemplate jdbc;
  private final HistoryService historyService;
  private final TransactionTemplate transaction;
  /** The sets of the requests the running command has read or written, by business key; null: no row yet. */
  private final CommandScopedCache<String, Sets> sets = new CommandScopedCache<>("audit_request outcomes and clauses");

  /** A row's outcomes and clauses, each as {@link #merge} writes them. */
  private record Sets(String outcomes, String clauses) {
  }

  AuditRequestIndex(JdbcTemplate jdbc, @Lazy HistoryService historyService,
      PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.historyService = historyService;
    this.transaction = new TransactionTemplate(transactionManager);
  }

  /**
   * Adds a record of a request to its row (creates the row with the first record). The caller holds the chain head's
   * lock, so two records of one request never race for the row.
   */
  void add(long recordId, AuditEntry entry, String classification) {
    Timestamp at = Timestamp.from(entry.occurredAt().toInstant());
    Sets row = sets.get(entry.businessKey(), this::read);
    if (row == null) {
      Sets added = new Sets(merge(null, entry.outcome()), merge(null, entry.clauses()));
      jdbc.update("""
          insert into audit_request (business_key, process_instance_id, flow_key, flow_version, requester,
            requester_name, department_code, classification, filed_at, last_record_id, last_step_name, last_outcome,
            last_at, record_count, outcomes, clauses)
          values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)
          """, entry.businessKey(), entry.processInstanceId(), entry.flowKey(), entry.flowVersion(),
          entry.requester(), Objects.equals(entry.actor(), entry.requester()) ? entry.actorName() : null,
          entry.departmentCode(), classification, at, recordId, entry.stepName(), entry.outcome(), at,
          added.outcomes(), added.clauses());
      sets.put(entry.businessKey(), added);
      return;
    }
    Sets updated = new Sets(merge(row.outcomes(), entry.outcome()), merge(row.clauses(), entry.clauses()));
    jdbc.update("""
        update audit_request set last_record_id = ?, last_step_name = ?, last_outcome = ?, last_at = ?,
          record_count = record_count + 1, classification = coalesce(?, classification),
          flow_version = coalesce(flow_version, ?), process_instance_id = coalesce(process_instance_id, ?),
          requester = coalesce(requester, ?), outcomes = ?, clauses = ?
         where business_key = ?
        """, recordId, entry.stepName(), entry.outcome(), at, classification, entry.flowVersion(),
        entry.processInstanceId(), entry.requester(), updated.outcomes(), updated.clauses(), entry.businessKey());
    sets.put(entry.businessKey(), updated);
  }

  /** The row's sets as stored; null when the request has no row yet. */
  private Sets read(String businessKey) {
    List<Map<String, Object>> rows = jdbc.queryForList(
        "select clauses, outcomes from audit_request where business_key = ?", businessKey);
    return rows.isEmpty() ? null
        : new Sets((String) rows.get(0).get("outcomes"), (String) rows.get(0).get("clauses"));
  }

  /**
   * A set of codes as one column: {@code ,3.2,5.1.4,} (so that {@code like '%,3.2,%'} finds a member), with the new
   * comma-separated values added in order, each once.
   */
  public static String merge(String set, String values) {
    Set<String> members = new LinkedHashSet<>();
    for (String text : new String[] {set, values}) {
      if (text != null) {
        for (String value : text.split(",")) {
          if (!value.isBlank()) {
            members.add(value.trim());
          }
        }
      }
    }
    return members.isEmpty() ? null : "," + String.join(",", members) + ",";
  }

  /** Adds the requests recorded before the index existed (idempotent: requests already in it are left alone). */
  @EventListener(ApplicationReadyEvent.class)
  public void addMissingRequests() {
    List<String> missing = jdbc.queryForList("""
        select distinct r.business_key from audit_record r
         where r.business_key is not null
           and not exists (select 1 from audit_request q where q.business_key = r.business_key)
        """, String.class);
    for (String businessKey : missing) {
      transaction.executeWithoutResult(status -> {
        // serialised with the live recording, which locks one of these heads
        jdbc.update("update audit_chain_head set last_id = last_id");
        if (jdbc.queryForObject("select count(*) from audit_request where business_key = ?", Integer.class,
            businessKey) > 0) {
          return;
        }
        List<AuditEntry> records = jdbc.query("select * from audit_record where business_key = ? order by id",
            AuditRecorder.ROW, businessKey);
        String classification = classification(records);
        for (AuditEntry record : records) {
          add(record.id(), record, classification);
        }
      });
    }
    if (!missing.isEmpty()) {
      LOG.info("audit search index: added {} requests recorded before it", missing.size());
    }
  }

  /** The request's process variable {@code classification}, while the engine's history still has it. */
  private String classification(List<AuditEntry> records) {
    String processInstanceId = records.stream().map(AuditEntry::processInstanceId).filter(Objects::nonNull)
        .findFirst().orElse(null);
    if (processInstanceId == null) {
      return null;
    }
    HistoricVariableInstance variable = historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId).variableName(AuditRecorder.CLASSIFICATION).disableCustomObjectDeserialization()
        .list().stream().findFirst().orElse(null);
    return variable != null && variable.getValue() instanceof String text ? text : null;
  }
}
