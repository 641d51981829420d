package jp.sample.isms.system;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.support.DemoOrganisation;

/**
 * The check the start-up runs first (SystemInitializer): production refuses the demo organisation and the published
 * demo password. The refusal of a real start on PostgreSQL is in ProductionStartupIT.
 */
@IsmsSpringBootTest
class ProductionSafetyCheckTest {

  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  ProcessEngineConfigurationImpl engineConfiguration;
  @Autowired
  org.springframework.core.io.ResourceLoader resourceLoader;

  @Test
  void productionWithTheDemoOrganisationIsRefused() {
    assertThatThrownBy(() -> check("production", true, false).check())
        .hasMessageContaining("demo organisation is enabled in production");
  }

  @Test
  void productionWithAUserOnThePublishedPasswordIsRefused() {
    // the demo users of this context all still have the published demo password
    assertThatThrownBy(() -> check("production", false, false).check())
        .hasMessageContaining("still have the published demo password").hasMessageContaining(DemoOrganisation.DESIGN_EMPLOYEE);
  }

  @Test
  void productionIsAllowedOnlyWhenExplicitlyAsked() {
    assertThatCode(() -> check("production", true, true).check()).doesNotThrowAnyException();
  }

  @Test
  void theDemoRunIsNotProduction() {
    assertThatCode(() -> check("demo", true, false).check()).doesNotThrowAnyException();
  }

  @Test
  void aPasswordOtherThanTheDemoOnePasses() {
    ProductionSafetyCheck check = new ProductionSafetyCheck(properties("production", false, false, "Other-2026!"),
        jdbc, engineConfiguration, resourceLoader);
    assertThatCode(check::check).doesNotThrowAnyException();
  }

  private ProductionSafetyCheck check(String environment, boolean demo, boolean allow) {
    return new ProductionSafetyCheck(properties(environment, demo, allow, DemoOrganisation.PASSWORD), jdbc, engineConfiguration,
        resourceLoader);
  }

  private static IsmsProperties properties(String environment, boolean demo, boolean allow, String password) {
    return new IsmsProperties(environment, new IsmsProperties.Demo(demo, password, allow, "classpath:organisation/demo-organisation.yaml"),
        new IsmsProperties.Organisation(""), new IsmsProperties.Mail("log", "x@example.com"),
        new IsmsProperties.Tasklist("http://localhost/"));
  }

}
