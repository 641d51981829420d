package jp.sample.isms.audit;

import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/audit/verification}: the hash chain check, for the auditor, the security officer and administrators. */
@RestController
@RequestMapping("/api/audit")
class AuditController {

  /** Engine groups allowed to read the record: 監査・点検責任者, 情報セキュリティ責任者, system administrators. */
  static final Set<String> AUDIT_READERS = Set.of("audit-officer", "security-officer", "camunda-admin");

  private final AuditChain chain;
  private final IdentityService identityService;

  AuditController(AuditChain chain, IdentityService identityService) {
    this.chain = chain;
    this.identityService = identityService;
  }

  @GetMapping("/verification")
  ResponseEntity<?> verification() {
    Authentication authentication = identityService.getCurrentAuthentication();
    if (authentication == null) {
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("message", "ログインが必要です"));
    }
    if (authentication.getGroupIds() == null || authentication.getGroupIds().stream().noneMatch(AUDIT_READERS::contains)) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN)
          .body(Map.of("message", "監査記録は監査・点検責任者と情報セキュリティ責任者のみが参照できます"));
    }
    return ResponseEntity.ok(chain.verify());
  }
}
