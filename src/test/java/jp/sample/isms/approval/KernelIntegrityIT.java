package jp.sample.isms.approval;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import jp.sample.isms.support.PostgresApplication;

/** The kernel's integrity against whatever reached the engine, on PostgreSQL (the production profile). */
@Tag("postgres")
class KernelIntegrityIT extends KernelIntegrityScenarios {

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
  ApplicationContext application() {
    return context;
  }
}
