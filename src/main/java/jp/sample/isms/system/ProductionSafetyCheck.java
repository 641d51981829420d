package jp.sample.isms.system;

import java.util.List;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;

import jp.sample.isms.organisation.OrganisationImporter;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Refuses to start a production installation that carries the demo organisation or a user whose password is still
 * the published demo password, unless the operator has said so explicitly ({@code isms.demo.allow-in-production}).
 */
@Component
class ProductionSafetyCheck {

  private final IsmsProperties properties;
  private final JdbcTemplate jdbc;
  private final ProcessEngineConfigurationImpl engineConfiguration;
  private final ResourceLoader resourceLoader;

  ProductionSafetyCheck(IsmsProperties properties, JdbcTemplate jdbc, ProcessEngineConfigurationImpl engineConfiguration,
      ResourceLoader resourceLoader) {
    this.properties = properties;
    this.jdbc = jdbc;
    this.engineConfiguration = engineConfiguration;
    this.resourceLoader = resourceLoader;
  }

  void check() {
    if (!properties.isProduction() || properties.demo().allowInProduction()) {
      return;
    }
    if (properties.demo().enabled()) {
      throw new IllegalStateException("本番環境 (isms.environment=production) ではデモ組織を読み込めません。"
          + " Refusing to start: the demo organisation is enabled in production."
          + " Set isms.demo.enabled=false, or isms.demo.allow-in-production=true for a test installation.");
    }
    List<String> usersWithDefaultPassword = usersWithPassword(properties.demo().password());
    if (!usersWithDefaultPassword.isEmpty()) {
      throw new IllegalStateException("本番環境で既定のパスワードのままのユーザーがいます: " + usersWithDefaultPassword
          + ". Refusing to start: these users still have the published demo password."
          + " Change their passwords, or set isms.demo.allow-in-production=true for a test installation.");
    }
  }

  /**
   * The demo users and the administrators still on {@code password}. Checking every user would cost a bcrypt
   * comparison each: these are the accounts whose default password is published or most dangerous.
   */
  private List<String> usersWithPassword(String password) {
    if (password == null || password.isEmpty()) {
      return List.of();
    }
    java.util.Set<String> candidates = new java.util.HashSet<>(OrganisationImporter.personIds(
        resourceLoader.getResource(properties.demo().organisationFile())));
    candidates.addAll(jdbc.queryForList("select USER_ID_ from ACT_ID_MEMBERSHIP where GROUP_ID_ = 'camunda-admin'",
        String.class));
    return jdbc.query("select ID_, PWD_, SALT_ from ACT_ID_USER", (rs, i) -> {
      if (!candidates.contains(rs.getString("ID_"))) {
        return null;
      }
      String hash = rs.getString("PWD_");
      boolean matches = hash != null && engineConfiguration.getPasswordManager()
          .check(EncryptionUtil.saltPassword(password, rs.getString("SALT_")), hash);
      return matches ? rs.getString("ID_") : null;
    }).stream().filter(id -> id != null).toList();
  }
}
