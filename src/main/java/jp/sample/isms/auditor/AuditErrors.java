package jp.sample.isms.auditor;

import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import jakarta.servlet.http.HttpServletResponse;

/** Answers of the auditor endpoints: Japanese messages for 400, 401, 403 and 404; nothing is cached. */
@RestControllerAdvice(assignableTypes = {AuditController.class, AuditRequestController.class,
    AuditRegisterController.class})
class AuditErrors {

  /** What the auditor reads must not stay in a shared browser's or proxy's cache. */
  @ModelAttribute
  void noStore(HttpServletResponse response) {
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
  }

  @ExceptionHandler(AuditAccess.NotAuthenticated.class)
  ResponseEntity<Map<String, String>> notAuthenticated(AuditAccess.NotAuthenticated e) {
    return answer(HttpStatus.UNAUTHORIZED, e.getMessage());
  }

  @ExceptionHandler(AuditAccess.Denied.class)
  ResponseEntity<Map<String, String>> denied(AuditAccess.Denied e) {
    return answer(HttpStatus.FORBIDDEN, e.getMessage());
  }

  @ExceptionHandler(AuditQueryParameters.BadQuery.class)
  ResponseEntity<Map<String, String>> badQuery(AuditQueryParameters.BadQuery e) {
    return answer(HttpStatus.BAD_REQUEST, e.getMessage());
  }

  @ExceptionHandler(AuditRequestController.NotFound.class)
  ResponseEntity<Map<String, String>> notFound(AuditRequestController.NotFound e) {
    return answer(HttpStatus.NOT_FOUND, e.getMessage());
  }

  private static ResponseEntity<Map<String, String>> answer(HttpStatus status, String message) {
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of("message", message));
  }
}
