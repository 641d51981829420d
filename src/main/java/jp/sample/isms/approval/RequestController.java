package jp.sample.isms.approval;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jp.sample.isms.engine.CurrentUser;

/** {@code POST /api/requests/{businessKey}/withdraw}: 引き戻し by the requester (HTTP Basic, like /engine-rest). */
@RestController
@RequestMapping("/api/requests")
class RequestController {

  private final RequestWithdrawal withdrawal;
  private final IdentityService identityService;

  RequestController(RequestWithdrawal withdrawal, IdentityService identityService) {
    this.withdrawal = withdrawal;
    this.identityService = identityService;
  }

  @PostMapping("/{businessKey}/withdraw")
  ResponseEntity<Map<String, String>> withdraw(@PathVariable String businessKey,
      @RequestBody(required = false) Map<String, String> body) {
    CurrentUser authentication = CurrentUser.of(identityService);
    if (authentication == null) {
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("message", "ログインが必要です"));
    }
    String comment = body == null ? null : body.get("comment");
    withdrawal.withdraw(businessKey, authentication.getUserId(), comment);
    return ResponseEntity.ok(Map.of("businessKey", businessKey, "status", "WITHDRAWN", "message", "申請を引き戻しました"));
  }

  @ExceptionHandler(RequestWithdrawal.WithdrawalRefusedException.class)
  ResponseEntity<Map<String, String>> refused(RequestWithdrawal.WithdrawalRefusedException e) {
    HttpStatus status = switch (e.refusal()) {
      case NOT_FOUND -> HttpStatus.NOT_FOUND;
      case NOT_REQUESTER -> HttpStatus.FORBIDDEN;
      case ALREADY_DECIDED -> HttpStatus.CONFLICT;
    };
    return ResponseEntity.status(status).body(Map.of("message", e.getMessage()));
  }
}
