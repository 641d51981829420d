package jp.sample.isms.administration;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import jp.sample.isms.engine.CurrentUser;
import jp.sample.isms.organisation.OrganisationGroups;

/** Who may use the administration API: members of {@code camunda-admin}, the system administrators. */
@Component
class SystemAdministrator {

  private final IdentityService identityService;

  SystemAdministrator(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** 401 without a login, 403 for anyone but a system administrator; null when the caller may go on. */
  ResponseEntity<Map<String, Object>> refusal(String what) {
    CurrentUser user = CurrentUser.of(identityService);
    if (user == null) {
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("message", "ログインが必要です (login required)"));
    }
    if (user.getGroupIds() == null || !user.getGroupIds().contains(OrganisationGroups.CAMUNDA_ADMIN)) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("message",
          what + "はシステム管理者が行います (system administrators only)"));
    }
    return null;
  }

  String userId() {
    return CurrentUser.of(identityService).getUserId();
  }
}
