package jp.sample.isms.periodicduty;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import jakarta.servlet.http.HttpServletResponse;
import jp.sample.isms.engine.CurrentUser;
import jp.sample.isms.organisation.OrganisationService;
import jp.sample.isms.organisation.Role;

/**
 * {@code /api/periodic-duties}: the 年間計画 (JSON and CSV) for the security officer and the audit officer (1.2), who
 * follow up the duties; anyone else is refused with 403. Read only.
 */
@RestController
@RequestMapping("/api/periodic-duties")
class PlanController {

  static final List<String> READERS = List.of(Role.SECURITY_OFFICER.groupId(null), Role.AUDIT_OFFICER.groupId(null));
  private static final Pattern CLAUSE = Pattern.compile("\\d{1,2}(\\.\\d{1,2}){0,3}");
  private static final List<String> CSV_HEADER = List.of("期限", "業務", "条項", "周期", "実施する役割", "確認する役割",
      "部門", "状態", "番号", "実施者", "確認者");

  /** The plan as the page shows it: the year, the filters' choices and the entries. */
  record Plan(int year, LocalDate from, LocalDate to, LocalDate today, String reader, Map<String, String> roles,
      List<String> clauses, Map<String, String> statuses, List<AnnualPlan.Entry> entries) {
  }

  /** A query the plan cannot answer: 400 with the field. */
  static class BadQuery extends RuntimeException {
    final String field;

    BadQuery(String field, String message) {
      super(message);
      this.field = field;
    }
  }

  static class Denied extends RuntimeException {
    Denied() {
      super("年間計画は情報セキュリティ責任者と監査・点検責任者のみが参照できます (only the security officer and the audit"
          + " officer read the annual plan)");
    }
  }

  private final AnnualPlan plan;
  private final IdentityService identityService;
  private final OrganisationService organisation;
  private final ZoneId zone;

  PlanController(AnnualPlan plan, IdentityService identityService, OrganisationService organisation, ZoneId zone) {
    this.zone = zone;
    this.plan = plan;
    this.identityService = identityService;
    this.organisation = organisation;
  }

  @GetMapping("/plan")
  Plan plan(@RequestParam Map<String, String> parameters) {
    String reader = reader();
    LocalDate today = LocalDate.now(zone);
    int year = year(parameters.get("year"), today);
    Map<String, String> roles = new LinkedHashMap<>();
    Arrays.stream(Role.values()).filter(r -> r != Role.PROCESS_OWNER).forEach(r -> roles.put(r.name(), r.nameJa()));
    Map<String, String> statuses = new LinkedHashMap<>();
    Arrays.stream(AnnualPlan.Status.values()).forEach(s -> statuses.put(s.name(), s.label()));
    List<AnnualPlan.Entry> entries = entries(parameters, year, today);
    return new Plan(year, AnnualPlan.start(year), AnnualPlan.start(year).plusYears(1).minusDays(1), today,
        organisation.displayName(reader), roles, plan.clauses(), statuses, entries);
  }

  /** The plan (as filtered) as CSV: UTF-8 with BOM, Japanese headers, RFC 4180, for Excel. */
  @GetMapping("/plan.csv")
  void csv(HttpServletResponse response, @RequestParam Map<String, String> parameters) throws IOException {
    reader();
    LocalDate today = LocalDate.now(zone);
    int year = year(parameters.get("year"), today);
    List<AnnualPlan.Entry> entries = entries(parameters, year, today);
    response.setContentType("text/csv; charset=UTF-8");
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
        .filename("年間計画_" + year + "年度.csv", StandardCharsets.UTF_8).build().toString());
    Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
    out.write('\uFEFF');
    out.write(csvLine(CSV_HEADER));
    for (AnnualPlan.Entry e : entries) {
      out.write(csvLine(Arrays.asList(e.dueDate().toString(), e.dutyName(), String.join(", ", e.clauses()),
          e.cycle() == null ? null : DutyCycle.valueOf(e.cycle()).label(), e.responsibleRoleName(),
          e.acceptingRoleName(), e.departmentName(), e.statusLabel(), e.businessKey(), e.performedBy(),
          e.acceptedBy())));
    }
    out.flush();
  }

  private List<AnnualPlan.Entry> entries(Map<String, String> parameters, int year, LocalDate today) {
    String roleCode = blankToNull(parameters.get("role"));
    Role role = null;
    if (roleCode != null) {
      role = Arrays.stream(Role.values()).filter(r -> r.name().equals(roleCode)).findFirst()
          .orElseThrow(() -> new BadQuery("role", "役割は役割コードで指定してください (例: SYSTEM_ADMINISTRATOR): " + roleCode));
    }
    String clause = blankToNull(parameters.get("clause"));
    if (clause != null && !CLAUSE.matcher(clause).matches()) {
      throw new BadQuery("clause", "条項は番号で指定してください (例: 5.1.5): " + clause);
    }
    String status = blankToNull(parameters.get("status"));
    if (status != null && Arrays.stream(AnnualPlan.Status.values()).noneMatch(s -> s.name().equals(status))) {
      throw new BadQuery("status", "状態は PLANNED・IN_PROGRESS・DONE・OVERDUE のいずれかで指定してください: " + status);
    }
    List<AnnualPlan.Entry> entries = new ArrayList<>(plan.plan(year, today, role, clause));
    if (status != null) {
      entries.removeIf(e -> !e.status().name().equals(status));
    }
    return entries;
  }

  private static int year(String value, LocalDate today) {
    if (value == null || value.isBlank()) {
      return AnnualPlan.yearOf(today);
    }
    try {
      int year = Integer.parseInt(value.strip());
      if (year >= 2000 && year <= 2100) {
        return year;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new BadQuery("year", "年度は 2000〜2100 の数字で指定してください: " + value);
  }

  private String reader() {
    CurrentUser user = CurrentUser.of(identityService);
    if (user == null || user.getUserId() == null) {
      throw new Denied();
    }
    List<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
    if (READERS.stream().noneMatch(groups::contains)) {
      throw new Denied();
    }
    return user.getUserId();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  static String csvLine(List<String> cells) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        line.append(',');
      }
      String cell = cells.get(i) == null ? "" : cells.get(i);
      // a cell a spreadsheet would run as a formula is written as text
      if (!cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0) {
        cell = "'" + cell;
      }
      line.append('"').append(cell.replace("\"", "\"\"")).append('"');
    }
    return line.append("\r\n").toString();
  }

  /** Answers of the plan's endpoints: Japanese messages, never cached. */
  @RestControllerAdvice(assignableTypes = PlanController.class)
  static class Errors {

    @ModelAttribute
    void noStore(HttpServletResponse response) {
      response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    @ExceptionHandler(Denied.class)
    ResponseEntity<Map<String, String>> denied(Denied e) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_JSON)
          .body(Map.of("message", e.getMessage()));
    }

    @ExceptionHandler(BadQuery.class)
    ResponseEntity<Map<String, String>> badQuery(BadQuery e) {
      return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_JSON)
          .body(Map.of("message", e.field + ": " + e.getMessage(), "field", e.field));
    }
  }
}
