package jp.sample.isms.support;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import jp.sample.isms.IsmsApplication;

/**
 * The whole application in the production profile on a throw-away PostgreSQL database, with the demo organisation
 * asked for explicitly (a test installation), a random port and no job executor (timers are fired by hand). Closing
 * it stops the application and drops the database.
 */
public final class PostgresApplication implements AutoCloseable {

  private final PostgresDatabase database;
  private final ConfigurableApplicationContext context;

  private PostgresApplication(PostgresDatabase database, ConfigurableApplicationContext context) {
    this.database = database;
    this.context = context;
  }

  /** Creates the database and starts the application on it; {@code arguments} are added to the command line. */
  public static PostgresApplication start(String... arguments) {
    PostgresDatabase database = PostgresDatabase.create();
    try {
      String[] common = {"--ISMS_DB_URL=" + database.url(), "--ISMS_DB_USER=" + database.user(),
          "--ISMS_DB_PASSWORD=", "--server.port=0", "--camunda.bpm.job-execution.enabled=false",
          "--isms.demo.enabled=true", "--isms.demo.allow-in-production=true"};
      String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(common), java.util.Arrays.stream(arguments))
          .toArray(String[]::new);
      return new PostgresApplication(database,
          new SpringApplicationBuilder(IsmsApplication.class).profiles("postgres").run(all));
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  public ConfigurableApplicationContext context() {
    return context;
  }

  public PostgresDatabase database() {
    return database;
  }

  @Override
  public void close() {
    try {
      context.close();
    } finally {
      database.close();
    }
  }
}
