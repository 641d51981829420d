package jp.sample.isms.organisation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Disabled accounts and last logins of the product's own users (5.1.7: 停止・無効化; unused accounts); when each
 * password was set, whether it must be changed, and whether its expiry was warned of (5.1.8).
 *
 * <p>Every authenticated HTTP request asks whether its user is disabled (the login) and how their password stands (the
 * password-change guard): both come from one read of the user's row, kept for the rest of the request. Every change
 * made here goes through one write ({@link #write}) that forgets what the request read, so a request that changes an
 * account reads it again.
 */
@Repository
public class AccountStates {

  private final JdbcTemplate jdbc;

  public AccountStates(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  private static final String READ = AccountStates.class.getName() + ".read.";

  public boolean isDisabled(String userId) {
    return state(userId).disabled();
  }

  /** The user's row as this HTTP request read it first; outside a request, as the database holds it now. */
  private State state(String userId) {
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    if (request == null || userId == null) {
      return read(userId);
    }
    Object known = request.getAttribute(READ + userId, RequestAttributes.SCOPE_REQUEST);
    if (known instanceof State state) {
      return state;
    }
    State state = read(userId);
    request.setAttribute(READ + userId, state, RequestAttributes.SCOPE_REQUEST);
    return state;
  }

  private State read(String userId) {
    return jdbc.query("select disabled, must_change_password, password_changed_at from account_state where user_id = ?",
        rs -> rs.next() ? new State(rs.getBoolean(1), new PasswordState(rs.getBoolean(2), instant(rs.getTimestamp(3))))
            : new State(false, new PasswordState(false, null)), userId);
  }

  /**
   * The only write to {@code account_state}: when it changed a row, what this request read of any account is read
   * again.
   *
   * @return how many rows it changed
   */
  private int write(String sql, Object... args) {
    int changed = jdbc.update(sql, args);
    if (changed > 0) {
      forgetWhatTheRequestRead();
    }
    return changed;
  }

  private static void forgetWhatTheRequestRead() {
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    if (request != null) {
      for (String name : request.getAttributeNames(RequestAttributes.SCOPE_REQUEST)) {
        if (name.startsWith(READ)) {
          request.removeAttribute(name, RequestAttributes.SCOPE_REQUEST);
        }
      }
    }
  }

  private record State(boolean disabled, PasswordState password) {
  }

  public void disable(String userId, String by, String reason) {
    ensureRow(userId);
    write("update account_state set disabled = true, disabled_at = ?, disabled_by = ?, reason = ? where user_id = ?",
        Timestamp.from(Instant.now()), by, reason, userId);
  }

  public void enable(String userId) {
    ensureRow(userId);
    write("update account_state set disabled = false, disabled_at = null, disabled_by = null, reason = null, "
        + "last_login_at = ? where user_id = ?", Timestamp.from(Instant.now()), userId);
  }

  /**
   * Notes a successful login; written at most once an hour per user (every REST call logs in). A password whose age
   * was not known yet (a user the product had not seen) starts its clock now (5.1.8).
   */
  public void loggedIn(String userId) {
    Instant now = Instant.now();
    Timestamp hourAgo = Timestamp.from(now.minusSeconds(3600));
    int updated = write("update account_state set last_login_at = ?, "
        + "password_changed_at = coalesce(password_changed_at, ?) "
        + "where user_id = ? and (last_login_at is null or last_login_at < ?)", Timestamp.from(now),
        Timestamp.from(now), userId, hourAgo);
    if (updated > 0) {
        return;
    }
    if (jdbc.queryForObject("select count(*) from account_state where user_id = ?", Integer.class, userId) == 0) {
        ensureRow(userId);
      write("update account_state set last_login_at = ?, password_changed_at = coalesce(password_changed_at, ?) "
          + "where user_id = ?", Timestamp.from(now), Timestamp.from(now), userId);
    }
  }

  public boolean mustChangePassword(String userId) {
    return password(userId).mustChange();
  }

  /**
   * What the password check of every request needs, in one query: whether the password must be changed, and since
   * when it is in use (null: not known yet).
   */
  public PasswordState password(String userId) {
    return state(userId).password();
  }

  /** A password was set: by the user themselves (done), or by someone else (to be changed at the next login). */
  public void passwordSet(String userId, boolean byTheUser) {
    ensureRow(userId);
    write("update account_state set must_change_password = ?, password_changed_at = ?, "
        + "password_expiry_warned_at = null where user_id = ?", !byTheUser, Timestamp.from(Instant.now()), userId);
  }

  /**
   * A password was set with no user logged in (organisation import at start, the Java API in a job): its age counts
   * from now; whether it must be changed stays as it was.
   */
  public void passwordSetBySystem(String userId) {
    ensureRow(userId);
    write("update account_state set password_changed_at = ?, password_expiry_warned_at = null where user_id = ?",
        Timestamp.from(Instant.now()), userId);
  }

  /**
   * 5.1.8: starts the age of every password the product has not dated yet (users loaded before password ages were
   * kept, rows of earlier versions) at {@code now}, so that an upgrade never lets every existing password lapse at
   * once. Users without a password are left alone: their clock starts when one is set.
   *
   * @return how many passwords were dated
   */
  public int startPasswordClocks(Instant now) {
    Timestamp at = Timestamp.from(now);
    int inserted;
    try {
      inserted = write("""
          insert into account_state (user_id, disabled, password_changed_at)
          select u.ID_, false, cast(? as timestamp with time zone) from ACT_ID_USER u
           where u.PWD_ is not null and not exists (select 1 from account_state s where s.user_id = u.ID_)
          """, at);
    } catch (DuplicateKeyException e) {
      // another node starting, or a login, created a row meanwhile; the update below dates it if needed
      inserted = 0;
    }
    int updated = write("""
        update account_state set password_changed_at = ?
         where password_changed_at is null and user_id in (select u.ID_ from ACT_ID_USER u where u.PWD_ is not null)
        """, at);
    return inserted + updated;
  }

  /** Enabled users with a password in use since before {@code changedBefore} whose expiry was not warned of yet. */
  public List<PasswordAge> unwarnedPasswordsSetBefore(Instant changedBefore) {
    return jdbc.query("""
        select s.user_id, s.password_changed_at from account_state s join ACT_ID_USER u on u.ID_ = s.user_id
         where s.disabled = false and u.PWD_ is not null and s.password_expiry_warned_at is null
           and s.password_changed_at is not null and s.password_changed_at <= ?
         order by s.user_id
        """, (rs, i) -> new PasswordAge(rs.getString(1), instant(rs.getTimestamp(2))), Timestamp.from(changedBefore));
  }

  /**
   * Notes the expiry warning of the password set at {@code changedAt}; nothing if the password changed meanwhile.
   *
   * @return whether it was noted
   */
  public boolean passwordExpiryWarned(String userId, Instant changedAt, Instant at) {
    return write("update account_state set password_expiry_warned_at = ? where user_id = ? "
        + "and password_changed_at = ?", Timestamp.from(at), userId, Timestamp.from(changedAt)) == 1;
  }

  /** Whether a password must be changed, and since when it is in use (null: the product has not dated it yet). */
  public record PasswordState(boolean mustChange, Instant changedAt) {
  }

  /** A user's password and since when it is in use. */
  public record PasswordAge(String userId, Instant changedAt) {
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
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
      write("insert into account_state (user_id, disabled) select ?, false from (values (1)) as one (x) "
          + "where not exists (select 1 from account_state where user_id = ?)", userId, userId);
    } catch (DuplicateKeyException e) {
      // created at the same moment by another login
    }
  }
}
