package jp.sample.isms.design;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import jp.sample.isms.audit.AuditRecorder;

/**
 * The regulation revision (1.4): {@code yyyy-MM} of the approval of a model revision, with {@code -2}, {@code -3} …
 * when that month already has one. The newest row is the current revision; before the first approval the configured
 * {@code isms.regulation.revision}.
 */
@Component
public class RegulationRevisions {

  /** The current revision and the request that made it (null for the configured initial revision). */
  public record Revision(String revision, OffsetDateTime approvedAt, String businessKey) {
  }

  private final JdbcTemplate jdbc;
  private final String initial;
  private final ZoneId zone;
  private final AuditRecorder audit;

  RegulationRevisions(JdbcTemplate jdbc, @Value("${isms.regulation.revision:2026-04}") String initial, ZoneId zone,
      AuditRecorder audit) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.initial = initial;
    this.zone = zone;
  }

  public Revision current() {
    List<Revision> rows = jdbc.query("select revision, approved_at, business_key from regulation_revision "
        + "order by id desc", (rs, i) -> new Revision(rs.getString(1),
            rs.getTimestamp(2).toInstant().atZone(zone).toOffsetDateTime(), rs.getString(3)));
    return rows.isEmpty() ? new Revision(initial, null, null) : rows.get(0);
  }

  /** Records a new revision for an approval at the given time and returns its name. */
  String record(String businessKey, String approvedBy, OffsetDateTime approvedAt) {
    String month = YearMonth.from(approvedAt.atZoneSameInstant(zone)).toString();
    Integer taken = jdbc.queryForObject("select count(*) from regulation_revision where revision = ? "
        + "or revision like ?", Integer.class, month, month + "-%");
    String revision = taken == null || taken == 0 ? month : month + "-" + (taken + 1);
    jdbc.update("insert into regulation_revision (revision, business_key, approved_by, approved_at) values (?, ?, ?, ?)",
        revision, businessKey, approvedBy, java.sql.Timestamp.from(approvedAt.toInstant()));
    // the records written later in this command carry the new revision
    audit.regulationRevisionRecorded(revision);
    return revision;
  }
}
