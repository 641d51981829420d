package jp.sample.isms.system;

import java.util.List;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
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

  ProductionSafetyCheck(IsmsProperties properties, JdbcTemplate jdbc, ProcessEngineConfigurationImpl engineConfiguration) {
    this.properties = properties;
    this.jdbc = jdbc;
    this.engineConfiguration = engineConfiguration;
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

  private List<String> usersWithPassword(String password) {
    if (password == null || password.isEmpty()) {
      return List.of();
    }
    return jdbc.query("select ID_, PWD_, SALT_ from ACT_ID_USER", (rs, i) -> {
      String hash = rs.getString("PWD_");
      boolean matches = hash != null && engineConfiguration.getPasswordManager()
          .check(EncryptionUtil.saltPassword(password, rs.getString("SALT_")), hash);
      return matches ? rs.getString("ID_") : null;
    }).stream().filter(id -> id != null).toList();
  }
}
