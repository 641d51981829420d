package jp.sample.isms.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A throw-away database on the PostgreSQL server of the machine (127.0.0.1:5432, trust auth, see .ci/run): created for
 * one test class and dropped after it. Override the server with ISMS_IT_PG_URL / ISMS_IT_PG_USER.
 */
public final class PostgresDatabase implements AutoCloseable {

  private static final String SERVER = env("ISMS_IT_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
  private static final String USER = env("ISMS_IT_PG_USER", "postgres");

  private final String name;
  private final boolean owned;

  private PostgresDatabase(String name, boolean owned) {
    this.name = name;
    this.owned = owned;
  }

  /** A database that exists already (e.g. one a benchmark kept); {@link #close()} leaves it in place. */
  public static PostgresDatabase existing(String name) {
    if (!name.matches("[a-z0-9_]+")) {
      throw new IllegalArgumentException("not a database name: " + name);
    }
    return new PostgresDatabase(name, false);
  }

  public static PostgresDatabase create() {
    String name = "isms_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    execute("create database " + name);
    return new PostgresDatabase(name, true);
  }

  public String url() {
    return SERVER.substring(0, SERVER.lastIndexOf('/') + 1) + name;
  }

  public String user() {
    return USER;
  }

  public String name() {
    return name;
  }

  @Override
  public void close() {
    if (!owned) {
      return;
    }
    execute("drop database if exists " + name + " with (force)");
  }

  private static void execute(String sql) {
    try (Connection connection = DriverManager.getConnection(SERVER, USER, "");
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL at " + SERVER + " refused: " + sql, e);
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
