package jp.sample.isms.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import jp.sample.isms.IsmsApplication;
import jp.sample.isms.support.PostgresDatabase;

/** The postgres (production) profile refuses to start with the demo organisation unless explicitly asked. */
class ProductionStartupIT {

  static PostgresDatabase database;

  @BeforeAll
  static void createDatabase() {
    database = PostgresDatabase.create();
  }

  @AfterAll
  static void dropDatabase() {
    database.close();
  }

  @Test
  void refusesTheDemoOrganisationThenAcceptsItWhenAskedThenRefusesTheDemoPassword() {
    assertThatThrownBy(() -> start("--isms.demo.enabled=true")).hasStackTraceContaining(
        "demo organisation is enabled in production");

    try (ConfigurableApplicationContext context = start("--isms.demo.enabled=true",
        "--isms.demo.allow-in-production=true")) {
      assertThat(context.isActive()).isTrue();
    }

    // the demo users are now in the database with the published password: production must not start on them
    assertThatThrownBy(() -> start("--isms.demo.enabled=false")).hasStackTraceContaining(
        "still have the published demo password");
  }

  private static ConfigurableApplicationContext start(String... args) {
    String[] all = new String[args.length + 6];
    all[0] = "--ISMS_DB_URL=" + database.url();
    all[1] = "--ISMS_DB_USER=" + database.user();
    all[2] = "--ISMS_DB_PASSWORD=";
    all[3] = "--server.port=0";
    all[4] = "--camunda.bpm.job-execution.enabled=false";
    all[5] = "--isms.organisation.file=classpath:organisation/demo-organisation.yaml";
    System.arraycopy(args, 0, all, 6, args.length);
    return new SpringApplicationBuilder(IsmsApplication.class).profiles("postgres").run(all);
  }
}
