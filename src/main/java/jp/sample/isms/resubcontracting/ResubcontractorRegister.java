package jp.sample.isms.resubcontracting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;


/**
 * The re-subcontractors of the 委託先台帳 (8.1.5): one row per approved re-subcontracting, linked to the outsourcing
 * contract by its request number, with who reviewed, who approved and the documents it was approved on. Kept by
 * {@code ServiceTask_RegisterResubcontractor}; nothing is ever deleted.
 */
@Repository
class ResubcontractorRegister {

  /** One approved re-subcontracting. */
  record Entry(String businessKey, String outsourcingBusinessKey, String processInstanceId, String requester,
      String resubcontractor, String scopeOfWork, boolean certified, String reviewer, String approver,
      OffsetDateTime approvedAt, String documents) {
  }

  private final JdbcTemplate jdbc;
  private final ZoneId zone;

  ResubcontractorRegister(JdbcTemplate jdbc, ZoneId zone) {
    this.jdbc = jdbc;
    this.zone = zone;
  }

  Optional<Entry> find(String businessKey) {
    return jdbc.query("select * from resubcontractor_register where business_key = ?", this::entry,
        businessKey).stream().findFirst();
  }

  /** The re-subcontractors of an outsourcing contract, oldest first. */
  List<Entry> forOutsourcing(String outsourcingBusinessKey) {
    return jdbc.query("select * from resubcontractor_register where outsourcing_business_key = ? order by approved_at",
        this::entry, outsourcingBusinessKey);
  }

  void approved(Entry entry) {
    jdbc.update("""
        insert into resubcontractor_register (business_key, outsourcing_business_key, process_instance_id, requester,
          resubcontractor, scope_of_work, certified, reviewer, approver, approved_at, documents)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """, entry.businessKey(), entry.outsourcingBusinessKey(), entry.processInstanceId(), entry.requester(),
        entry.resubcontractor(), entry.scopeOfWork(), entry.certified(), entry.reviewer(), entry.approver(),
        Timestamp.from(entry.approvedAt().toInstant()), entry.documents());
  }

  private Entry entry(ResultSet rs, int row) throws SQLException {
    return new Entry(rs.getString("business_key"), rs.getString("outsourcing_business_key"),
        rs.getString("process_instance_id"), rs.getString("requester"), rs.getString("resubcontractor"),
        rs.getString("scope_of_work"), rs.getBoolean("certified"), rs.getString("reviewer"),
        rs.getString("approver"),
        rs.getTimestamp("approved_at").toInstant().atZone(zone).toOffsetDateTime(),
        rs.getString("documents"));
  }
}
