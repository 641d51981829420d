package jp.sample.isms.administration;

import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import jp.sample.isms.organisation.OneTimePasswords;
import jp.sample.isms.organisation.OrganisationGroups;
import jp.sample.isms.organisation.Role;

/**
 * The first system administrator of an empty installation ({@code isms.bootstrap.administrator=<userId>}, a person of
 * the imported organisation): while no administrator can log in, that person joins {@code camunda-admin} and the
 * system administrator role (1.1) and gets a one-time password, written to the log this once. Once any administrator
 * has a password the setting does nothing but warn: it can never make a second administrator or reset a password.
 */
@Component
public class FirstAdministrator {

  private static final Logger LOG = LoggerFactory.getLogger(FirstAdministrator.class);

  private final String userId;
  private final JdbcTemplate jdbc;
  private final IdentityService identityService;
  private final OneTimePasswords passwords;
  private final AdministrationRecords records;
  private final TransactionTemplate transaction;

  FirstAdministrator(@Value("${isms.bootstrap.administrator:}") String userId, JdbcTemplate jdbc,
      IdentityService identityService, OneTimePasswords passwords, AdministrationRecords records,
      PlatformTransactionManager transactions) {
    this.userId = userId == null ? "" : userId.strip();
    this.jdbc = jdbc;
    this.identityService = identityService;
    this.passwords = passwords;
    this.records = records;
    this.transaction = new TransactionTemplate(transactions);
  }

  /**
   * Makes the first administrator if asked to and none can log in yet.
   *
   * @throws IllegalStateException the setting names no person of the organisation (the start stops: fix the setting)
   */
  public void ensure() {
    if (userId.isEmpty()) {
      if (administratorsWithPassword() == 0) {
        LOG.warn("管理者がまだいません。組織を isms.organisation.file (ISMS_ORGANISATION_FILE) で取り込み、"
            + "isms.bootstrap.administrator (ISMS_BOOTSTRAP_ADMINISTRATOR) にその従業員のユーザーIDを設定して起動して"
            + "ください。Camunda Admin の初期管理者設定 (setup) は使えません (no administrator can log in yet: import"
            + " the organisation with isms.organisation.file and set isms.bootstrap.administrator to a user id of it,"
            + " then start again; Camunda Admin's set-up of a first administrator is not offered; see"
            + " docs/operations.md section 3)");
      }
      return;
    }
    String password = transaction.execute(status -> {
      // the chain head row serialises nodes starting at once: one of them makes the administrator
      jdbc.queryForObject("select last_id from audit_chain_head where id = 1 for update", Long.class);
      if (administratorsWithPassword() > 0) {
        return null;
      }
      Integer placed = jdbc.queryForObject("select count(*) from org_person where user_id = ?", Integer.class, userId);
      if (placed == null || placed == 0) {
        throw new IllegalStateException("isms.bootstrap.administrator=" + userId + " は取り込んだ組織の従業員では"
            + "ありません (not a person of the imported organisation): import the organisation first"
            + " (isms.organisation.file)");
      }
      for (String group : new String[] {OrganisationGroups.CAMUNDA_ADMIN, Role.SYSTEM_ADMINISTRATOR.groupId(null)}) {
        if (identityService.createUserQuery().userId(userId).memberOfGroup(group).count() == 0) {
          identityService.createMembership(userId, group);
        }
      }
      String issued = passwords.issue(userId);
      records.record(AdministrationRecords.Change.FIRST_ADMINISTRATOR, AdministrationRecords.SYSTEM,
          records.person(userId) + " を camunda-admin とシステム管理者に登録し、ワンタイムパスワードを発行"
              + " (isms.bootstrap.administrator)");
      return issued;
    });
    if (password == null) {
      LOG.warn("""

          ************************************************************************************************
          isms.bootstrap.administrator={} は無視しました: 管理者はすでにいます。この設定を削除してください。
          IGNORED: an administrator exists already. Nothing was changed. Remove isms.bootstrap.administrator.
          ************************************************************************************************""",
          userId);
      return;
    }
    LOG.warn("""

        ************************************************************************************************
        最初のシステム管理者 (first system administrator): {}
        ワンタイムパスワード (one-time password, shown this once): {}
        ログイン後すぐにパスワードを変更してください (change it at the first login).
        その後 isms.bootstrap.administrator の設定を削除してください (then remove the setting).
        ************************************************************************************************""",
        userId, password);
  }

  private int administratorsWithPassword() {
    return jdbc.queryForObject("select count(*) from ACT_ID_MEMBERSHIP m join ACT_ID_USER u on u.ID_ = m.USER_ID_ "
        + "where m.GROUP_ID_ = ? and u.PWD_ is not null", Integer.class, OrganisationGroups.CAMUNDA_ADMIN);
  }
}
