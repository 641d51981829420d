package jp.sample.isms.auditor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;


/**
 * The registers (台帳) the flows declare ({@link AuditRegister} beans), in the order of the regulation.
 * Each is listed a page at a time as JSON and exported whole as CSV (UTF-8 with BOM, Japanese headers, RFC 4180).
 */
@RestController
@RequestMapping("/api/audit/registers")
class AuditRegisterController {

  private final AuditAccess access;
  private final RegisterQueries registers;
  private final ZoneId zone;

  AuditRegisterController(AuditAccess access, RegisterQueries registers, ZoneId zone) {
    this.access = access;
    this.registers = registers;
    this.zone = zone;
  }

  @GetMapping
  List<RegisterQueries.Definition> registers(HttpServletRequest request) {
    access.authorize(request, "AuditQuery_Registers", "台帳の一覧");
    return registers.definitions();
  }

  @GetMapping("/{id}")
  RegisterQueries.Rows rows(HttpServletRequest request, @PathVariable String id,
      @RequestParam Map<String, String> parameters) {
    access.authorize(request, "AuditQuery_Register", "台帳の参照");
    AuditQueryParameters p = new AuditQueryParameters(parameters, zone);
    return registers.page(register(id), p, p.page(), p.size());
  }

  /** The whole register (as filtered) as a CSV file, streamed while it is read. */
  @GetMapping("/{id}.csv")
  void csv(HttpServletRequest request, HttpServletResponse response, @PathVariable String id,
      @RequestParam Map<String, String> parameters) throws IOException {
    access.authorize(request, "AuditQuery_RegisterCsv", "台帳のCSV出力");
    AuditRegister register = register(id);
    RegisterQueries.Export export = registers.export(register, new AuditQueryParameters(parameters, zone));
    String baseUrl = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    String name = register.title() + "_" + LocalDate.now(zone).format(DateTimeFormatter.BASIC_ISO_DATE)
        + ".csv";
    response.setContentType("text/csv; charset=UTF-8");
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
        ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString());
    export.writeTo(response.getOutputStream(), baseUrl);
  }

  private AuditRegister register(String id) {
    AuditRegister register = registers.register(id);
    if (register == null) {
      throw new AuditRequestController.NotFound("台帳 " + id + " はありません");
    }
    return register;
  }
}
