package jp.sample.isms.administration;

import java.nio.charset.Charset;

import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import jp.sample.isms.organisation.ImportReport;
import jp.sample.isms.organisation.OrganisationImporter;

/**
 * The company's organisation file ({@code isms.organisation.file}) imported at every start, all or nothing; a start
 * that added persons is recorded like an import by the system administrator, one that changed nothing is not.
 */
@Component
public class OrganisationAtStart {

  private final OrganisationImporter importer;
  private final AdministrationRecords records;
  private final TransactionTemplate transaction;

  OrganisationAtStart(OrganisationImporter importer, AdministrationRecords records,
      PlatformTransactionManager transactions) {
    this.importer = importer;
    this.records = records;
    this.transaction = new TransactionTemplate(transactions);
  }

  /** @throws jp.sample.isms.organisation.OrganisationImportException every bad row; nothing was written */
  public ImportReport importFile(Resource file, Charset encoding) {
    return transaction.execute(status -> {
      ImportReport report = importer.importFile(file, encoding, null);
      if (!report.createdPersons().isEmpty()) {
        records.record(AdministrationRecords.Change.ORGANISATION_IMPORTED, AdministrationRecords.SYSTEM,
            report.source() + " (isms.organisation.file): 部門 " + report.departments() + "、課 " + report.sections()
                + "、追加した従業員 " + report.createdPersons() + "、ファイルにない従業員 (削除せず) "
                + report.missingPersons());
      }
      return report;
    });
  }
}
