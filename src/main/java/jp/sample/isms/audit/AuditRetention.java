package jp.sample.isms.audit;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The retention period of the decision record ({@code isms.audit.retention}, default {@code P7Y}). The records are in
 * the application's own table, which the engine's history cleanup does not touch, and the application deletes none:
 * the period says how long they must at least be kept, and a record older than it may be archived by the database
 * administrator (outside the application; the hash chain must then be verified and archived with it). What the engine
 * keeps of a request (path, attachments such as certificates of destruction) lives only for its flow's
 * {@code historyTimeToLive}; a flow whose time to live is shorter than the retention is reported at start.
 */
@Component
public class AuditRetention {

  private static final Logger LOG = LoggerFactory.getLogger(AuditRetention.class);

  /** The retention, how many records are older than it, and flows whose engine history goes earlier. */
  public record Status(String retention, long retentionDays, OffsetDateTime oldestRecordAt, long records,
      long recordsBeyondRetention, List<String> flowsWithShorterHistory) {
  }

  private final Period retention;
  private final JdbcTemplate jdbc;
  private final RepositoryService repositoryService;
  private final ZoneId zone;

  AuditRetention(@Value("${isms.audit.retention:P7Y}") Period retention, JdbcTemplate jdbc,
      RepositoryService repositoryService, ZoneId zone) {
    this.zone = zone;
    if (retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("isms.audit.retention must be a positive period such as P7Y: " + retention);
    }
    this.retention = retention;
    this.jdbc = jdbc;
    this.repositoryService = repositoryService;
  }

  public Period retention() {
    return retention;
  }

  public Status status() {
    LocalDate today = LocalDate.now(zone);
    OffsetDateTime limit = today.minus(retention).atStartOfDay(zone).toOffsetDateTime();
    Timestamp oldest = jdbc.queryForObject("select min(occurred_at) from audit_record", Timestamp.class);
    Long records = jdbc.queryForObject("select count(*) from audit_record", Long.class);
    Long beyond = jdbc.queryForObject("select count(*) from audit_record where occurred_at < ?", Long.class,
        Timestamp.from(limit.toInstant()));
    return new Status(retention.toString(), days(today), oldest == null ? null
        : oldest.toInstant().atZone(zone).toOffsetDateTime(), records == null ? 0 : records,
        beyond == null ? 0 : beyond, flowsWithShorterHistory(today));
  }

  /** Warns once at start about flows whose engine history is cleaned up before the record's retention ends. */
  @EventListener(ApplicationReadyEvent.class)
  public void checkHistoryTimeToLive() {
    List<String> shorter = flowsWithShorterHistory(LocalDate.now(zone));
    if (!shorter.isEmpty()) {
      LOG.warn("audit retention {} ({} days) is longer than the engine history of {}: their path and attachments "
          + "(certificates) are cleaned up before their audit records may be", retention,
          days(LocalDate.now(zone)), shorter);
    }
  }

  private List<String> flowsWithShorterHistory(LocalDate today) {
    long days = days(today);
    List<String> shorter = new ArrayList<>();
    for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery().latestVersion().list()) {
      Integer ttl = definition.getHistoryTimeToLive();
      if (ttl != null && ttl < days) {
        shorter.add(definition.getKey() + " (historyTimeToLive " + ttl + ")");
      }
    }
    return shorter;
  }

  private long days(LocalDate today) {
    return ChronoUnit.DAYS.between(today, today.plus(retention));
  }
}
