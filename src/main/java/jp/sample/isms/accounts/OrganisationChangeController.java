package jp.sample.isms.accounts;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jp.sample.isms.engine.CurrentUser;
import jp.sample.isms.organisation.OrganisationGroups;
import jp.sample.isms.organisation.OrganisationService;
import jp.sample.isms.organisation.OrganisationUnits;

/**
 * {@code /api/organisation}: 人事異動 by the system administrator. {@code POST role-holders} is refused (403): role
 * holders change by a roleChange request; {@code POST moves}
 * {@code {"user":"ito","department":"hr","section":null}} (409 into a closed department or section).
 */
@RestController
@RequestMapping("/api/organisation")
class OrganisationChangeController {

  private final OrganisationChanges changes;
  private final OrganisationService organisation;
  private final IdentityService identityService;

  OrganisationChangeController(OrganisationChanges changes, OrganisationService organisation,
      IdentityService identityService) {
    this.changes = changes;
    this.organisation = organisation;
    this.identityService = identityService;
  }

  /** Role holders change only by an approved roleChange request (1.1, 10.1, 5.1.5): refused for everybody. */
  @PostMapping("/role-holders")
  ResponseEntity<?> replaceRoleHolder(@RequestBody(required = false) Map<String, String> body) {
    ResponseEntity<?> refused = refuseNonAdministrators();
    if (refused != null) {
      return refused;
    }
    return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("clause", "1.1, 10.1", "message",
        "1.1, 10.1: 役割の担当者の変更は役割変更申請 (roleChange) で行い、情報セキュリティ責任者の承認後に反映されます "
            + "(role holders change only through an approved roleChange request)"));
  }

  @PostMapping("/moves")
  ResponseEntity<?> move(@RequestBody Map<String, String> body) {
    ResponseEntity<?> refused = refuseNonAdministrators();
    if (refused != null) {
      return refused;
    }
    if (body.get("user") == null || organisation.person(body.get("user")).isEmpty()) {
      return ResponseEntity.badRequest().body(Map.of("field", "user", "message", "組織の従業員を指定してください"));
    }
    try {
      return ResponseEntity.ok(Map.of("released", changes.move(body.get("user"), body.get("department"),
          body.get("section"), CurrentUser.of(identityService).getUserId())));
    } catch (IllegalArgumentException e) {
      return ResponseEntity.badRequest().body(Map.of("field", e.getMessage(),
          "message", "部門・課の組み合わせが組織にありません"));
    } catch (OrganisationUnits.Refused e) {
      return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("field", e.field(), "message", e.getMessage()));
    }
  }

  private ResponseEntity<?> refuseNonAdministrators() {
    CurrentUser user = CurrentUser.of(identityService);
    if (user == null) {
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("message", "ログインが必要です"));
    }
    if (user.getGroupIds() == null || !user.getGroupIds().contains(OrganisationGroups.CAMUNDA_ADMIN)) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("message", "人事異動はシステム管理者が登録します"));
    }
    return null;
  }
}
