package jp.sample.isms.monitoring;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import jp.sample.isms.audit.AuditChain;

/**
 * The product's gauges: open requests per flow ({@code isms_requests_open{flow}}), overdue steps
 * ({@code isms_steps_overdue}), mails waiting in the outbox and mails given up ({@code isms_mail_outbox_backlog},
 * {@code isms_mail_failed}), and the decision record's chain as the last scheduled verification found it
 * ({@code isms_audit_chain_intact}: 1 intact, 0 broken, -1 not verified since start; with its time and size). One
 * snapshot of a few counting queries serves every gauge for {@code isms.metrics.refresh} (15 s), however often and by
 * however many scrapers they are read.
 */
@Component
class ProductMetrics {

  /** What the gauges show, as of {@code takenAt}. */
  record Snapshot(Instant takenAt, Map<String, Integer> openByFlow, int overdueSteps, int mailBacklog,
      int mailFailed) {
  }

  private final JdbcTemplate jdbc;
  private final AuditChain chain;
  private final MeterRegistry registry;
  private final Duration refresh;
  private final Set<String> flows = ConcurrentHashMap.newKeySet();
  private volatile Snapshot snapshot;

  ProductMetrics(JdbcTemplate jdbc, AuditChain chain, MeterRegistry registry,
      @Value("${isms.metrics.refresh:PT15S}") Duration refresh) {
    this.jdbc = jdbc;
    this.chain = chain;
    this.registry = registry;
    this.refresh = refresh;
    Gauge.builder("isms.steps.overdue", () -> snapshot().overdueSteps())
        .description("Open steps past their due date").register(registry);
    Gauge.builder("isms.mail.outbox.backlog", () -> snapshot().mailBacklog())
        .description("Mails waiting in the outbox to be sent").register(registry);
    Gauge.builder("isms.mail.failed", () -> snapshot().mailFailed())
        .description("Mails given up after their retries (see /api/mail/failed)").register(registry);
    Gauge.builder("isms.audit.chain.intact", () -> {
      AuditChain.Verification last = chain.lastScheduled();
      return last == null ? -1 : last.intact() ? 1 : 0;
    }).description("Last scheduled verification of the decision record's hash chain: 1 intact, 0 broken, -1 none yet")
        .register(registry);
    Gauge.builder("isms.audit.chain.verified", () -> {
      AuditChain.Verification last = chain.lastScheduled();
      return last == null ? Double.NaN : last.checkedAt().toEpochSecond();
    }).description("When the hash chain was last verified (Unix seconds)").baseUnit("seconds").register(registry);
    Gauge.builder("isms.audit.chain.records", () -> {
      AuditChain.Verification last = chain.lastScheduled();
      return last == null ? Double.NaN : last.recordsChecked();
    }).description("Records checked by the last verification of the hash chain").register(registry);
  }

  /**
   * Every deployed flow gets its gauge, also with no request open: at start, and for a flow deployed later within
   * ten minutes (never while a scrape reads the gauges).
   */
  @EventListener(ApplicationReadyEvent.class)
  @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT10M")
  void registerFlows() {
    jdbc.queryForList("select distinct KEY_ from ACT_RE_PROCDEF", String.class).forEach(this::flow);
  }

  private void flow(String key) {
    if (flows.add(key)) {
      Gauge.builder("isms.requests.open", () -> snapshot().openByFlow().getOrDefault(key, 0))
          .description("Requests (process instances) running, by flow").tag("flow", key).register(registry);
    }
  }

  /** The current snapshot, taken again when older than the refresh interval. */
  Snapshot snapshot() {
    Snapshot current = snapshot;
    if (current == null || current.takenAt().plus(refresh).isBefore(Instant.now())) {
      synchronized (this) {
        current = snapshot;
        if (current == null || current.takenAt().plus(refresh).isBefore(Instant.now())) {
          current = take();
          snapshot = current;
        }
      }
    }
    return current;
  }

  private Snapshot take() {
    Instant now = Instant.now();
    Map<String, Integer> open = new HashMap<>();
    jdbc.query("""
        select d.KEY_, count(*) from ACT_RU_EXECUTION e join ACT_RE_PROCDEF d on d.ID_ = e.PROC_DEF_ID_
         where e.ID_ = e.PROC_INST_ID_ group by d.KEY_
        """, rs -> {
          open.put(rs.getString(1), rs.getInt(2));
        });
    int overdue = jdbc.queryForObject("select count(*) from ACT_RU_TASK where DUE_DATE_ < ?", Integer.class,
        Timestamp.from(now));
    int backlog = jdbc.queryForObject("select count(*) from mail_outbox where status in ('PENDING', 'SENDING')",
        Integer.class);
    int failed = jdbc.queryForObject("select count(*) from mail_outbox where status = 'FAILED'", Integer.class);
    return new Snapshot(now, Map.copyOf(open), overdue, backlog, failed);
  }
}
