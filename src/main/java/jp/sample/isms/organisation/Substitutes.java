package jp.sample.isms.organisation;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

/** 代理承認: who stands in for whom, from when to when (dates inclusive, Japan time). */
@Service
public class Substitutes {

  /** One substitution. */
  public record Substitution(long id, String principal, String substitute, LocalDate validFrom, LocalDate validTo,
      String reason, String createdBy) {
  }

  private final JdbcTemplate jdbc;
  private final Clock clock;

  public Substitutes(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public long name(String principal, String substitute, LocalDate from, LocalDate to, String reason, String by) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      var insert = connection.prepareStatement("""
          insert into approval_substitute (principal, substitute, valid_from, valid_to, reason, created_by, created_at)
          values (?, ?, ?, ?, ?, ?, ?)
          """, new String[] {"id"});
      insert.setString(1, principal);
      insert.setString(2, substitute);
      insert.setDate(3, Date.valueOf(from));
      insert.setDate(4, Date.valueOf(to));
      insert.setString(5, reason);
      insert.setString(6, by);
      insert.setTimestamp(7, Timestamp.from(Instant.now()));
      return insert;
    }, key);
    return key.getKey().longValue();
  }

  public boolean revoke(long id) {
    return jdbc.update("update approval_substitute set revoked_at = ? where id = ? and revoked_at is null",
        Timestamp.from(Instant.now()), id) == 1;
  }

  public Optional<Substitution> find(long id) {
    return jdbc.query("select * from approval_substitute where id = ?", (rs, i) -> map(rs), id).stream().findFirst();
  }

  /** Substitutions in force today for the principal. */
  public List<String> activeSubstitutesOf(String principal) {
    return jdbc.queryForList("""
        select substitute from approval_substitute
         where principal = ? and revoked_at is null and valid_from <= ? and valid_to >= ?
        """, String.class, principal, Date.valueOf(today()), Date.valueOf(today()));
  }

  /** Whom the user stands in for today. */
  public List<String> activePrincipalsOf(String substitute) {
    return jdbc.queryForList("""
        select principal from approval_substitute
         where substitute = ? and revoked_at is null and valid_from <= ? and valid_to >= ?
        """, String.class, substitute, Date.valueOf(today()), Date.valueOf(today()));
  }

  public List<Substitution> involving(String userId) {
    return jdbc.query("""
        select * from approval_substitute where (principal = ? or substitute = ?) and revoked_at is null
         order by valid_from
        """, (rs, i) -> map(rs), userId, userId);
  }

  public List<Substitution> all() {
    return jdbc.query("select * from approval_substitute where revoked_at is null order by valid_from",
        (rs, i) -> map(rs));
  }

  /** Today, in the product's time zone. */
  public LocalDate today() {
    return LocalDate.now(clock);
  }

  private static Substitution map(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Substitution(rs.getLong("id"), rs.getString("principal"), rs.getString("substitute"),
        rs.getDate("valid_from").toLocalDate(), rs.getDate("valid_to").toLocalDate(), rs.getString("reason"),
        rs.getString("created_by"));
  }
}
