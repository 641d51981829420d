package jp.sample.isms.administration;

import org.springframework.stereotype.Component;

import jp.sample.isms.audit.AuditEntry;
import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.audit.AuditStepKind;
import jp.sample.isms.audit.Outcome;
import jp.sample.isms.organisation.OrganisationService;
import jp.sample.isms.organisation.Role;

/** The decision record of the system administrator's upkeep (1.1 organisation, 5.1.6 passwords), in the caller's transaction. */
@Component
class AdministrationRecords {

  /** The actor of what the application does by itself at start-up (the first administrator). */
  static final String SYSTEM = "system";

  /** What was done: the step of the record, its Japanese name and the clauses it rests on. */
  enum Change {
    ORGANISATION_IMPORTED("OrganisationImported", "組織の取り込み", "1.1"),
    DEPARTMENT_ADDED("DepartmentAdded", "部門の追加", "1.1"),
    DEPARTMENT_RENAMED("DepartmentRenamed", "部門名の変更", "1.1"),
    DEPARTMENT_CLOSED("DepartmentClosed", "部門の閉鎖", "1.1"),
    SECTION_ADDED("SectionAdded", "課の追加", "1.1"),
    SECTION_RENAMED("SectionRenamed", "課名の変更", "1.1"),
    SECTION_CLOSED("SectionClosed", "課の閉鎖", "1.1"),
    ONE_TIME_PASSWORD_ISSUED("OneTimePasswordIssued", "ワンタイムパスワードの発行", "5.1.6, 5.1.8"),
    FIRST_ADMINISTRATOR("FirstAdministrator", "最初のシステム管理者の登録", "1.1, 5.1.10");

    final String step;
    final String stepName;
    final String clauses;

    Change(String step, String stepName, String clauses) {
      this.step = step;
      this.stepName = stepName;
      this.clauses = clauses;
    }
  }

  private final AuditRecorder audit;
  private final OrganisationService organisation;

  AdministrationRecords(AuditRecorder audit, OrganisationService organisation) {
    this.audit = audit;
    this.organisation = organisation;
  }

  void record(Change change, String by, String comment) {
    audit.record(AuditEntry.event("organisation", change.step, change.stepName, AuditStepKind.ORGANISATION)
        .by(by, SYSTEM.equals(by) ? "システム (system)" : organisation.displayName(by))
        .actingAs(Role.SYSTEM_ADMINISTRATOR).outcome(Outcome.DONE).comment(comment).clauses(change.clauses).build());
  }

  /** A person as records name them: {@code 山本 さくら (yamamoto)}. */
  String person(String userId) {
    return organisation.displayName(userId) + " (" + userId + ")";
  }
}
