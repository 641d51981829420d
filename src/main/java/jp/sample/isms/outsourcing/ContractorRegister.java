package jp.sample.isms.outsourcing;

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
 * 委託先台帳 (8.1.1–8.1.4, 8.1.6): the contracts whose contractor was selected, their status and every evaluation of
 * the contractor. Kept by the delegates of process {@code outsourcing}; nothing is ever deleted.
 */
@Repository
class ContractorRegister {

  static final String SELECTED = "SELECTED";
  static final String RUNNING = "RUNNING";
  static final String ENDED = "ENDED";
  static final String SELECTION = "SELECTION";
  static final String PERIODIC = "PERIODIC";

  /** One contract as registered. */
  record Contract(String businessKey, String processInstanceId, String requester, String departmentCode,
      String contractor, String scopeOfWork, String assetClassification, String assetDescription,
      LocalDate contractStart, LocalDate contractEnd, String status, String evaluator, String approver,
      OffsetDateTime selectedAt, String unmetCriteria, LocalDate contractConcludedOn, String contractConfirmedBy,
      OffsetDateTime contractConfirmedAt, String evaluationInterval, OffsetDateTime endedAt) {
  }

  /** One evaluation of the contractor. */
  record Evaluation(long id, String businessKey, String kind, String method, LocalDate evaluatedOn, String evaluator,
      String unmetCriteria, String findings, boolean findingIdentified, String writtenAgreement) {
  }

  private final JdbcTemplate jdbc;
  private final ZoneId zone;

  ContractorRegister(JdbcTemplate jdbc, ZoneId zone) {
    this.jdbc = jdbc;
    this.zone = zone;
  }

  Optional<Contract> find(String businessKey) {
    return jdbc.query("select * from contractor_register where business_key = ?", this::contract,
        businessKey).stream().findFirst();
  }

  /** The evaluations of a contract, oldest first. */
  List<Evaluation> evaluations(String businessKey) {
    return jdbc.query("select * from contractor_evaluation where business_key = ? order by id",
        this::evaluation, businessKey);
  }

  /** Enters a contract whose contractor the security officer selected (8.1.2). */
  void selected(OutsourcingRequest request, String processInstanceId, String evaluator, String approver,
      String unmetCriteria, OffsetDateTime at) {
    jdbc.update("""
        insert into contractor_register (business_key, process_instance_id, requester, department_code, contractor,
          scope_of_work, asset_classification, asset_description, contract_start, contract_end, status, evaluator,
          approver, selected_at, unmet_criteria)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """, request.businessKey(), processInstanceId, request.requester(), request.departmentCode(),
        request.contractor(), request.scopeOfWork(), request.assetClassification(), request.assetDescription(),
        Date.valueOf(request.contractStart()), Date.valueOf(request.contractEnd()), SELECTED, evaluator, approver,
        timestamp(at), unmetCriteria);
  }

  /** The contract and NDA were confirmed (8.1.3, 8.1.6): the contract runs and is evaluated periodically. */
  void running(String businessKey, LocalDate concludedOn, String confirmedBy, String evaluationInterval,
      OffsetDateTime at) {
    jdbc.update("""
        update contractor_register set status = ?, contract_concluded_on = ?, contract_confirmed_by = ?,
          contract_confirmed_at = ?, evaluation_interval = ? where business_key = ?
        """, RUNNING, concludedOn == null ? null : Date.valueOf(concludedOn), confirmedBy, timestamp(at),
        evaluationInterval, businessKey);
  }

  void ended(String businessKey, OffsetDateTime at) {
    jdbc.update("update contractor_register set status = ?, ended_at = ? where business_key = ?", ENDED,
        timestamp(at), businessKey);
  }

  void evaluated(String businessKey, String processInstanceId, String kind, String method, LocalDate evaluatedOn,
      String evaluator, String unmetCriteria, String findings, boolean findingIdentified, String writtenAgreement,
      OffsetDateTime at) {
    jdbc.update("""
        insert into contractor_evaluation (business_key, evaluation_kind, method, evaluated_on, evaluator,
          unmet_criteria, findings, finding_identified, written_agreement, process_instance_id, recorded_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """, businessKey, kind, method, Date.valueOf(evaluatedOn), evaluator, unmetCriteria, findings,
        findingIdentified, writtenAgreement, processInstanceId, timestamp(at));
  }

  private static Timestamp timestamp(OffsetDateTime at) {
    return Timestamp.from(at.toInstant());
  }

  private OffsetDateTime time(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant().atZone(zone).toOffsetDateTime();
  }

  private static LocalDate date(ResultSet rs, String column) throws SQLException {
    Date value = rs.getDate(column);
    return value == null ? null : value.toLocalDate();
  }

  private Contract contract(ResultSet rs, int row) throws SQLException {
    return new Contract(rs.getString("business_key"), rs.getString("process_instance_id"),
        rs.getString("requester"), rs.getString("department_code"), rs.getString("contractor"),
        rs.getString("scope_of_work"), rs.getString("asset_classification"), rs.getString("asset_description"),
        date(rs, "contract_start"), date(rs, "contract_end"), rs.getString("status"), rs.getString("evaluator"),
        rs.getString("approver"), time(rs, "selected_at"), rs.getString("unmet_criteria"),
        date(rs, "contract_concluded_on"), rs.getString("contract_confirmed_by"), time(rs, "contract_confirmed_at"),
        rs.getString("evaluation_interval"), time(rs, "ended_at"));
  }

  private Evaluation evaluation(ResultSet rs, int row) throws SQLException {
    return new Evaluation(rs.getLong("id"), rs.getString("business_key"), rs.getString("evaluation_kind"),
        rs.getString("method"), date(rs, "evaluated_on"), rs.getString("evaluator"), rs.getString("unmet_criteria"),
        rs.getString("findings"), rs.getBoolean("finding_identified"), rs.getString("written_agreement"));
  }
}
