package jp.sample.isms.approval;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Request numbers {@code <PREFIX>-<yyyy>-<nnnn>}, unique under concurrency: one database sequence per prefix and year
 * ({@code request_no_to_2026}), created on first use in a transaction of its own. A sequence hands out numbers without
 * holding a lock until the filing commits, so concurrent filings do not queue behind each other; a filing that is
 * rolled back leaves a gap (numbers are unique and increasing, not gap-free).
 */
@Component
public class BusinessKeyGenerator {

  private final JdbcTemplate jdbc;
  private final TransactionTemplate separate;
  private final Set<String> created = ConcurrentHashMap.newKeySet();
  private volatile Boolean postgres;

  public BusinessKeyGenerator(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.separate = new TransactionTemplate(transactionManager);
    this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  public String next(String prefix, LocalDate today) {
    if (!prefix.matches("[A-Z]{1,8}")) {
      throw new IllegalArgumentException("request number prefix must be upper-case letters: " + prefix);
    }
    int year = today.getYear();
    String sequence = "request_no_" + prefix.toLowerCase(Locale.ROOT) + "_" + year;
    if (!created.contains(sequence)) {
      create(sequence);
    }
    Long value = jdbc.queryForObject(isPostgres() ? "select nextval('" + sequence + "')"
        : "select next value for " + sequence, Long.class);
    return String.format("%s-%d-%04d", prefix, year, value);
  }

  private void create(String sequence) {
    try {
      separate.executeWithoutResult(status -> jdbc.execute("create sequence if not exists " + sequence
          + " start with 1 increment by 1"));
    } catch (DataAccessException e) {
      // created at the same moment by another filing (PostgreSQL reports the race on its catalogue): it exists now
    }
    created.add(sequence);
  }

  private boolean isPostgres() {
    if (postgres == null) {
      postgres = Boolean.TRUE.equals(jdbc.execute((java.sql.Connection c) ->
          c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")));
    }
    return postgres;
  }
}
