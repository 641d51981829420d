package jp.sample.isms.incident;

import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jp.sample.isms.approval.RequestValidationException;
import jp.sample.isms.approval.ValidationErrors;
import jp.sample.isms.engine.CurrentUser;

/**
 * {@code POST /api/incidents/{incidentNumber}/level} with {@code {"level": 3, "reason": "…"}}: a later re-levelling by
 * the incident officer or the president (9.2). 400 with field and clause, 403, 404, 409.
 */
@RestController
@RequestMapping("/api/incidents")
class IncidentController {

  private final IncidentRelevelling relevelling;
  private final IdentityService identityService;

  IncidentController(IncidentRelevelling relevelling, IdentityService identityService) {
    this.relevelling = relevelling;
    this.identityService = identityService;
  }

  @PostMapping("/{incidentNumber}/level")
  ResponseEntity<Map<String, Object>> relevel(@PathVariable String incidentNumber,
      @RequestBody(required = false) Map<String, Object> body) {
    CurrentUser authentication = CurrentUser.of(identityService);
    if (authentication == null) {
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("message", "ログインが必要です"));
    }
    Object level = body == null ? null : body.get("level");
    Object reason = body == null ? null : body.get("reason");
    relevelling.relevel(incidentNumber, authentication.getUserId(), level, reason == null ? null : reason.toString());
    return ResponseEntity.ok(Map.of("incidentNumber", incidentNumber, "level", IncidentLevels.parse(level),
        "message", "事故レベルを変更しました。対応者を決め直します"));
  }

  @ExceptionHandler(IncidentRelevelling.RelevelRefusedException.class)
  ResponseEntity<Map<String, Object>> refused(IncidentRelevelling.RelevelRefusedException e) {
    HttpStatus status = switch (e.refusal()) {
      case NOT_FOUND -> HttpStatus.NOT_FOUND;
      case NOT_RESPONDER -> HttpStatus.FORBIDDEN;
      case NOT_RESPONDING -> HttpStatus.CONFLICT;
    };
    return ResponseEntity.status(status).body(Map.of("message", e.getMessage()));
  }

  @ExceptionHandler(RequestValidationException.class)
  ResponseEntity<Map<String, Object>> invalid(RequestValidationException e) {
    return ResponseEntity.badRequest().body(Map.of("message", e.errors().stream().map(ValidationErrors.Error::message)
        .collect(Collectors.joining("\n")), "errors", e.errors().stream().map(error -> Map.of("field", error.field(),
            "clause", error.clause() == null ? "" : error.clause(), "message", error.text())).toList()));
  }
}
