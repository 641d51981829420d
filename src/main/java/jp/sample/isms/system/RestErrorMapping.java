package jp.sample.isms.system;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import jp.sample.isms.engine.EngineInternals;

/**
 * What the stock Camunda REST API answers with 500 although the client is at fault or lost a race: a conflict
 * (two approvers completing one task, a task claimed by someone else) is 409, a task or instance that is gone is
 * 404, a variable of a serialization format the engine does not read is 400, a refusal wrapped by the stock start
 * endpoint is what it is unwrapped (400, 403); a database that is away or saturated is 503 with Retry-After ({@link DatabaseUnavailable}). Everything else
 * keeps the stock answer.
 */
@Configuration
class RestErrorMapping {

  @Bean
  ResourceConfigCustomizer engineRestErrorMapping() {
    return config -> {
      config.register(ConflictAwareExceptionMapper.class);
      config.register(EngineExceptionMapper.class);
      config.register(DatabaseUnavailableMapper.class);
      config.register(DataAccessFailureMapper.class);
    };
  }

  /** The client's mistakes the engine reports as plain ProcessEngineExceptions (stock answer: 500). */
  @Priority(1)
  public static class EngineExceptionMapper implements ExceptionMapper<ProcessEngineException> {

    @Override
    public Response toResponse(ProcessEngineException exception) {
      Response conflict = ConflictAwareExceptionMapper.conflictOrGone(exception);
      return conflict != null ? conflict
          : org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper.getInstance().getResponse(exception);
    }
  }

  /** The pool timed out or the database is away before the engine got a connection (stock answer: 500). */
  @Priority(1)
  public static class DatabaseUnavailableMapper
      implements ExceptionMapper<org.springframework.transaction.CannotCreateTransactionException> {

    @Override
    public Response toResponse(org.springframework.transaction.CannotCreateTransactionException exception) {
      return ConflictAwareExceptionMapper.conflictOrGone(exception);
    }
  }

  /** A Spring data access failure reaching the REST layer unwrapped (stock answer: 500). */
  @Priority(1)
  public static class DataAccessFailureMapper implements ExceptionMapper<org.springframework.dao.DataAccessException> {

    @Override
    public Response toResponse(org.springframework.dao.DataAccessException exception) {
      Response conflict = ConflictAwareExceptionMapper.conflictOrGone(exception);
      return conflict != null ? conflict
          : org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper.getInstance().getResponse(exception);
    }
  }

  /** Registered ahead of Camunda's own handlers for the same exception types. */
  @Priority(1)
  public static class ConflictAwareExceptionMapper implements ExceptionMapper<RestException> {

    @Override
    public Response toResponse(RestException exception) {
      Response conflict = conflictOrGone(exception);
      if (conflict != null) {
        return conflict;
      }
      Response.Status status = exception.getStatus() != null ? exception.getStatus() : Response.Status.INTERNAL_SERVER_ERROR;
      if (status == Response.Status.INTERNAL_SERVER_ERROR) {
        // the stock REST API wraps what it cannot start or complete in a 500 (e.g. /process-definition/{id}/start):
        // the client's mistake or a refusal inside answers as it would unwrapped (400, 403), as submit-form does
        for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
          if (EngineInternals.isFormFieldRefusal(cause)) {
            return respond(400, cause, exception.getMessage());
          }
          if (cause instanceof org.camunda.bpm.engine.BadUserRequestException
              || cause instanceof org.camunda.bpm.engine.AuthorizationException) {
            return org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper.getInstance().getResponse(cause);
          }
        }
      }
      return respond(status.getStatusCode(), exception, exception.getMessage());
    }

    /** 409 for a lost race, 404 for what is gone, 400 for what the engine refuses as input; null otherwise. */
    static Response conflictOrGone(Throwable exception) {
      Throwable cause = exception;
      while (cause != null) {
        String message = String.valueOf(cause.getMessage());
        if (message.contains("Password does not match policy")) {
          return respond(400, cause, "パスワードがポリシーを満たしていません: 8文字以上で、英大文字・英小文字・数字・記号を"
              + "すべて含み、ユーザーIDや氏名を含まないこと (5.1.8; password does not match the policy)");
        }
        if (DatabaseUnavailable.causedBy(cause)) {
          // the database is away or saturated: fail fast and say when to retry, never hang or answer 500
          return Response.fromResponse(respond(503, cause, DatabaseUnavailable.MESSAGE))
              .header("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS).build();
        }
        if (message.contains("Cannot find serializer for value") || message.contains("Cannot deserialize object")
            || message.contains("Cannot find serializer for")) {
          return respond(400, cause, "この形式の変数は受け付けません。文字列・数値・真偽値・日付で指定してください"
              + " (object variables and unknown serialization formats are not accepted)");
        }
        if (message.contains("Java serialization format is prohibited")) {
          return respond(400, cause, "Java シリアライズ形式の変数は受け付けません (Java serialization is disabled)");
        }
        if (cause instanceof OptimisticLockingException) {
          return respond(409, cause, "他の人が同時に処理したため保存できませんでした。画面を更新してやり直してください"
              + " (the request was changed by someone else at the same time)");
        }
        if (cause instanceof TaskAlreadyClaimedException) {
          return respond(409, cause, "このタスクは既に他の人が担当しています (the task is already claimed)");
        }
        if (cause instanceof NotFoundException || cause instanceof NullValueException
            || (cause instanceof ProcessEngineException && String.valueOf(cause.getMessage()).contains("Cannot find task"))) {
          return respond(404, cause, "対象が見つかりません。既に処理済みか、存在しません (" + cause.getMessage() + ")");
        }
        cause = cause.getCause();
      }
      return null;
    }

    static Response respond(int status, Throwable cause, String message) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("type", cause.getClass().getSimpleName());
      body.put("message", message);
      if (cause instanceof ProcessEngineException engineException) {
        body.put("code", engineException.getCode());
      }
      return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
  }
}
