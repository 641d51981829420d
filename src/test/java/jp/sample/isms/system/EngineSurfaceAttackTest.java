package jp.sample.isms.system;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import jp.sample.isms.IsmsSpringBootTest;

/** {@link EngineSurfaceAttacks} against the application on H2. */
@IsmsSpringBootTest
class EngineSurfaceAttackTest extends EngineSurfaceAttacks {

  @Autowired
  ProcessEngine engine;
  @Autowired
  JdbcTemplate jdbc;
  @LocalServerPort
  int port;

  @Override
  ProcessEngine engine() {
    return engine;
  }

  @Override
  JdbcTemplate jdbc() {
    return jdbc;
  }

  @Override
  String baseUrl() {
    return "http://localhost:" + port;
  }
}
