package jp.sample.isms.system;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import jp.sample.isms.IsmsSpringBootTest;

/** {@link RestFlowAttacks} with the product's passwords, against the application on H2. */
@IsmsSpringBootTest
class RestFlowAttackTest extends RestFlowAttacks {

  @Autowired
  ProcessEngine engine;
  @LocalServerPort
  int port;

  @Override
  ProcessEngine engine() {
    return engine;
  }

  @Override
  String baseUrl() {
    return "http://localhost:" + port;
  }
}
