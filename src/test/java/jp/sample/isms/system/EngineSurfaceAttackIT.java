package jp.sample.isms.system;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import jp.sample.isms.IsmsApplication;
import jp.sample.isms.support.PostgresDatabase;

/** {@link EngineSurfaceAttacks} against the production profile on PostgreSQL. */
@Tag("postgres")
class EngineSurfaceAttackIT extends EngineSurfaceAttacks {

  static PostgresDatabase database;
  static ConfigurableApplicationContext context;

  @BeforeAll
  static void start() {
    database = PostgresDatabase.create();
    context = new SpringApplicationBuilder(IsmsApplication.class).profiles("postgres").run(
        "--ISMS_DB_URL=" + database.url(), "--ISMS_DB_USER=" + database.user(), "--ISMS_DB_PASSWORD=",
        "--server.port=0", "--camunda.bpm.job-execution.enabled=false",
        // a test installation: the demo organisation is asked for explicitly
        "--isms.demo.enabled=true", "--isms.demo.allow-in-production=true");
  }

  @AfterAll
  static void stop() {
    if (context != null) {
      context.close();
    }
    if (database != null) {
      database.close();
    }
  }

  @Override
  ProcessEngine engine() {
    return context.getBean(ProcessEngine.class);
  }

  @Override
  JdbcTemplate jdbc() {
    return context.getBean(JdbcTemplate.class);
  }

  @Override
  String baseUrl() {
    return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
  }
}
