package jp.sample.isms.securityapproval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jp.sample.isms.approval.RequestValidationException;
import jp.sample.isms.approval.ValidationErrors;
import jp.sample.isms.engine.CurrentUser;
import jp.sample.isms.organisation.OrganisationService;
import jp.sample.isms.organisation.Role;

/**
 * The import of the company's current 社内IT機材管理台帳 ({@code devices}, 7.3) and approved software list
 * ({@code software}, 7.4) from a CSV, by the system administrator only: all rows or none. Otherwise the registers change
 * only by the approvals of flow {@code securityApproval}; auditors read them in their pages.
 */
@RestController
@RequestMapping("/api/it-register")
class ItRegisterController {

  private final ItRegisterImport importer;
  private final OrganisationService organisation;
  private final IdentityService identityService;

  ItRegisterController(ItRegisterImport importer, OrganisationService organisation, IdentityService identityService) {
    this.importer = importer;
    this.organisation = organisation;
    this.identityService = identityService;
  }

  /** The register from a CSV (UTF-8 or Shift_JIS) as the request body. */
  @PostMapping("/{register}/import")
  ResponseEntity<?> importCsv(@PathVariable String register, @RequestBody(required = false) byte[] content) {
    CurrentUser user = CurrentUser.of(identityService);
    if (user == null) {
      return error(HttpStatus.UNAUTHORIZED, "ログインが必要です");
    }
    if (!"devices".equals(register) && !"software".equals(register)) {
      return error(HttpStatus.NOT_FOUND, "台帳がありません: devices (社内IT機材管理台帳) か software (承認済みソフトウェア) です");
    }
    if (!organisation.holdsAnywhere(user.getUserId(), Role.SYSTEM_ADMINISTRATOR)) {
      return error(HttpStatus.FORBIDDEN, "社内IT機材管理台帳・承認済みソフトウェアを取り込めるのはシステム管理者のみです");
    }
    byte[] body = content == null ? new byte[0] : content;
    try {
      int count = "devices".equals(register) ? importer.loadDevices(body, user.getUserId())
          : importer.loadSoftware(body, user.getUserId());
      return ResponseEntity.ok(Map.of("imported", count));
    } catch (RequestValidationException e) {
      List<Map<String, String>> errors = e.errors().stream().map(ItRegisterController::error).toList();
      return ResponseEntity.badRequest().body(Map.of("message", "取り込みませんでした (nothing was imported): "
          + errors.size() + " 件の誤り", "errors", errors));
    }
  }

  private static Map<String, String> error(ValidationErrors.Error error) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("field", error.field());
    body.put("message", error.message());
    return body;
  }

  private static ResponseEntity<Map<String, String>> error(HttpStatus status, String message) {
    return ResponseEntity.status(status).body(Map.of("message", message));
  }
}
