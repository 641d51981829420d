package jp.sample.isms.administration;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import jp.sample.isms.system.StartUp;

/**
 * The administration's steps of the start-up, in this order: the company's organisation file (new persons get no
 * password until the system administrator issues a one-time password; a bad row stops the start with every bad line
 * listed), then the first administrator of an empty installation.
 */
@Component
class AdministrationAtStart {

  private final OrganisationAtStart organisationAtStart;
  private final FirstAdministrator firstAdministrator;

  AdministrationAtStart(OrganisationAtStart organisationAtStart, FirstAdministrator firstAdministrator) {
    this.organisationAtStart = organisationAtStart;
    this.firstAdministrator = firstAdministrator;
  }

  @EventListener
  void organisation(StartUp.Organisation step) {
    if (step.file() != null) {
      organisationAtStart.importFile(step.file(), step.encoding());
    }
    firstAdministrator.ensure();
  }
}
