package jp.sample.isms.audit;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import jp.sample.isms.organisation.OrganisationChanged;
import jp.sample.isms.organisation.OrganisationService;
import jp.sample.isms.organisation.Role;

/**
 * Every 人事異動 is on the record (1.1): written in the transaction of the change itself (a plain, synchronous
 * listener), so the change and its record commit or roll back together.
 */
@Component
class OrganisationChangeRecords {

  private final AuditRecorder audit;
  private final OrganisationService organisation;

  OrganisationChangeRecords(AuditRecorder audit, OrganisationService organisation) {
    this.audit = audit;
    this.organisation = organisation;
  }

  @EventListener
  void on(OrganisationChanged change) {
    audit.record(AuditEntry.event("organisation", "OrganisationChange", "人事異動", AuditStepKind.ORGANISATION)
        .by(change.by(), organisation.displayName(change.by())).actingAs(Role.SYSTEM_ADMINISTRATOR)
        .outcome(outcome(change.kind())).comment(change.comment()).clauses("1.1").build());
  }

  private static Outcome outcome(OrganisationChanged.Kind kind) {
    return switch (kind) {
      case ROLE_HOLDER_REPLACED -> Outcome.ROLE_HOLDER_REPLACED;
      case ROLE_HOLDER_ADDED -> Outcome.ROLE_HOLDER_ADDED;
      case ROLE_HOLDER_REMOVED -> Outcome.ROLE_HOLDER_REMOVED;
      case MOVED -> Outcome.MOVED;
    };
  }
}
