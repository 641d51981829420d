package jp.sample.isms.support;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Outsourcing requests (process {@code outsourcing}, 8.1) as the demo users file and complete them, for the tests of
 * that flow and of the flows that refer to a running contract (resubcontracting). Names the process's variables and
 * ids as strings, so that no flow's tests reach into another flow's package. Remembers what it started, so that
 * {@link #cleanUp()} removes it again: the tests share one database.
 */
public final class Outsourcings {

  public static final String KEY = "outsourcing";
  public static final String EVALUATE = "UserTask_EvaluateContractor";
  public static final String APPROVE = "UserTask_ApproveSelection";
  public static final String CONFIRM_CONTRACT = "UserTask_ConfirmContract";
  public static final String CONTRACT_ENDED = "IntermediateCatchEvent_ContractEnded";
  public static final List<String> CONTRACT_ITEMS = List.of("contractConfidentiality", "contractResubcontracting",
      "contractIncidentLiability", "contractReturnOrDisposal", "contractAuditRights", "contractNonComplianceMeasures",
      "contractIncidentReporting");
  public static final List<String> NDA_ITEMS = List.of("ndaNoDisclosure", "ndaLimitedHandlers", "ndaHandlerNames",
      "ndaMinimumHandlers", "ndaAccessRecords", "ndaCopyDisposalLog", "ndaCopyDisposalNotice", "ndaReturnOnTermination",
      "ndaPeriodicReports", "ndaAuditAcceptance", "ndaConfidentialityMarking", "ndaAssetInventory");

  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));

  private final ProcessEngine engine;
  private final JdbcTemplate jdbc;
  private final Requests requests;
  private final List<ProcessInstance> started = new ArrayList<>();

  public Outsourcings(ProcessEngine engine, JdbcTemplate jdbc) {
    this.engine = engine;
    this.jdbc = jdbc;
    this.requests = new Requests(engine);
  }

  /** A valid request: INTERNAL assets, a contract from today for one year. */
  public static Map<String, Object> request() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("contractor", "株式会社データ入力サービス");
    variables.put("scopeOfWork", "顧客アンケートのデータ入力");
    variables.put("assetIds", "IA-0001");
    variables.put("assetDescription", "アンケート回答用紙 (紙) 約2,000枚");
    variables.put("contractStart", TODAY.toString());
    variables.put("contractEnd", TODAY.plusYears(1).toString());
    return variables;
  }

  /** A re-subcontracting request (8.1.5) of the running outsourcing {@code outsourcingBusinessKey}, not certified. */
  public static Map<String, Object> resubcontracting(String outsourcingBusinessKey) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("outsourcingBusinessKey", outsourcingBusinessKey);
    variables.put("resubcontractor", "有限会社入力パートナー");
    variables.put("scopeOfWork", "アンケート回答のうち自由記述欄の入力");
    variables.put("resubcontractorCertified", false);
    return variables;
  }

  /** The evaluation on the fifteen criteria of 8.1.1, all met, proposing the selection. */
  public static Map<String, Object> evaluationAllMet() {
    Map<String, Object> variables = new HashMap<>();
    for (int n = 1; n <= 15; n++) {
      String key = String.format("criterion%02d", n);
      variables.put(key, "MET");
      variables.put(key + "Evidence", "訪問時に規程・記録を確認");
    }
    variables.put("decision", "APPROVED");
    variables.put("decisionComment", "");
    return variables;
  }

  public static Map<String, Object> decision(String decision, String comment) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("decision", decision);
    variables.put("decisionComment", comment);
    return variables;
  }

  /** Every item of 8.1.3 and 8.1.6 confirmed. */
  public static Map<String, Object> contractConfirmed() {
    Map<String, Object> variables = new HashMap<>();
    CONTRACT_ITEMS.forEach(item -> variables.put(item, true));
    NDA_ITEMS.forEach(item -> variables.put(item, true));
    variables.put("contractConcludedOn", TODAY.toString());
    variables.put("comment", "");
    return variables;
  }

  /** A periodic evaluation (8.1.4). */
  public static Map<String, Object> periodicEvaluation(String method, String agreement) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("evaluationMethod", method);
    variables.put("evaluatedOn", TODAY.toString());
    variables.put("findings", agreement == null ? "基準どおり実施されている" : "入退室記録の一部が欠けていた");
    variables.put("findingIdentified", agreement != null);
    variables.put("writtenAgreement", agreement == null ? "" : agreement);
    return variables;
  }

  /** Files a request as {@code requester}; cleaned up afterwards. */
  public ProcessInstance file(String requester, Map<String, Object> variables) {
    ProcessInstance instance = requests.file(requester, KEY, variables);
    started.add(instance);
    return instance;
  }

  /** A request of {@code requester} (of 開発設計部) driven to its running contract: ito evaluates, tanaka approves. */
  public ProcessInstance running(String requester) {
    ProcessInstance instance = file(requester, request());
    requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, evaluationAllMet());
    requests.complete(DemoOrganisation.PRESIDENT, instance, decision("APPROVED", ""));
    requests.complete(requester, instance, contractConfirmed());
    return instance;
  }

  /** Removes the instances still running and the register rows of everything this helper started. */
  public void cleanUp() {
    List<String> ids = started.stream().map(ProcessInstance::getId).toList();
    if (!ids.isEmpty()) {
      engine.getRuntimeService().deleteProcessInstancesIfExists(ids, "test clean-up", true, true, true);
    }
    for (ProcessInstance instance : started) {
      jdbc.update("delete from contractor_evaluation where business_key = ?", instance.getBusinessKey());
      jdbc.update("delete from contractor_register where business_key = ?", instance.getBusinessKey());
    }
    started.clear();
  }
}
