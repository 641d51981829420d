package jp.sample.isms;

import java.util.Locale;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which database the product runs on, for the few statements that differ (sequences, {@code ON CONFLICT}): read once
 * from the connection's metadata.
 */
@Component
public class DatabaseVendor {

  private final JdbcTemplate jdbc;
  private volatile Boolean postgres;

  public DatabaseVendor(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public boolean isPostgres() {
    if (postgres == null) {
      postgres = Boolean.TRUE.equals(jdbc.execute((java.sql.Connection c) ->
          c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")));
    }
    return postgres;
  }
}
