package jp.sample.isms.approval;

import java.time.LocalDate;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Request numbers {@code <PREFIX>-<yyyy>-<nnnn>}, unique under concurrency: the counter row is incremented with an
 * UPDATE, which holds its row lock until the filing commits, so a concurrent filing waits for the next number.
 */
@Component
public class BusinessKeyGenerator {

  private final JdbcTemplate jdbc;

  public BusinessKeyGenerator(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public String next(String prefix, LocalDate today) {
    int year = today.getYear();
    for (int attempt = 0; attempt < 3; attempt++) {
      if (jdbc.update("update approval_key_counter set last_value = last_value + 1 where prefix = ? and key_year = ?",
          prefix, year) == 1) {
        Integer value = jdbc.queryForObject(
            "select last_value from approval_key_counter where prefix = ? and key_year = ?", Integer.class, prefix, year);
        return format(prefix, year, value);
      }
      try {
        jdbc.update("insert into approval_key_counter (prefix, key_year, last_value) values (?, ?, 1)", prefix, year);
        return format(prefix, year, 1);
      } catch (DuplicateKeyException e) {
        // another filing created this year's row first: take the next number from it
      }
    }
    throw new IllegalStateException("no request number for " + prefix + "-" + year);
  }

  private static String format(String prefix, int year, int value) {
    return String.format("%s-%d-%04d", prefix, year, value);
  }
}
