package jp.sample.isms.approval;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import jp.sample.isms.IsmsApplication;
import jp.sample.isms.support.PostgresDatabase;

/** The kernel's integrity against whatever reached the engine, on PostgreSQL (the production profile). */
@Tag("postgres")
class KernelIntegrityIT extends KernelIntegrityScenarios {

  static PostgresDatabase database;
  static ConfigurableApplicationContext context;

  @BeforeAll
  static void start() {
    database = PostgresDatabase.create();
    context = new SpringApplicationBuilder(IsmsApplication.class).profiles("postgres").run(
        "--ISMS_DB_URL=" + database.url(), "--ISMS_DB_USER=" + database.user(), "--ISMS_DB_PASSWORD=",
        "--server.port=0", "--camunda.bpm.job-execution.enabled=false",
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
  ApplicationContext application() {
    return context;
  }
}
