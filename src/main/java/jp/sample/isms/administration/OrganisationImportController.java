package jp.sample.isms.administration;

import java.io.IOException;
import java.nio.charset.Charset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import jp.sample.isms.organisation.ImportReport;
import jp.sample.isms.organisation.OrganisationData;
import jp.sample.isms.organisation.OrganisationFile;
import jp.sample.isms.organisation.OrganisationImportException;
import jp.sample.isms.organisation.OrganisationImporter;

/**
 * {@code POST /api/organisation/imports} (multipart {@code file}: .csv, .yaml or .yml; {@code encoding}: UTF-8 or
 * Shift_JIS, detected when left out; {@code check=true} only checks): the system administrator imports the
 * organisation, all or nothing. 400 lists every bad row with its line; nothing is written then.
 */
@RestController
@RequestMapping("/api/organisation")
class OrganisationImportController {

  private final SystemAdministrator administrator;
  private final OrganisationImporter importer;
  private final AdministrationRecords records;
  private final TransactionTemplate transaction;

  OrganisationImportController(SystemAdministrator administrator, OrganisationImporter importer,
      AdministrationRecords records, PlatformTransactionManager transactions) {
    this.administrator = administrator;
    this.importer = importer;
    this.records = records;
    this.transaction = new TransactionTemplate(transactions);
  }

  @PostMapping("/imports")
  public ResponseEntity<Map<String, Object>> importFile(@RequestParam(name = "file", required = false) MultipartFile file,
      @RequestParam(name = "encoding", required = false) String encoding,
      @RequestParam(name = "check", defaultValue = "false") boolean check) throws IOException {
    ResponseEntity<Map<String, Object>> refused = administrator.refusal("組織の取り込み");
    if (refused != null) {
      return refused;
    }
    if (file == null || file.isEmpty()) {
      return ResponseEntity.badRequest().body(Map.of("field", "file", "message",
          "組織ファイル (.csv / .yaml) を選んでください (choose an organisation file)"));
    }
    Charset charset;
    try {
      charset = OrganisationFile.encoding(encoding);
    } catch (IllegalArgumentException e) {
      return ResponseEntity.badRequest().body(Map.of("field", "encoding", "message",
          "文字コードは UTF-8 か Shift_JIS です (encoding: UTF-8 or Shift_JIS)"));
    }
    OrganisationFile.Read read = OrganisationFile.read(file.getOriginalFilename(), file.getBytes(), charset);
    if (!read.ok()) {
      return problems(new OrganisationImportException(file.getOriginalFilename(), read.problems()));
    }
    OrganisationData data = read.data();
    if (check) {
      var problems = importer.validate(data);
      if (!problems.isEmpty()) {
        return problems(new OrganisationImportException(file.getOriginalFilename(), problems));
      }
      return ResponseEntity.ok(Map.of("checked", true, "departments", data.departments().size(),
          "persons", data.persons().size()));
    }
    ImportReport report;
    try {
      // the organisation and its record in one transaction: a bad row rolls back both
      report = transaction.execute(done -> {
        ImportReport imported = importer.importOrganisation(data, null);
        records.record(AdministrationRecords.Change.ORGANISATION_IMPORTED, administrator.userId(), imported.source()
            + ": 部門 " + imported.departments() + "、課 " + imported.sections() + "、追加した従業員 "
            + imported.createdPersons() + "、登録済み " + imported.existingPersons().size()
            + " 名、ファイルにない従業員 (削除せず) " + imported.missingPersons());
        return imported;
      });
    } catch (OrganisationImportException e) {
      return problems(e);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("checked", false);
    body.put("source", report.source());
    body.put("departments", report.departments());
    body.put("sections", report.sections());
    body.put("createdPersons", report.createdPersons());
    body.put("existingPersons", report.existingPersons());
    body.put("missingPersons", report.missingPersons());
    return ResponseEntity.ok(body);
  }

  private static ResponseEntity<Map<String, Object>> problems(OrganisationImportException e) {
    return ResponseEntity.badRequest().body(Map.of("field", "file", "message",
        "組織ファイルに誤りがあるため、何も登録していません (nothing was imported)", "problems", e.problems()));
  }
}
