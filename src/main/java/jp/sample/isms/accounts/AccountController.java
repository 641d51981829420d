package jp.sample.isms.accounts;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jp.sample.isms.engine.CurrentUser;
import jp.sample.isms.organisation.OrganisationGroups;

/** {@code POST /api/accounts/{userId}/disable} ({@code {"reason":"退職"}}) and {@code /enable}: system administrator. */
@RestController
@RequestMapping("/api/accounts")
class AccountController {

  /** The length of {@code account_state.reason}. */
  private static final int MAX_REASON = 500;


  private final AccountDeactivation deactivation;
  private final IdentityService identityService;

  AccountController(AccountDeactivation deactivation, IdentityService identityService) {
    this.deactivation = deactivation;
    this.identityService = identityService;
  }

  @PostMapping("/{userId}/disable")
  ResponseEntity<?> disable(@PathVariable String userId, @RequestBody(required = false) Map<String, String> body) {
    CurrentUser user = CurrentUser.of(identityService);
    ResponseEntity<?> refused = refuse(user, userId);
    if (refused != null) {
      return refused;
    }
    if (userId.equals(user.getUserId())) {
      return ResponseEntity.badRequest().body(Map.of("field", "userId", "message", "自分のアカウントは停止できません"));
    }
    String reason = body == null ? null : body.get("reason");
    if (reason == null || reason.isBlank()) {
      return ResponseEntity.badRequest().body(Map.of("field", "reason", "message", "停止の理由を入力してください"));
    }
    if (reason.length() > MAX_REASON) {
      return ResponseEntity.badRequest().body(Map.of("field", "reason",
          "message", "停止の理由は" + MAX_REASON + "文字以内で入力してください"));
    }
    return ResponseEntity.ok(Map.of("userId", userId, "disabled", true,
        "movedSteps", deactivation.disable(userId, user.getUserId(), reason)));
  }

  @PostMapping("/{userId}/enable")
  ResponseEntity<?> enable(@PathVariable String userId) {
    CurrentUser user = CurrentUser.of(identityService);
    ResponseEntity<?> refused = refuse(user, userId);
    if (refused != null) {
      return refused;
    }
    deactivation.enable(userId, user.getUserId());
    return ResponseEntity.ok(Map.of("userId", userId, "disabled", false));
  }

  private ResponseEntity<?> refuse(CurrentUser user, String userId) {
    if (user == null) {
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("message", "ログインが必要です"));
    }
    if (user.getGroupIds() == null || !user.getGroupIds().contains(OrganisationGroups.CAMUNDA_ADMIN)) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("message", "アカウントの停止はシステム管理者が行います"));
    }
    if (identityService.createUserQuery().userId(userId).count() == 0) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("message", "ユーザーが見つかりません: " + userId));
    }
    return null;
  }
}
