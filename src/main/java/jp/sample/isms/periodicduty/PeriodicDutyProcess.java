package jp.sample.isms.periodicduty;

/** Names of processes {@code periodicDuty} and {@code periodicDutySchedule} and of decision {@code periodicDuties}. */
public final class PeriodicDutyProcess {

  public static final String KEY = "periodicDuty";
  public static final String SCHEDULE_KEY = "periodicDutySchedule";
  public static final String DECISION_DUTIES = "periodicDuties";

  public static final String START_EVENT = "StartEvent_OccurrenceDue";
  /** The message the scheduler starts an occurrence with (name of {@code Message_OccurrenceDue}). */
  public static final String MESSAGE_DUE = "periodicDutyDue";
  public static final String TASK_PERFORM = "UserTask_PerformDuty";
  public static final String TASK_LIST_ACCOUNTS = "ServiceTask_ListDepartmentAccounts";
  public static final String TASK_REVIEW_ACCOUNTS = "UserTask_ReviewAccounts";
  public static final String TASK_RECORD_ACCOUNT_REVIEW = "ServiceTask_RecordAccountReview";
  public static final String TASK_FILE_ACCOUNT_REQUESTS = "ServiceTask_FileAccountRequests";
  public static final String TASK_RECORD_EDUCATION = "UserTask_RecordEducation";
  public static final String TASK_RECORD_ATTENDANCE = "ServiceTask_RecordAttendance";
  public static final String TASK_FOLLOW_UP_ABSENTEES = "UserTask_FollowUpAbsentees";
  public static final String TASK_ACKNOWLEDGE = "UserTask_AcknowledgeSharing";
  public static final String TASK_ACCEPT = "UserTask_AcceptDuty";
  public static final String TASK_PERFORM_AUDIT = "UserTask_PerformAudit";
  public static final String TASK_RECORD_IMPROVEMENT_PLAN = "ServiceTask_RecordImprovementPlan";
  public static final String SUBPROCESS_IMPROVEMENT = "SubProcess_Improvement";
  public static final String TASK_CLOSE_IMPROVEMENT = "UserTask_CloseImprovement";
  public static final String TASK_ACCEPT_IMPROVEMENT = "UserTask_AcceptImprovement";
  public static final String END_IMPROVEMENT_DONE = "EndEvent_ImprovementDone";
  public static final String TASK_PLAN_BACKUP_WEEKS = "ServiceTask_PlanBackupWeeks";
  public static final String TASK_RECORD_BACKUP_WEEK = "UserTask_RecordBackupWeek";
  public static final String TASK_SUMMARISE_BACKUP_WEEKS = "ServiceTask_SummariseBackupWeeks";
  public static final String SUBPROCESS_ACKNOWLEDGEMENT = "SubProcess_Acknowledgement";
  public static final String BOUNDARY_MEMBER_LEFT = "BoundaryEvent_MemberLeft";
  public static final String END_MEMBER_LEFT = "EndEvent_MemberLeft";
  /** The message that closes a former committee member's acknowledgement (name of {@code Message_CommitteeMemberLeft}). */
  public static final String MESSAGE_MEMBER_LEFT = "periodicDutyCommitteeMemberLeft";
  /** Decision {@code periodicDutyBackupTargets}: the 4.1.1 targets and their 4.1.4 schedule. */
  public static final String DECISION_BACKUP_TARGETS = "periodicDutyBackupTargets";
  public static final String END_DONE = "EndEvent_DutyDone";
  public static final String SCHEDULE_START = "StartEvent_EveryNight";

