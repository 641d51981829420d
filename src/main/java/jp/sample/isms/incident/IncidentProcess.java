package jp.sample.isms.incident;

/** Names of process {@code incident} (bpmn/incident.bpmn): key, decisions, element ids and variables. */
public final class IncidentProcess {

  public static final String KEY = "incident";
  public static final String DECISION_LEVEL = "incidentLevel";
  public static final String DECISION_RESPONDER = "incidentResponder";
  public static final String DECISION_PROCEDURE = "incidentProcedure";
  public static final String MESSAGE_RELEVELLED = "IncidentRelevelled";

  public static final String START_EVENT = "StartEvent_IncidentReported";
  public static final String TASK_RECORD_REPORT = "ServiceTask_RecordReport";
  public static final String TASK_PROPOSE_LEVEL = "BusinessRuleTask_ProposeLevel";
  public static final String TASK_DETERMINE_RESPONDERS = "ServiceTask_DetermineResponders";
  public static final String SUBPROCESS_ACKNOWLEDGEMENT = "SubProcess_Acknowledgement";
  public static final String TASK_ACKNOWLEDGE = "UserTask_AcknowledgeIncident";
  public static final String TIMER_ACKNOWLEDGEMENT_OVERDUE = "BoundaryEvent_AcknowledgementOverdue";
  public static final String TASK_ESCALATE_ACKNOWLEDGEMENT = "ServiceTask_EscalateAcknowledgement";
  public static final String TASK_CONFIRM_LEVEL = "UserTask_ConfirmLevel";
  public static final String TASK_RECORD_LEVEL_CHANGE = "ServiceTask_RecordLevelChange";
  public static final String TASK_PLAN_RESPONSE = "ServiceTask_PlanResponse";
  public static final String SUBPROCESS_RESPONSE = "SubProcess_Response";
  public static final String EVENT_LEVEL_CHANGED = "BoundaryEvent_LevelChanged";
  public static final String TASK_CARRY_OUT_STEP = "UserTask_CarryOutProcedureStep";
  public static final String TASK_RECOVER_TARGET = "UserTask_RecoverServiceTarget";
  public static final String TASK_REPORT_CLOSURE = "UserTask_ReportClosure";
  public static final String TASK_APPROVE_BY_INCIDENT_OFFICER = "UserTask_ApproveClosureByIncidentOfficer";
  public static final String TASK_APPROVE_BY_PRESIDENT = "UserTask_ApproveClosureByPresident";
  public static final String TASK_RE_EDUCATE = "UserTask_ReEducateViolator";
  public static final String TASK_RECORD_RE_EDUCATION = "ServiceTask_RecordReEducation";
  public static final String TASK_CLOSE = "ServiceTask_CloseIncident";
  public static final String END_CLOSED = "EndEvent_IncidentClosed";

  // the report (start form): only what and when are required
  public static final String SUMMARY = "summary";
  public static final String DISCOVERED_AT = "discoveredAt";
  /** LEAK, TAMPERING, SERVICE_OUTAGE, VIRUS, ATTACK_NOTICE (9.4). */
  public static final String KIND = "incidentKind";
  public static final String ASSET_IDS = "assetIds";
  public static final String PERSONAL_DATA = "personalData";
  public static final String CUSTOMERS_AFFECTED = "customersAffected";
  public static final String BUSINESS_AFFECTED = "businessAffected";
  public static final String EMPLOYEES_AFFECTED = "employeesAffected";
  /** サイバー攻撃等の不正アクセス (9.4.1 ⑥); also the malicious act that gives the final report 60 days. */
  public static final String CYBER_ATTACK = "cyberAttack";
  public static final String ACTIONS_TAKEN = "actionsTaken";
  /** Prefix of the checkboxes of the damaged targets of 9.5.1 ({@code damagedPower}, …). */
  public static final String DAMAGED_PREFIX = "damaged";

  // level and responders
  public static final String PROPOSED_LEVEL = "proposedLevel";
  /** The level (0–3) as confirmed or changed, a string as the form's select holds it. */
  public static final String LEVEL = "incidentLevel";
  /** The level the responders were last determined for: a different {@link #LEVEL} re-routes. */
  public static final String ROUTED_LEVEL = "routedLevel";
  public static final String LEVEL_REASON = "levelReason";
  public static final String LEVEL_CHANGED_BY = "levelChangedBy";
  public static final String RESPONDER_ROLES = "responderRoles";
  public static final String RESPONDER_ROLE = "responderRole";
  public static final String LEAD_ROLE = "leadRole";
  public static final String ESCALATION_CYCLE = "acknowledgementEscalationCycle";

  // the procedure of 9.4 and the recovery of 9.5.1
  public static final String PROCEDURE_STEPS = "procedureSteps";
  public static final String PROCEDURE_STEP = "procedureStep";
  public static final String STEP_NUMBER = "procedureStepNumber";
  public static final String STEP_TEXT = "procedureStepText";
  public static final String STEP_FILING = "procedureStepFiling";
  public static final String STEP_DUE_AT = "procedureStepDueAt";
  public static final String STEP_OUTCOME = "stepOutcome";
  public static final String STEP_EVIDENCE = "stepEvidence";
  public static final String FILED_ON = "filedOn";
  public static final String FILING_OFFICE = "filingOffice";
  public static final String FILING_REFERENCE = "filingReference";
  public static final String RECOVERY_TARGETS = "recoveryTargets";
  public static final String RECOVERY_TARGET = "recoveryTarget";
  public static final String RECOVERY_TARGET_NAME = "recoveryTargetName";
  public static final String RECOVERY_ACTIONS = "recoveryActions";
  public static final String RECOVERY_OWNER = "recoveryOwner";
  public static final String RECOVERY_CONTACT = "recoveryContact";
  public static final String RECOVERY_RESULT = "recoveryResult";
  public static final String PRELIMINARY_REPORT_DUE = "preliminaryReportDue";
  public static final String FINAL_REPORT_DUE = "finalReportDue";

  // closure and re-education (2.5)
  public static final String CAUSE = "cause";
  public static final String MEASURES_TAKEN = "measuresTaken";
  public static final String RECURRENCE_PREVENTION = "recurrencePrevention";
  public static final String PUBLICATION_DONE = "publicationDone";
  public static final String VIOLATION_FOUND = "violationFound";
  public static final String VIOLATOR = "violator";
  public static final String EDUCATED_ON = "educatedOn";
  public static final String EDUCATION_CONTENT = "educationContent";

  /** Outcomes of a procedure step. */
  public static final String DONE = "DONE";
  public static final String NOT_APPLICABLE = "NOT_APPLICABLE";

  private IncidentProcess() {
  }
}
