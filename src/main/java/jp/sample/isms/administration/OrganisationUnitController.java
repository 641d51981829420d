package jp.sample.isms.administration;

import java.util.Map;
import java.util.function.Supplier;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jp.sample.isms.organisation.OrganisationUnits;

/**
 * {@code /api/organisation/departments} and {@code /sections}: the system administrator lists, adds, renames and
 * closes departments and sections (1.1). 400 names the field, 404 an unknown code, 409 why a unit cannot close.
 */
@RestController
@RequestMapping("/api/organisation")
class OrganisationUnitController {

  private final SystemAdministrator administrator;
  private final OrganisationUnits units;
  private final AdministrationRecords records;
  private final TransactionTemplate transaction;

  OrganisationUnitController(SystemAdministrator administrator, OrganisationUnits units,
      AdministrationRecords records, PlatformTransactionManager transactions) {
    this.administrator = administrator;
    this.units = units;
    this.records = records;
    this.transaction = new TransactionTemplate(transactions);
  }

  @GetMapping("/departments")
  public ResponseEntity<?> list() {
    ResponseEntity<Map<String, Object>> refused = administrator.refusal("部門・課の管理");
    return refused != null ? refused : ResponseEntity.ok(units.list());
  }

  @PostMapping("/departments")
  public ResponseEntity<?> addDepartment(@RequestBody Map<String, String> body) {
    return change(HttpStatus.CREATED, () -> {
      units.addDepartment(body.get("code"), body.get("name"), body.get("nameEn"));
      records.record(AdministrationRecords.Change.DEPARTMENT_ADDED, administrator.userId(),
          body.get("name").strip() + " (" + body.get("code") + ")");
      return Map.of("code", body.get("code"));
    });
  }

  @PutMapping("/departments/{code}")
  public ResponseEntity<?> renameDepartment(@PathVariable String code, @RequestBody Map<String, String> body) {
    return change(HttpStatus.OK, () -> {
      String before = units.renameDepartment(code, body.get("name"), body.get("nameEn"));
      records.record(AdministrationRecords.Change.DEPARTMENT_RENAMED, administrator.userId(),
          code + ": " + before + " → " + body.get("name").strip());
      return Map.of("code", code);
    });
  }

  @PostMapping("/departments/{code}/close")
  public ResponseEntity<?> closeDepartment(@PathVariable String code) {
    return change(HttpStatus.OK, () -> {
      units.closeDepartment(code);
      records.record(AdministrationRecords.Change.DEPARTMENT_CLOSED, administrator.userId(), code
          + " (その課も閉鎖)");
      return Map.of("code", code, "closed", true);
    });
  }

  @PostMapping("/departments/{code}/sections")
  public ResponseEntity<?> addSection(@PathVariable String code, @RequestBody Map<String, String> body) {
    return change(HttpStatus.CREATED, () -> {
      units.addSection(code, body.get("code"), body.get("name"), body.get("nameEn"));
      records.record(AdministrationRecords.Change.SECTION_ADDED, administrator.userId(),
          code + " / " + body.get("name").strip() + " (" + body.get("code") + ")");
      return Map.of("code", body.get("code"));
    });
  }

  @PutMapping("/sections/{code}")
  public ResponseEntity<?> renameSection(@PathVariable String code, @RequestBody Map<String, String> body) {
    return change(HttpStatus.OK, () -> {
      String before = units.renameSection(code, body.get("name"), body.get("nameEn"));
      records.record(AdministrationRecords.Change.SECTION_RENAMED, administrator.userId(),
          code + ": " + before + " → " + body.get("name").strip());
      return Map.of("code", code);
    });
  }

  @PostMapping("/sections/{code}/close")
  public ResponseEntity<?> closeSection(@PathVariable String code) {
    return change(HttpStatus.OK, () -> {
      units.closeSection(code);
      records.record(AdministrationRecords.Change.SECTION_CLOSED, administrator.userId(), code);
      return Map.of("code", code, "closed", true);
    });
  }

  private ResponseEntity<?> change(HttpStatus status, Supplier<Map<String, Object>> change) {
    ResponseEntity<Map<String, Object>> refused = administrator.refusal("部門・課の管理");
    if (refused != null) {
      return refused;
    }
    try {
      // the change and its record in one transaction, rolled back as a whole when refused
      return ResponseEntity.status(status).body(transaction.execute(done -> change.get()));
    } catch (OrganisationUnits.Refused e) {
      HttpStatus answer = switch (e.kind()) {
        case INVALID -> HttpStatus.BAD_REQUEST;
        case NOT_FOUND -> HttpStatus.NOT_FOUND;
        case CONFLICT -> HttpStatus.CONFLICT;
      };
      return ResponseEntity.status(answer).body(Map.of("field", e.field(), "message", e.getMessage()));
    }
  }

}
