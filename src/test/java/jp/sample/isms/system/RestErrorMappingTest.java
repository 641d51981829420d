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
}