  // the occurrence, from its row of the table (fixed when it is created: a later change of the table applies from
  // the next occurrence)
  public static final String OCCURRENCE_ID = "occurrenceId";
  public static final String DUTY_CODE = "dutyCode";
  public static final String DUTY_NAME = "dutyName";
  public static final String CLAUSES = "clauses";
  public static final String DUTY_CYCLE = "dutyCycle";
  public static final String FIRST_DUE = "firstDue";
  public static final String DUE_DATE = "dueDate";
  public static final String DUE_AT = "dueAt";
  public static final String RESPONSIBLE_ROLE = "responsibleRole";
  public static final String ACCEPTING_ROLE = "acceptingRole";
  public static final String DUTY_KIND = "dutyKind";
  public static final String CHECKLIST = "checklist";
  public static final String EVIDENCE_REQUIRED = "evidenceRequired";
  public static final String DEPARTMENT_CODE = "departmentCode";
  public static final String DEPARTMENT_NAME = "departmentName";
  public static final String TABLE_VERSION = "tableVersion";

  // the performing steps
  public static final String CHECKLIST_CONFIRMED = "checklistConfirmed";
  public static final String PERFORMED_ON = "performedOn";
  public static final String RESULT = "result";
  public static final String EVIDENCE_ATTACHED = "evidenceAttached";
  public static final String PERFORMED_BY = "performedBy";
  public static final String PERFORMED_BY_NAME = "performedByName";
  // the account review (5.1.5, 5.1.7)
  public static final String ACCOUNT_LIST = "accountList";
  public static final String ACCOUNT_ROWS = "accountRows";
  public static final String DELETE_ROWS = "deleteRows";
  public static final String CHANGE_ROWS = "changeRows";
  public static final String CHANGE_RIGHTS = "changeRights";
  // education (2.4)
  public static final String SESSION_DATE = "sessionDate";
  public static final String TOPIC = "topic";
  public static final String ABSENTEES = "absentees";
  public static final String ABSENTEE_COUNT = "absenteeCount";
  public static final String FOLLOWED_UP_ON = "followedUpOn";
  public static final String FOLLOW_UP_NOTE = "followUpNote";

  // 1.2 audit and improvement plan
  public static final String REPORTED_ON = "reportedOn";
  public static final String IMPROVEMENTS = "improvements";
  /** The improvement item of one closure (multi-instance element variable of {@code SubProcess_Improvement}). */
  public static final String IMPROVEMENT_ID = "improvementId";
  public static final String IMPROVEMENT_NO = "improvementNo";
  public static final String IMPROVEMENT_DESCRIPTION = "improvementDescription";
  public static final String IMPROVEMENT_OWNER = "improvementOwner";
  public static final String IMPROVEMENT_DUE_DATE = "improvementDueDate";
  public static final String CLOSED_ON = "closedOn";
  public static final String CLOSURE_NOTE = "closureNote";
  public static final String CLOSED_BY_NAME = "closedByName";
  // 4.1.1, 4.1.4 backup checks
  /** The week of one weekly entry (multi-instance element variable of {@code UserTask_RecordBackupWeek}). */
  public static final String BACKUP_WEEK = "backupWeek";
  public static final String BACKUP_WEEK_LABEL = "backupWeekLabel";
  public static final String BACKUP_ROWS = "backupRows";
  public static final String MISSED_ROWS = "missedRows";
  public static final String BACKUP_NOTE = "backupNote";

  /** Kinds of duty ({@code dutyKind}): which performing step and form an occurrence takes. */
  public static final String KIND_GENERAL = "GENERAL";
  public static final String KIND_ACCOUNT_REVIEW = "ACCOUNT_REVIEW";
  public static final String KIND_EDUCATION = "EDUCATION";
  /** The yearly audit (1.2): its improvement plan is tracked item by item. */
  public static final String KIND_AUDIT = "AUDIT";
  /** The backup check (4.1.1, 4.1.4): weekly entries, signed off monthly. */
  public static final String KIND_BACKUP = "BACKUP";
  /** A duty every committee member acknowledges after it is done (1.3 threat sharing). */
  public static final String KIND_COMMITTEE_SHARING = "COMMITTEE_SHARING";

  /** The committee member of one acknowledgement (multi-instance element variable). */
  public static final String COMMITTEE_MEMBER = "committeeMember";
  public static final String ACKNOWLEDGED = "acknowledged";

  /** The department of an occurrence done for the whole company. */
  static final String NO_DEPARTMENT = "-";

  private PeriodicDutyProcess() {
  }
}
