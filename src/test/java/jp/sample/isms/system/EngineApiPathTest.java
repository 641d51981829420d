package jp.sample.isms.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The engine API path as the REST API resolves it, whatever the spelling; an attacker's spelling is refused. */
class EngineApiPathTest {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
      "/engine-rest/task/42/variables,                                 /task/42/variables",
      "/engine-rest/engine/default/task/42/variables,                  /task/42/variables",
      "/camunda/api/engine/engine/default/task/42/variables,           /task/42/variables",
      "/engine-rest/task;x/42;y/variables;z,                           /task/42/variables",
      "/engine-rest;a/task/42/attachment;x/7,                          /task/42/attachment/7",
      "/engine-rest//task//42///variables/,                            /task/42/variables",
      "/engine-rest/task/42/%76ariables,                               /task/42/variables",
      "/camunda/api/engine/engine/default/process-definition/statistics, /process-definition/statistics",
      "/camunda/api/engine/engine/,                                    /engine",
      "/engine-rest/engine,                                            /engine",
      "/engine-rest,                                                   /",
      "/engine-rest/Task/42/Variables,                                 /Task/42/Variables"})
  void normalises(String uri, String operation) throws Exception {
    assertThat(EngineApiPath.of("", uri).path()).isEqualTo(operation);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/engine-rest/task/42/../43/variables", "/engine-rest/task/./42/variables",
      "/engine-rest/task/42/%2e%2e/variables", "/engine-rest/task/42/%252e%252e/variables",
      "/engine-rest/task/42/%2576ariables", "/engine-rest/task/42%2Fvariables", "/engine-rest/task/42%5Cvariables",
      "/engine-rest/task/42%3Bx/variables", "/engine-rest/task/42/variables%00", "/engine-rest/task/42/%zz",
      "/engine-rest/task/42/%7", "/engine-rest/task/42/%C3%28", "/engine-rest/task/42/ü"})
  void refusesWhatOnlyAnAttackerSends(String uri) {
    assertThatThrownBy(() -> EngineApiPath.of("", uri)).isInstanceOf(EngineApiPath.Unacceptable.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/requests", "/camunda/app/tasklist/default/", "/camunda/api/admin/auth/user/default"})
  void otherPathsAreNotTheEngineApi(String uri) throws Exception {
    assertThat(EngineApiPath.of("", uri)).isNull();
  }

  @ParameterizedTest
  @CsvSource({"/isms, /isms/engine-rest/task, /task", "'', /engine-rest/task, /task"})
  void theContextPathIsNotPartOfTheOperation(String contextPath, String uri, String operation) throws Exception {
    assertThat(EngineApiPath.of(contextPath, uri).path()).isEqualTo(operation);
  }
}
