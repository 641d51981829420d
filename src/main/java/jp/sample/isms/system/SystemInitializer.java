package jp.sample.isms.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import jp.sample.isms.organisation.AccountStates;
import jp.sample.isms.organisation.OrganisationFile;
import jp.sample.isms.organisation.OrganisationImporter;

/**
 * Runs once the engine has deployed the flows and before the web server takes requests: the production safety check,
 * the organisation file, the first administrator of an empty installation, the age of passwords not dated yet (5.1.8),
 * the kernel records of requests filed before an upgrade, the engine authorizations and the Tasklist filters — in that
 * order. The steps of other modules are events ({@link StartUp}) they listen to.
 */
@Component
class SystemInitializer implements SmartInitializingSingleton {

  private static final Logger LOG = LoggerFactory.getLogger(SystemInitializer.class);

  private final IsmsProperties properties;
  private final ProductionSafetyCheck safetyCheck;
  private final OrganisationImporter importer;
  private final EngineAuthorizations authorizations;
  private final TasklistFilters filters;
  private final ResourceLoader resourceLoader;
  private final AccountStates accounts;
  private final String organisationEncoding;
  private final ApplicationEventPublisher events;

  SystemInitializer(IsmsProperties properties, ProductionSafetyCheck safetyCheck, OrganisationImporter importer,
      EngineAuthorizations authorizations, TasklistFilters filters, ResourceLoader resourceLoader,
      AccountStates accounts, ApplicationEventPublisher events,
      @Value("${isms.organisation.encoding:}") String organisationEncoding) {
    this.events = events;
    this.organisationEncoding = organisationEncoding;
    this.properties = properties;
    this.safetyCheck = safetyCheck;
    this.importer = importer;
    this.authorizations = authorizations;
    this.filters = filters;
    this.resourceLoader = resourceLoader;
    this.accounts = accounts;
  }

  @Override
  public void afterSingletonsInstantiated() {
    safetyCheck.check();
    if (properties.demo().enabled()) {
      importer.importFile(resourceLoader.getResource(properties.demo().organisationFile()), null,
          properties.demo().password());
    }
    String file = properties.organisation().file();
    // the company's organisation file: new persons get no password (they cannot log in) until the system
    // administrator issues a one-time password; a bad row stops the start with every bad line listed; then the first
    // administrator of an empty installation (administration)
    events.publishEvent(StringUtils.hasText(file)
        ? new StartUp.Organisation(resourceLoader.getResource(file), OrganisationFile.encoding(organisationEncoding))
        : new StartUp.Organisation(null, null));
    // 5.1.8: a password whose age is unknown (users of a version before password expiry) counts from now, so that an
    // upgrade never makes every existing password lapse at once
    int dated = accounts.startPasswordClocks(java.time.Instant.now());
    if (dated > 0) {
      LOG.info("password age starts now for {} users whose password was not dated yet (5.1.8)", dated);
    }
    // requests in flight at an upgrade keep going: their filing and route records, from the decision record and the
    // open steps (after the organisation is read: the filing's section comes from it)
    events.publishEvent(new StartUp.RequestsInFlight());
    authorizations.ensure();
    filters.ensure();
    safetyCheck.check();
    LOG.info("isms-approval ready (environment={}, demo organisation={})", properties.environment(),
        properties.demo().enabled());
  }
}
