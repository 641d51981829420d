package jp.sample.isms.support;

import java.nio.charset.StandardCharsets;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.jdbc.core.JdbcTemplate;

import jp.sample.isms.organisation.OrganisationFile;
import jp.sample.isms.organisation.OrganisationImporter;

/**
 * A person added to the shared demo organisation for one test and removed again afterwards, so that the demo users
 * other tests rely on keep their passwords, accounts and roles.
 */
public final class TemporaryPersons {

  private TemporaryPersons() {
  }

  /** Imports the person into the department, without a password (as every imported person). */
  public static void add(OrganisationImporter importer, String userId, String department) {
    byte[] csv = ("userId,lastName,firstName,email,departmentCode,departmentName\r\n" + userId + ",新人,太郎,"
        + userId + "@sample-printing.example," + department + ",\r\n").getBytes(StandardCharsets.UTF_8);
    importer.importOrganisation(OrganisationFile.read("new.csv", csv, null).data(), null);
  }

  public static void remove(IdentityService identityService, JdbcTemplate jdbc, String userId) {
    identityService.createGroupQuery().groupMember(userId).list()
        .forEach(group -> identityService.deleteMembership(userId, group.getId()));
    identityService.deleteUser(userId);
    jdbc.update("delete from org_person where user_id = ?", userId);
    jdbc.update("delete from account_state where user_id = ?", userId);
  }
}
