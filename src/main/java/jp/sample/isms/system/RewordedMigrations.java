package jp.sample.isms.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Migrations whose comments were reworded after they had been applied: the SQL is the same, only the text and so
 * Flyway's checksum changed. Before Flyway validates the applied migrations, the checksum recorded for such a script
 * is moved from the old value to the new one: only where the recorded value is exactly the old one (any other
 * difference still fails validation, as Flyway would have it), and logged. {@code RewordedMigrationsIT} runs it on
 * PostgreSQL.
 */
@Component
class RewordedMigrations implements Callback {

  private static final Logger LOG = LoggerFactory.getLogger(RewordedMigrations.class);

  /** A script, the checksum Flyway recorded for its earlier wording and the checksum of the current one. */
  record Reworded(String version, String script, int oldChecksum, int newChecksum) {
  }

  static final List<Reworded> REWORDED = List.of(
      // the comment on top of the auditors' search index no longer names where the request for it came from
      new Reworded("11", "V11__audit_search.sql", -703366666, 1151002801));

  @Override
  public boolean supports(Event event, Context context) {
    return event == Event.BEFORE_VALIDATE;
  }

  @Override
  public boolean canHandleInTransaction(Event event, Context context) {
    return true;
  }

  @Override
  public void handle(Event event, Context context) {
    String table = context.getConfiguration().getTable();
    Connection connection = context.getConnection();
    try {
      if (!exists(connection, table)) {
        return;
      }
      try (PreparedStatement update = connection.prepareStatement("update \"" + table.replace("\"", "")
          + "\" set \"checksum\" = ? where \"version\" = ? and \"script\" = ? and \"checksum\" = ?")) {
        for (Reworded reworded : REWORDED) {
          update.setInt(1, reworded.newChecksum());
          update.setString(2, reworded.version());
          update.setString(3, reworded.script());
          update.setInt(4, reworded.oldChecksum());
          if (update.executeUpdate() > 0) {
            LOG.info("Migration {} ({}): reworded comment, recorded checksum {} updated to {}", reworded.version(),
                reworded.script(), reworded.oldChecksum(), reworded.newChecksum());
          }
        }
      }
    } catch (SQLException e) {
      throw new FlywayException("Could not update the checksums of reworded migrations in " + table, e);
    }
  }

  private static boolean exists(Connection connection, String table) throws SQLException {
    try (ResultSet tables = connection.getMetaData().getTables(null, null, table, null)) {
      return tables.next();
    }
  }

  @Override
  public String getCallbackName() {
    return "rewordedMigrations";
  }
}
