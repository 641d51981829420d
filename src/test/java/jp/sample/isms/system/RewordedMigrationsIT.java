package jp.sample.isms.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import jp.sample.isms.support.PostgresDatabase;

/**
 * An installation whose schema history recorded a migration under its earlier wording starts with the reworded
 * script: the recorded checksum is moved to the new one by the application's Flyway callback. Any other checksum
 * still fails validation and is left as it is.
 */
@Tag("postgres")
class RewordedMigrationsIT {

  private static final RewordedMigrations.Reworded V11 = RewordedMigrations.REWORDED.get(0);

  PostgresDatabase database;

  @BeforeEach
  void migrateAsTheApplicationDoes() throws SQLException {
    database = PostgresDatabase.create();
    flyway().load().migrate();
    // the checksum the callback moves to is the one Flyway computes for the script as it is now
    assertThat(recordedChecksum()).isEqualTo(V11.newChecksum());
  }

  @AfterEach
  void dropDatabase() {
    database.close();
  }

  @Test
  void anInstallationMigratedWithTheEarlierWordingStartsAndItsChecksumIsUpdated() throws Exception {
    setRecordedChecksum(V11.oldChecksum());
    // without the callback, Flyway refuses this installation
    assertThatThrownBy(() -> flyway().load().validate()).hasMessageContaining("checksum mismatch");

    ProductionStartupIT.Started started = ProductionStartupIT.start(database, "--isms.demo.enabled=true",
        "--isms.demo.allow-in-production=true");

    assertThat(started.ready()).as(started.output()).isTrue();
    assertThat(started.output()).contains("Migration 11 (V11__audit_search.sql): reworded comment, recorded checksum "
        + V11.oldChecksum() + " updated to " + V11.newChecksum());
    assertThat(recordedChecksum()).isEqualTo(V11.newChecksum());
  }

  @Test
  void anyOtherChecksumStillFailsValidationAndIsLeftAsItIs() throws SQLException {
    int tampered = V11.oldChecksum() + 1;
    setRecordedChecksum(tampered);

    assertThatThrownBy(() -> flyway().callbacks(new RewordedMigrations()).load().validate())
        .hasMessageContaining("checksum mismatch");

    assertThat(recordedChecksum()).isEqualTo(tampered);
  }

  @Test
  void anUpToDateInstallationIsNotTouched() throws SQLException {
    flyway().callbacks(new RewordedMigrations()).load().validate();
    assertThat(recordedChecksum()).isEqualTo(V11.newChecksum());
  }

  /** Flyway as application.yaml configures it for PostgreSQL. */
  private FluentConfiguration flyway() {
    return Flyway.configure().dataSource(database.url(), database.user(), "").table("isms_schema_history")
        .baselineOnMigrate(true).baselineVersion("0").outOfOrder(true)
        .locations("classpath:db/migration", "classpath:db/vendor/postgresql");
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(database.url(), database.user(), "");
  }

  private int recordedChecksum() throws SQLException {
    try (Connection connection = connect();
        PreparedStatement query = connection.prepareStatement(
            "select checksum from isms_schema_history where version = ? and script = ?")) {
      query.setString(1, V11.version());
      query.setString(2, V11.script());
      try (ResultSet row = query.executeQuery()) {
        assertThat(row.next()).isTrue();
        return row.getInt(1);
      }
    }
  }

  private void setRecordedChecksum(int checksum) throws SQLException {
    try (Connection connection = connect();
        PreparedStatement update = connection.prepareStatement(
            "update isms_schema_history set checksum = ? where version = ? and script = ?")) {
      update.setInt(1, checksum);
      update.setString(2, V11.version());
      update.setString(3, V11.script());
      assertThat(update.executeUpdate()).isEqualTo(1);
    }
  }
}
