package jp.sample.isms.system;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import jp.sample.isms.support.PostgresApplication;

/** {@link EngineSurfaceAttacks} against the production profile on PostgreSQL. */
@Tag("postgres")
class EngineSurfaceAttackIT extends EngineSurfaceAttacks {

  static PostgresApplication application;
  static ConfigurableApplicationContext context;

  @BeforeAll
  static void start() {
    application = PostgresApplication.start();
    context = application.context();
  }

  @AfterAll
  static void stop() {
    if (application != null) {
      application.close();
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
