package jp.sample.isms.organisation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Disabled accounts and last logins of the product's own users (5.1.7: 停止・無効化; unused accounts). */
@Repository
public class AccountStates {

  private final JdbcTemplate jdbc;

  public AccountStates(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public boolean isDisabled(String userId) {
    return Boolean.TRUE.equals(jdbc.query("select disabled from account_state where user_id = ?",
        rs -> rs.next() ? rs.getBoolean(1) : Boolean.FALSE, userId));
  }

  public void disable(String userId, String by, String reason) {
    ensureRow(userId);
    jdbc.update("update account_state set disabled = true, disabled_at = ?, disabled_by = ?, reason = ? where user_id = ?",
        Timestamp.from(Instant.now()), by, reason, userId);
  }

  public void enable(String userId) {
    ensureRow(userId);
    jdbc.update("update account_state set disabled = false, disabled_at = null, disabled_by = null, reason = null, "
        + "last_login_at = ? where user_id = ?", Timestamp.from(Instant.now()), userId);
  }

  /** Notes a successful login; written at most once an hour per user (every REST call logs in). */
  public void loggedIn(String userId) {
    Instant now = Instant.now();
    Timestamp hourAgo = Timestamp.from(now.minusSeconds(3600));
    if (jdbc.update("update account_state set last_login_at = ? where user_id = ? and (last_login_at is null "
        + "or last_login_at < ?)", Timestamp.from(now), userId, hourAgo) == 0
        && jdbc.queryForObject("select count(*) from account_state where user_id = ?", Integer.class, userId) == 0) {
      ensureRow(userId);
      jdbc.update("update account_state set last_login_at = ? where user_id = ?", Timestamp.from(now), userId);
    }
  }

  public boolean mustChangePassword(String userId) {
    return Boolean.TRUE.equals(jdbc.query("select must_change_password from account_state where user_id = ?",
        rs -> rs.next() ? rs.getBoolean(1) : Boolean.FALSE, userId));
  }

  /** A password was set: by the user themselves (done), or by someone else (to be changed at the next login). */
  public void passwordSet(String userId, boolean byTheUser) {
    ensureRow(userId);
    jdbc.update("update account_state set must_change_password = ?, password_changed_at = ? where user_id = ?",
        !byTheUser, Timestamp.from(Instant.now()), userId);
  }

  /** Enabled users whose last login (or, never logged in, whose account state began) is before {@code before}. */
  public List<String> inactiveSince(Instant before) {
    return jdbc.queryForList("""
        select u.ID_ from ACT_ID_USER u left join account_state s on s.user_id = u.ID_
         where coalesce(s.disabled, false) = false and s.last_login_at is not null and s.last_login_at < ?
        """, String.class, Timestamp.from(before));
  }

  private void ensureRow(String userId) {
    try {
      jdbc.update("insert into account_state (user_id, disabled) select ?, false from (values (1)) as one (x) "
          + "where not exists (select 1 from account_state where user_id = ?)", userId, userId);
    } catch (DuplicateKeyException e) {
      // created at the same moment by another login
    }
  }
}
