package jp.sample.isms.notification;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jp.sample.isms.engine.CurrentUser;

/** The system administrator's view of mail that could not be delivered, and a retry ({@code /api/mail}). */
@RestController
@RequestMapping("/api/mail")
class MailAdminController {

  private final JdbcTemplate jdbc;
  private final IdentityService identityService;

  MailAdminController(JdbcTemplate jdbc, IdentityService identityService) {
    this.jdbc = jdbc;
    this.identityService = identityService;
  }

  @GetMapping("/failed")
  ResponseEntity<?> failed() {
    ResponseEntity<?> refused = refuseNonAdministrators();
    if (refused != null) {
      return refused;
    }
    List<Map<String, Object>> rows = jdbc.queryForList("""
        select id, recipient, address, subject, attempts, created_at, last_error from mail_outbox
         where status = 'FAILED' order by id desc
        """);
    return ResponseEntity.ok(rows);
  }

  @PostMapping("/{id}/retry")
  ResponseEntity<?> retry(@PathVariable long id) {
    ResponseEntity<?> refused = refuseNonAdministrators();
    if (refused != null) {
      return refused;
    }
    int updated = jdbc.update("update mail_outbox set status = 'PENDING', attempts = 0, next_attempt_at = "
        + "CURRENT_TIMESTAMP where id = ? and status = 'FAILED'", id);
    return updated == 1 ? ResponseEntity.ok(Map.of("id", id, "status", "PENDING"))
        : ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("message", "送信失敗のメールが見つかりません"));
  }

  private ResponseEntity<?> refuseNonAdministrators() {
    CurrentUser authentication = CurrentUser.of(identityService);
    if (authentication == null) {
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("message", "ログインが必要です"));
    }
    if (authentication.getGroupIds() == null || !authentication.getGroupIds().contains("camunda-admin")) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("message", "システム管理者のみが参照できます"));
    }
    return null;
  }
}
