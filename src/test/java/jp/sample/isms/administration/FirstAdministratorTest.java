package jp.sample.isms.administration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.organisation.AccountStates;
import jp.sample.isms.organisation.OneTimePasswords;
import jp.sample.isms.organisation.OrganisationGroups;
import jp.sample.isms.organisation.OrganisationService;
import jp.sample.isms.organisation.Role;
import jp.sample.isms.support.DemoOrganisation;

/**
 * {@code isms.bootstrap.administrator}: while no administrator can log in, the named person becomes the system
 * administrator with a one-time password written to the log once; once one can, the setting changes nothing and says
 * so loudly. The demo organisation's administrators are taken away inside a transaction that is rolled back.
 */
@IsmsSpringBootTest
@ExtendWith(OutputCaptureExtension.class)
class FirstAdministratorTest {

  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  IdentityService identityService;
  @Autowired
  OneTimePasswords passwords;
  @Autowired
  AdministrationRecords records;
  @Autowired
  PlatformTransactionManager transactions;
  @Autowired
  OrganisationService organisation;
  @Autowired
  AccountStates accounts;

  private FirstAdministrator bootstrap(String userId) {
    return new FirstAdministrator(userId, jdbc, identityService, passwords, records, transactions);
  }

  @Test
  void onAnInstallationWithoutAdministratorsTheNamedPersonBecomesOneOnce(CapturedOutput output) {
    new TransactionTemplate(transactions).executeWithoutResult(status -> {
      status.setRollbackOnly();
      // given an installation where no administrator has a password (as right after the first import)
      for (String admin : organisation.members(OrganisationGroups.CAMUNDA_ADMIN)) {
        identityService.deleteMembership(admin, OrganisationGroups.CAMUNDA_ADMIN);
      }
      jdbc.update("update ACT_ID_USER set PWD_ = null where ID_ = 'kato'");

      // when the application starts with isms.bootstrap.administrator=kato
      bootstrap(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE).ensure();

      // then kato is camunda-admin and holds the system administrator role, with a one-time password to change
      assertThat(organisation.members(OrganisationGroups.CAMUNDA_ADMIN)).containsExactly(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE);
      assertThat(organisation.members(Role.SYSTEM_ADMINISTRATOR.groupId(null))).contains(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE);
      assertThat(accounts.mustChangePassword(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE)).isTrue();
      String hash = jdbc.queryForObject("select PWD_ from ACT_ID_USER where ID_ = 'kato'", String.class);
      assertThat(hash).isNotNull();
      String log = output.getAll();
      assertThat(log).contains("first system administrator", DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE);
      assertThat(jdbc.queryForObject("select count(*) from audit_record where step = 'FirstAdministrator' "
          + "and comment like '%kato%'", Integer.class)).isEqualTo(1);

      // and a later start with the setting still there changes nothing and warns
      bootstrap(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE).ensure();
      bootstrap(DemoOrganisation.DESIGN_EMPLOYEE).ensure();
      assertThat(jdbc.queryForObject("select PWD_ from ACT_ID_USER where ID_ = 'kato'", String.class)).isEqualTo(hash);
      assertThat(organisation.members(OrganisationGroups.CAMUNDA_ADMIN)).containsExactly(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE);
      assertThat(output.getAll().substring(log.length())).contains("IGNORED: an administrator exists already")
          .doesNotContain("one-time password, shown this once");
    });
  }

  @Test
  void withAnAdministratorThereTheSettingChangesNothing(CapturedOutput output) {
    String before = jdbc.queryForObject("select PWD_ from ACT_ID_USER where ID_ = 'yamamoto'", String.class);
    bootstrap(DemoOrganisation.DESIGN_EMPLOYEE).ensure();
    assertThat(organisation.members(OrganisationGroups.CAMUNDA_ADMIN)).doesNotContain(DemoOrganisation.DESIGN_EMPLOYEE);
    assertThat(jdbc.queryForObject("select PWD_ from ACT_ID_USER where ID_ = 'yamamoto'", String.class))
        .isEqualTo(before);
    assertThat(output.getAll()).contains("IGNORED: an administrator exists already");
  }

  @Test
  void aPersonOutsideTheOrganisationIsRefused() {
    new TransactionTemplate(transactions).executeWithoutResult(status -> {
      status.setRollbackOnly();
      for (String admin : organisation.members(OrganisationGroups.CAMUNDA_ADMIN)) {
        identityService.deleteMembership(admin, OrganisationGroups.CAMUNDA_ADMIN);
      }
      assertThatThrownBy(() -> bootstrap("someone-else").ensure()).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("not a person of the imported organisation");
    });
  }
}
