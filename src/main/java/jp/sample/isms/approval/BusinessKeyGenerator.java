package jp.sample.isms.approval;

import java.time.LocalDate;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Request numbers {@code <PREFIX>-<yyyy>-<nnnn>}, unique under concurrency: the counter row is incremented with an
 * UPDATE, which holds its row lock until the filing commits, so a concurrent filing waits for the next number. The
 * year's row is created beforehand in a transaction of its own, so that two first filings of a year never abort the
 * filing's transaction over the duplicate row (PostgreSQL aborts a transaction on any failed statement).
 */
@Component
public class BusinessKeyGenerator {

  private final JdbcTemplate jdbc;
  private final TransactionTemplate separate;

  public BusinessKeyGenerator(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.separate = new TransactionTemplate(transactionManager);
    this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  public String next(String prefix, LocalDate today) {
    int year = today.getYear();
    if (jdbc.update("update approval_key_counter set last_value = last_value + 1 where prefix = ? and key_year = ?",
        prefix, year) == 0) {
      createYear(prefix, year);
      if (jdbc.update("update approval_key_counter set last_value = last_value + 1 where prefix = ? and key_year = ?",
          prefix, year) == 0) {
        throw new IllegalStateException("no request number for " + prefix + "-" + year);
      }
    }
    Integer value = jdbc.queryForObject(
        "select last_value from approval_key_counter where prefix = ? and key_year = ?", Integer.class, prefix, year);
    return String.format("%s-%d-%04d", prefix, year, value);
  }

  private void createYear(String prefix, int year) {
    try {
      separate.executeWithoutResult(status -> jdbc.update("""
          insert into approval_key_counter (prefix, key_year, last_value)
          select ?, ?, 0 from (values (1)) as one (x)
           where not exists (select 1 from approval_key_counter where prefix = ? and key_year = ?)
          """, prefix, year, prefix, year));
    } catch (DataIntegrityViolationException e) {
      // another filing created the year's row at the same moment: it is there now
    }
  }
}
