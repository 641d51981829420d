package jp.sample.isms.accountrequest;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;


/**
 * システムアカウント及び付帯情報管理台帳 (5.1.5, 5.1.7): one row per account of a person on a system, with its rights,
 * who approved it, who set it up and, once disabled, who disabled it and when. Rows are kept by the delegates of
 * process {@code accountRequest}; nothing is ever deleted.
 */
@Repository
public class AccountRegister {

  public static final String ACTIVE = "ACTIVE";
  public static final String DISABLED = "DISABLED";

  /** One account as registered. */
  public record Entry(long id, String userId, String system, String accountId, String accessRights,
      boolean privileged, boolean sharedAccount, String status, OffsetDateTime createdAt, OffsetDateTime changedAt,
      OffsetDateTime disabledAt, LocalDate disabledOn, String approvedBy, String setUpBy, String disabledBy,
      String createdByRequest, String lastRequest) {
  }

  private final JdbcTemplate jdbc;
  private final ZoneId zone;

  AccountRegister(JdbcTemplate jdbc, ZoneId zone) {
    this.jdbc = jdbc;
    this.zone = zone;
  }

  /** The person's active account on the system, if any (5.1.1: at most one). */
  public Optional<Entry> active(String userId, String system) {
    return jdbc.query("select * from account_register where user_id = ? and system_code = ? and status = ? "
        + "order by id desc", this::entry, userId, system, ACTIVE).stream().findFirst();
  }

  /** Every account the person has or had, newest first. */
  public List<Entry> forUser(String userId) {
    return jdbc.query("select * from account_register where user_id = ? order by id desc", this::entry,
        userId);
  }

  public List<Entry> all() {
    return jdbc.query("select * from account_register order by user_id, system_code, id", this::entry);
  }

  /** Enters a newly set-up account (5.1.5). */
  void created(String userId, String system, String accountId, String accessRights, boolean privileged,
      boolean sharedAccount, String approvedBy, String setUpBy, String businessKey, OffsetDateTime at) {
    jdbc.update("""
        insert into account_register (user_id, system_code, account_id, access_rights, privileged, shared_account,
          status, created_at, approved_by, set_up_by, created_by_request, last_request)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """, userId, system, accountId, accessRights, privileged, sharedAccount, ACTIVE, timestamp(at), approvedBy,
        setUpBy, businessKey, businessKey);
  }

  /** Records a change of an account's rights (5.1.5). */
  void changed(long id, String accountId, String accessRights, boolean privileged, boolean sharedAccount,
      String approvedBy, String setUpBy, String businessKey, OffsetDateTime at) {
    jdbc.update("""
        update account_register set account_id = ?, access_rights = ?, privileged = ?, shared_account = ?,
          approved_by = ?, set_up_by = ?, last_request = ?, changed_at = ? where id = ?
        """, accountId, accessRights, privileged, sharedAccount, approvedBy, setUpBy, businessKey, timestamp(at), id);
  }

  /** Records that an account was stopped and disabled (5.1.7). */
  void disabled(long id, LocalDate disabledOn, String disabledBy, String businessKey, OffsetDateTime at) {
    jdbc.update("""
        update account_register set status = ?, disabled_on = ?, disabled_by = ?, disabled_at = ?, last_request = ?
         where id = ?
        """, DISABLED, Date.valueOf(disabledOn), disabledBy, timestamp(at), businessKey, id);
  }

  private static Timestamp timestamp(OffsetDateTime at) {
    return Timestamp.from(at.toInstant());
  }

  private OffsetDateTime time(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant().atZone(zone).toOffsetDateTime();
  }

  private Entry entry(ResultSet rs, int row) throws SQLException {
    Date disabledOn = rs.getDate("disabled_on");
    return new Entry(rs.getLong("id"), rs.getString("user_id"), rs.getString("system_code"),
        rs.getString("account_id"), rs.getString("access_rights"), rs.getBoolean("privileged"),
        rs.getBoolean("shared_account"), rs.getString("status"), time(rs, "created_at"), time(rs, "changed_at"),
        time(rs, "disabled_at"), disabledOn == null ? null : disabledOn.toLocalDate(), rs.getString("approved_by"),
        rs.getString("set_up_by"), rs.getString("disabled_by"), rs.getString("created_by_request"),
        rs.getString("last_request"));
  }
}
