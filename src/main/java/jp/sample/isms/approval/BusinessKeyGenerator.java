package jp.sample.isms.approval;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Request numbers {@code <PREFIX>-<yyyy>-<nnnn>}, unique under concurrency: one database sequence per prefix and year
 * ({@code request_no_to_2026}), created at start-up for this year and the next, otherwise on first use. A sequence hands out numbers without
 * holding a lock until the filing commits, so concurrent filings do not queue behind each other; a filing that is
 * rolled back leaves a gap (numbers are unique and increasing, not gap-free).
 *
 * <p>On PostgreSQL a sequence created on first use is created in a savepoint of the filing's own transaction, never on
 * a second connection: fifty first filings at once would otherwise each hold one pooled connection while waiting for
 * another, and starve the pool (measured in the load test, docs/performance.md). H2 commits DDL implicitly, so there
 * the creation runs in a transaction of its own.
 */
@Component
public class BusinessKeyGenerator {

  private final JdbcTemplate jdbc;
  private final TransactionTemplate separate;
  private final TransactionTemplate savepoint;
  private final ObjectProvider<RequestFlow> flows;
  private final Set<String> created = ConcurrentHashMap.newKeySet();
  private final jp.sample.isms.DatabaseVendor database;
  private final java.time.Clock clock;

  public BusinessKeyGenerator(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
      ObjectProvider<RequestFlow> flows, jp.sample.isms.DatabaseVendor database, java.time.Clock clock) {
    this.clock = clock;
    this.jdbc = jdbc;
    this.database = database;
    this.flows = flows;
    this.separate = new TransactionTemplate(transactionManager);
    this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.savepoint = new TransactionTemplate(transactionManager);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  /** Creates this year's and next year's sequences before the first filing arrives. */
  @EventListener(ApplicationReadyEvent.class)
  public void prepareSequences() {
    int year = LocalDate.now(clock).getYear();
    flows.orderedStream().map(RequestFlow::businessKeyPrefix).distinct().forEach(prefix -> {
      create(sequenceName(prefix, year));
      create(sequenceName(prefix, year + 1));
    });
  }

  private static String sequenceName(String prefix, int year) {
    return "request_no_" + prefix.toLowerCase(Locale.ROOT) + "_" + year;
  }

  public String next(String prefix, LocalDate today) {
    if (!prefix.matches("[A-Z]{1,8}")) {
      throw new IllegalArgumentException("request number prefix must be upper-case letters: " + prefix);
    }
    int year = today.getYear();
    String sequence = sequenceName(prefix, year);
    if (!created.contains(sequence)) {
      create(sequence);
    }
    Long value = jdbc.queryForObject(database.isPostgres() ? "select nextval('" + sequence + "')"
        : "select next value for " + sequence, Long.class);
    return String.format("%s-%d-%04d", prefix, year, value);
  }

  private void create(String sequence) {
    try {
      (database.isPostgres() ? savepoint : separate).executeWithoutResult(status ->
          jdbc.execute("create sequence if not exists " + sequence + " start with 1 increment by 1"));
    } catch (DataAccessException e) {
      // created at the same moment by another filing (PostgreSQL reports the race on its catalogue): it exists now
    }
    if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
      // created in the filing's savepoint: it exists for everyone only once the filing commits
      org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
          new org.springframework.transaction.support.TransactionSynchronization() {
            @Override
            public void afterCommit() {
              created.add(sequence);
            }
          });
    } else {
      created.add(sequence);
    }
  }
}
