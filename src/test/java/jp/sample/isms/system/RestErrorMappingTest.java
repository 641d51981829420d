package jp.sample.isms.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.CannotCreateTransactionException;

/** A database that is away or saturated is a 503 with Retry-After, never a 500 the client cannot act on. */
class RestErrorMappingTest {

  @Test
  void poolTimeoutBecomes503WithRetryAfter() {
    var cause = new CannotCreateTransactionException("Could not open JDBC Connection",
        new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 3000ms"));
    var response = RestErrorMapping.ConflictAwareExceptionMapper.conflictOrGone(new ProcessEngineException("wrapped", cause));

    assertThat(response).isNotNull();
    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getHeaderString("Retry-After")).isEqualTo("5");
    assertThat((String) ((Map<?, ?>) response.getEntity()).get("message")).contains("データベースに接続できません");
  }

  @Test
  void unwrappedTransactionFailureFromTheRestLayerIsAlso503() {
    var response = new RestErrorMapping.DatabaseUnavailableMapper().toResponse(
        new CannotCreateTransactionException("Could not open JDBC Connection for transaction"));
    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getHeaderString("Retry-After")).isEqualTo("5");
  }

  @Test
  void unrelatedEngineErrorsAreLeftToTheDefaultMapping() {
    assertThat(RestErrorMapping.ConflictAwareExceptionMapper.conflictOrGone(new ProcessEngineException("boom"))).isNull();
  }

  @Test
  void aConnectionTheServerTerminatedIsAlso503() {
    // PostgreSQL stopped under a running statement: SQL state 57P01 inside the engine's persistence exception
    var terminated = new java.sql.SQLException("FATAL: terminating connection due to administrator command", "57P01");
    var persistence = new org.camunda.bpm.engine.ProcessEnginePersistenceException(
        "An exception occurred in the persistence layer", new RuntimeException("mybatis", terminated));
    var rest = new org.camunda.bpm.engine.rest.exception.RestException(jakarta.ws.rs.core.Response.Status.INTERNAL_SERVER_ERROR,
        persistence, "Cannot instantiate process definition takeOut:1:x");

    var response = new RestErrorMapping.ConflictAwareExceptionMapper().toResponse(rest);

    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getHeaderString("Retry-After")).isEqualTo("5");
  }

  @Test
  void aRefusedOrClosedConnectionIs503AndOtherDatabaseErrorsAreNot() {
    assertThat(DatabaseUnavailable.causedBy(new java.sql.SQLException("Connection to localhost:5432 refused", "08001")))
        .isTrue();
    assertThat(DatabaseUnavailable.causedBy(new java.sql.SQLException("Connection is closed", "08003"))).isTrue();
    assertThat(DatabaseUnavailable.causedBy(new org.springframework.dao.DataAccessResourceFailureException("x",
        new java.sql.SQLException("the database system is starting up", "57P03")))).isTrue();
    // a unique violation or a syntax error is the application's fault, not an outage
    assertThat(DatabaseUnavailable.causedBy(new java.sql.SQLException("duplicate key", "23505"))).isFalse();
    assertThat(DatabaseUnavailable.causedBy(new java.sql.SQLException("syntax error", "42601"))).isFalse();
    assertThat(new RestErrorMapping.DataAccessFailureMapper().toResponse(
        new org.springframework.dao.DuplicateKeyException("duplicate key")).getStatus()).isEqualTo(500);
  }

  @Test
  void theAuthenticationFilterFailingOnTheDatabaseIs503NotA500() throws Exception {
    var request = new org.springframework.mock.web.MockHttpServletRequest("POST", "/engine-rest/task/1/submit-form");
    var response = new org.springframework.mock.web.MockHttpServletResponse();
    // as HttpBasicAuthenticationProvider fails when the pool gives no connection
    jakarta.servlet.FilterChain failing = (req, res) -> {
      throw new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
          new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 2000ms"));
    };

    new DatabaseUnavailable.Answer503().doFilter(request, response, failing);

    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getHeader("Retry-After")).isEqualTo("5");
    assertThat(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("データベースに接続できません");
  }

  @Test
  void otherFailuresPassThroughTheFilter() {
    var request = new org.springframework.mock.web.MockHttpServletRequest("GET", "/engine-rest/task");
    var response = new org.springframework.mock.web.MockHttpServletResponse();
    jakarta.servlet.FilterChain failing = (req, res) -> {
      throw new IllegalStateException("boom");
    };
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> new DatabaseUnavailable.Answer503().doFilter(request, response, failing))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aRollbackOnABrokenConnectionIs503() {
    // as TransactionTemplate reports it: the rollback failed on the pool's closed connection, overriding the reason
    var rollback = new org.springframework.transaction.TransactionSystemException("JDBC rollback failed",
        new java.sql.SQLException("Connection is closed"));
    assertThat(DatabaseUnavailable.causedBy(new org.camunda.bpm.engine.ProcessEnginePersistenceException("x", rollback)))
        .isTrue();
    var overriding = new org.springframework.transaction.TransactionSystemException("JDBC rollback failed",
        new java.sql.SQLException("rollback refused", "XX000"));
    overriding.initApplicationException(new org.springframework.dao.DataAccessResourceFailureException("select",
        new java.sql.SQLException("An I/O error occurred while sending to the backend.", "08006")));
    assertThat(DatabaseUnavailable.causedBy(overriding)).isTrue();
  }
}
