package jp.sample.isms.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.approval.RequestValidationException;
import jp.sample.isms.audit.AuditEntry;
import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.support.DemoOrganisation;

/**
 * bpmn/incident.bpmn (9.1–9.5, 2.5): one test per path, on the real engine with the demo organisation: kobayashi
 * (製造部) reports, tanaka (president), takahashi (incident officer) and suzuki (system administrator) respond, sato
 * (education officer) re-educates.
 */
@IsmsSpringBootTest
class IncidentProcessTest {

  static final LocalDate TODAY = IncidentDriver.TODAY;

  @Autowired
  jp.sample.isms.periodicduty.EducationRegister education;
  @Autowired
  ProcessEngine engine;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  IncidentRegister register;
  @Autowired
  AuditRecorder audit;
  @Autowired
  IncidentRelevelling relevelling;

  IncidentDriver incidents;
  long outboxMark;

  @BeforeEach
  void setUp() {
    incidents = new IncidentDriver(engine, jdbc);
    outboxMark = jdbc.queryForObject("select coalesce(max(id), 0) from mail_outbox", Long.class);
  }

  List<String> steps(ProcessInstance instance) {
    return incidents.tasks(instance, IncidentProcess.TASK_CARRY_OUT_STEP).stream()
        .map(t -> (String) incidents.variable(t, IncidentProcess.PROCEDURE_STEP)).sorted().toList();
  }

  List<String> candidateGroups(ProcessInstance instance, String activityId) {
    return incidents.tasks(instance, activityId).stream().flatMap(t -> incidents.candidateGroups(t).stream()).sorted()
        .toList();
  }

  List<String> outcomes(ProcessInstance instance) {
    return audit.forBusinessKey(instance.getBusinessKey()).stream().map(AuditEntry::outcome).toList();
  }

  // ---------------------------------------------------------------- 9.4.1 漏えい・流出

  @Test
  void aLevelThreeLeakOfPersonalDataReachesPresidentAndIncidentOfficerIsFiledAndClosedByBoth() {
    // when kobayashi reports the lost USB stick with the customer list
    ProcessInstance instance = incidents.report(DemoOrganisation.PRODUCTION_EMPLOYEE, IncidentDriver.lostUsbStickWithCustomerData());

    // then it is numbered, registered and level 3 is proposed; president and incident officer acknowledge at once
    assertThat(instance.getBusinessKey()).matches("IN-" + TODAY.getYear() + "-\\d{4}");
    assertThat(instance).isWaitingAt(IncidentProcess.TASK_ACKNOWLEDGE);
    assertThat(candidateGroups(instance, IncidentProcess.TASK_ACKNOWLEDGE))
        .containsExactly("incident-officer", "president");
    IncidentRegister.Entry reported = register.find(instance.getBusinessKey()).orElseThrow();
    assertThat(reported.proposedLevel()).isEqualTo(3);
    assertThat(reported.level()).isEqualTo(3);
    assertThat(reported.kind()).isEqualTo("LEAK");
    assertThat(reported.reporter()).isEqualTo(DemoOrganisation.PRODUCTION_EMPLOYEE);
    assertThat(reported.departmentCode()).isEqualTo("manufacturing");
    assertThat(reported.status()).isEqualTo(IncidentRegister.REPORTED);
    assertThat(reported.responders()).isEqualTo("PRESIDENT,INCIDENT_OFFICER");
    incidents.acknowledgeAll(instance);
    assertThat(register.find(instance.getBusinessKey()).orElseThrow().acknowledgedBy())
        .contains(DemoOrganisation.PRESIDENT).contains(DemoOrganisation.INCIDENT_OFFICER);

    // then the incident officer confirms the level
    Task confirm = incidents.task(instance, IncidentProcess.TASK_CONFIRM_LEVEL);
    assertThat(incidents.candidateGroups(confirm)).containsExactly("incident-officer");
    incidents.confirmLevel(instance);

    // then the procedure of 9.4.1 level 3: no police filing (no cyber attack), both supervisory reports
    assertThat(steps(instance)).containsExactly("LeakCause", "LeakInquiries", "LeakOutcomePublished",
        "LeakPublicationRequest", "LeakSupervisoryFinalReport", "LeakSupervisoryPreliminaryReport", "LeakVictims");
    Task preliminary = stepTask(instance, "LeakSupervisoryPreliminaryReport");
    Task finalReport = stepTask(instance, "LeakSupervisoryFinalReport");
    assertThat(incidents.candidateGroups(preliminary)).containsExactly("incident-officer");
    assertThat(incidents.candidateGroups(stepTask(instance, "LeakOutcomePublished"))).containsExactly("president");
    // the supervisory authority's deadlines: 5 days and 30 days from the discovery
    assertThat(day(preliminary)).isEqualTo(TODAY.plusDays(5));
    assertThat(day(finalReport)).isEqualTo(TODAY.plusDays(30));
    IncidentRegister.Entry planned = register.find(instance.getBusinessKey()).orElseThrow();
    assertThat(planned.preliminaryReportDue()).isEqualTo(TODAY.plusDays(5));
    assertThat(planned.finalReportDue()).isEqualTo(TODAY.plusDays(30));
    assertThat(planned.status()).isEqualTo(IncidentRegister.RESPONDING);
    incidents.carryOutProcedure(instance);

    // then suzuki reports the closure, takahashi and tanaka approve it
    assertThat(incidents.candidateGroups(incidents.task(instance, IncidentProcess.TASK_REPORT_CLOSURE)))
        .containsExactly("system-administrator");
    incidents.reportClosure(instance, IncidentDriver.closure(true));
    incidents.decide(instance, IncidentProcess.TASK_APPROVE_BY_INCIDENT_OFFICER, "APPROVED");
    assertThat(candidateGroups(instance, IncidentProcess.TASK_APPROVE_BY_PRESIDENT)).containsExactly("president");
    incidents.decide(instance, IncidentProcess.TASK_APPROVE_BY_PRESIDENT, "APPROVED");

    // then it is closed, with its filings, measures and times in the register
    assertThat(instance).isEnded().hasPassedInOrder(IncidentProcess.TASK_RECORD_REPORT,
        IncidentProcess.TASK_PROPOSE_LEVEL, IncidentProcess.TASK_DETERMINE_RESPONDERS,
        IncidentProcess.TASK_CONFIRM_LEVEL, IncidentProcess.TASK_PLAN_RESPONSE, IncidentProcess.TASK_REPORT_CLOSURE,
        IncidentProcess.TASK_APPROVE_BY_INCIDENT_OFFICER, IncidentProcess.TASK_APPROVE_BY_PRESIDENT,
        IncidentProcess.TASK_CLOSE, IncidentProcess.END_CLOSED);
    IncidentRegister.Entry closed = register.find(instance.getBusinessKey()).orElseThrow();
    assertThat(closed.status()).isEqualTo(IncidentRegister.CLOSED);
    assertThat(closed.closedAt()).isNotNull();
    assertThat(closed.acknowledgedAt()).isNotNull();
    assertThat(closed.filings()).contains("監督官庁への届出 (速報) " + TODAY + " 個人情報保護委員会 受理番号 REF-SUPERVISORY_PRELIMINARY")
        .contains("監督官庁への届出 (確報)");
    assertThat(closed.recurrencePrevention()).contains("暗号化 USB");
    assertThat(closed.publicationDone()).isTrue();
    assertThat(register.steps(instance.getBusinessKey())).allSatisfy(s -> assertThat(s.outcome()).isEqualTo("DONE"));
    assertThat(outcomes(instance)).contains("FILED", "ROUTED", "PLANNED", "CLOSED");
  }

  @Test
  void aLevelThreeFilingCannotBeSkippedNorRecordedWithoutItsReferenceAndNothingChanges() {
    ProcessInstance instance = toProcedure(DemoOrganisation.PRODUCTION_EMPLOYEE, IncidentDriver.lostUsbStickWithCustomerData());
    Task preliminary = stepTask(instance, "LeakSupervisoryPreliminaryReport");

    // when takahashi marks the filing as not applicable, then it is refused with the clause
    assertThatThrownBy(() -> incidents.complete(DemoOrganisation.INCIDENT_OFFICER, preliminary, Map.of(IncidentProcess.STEP_OUTCOME,
        IncidentProcess.NOT_APPLICABLE, IncidentProcess.STEP_EVIDENCE, "軽微なため")))
        .isInstanceOf(RequestValidationException.class)
        .hasMessageContaining("9.4.1: 事故レベル 3 の監督官庁への届出 (速報)は省略できません");
    // when he records it without the office and reference number, then too
    assertThatThrownBy(() -> incidents.complete(DemoOrganisation.INCIDENT_OFFICER, preliminary, Map.of(IncidentProcess.STEP_OUTCOME,
        IncidentProcess.DONE, IncidentProcess.FILED_ON, TODAY.toString())))
        .isInstanceOf(RequestValidationException.class)
        .hasMessageContaining("9.4.1: 監督官庁への届出 (速報)の届出先が必要です (filingOffice)")
        .hasMessageContaining("受理番号 (届出の控えの番号) が必要です (filingReference)");
    // then nothing changed: the step is open and unrecorded, the incident cannot be closed yet
    assertThat(incidents.tasks(instance, IncidentProcess.TASK_CARRY_OUT_STEP)).extracting(Task::getId)
        .contains(preliminary.getId());
    assertThat(register.step(instance.getBusinessKey(), "LeakSupervisoryPreliminaryReport").orElseThrow().outcome())
        .isNull();
    assertThat(register.find(instance.getBusinessKey()).orElseThrow().filings()).isNull();
    assertThat(incidents.tasks(instance, IncidentProcess.TASK_REPORT_CLOSURE)).isEmpty();

    // a step that does not apply is recorded with its reason
    Task inquiries = stepTask(instance, "LeakInquiries");
    incidents.complete(DemoOrganisation.INCIDENT_OFFICER, inquiries, Map.of(IncidentProcess.STEP_OUTCOME, IncidentProcess.NOT_APPLICABLE,
        IncidentProcess.STEP_EVIDENCE, "被害者対応の窓口で兼ねる"));
    assertThat(register.step(instance.getBusinessKey(), "LeakInquiries").orElseThrow().evidence())
        .isEqualTo("被害者対応の窓口で兼ねる");
    finish(instance);
  }

  @Test
  void aLevelThreeClosureWithoutItsFilingsOrPublicationIsRefusedAndTheReporterCannotCloseTheirOwnIncident() {
    ProcessInstance instance = toProcedure(DemoOrganisation.SYSTEM_ADMINISTRATOR, IncidentDriver.lostUsbStickWithCustomerData());
    incidents.carryOutProcedure(instance);
    // the system administrator reported it: the closure report goes above her, to the security officer
    Task closure = incidents.task(instance, IncidentProcess.TASK_REPORT_CLOSURE);
    assertThat(incidents.candidateGroups(closure)).containsExactly("security-officer");
    // when suzuki, the reporter, tries to report the closure herself, then she is refused and nothing changed
    assertThatThrownBy(() -> incidents.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, closure, IncidentDriver.closure(true)))
        .isInstanceOf(AuthorizationException.class);
    assertThat(incidents.task(instance, IncidentProcess.TASK_REPORT_CLOSURE).getAssignee()).isNull();
    // when a filing of the procedure is not on record (its reference number lost), then the closure is refused
    jdbc.update("update incident_step set filing_reference = null where incident_number = ? and step = ?",
        instance.getBusinessKey(), "LeakSupervisoryFinalReport");
    assertThatThrownBy(() -> incidents.complete(DemoOrganisation.PRESIDENT, closure, IncidentDriver.closure(true)))
        .isInstanceOf(RequestValidationException.class)
        .hasMessageContaining("9.4.1: 監督官庁への届出 (確報)が記録されていないため終結できません (filings)");
    assertThat(incidents.tasks(instance, IncidentProcess.TASK_APPROVE_BY_INCIDENT_OFFICER)).isEmpty();
    jdbc.update("update incident_step set filing_reference = ? where incident_number = ? and step = ?",
        "REF-SUPERVISORY_FINAL", instance.getBusinessKey(), "LeakSupervisoryFinalReport");
    // when tanaka reports it without the publication of ⑧, then it is refused with the clause
    assertThatThrownBy(() -> incidents.complete(DemoOrganisation.PRESIDENT, closure, IncidentDriver.closure(false)))
        .isInstanceOf(RequestValidationException.class).hasMessageContaining("9.4: 事故レベル 3 では")
        .hasMessageContaining("(publicationDone)");
    assertThat(incidents.tasks(instance, IncidentProcess.TASK_APPROVE_BY_INCIDENT_OFFICER)).isEmpty();
    assertThat(register.find(instance.getBusinessKey()).orElseThrow().status()).isEqualTo(IncidentRegister.RESPONDING);
    incidents.complete(DemoOrganisation.PRESIDENT, incidents.task(instance, IncidentProcess.TASK_REPORT_CLOSURE),
        IncidentDriver.closure(true));
    // four eyes: tanaka reported the closure, so the president's approval cannot be his alone
    incidents.decide(instance, IncidentProcess.TASK_APPROVE_BY_INCIDENT_OFFICER, "APPROVED");
    Task president = incidents.task(instance, IncidentProcess.TASK_APPROVE_BY_PRESIDENT);
    incidents.complete(DemoOrganisation.PRESIDENT, president, Map.of("decision", "APPROVED"));
    assertThat(instance).isEnded();
  }

  @Test
  void aCyberAttackLeakIsFiledWithThePoliceAndItsFinalReportHasSixtyDays() {
    ProcessInstance instance = toProcedure(DemoOrganisation.DESIGN_EMPLOYEE,
        IncidentDriver.report("LEAK", "personalData", "cyberAttack"));
    assertThat(steps(instance)).contains("LeakPoliceFiling", "LeakSupervisoryPreliminaryReport",
        "LeakSupervisoryFinalReport");
    assertThat(day(stepTask(instance, "LeakSupervisoryFinalReport"))).isEqualTo(TODAY.plusDays(60));
    finish(instance);
    assertThat(register.find(instance.getBusinessKey()).orElseThrow().filings())
        .contains("都道府県警察本部サイバー犯罪相談窓口への届出 " + TODAY + " ○○県警察本部 サイバー犯罪相談窓口 受理番号 REF-POLICE");
  }

  @Test
  void aLevelTwoLeakGoesToTheIncidentOfficerAloneAndClosesWithHisApproval() {
    ProcessInstance instance = incidents.report(DemoOrganisation.PRODUCTION_EMPLOYEE, IncidentDriver.report("LEAK"));
    assertThat(candidateGroups(instance, IncidentProcess.TASK_ACKNOWLEDGE)).containsExactly("incident-officer");
    incidents.acknowledgeAll(instance);
    incidents.confirmLevel(instance);
    assertThat(steps(instance)).containsExactly("LeakCausePrevented", "LeakDestinationInvestigated",
        "LeakStaffInformed");
    assertThat(incidents.candidateGroups(stepTask(instance, "LeakDestinationInvestigated")))
        .containsExactly("system-administrator");
    incidents.carryOutProcedure(instance);
    // sent back once by the incident officer
    incidents.reportClosure(instance, IncidentDriver.closure(false));
    incidents.decide(instance, IncidentProcess.TASK_APPROVE_BY_INCIDENT_OFFICER, "SENT_BACK");
    assertThat(instance).isWaitingAt(IncidentProcess.TASK_REPORT_CLOSURE);
    incidents.reportClosure(instance, IncidentDriver.closure(false));
    incidents.decide(instance, IncidentProcess.TASK_APPROVE_BY_INCIDENT_OFFICER, "APPROVED");
    assertThat(instance).isEnded().hasNotPassed(IncidentProcess.TASK_APPROVE_BY_PRESIDENT);
  }

  @Test
  void aLeakCannotBeLoweredBelowLevelTwoNorAnyLevelChangedWithoutReason() {
    ProcessInstance instance = incidents.report(DemoOrganisation.PRODUCTION_EMPLOYEE, IncidentDriver.report("LEAK"));
    incidents.acknowledgeAll(instance);
    Task confirm = incidents.task(instance, IncidentProcess.TASK_CONFIRM_LEVEL);
    assertThatThrownBy(() -> incidents.complete(DemoOrganisation.INCIDENT_OFFICER, confirm, Map.of(IncidentProcess.LEVEL, "1",
        IncidentProcess.LEVEL_REASON, "社内のみ")))
        .isInstanceOf(RequestValidationException.class)
        .hasMessageContaining("9.4.1: 情報漏えい・流出は全て事故レベル 2 以上です (incidentLevel)");
    assertThatThrownBy(() -> incidents.complete(DemoOrganisation.INCIDENT_OFFICER, confirm, Map.of(IncidentProcess.LEVEL, "3")))
        .isInstanceOf(RequestValidationException.class)
        .hasMessageContaining("9.2: 事故レベルを変更する (2 → 3) には理由が必要です (levelReason)");
    // nothing changed
    assertThat(incidents.variable(incidents.task(instance, IncidentProcess.TASK_CONFIRM_LEVEL), IncidentProcess.LEVEL))
        .isEqualTo("2");
    assertThat(register.find(instance.getBusinessKey()).orElseThrow().levelChanges()).isNull();
    assertThat(outcomes(instance)).doesNotContain("RELEVELLED");
    finish(instance);
  }

  // ---------------------------------------------------------------- 9.4.2 改ざん・消失・破壊・サービス停止

  @Test
  void aLevelThreeDamageHasTheStepsOfTheClauseForEachRole() {
    ProcessInstance instance = toProcedure(DemoOrganisation.PRODUCTION_EMPLOYEE, IncidentDriver.report("TAMPERING", "customersAffected"));
    assertThat(steps(instance)).containsExactly("DamageThreeCauseRemoved", "DamageThreeDataRestored",
        "DamageThreeEquipmentRepaired", "DamageThreeFirstAid", "DamageThreeOriginalsRepaired",
        "DamageThreeOutcomePublished", "DamageThreeStaffInformed");
    // the originals are repaired by the department head (of the reporter's department)
    assertThat(incidents.candidateGroups(stepTask(instance, "DamageThreeOriginalsRepaired")))
        .containsExactly("department-head.manufacturing");
    finish(instance);
  }

  @Test
  void aLevelTwoDamageIsChangedToLevelOneWithAReasonAndReRoutedToTheSystemAdministrator() {
    ProcessInstance instance = incidents.report(DemoOrganisation.PRODUCTION_EMPLOYEE, IncidentDriver.report("TAMPERING", "businessAffected"));
    incidents.acknowledgeAll(instance);
    Task confirm = incidents.task(instance, IncidentProcess.TASK_CONFIRM_LEVEL);
    // when takahashi lowers it with a reason
    incidents.complete(DemoOrganisation.INCIDENT_OFFICER, confirm, Map.of(IncidentProcess.LEVEL, "1", IncidentProcess.LEVEL_REASON,
        "影響は製造課の共有フォルダのみで、事業への影響はない"));
    // then the change is recorded and the system administrator is the responder now
    assertThat(outcomes(instance)).contains("RELEVELLED");
    assertThat(register.find(instance.getBusinessKey()).orElseThrow().levelChanges()).contains("2→1 takahashi: 影響は製造課");
    assertThat(candidateGroups(instance, IncidentProcess.TASK_ACKNOWLEDGE)).containsExactly("system-administrator");
    incidents.acknowledgeAll(instance);
    assertThat(incidents.candidateGroups(incidents.task(instance, IncidentProcess.TASK_CONFIRM_LEVEL)))
        .containsExactly("system-administrator");
    incidents.confirmLevel(instance);
    assertThat(steps(instance)).containsExactly("DamageOneCauseRemoved", "DamageOneDataRestored",
        "DamageOneEquipmentRepaired", "DamageOneFirstAid", "DamageOneOriginalsRepaired");
    incidents.carryOutProcedure(instance);
    // level 1: the system administrator's closure report closes it
    incidents.reportClosure(instance, IncidentDriver.closure(false));
    assertThat(instance).isEnded().hasNotPassed(IncidentProcess.TASK_APPROVE_BY_INCIDENT_OFFICER);
    assertThat(register.find(instance.getBusinessKey()).orElseThrow().level()).isEqualTo(1);
  }

  @Test
  void aServiceOutageHasARecoveryStepPerDamagedTargetOfTheRecoveryTable() {
    Map<String, Object> report = IncidentDriver.report("SERVICE_OUTAGE", "employeesAffected", "damagedPower",
        "damagedSystemA");
    ProcessInstance instance = toProcedure(DemoOrganisation.PRODUCTION_EMPLOYEE, report);
    List<Task> recovery = incidents.tasks(instance, IncidentProcess.TASK_RECOVER_TARGET);
    assertThat(recovery).extracting(t -> incidents.variable(t, IncidentProcess.RECOVERY_TARGET_NAME))
        .containsExactlyInAnyOrder("電力", "社内システムＡ");
    Task systemA = recovery.stream()
        .filter(t -> "systemA".equals(incidents.variable(t, IncidentProcess.RECOVERY_TARGET))).findFirst().orElseThrow();
    assertThat(incidents.variable(systemA, IncidentProcess.RECOVERY_ACTIONS))
        .isEqualTo("障害状況の把握\nデータのリカバリ作業\nバックアップ機への切替");
    assertThat(incidents.candidateGroups(systemA)).containsExactly("system-administrator");
    assertThat(steps(instance)).hasSize(5);
    finish(instance);
    assertThat(register.step(instance.getBusinessKey(), "RECOVERY_systemA").orElseThrow().evidence())
        .isEqualTo("保守会社に連絡し、当日中に復旧した");
  }

  // ---------------------------------------------------------------- 9.4.3, 9.4.4, level 0, 2.5

  @Test
  void aVirusInfectionWithAViolationEndsWithTheReEducationOfTheViolator() {
    ProcessInstance instance = toProcedure(DemoOrganisation.PRODUCTION_EMPLOYEE, IncidentDriver.report("VIRUS", "employeesAffected"));
    assertThat(steps(instance)).containsExactly("VirusLeakChecked", "VirusSpreadContained");
    incidents.carryOutProcedure(instance);
    Map<String, Object> closure = IncidentDriver.closure(false);
    closure.put(IncidentProcess.VIOLATION_FOUND, true);
    Task report = incidents.task(instance, IncidentProcess.TASK_REPORT_CLOSURE);
    // a violation without its violator is refused (2.5)
    assertThatThrownBy(() -> incidents.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, report, closure))
        .isInstanceOf(RequestValidationException.class).hasMessageContaining("2.5: ");
    // a violator who is no person of the organisation cannot be re-educated: refused (2.5)
    closure.put(IncidentProcess.VIOLATOR, "製造部の誰か");
    assertThatThrownBy(() -> incidents.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, report, closure))
        .isInstanceOf(RequestValidationException.class).hasMessageContaining("2.5: ");
    assertThat(instance).isWaitingAt(IncidentProcess.TASK_REPORT_CLOSURE);
    closure.put(IncidentProcess.VIOLATOR, "kobayashi (私物 USB メモリの無断接続)");
    incidents.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, report, closure);
    Task reEducation = incidents.task(instance, IncidentProcess.TASK_RE_EDUCATE);
    assertThat(incidents.candidateGroups(reEducation)).containsExactly("education-officer");
    incidents.complete(DemoOrganisation.EDUCATION_OFFICER, reEducation, Map.of(IncidentProcess.EDUCATED_ON, TODAY.toString(),
        IncidentProcess.EDUCATION_CONTENT, "私物機器の接続禁止 (情報管理規程) の再教育"));
    assertThat(instance).isEnded().hasPassedInOrder(IncidentProcess.TASK_RE_EDUCATE,
        IncidentProcess.TASK_RECORD_RE_EDUCATION, IncidentProcess.TASK_CLOSE);
    // the re-education is in the violator's education history (教育実施記録), under the incident number (2.5)
    assertThat(education.history(DemoOrganisation.PRODUCTION_EMPLOYEE)).filteredOn(a -> instance.getBusinessKey().equals(a.businessKey()))
        .singleElement().satisfies(attendance -> {
          assertThat(attendance.sessionDate()).isEqualTo(TODAY);
          assertThat(attendance.attended()).isTrue();
          assertThat(attendance.recordedBy()).isEqualTo(DemoOrganisation.HR_HEAD);
          assertThat(attendance.topic()).contains("再教育", "私物機器の接続禁止");
        });
  }

  @Test
  void aUtmNoticeIsReviewedByTheSystemAdministrator() {
    ProcessInstance instance = toProcedure(DemoOrganisation.SYSTEM_ADMINISTRATOR, IncidentDriver.report("ATTACK_NOTICE"));
    assertThat(steps(instance)).containsExactly("AttackNoticeReviewed");
    // the reporter is the system administrator: the step goes to the security officer
    assertThat(incidents.candidateGroups(stepTask(instance, "AttackNoticeReviewed"))).containsExactly("security-officer");
    finish(instance);
  }

  @Test
  void aReportWithOnlyWhatAndWhenIsAcceptedAsAPossibleIncident() {
    Map<String, Object> report = new HashMap<>();
    report.put("summary", "不審なメールを受信した (添付は開いていない)");
    report.put("discoveredAt", TODAY.toString());
    ProcessInstance instance = incidents.report(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, report);
    assertThat(register.find(instance.getBusinessKey()).orElseThrow().level()).isZero();
    assertThat(register.find(instance.getBusinessKey()).orElseThrow().kind()).isEqualTo("UNKNOWN");
    assertThat(candidateGroups(instance, IncidentProcess.TASK_ACKNOWLEDGE)).containsExactly("system-administrator");
    incidents.acknowledgeAll(instance);
    incidents.confirmLevel(instance);
    // no procedure: straight to the closure
    assertThat(instance).isWaitingAt(IncidentProcess.TASK_REPORT_CLOSURE);
    finish(instance);
  }

  @Test
  void aReportWithoutWhatHappenedOrWithAnUnknownAssetIsRefusedAndNothingIsRegistered() {
    int before = jdbc.queryForObject("select count(*) from incident_register", Integer.class);
    Map<String, Object> withoutSummary = IncidentDriver.report("LEAK");
    withoutSummary.remove("summary");
    assertThatThrownBy(() -> incidents.report(DemoOrganisation.PRODUCTION_EMPLOYEE, withoutSummary))
        .isInstanceOf(RequestValidationException.class).hasMessageContaining("summary");
    Map<String, Object> unknownAsset = IncidentDriver.report("LEAK");
    unknownAsset.put("assetIds", "IA-9999");
    assertThatThrownBy(() -> incidents.report(DemoOrganisation.PRODUCTION_EMPLOYEE, unknownAsset))
        .isInstanceOf(RequestValidationException.class).hasMessageContaining("assetIds: 情報資産管理台帳に登録されていない情報資産です: IA-9999");
    assertThat(jdbc.queryForObject("select count(*) from incident_register", Integer.class)).isEqualTo(before);
  }

  // ---------------------------------------------------------------- 9.3 escalation, later re-levelling, closure

  @Test
  void anUnacknowledgedReportIsSentAgainAndUpTheContactChainWhenItsTimerFires() {
    ProcessInstance instance = incidents.report(DemoOrganisation.PRODUCTION_EMPLOYEE, IncidentDriver.report("TAMPERING", "employeesAffected"));
    // the system administrator has 30 minutes
    assertThat(incidents.requests().timerDueDate(instance, IncidentProcess.TIMER_ACKNOWLEDGEMENT_OVERDUE))
        .isBetween(java.util.Date.from(java.time.Instant.now().plusSeconds(29 * 60)),
            java.util.Date.from(java.time.Instant.now().plusSeconds(31 * 60)));
    // when the timer fires
    incidents.requests().fireTimer(instance, IncidentProcess.TIMER_ACKNOWLEDGEMENT_OVERDUE);
    // then suzuki is told again, with takahashi (incident officer) and tanaka (president) above her
    assertThat(jdbc.queryForList("select recipient || ':' || subject from mail_outbox where id > ? and dedup_key like"
        + " 'incident-escalation:%' order by id", String.class, outboxMark)).containsExactly(
        "suzuki:【インシデント至急】" + instance.getBusinessKey() + " 事故レベル 1: システム管理者の受領確認がありません",
        "takahashi:【インシデント至急】" + instance.getBusinessKey() + " 事故レベル 1: システム管理者の受領確認がありません",
        "tanaka:【インシデント至急】" + instance.getBusinessKey() + " 事故レベル 1: システム管理者の受領確認がありません");
    assertThat(outcomes(instance)).contains("ESCALATED");
    // the acknowledgement is still open and the timer repeats
    assertThat(incidents.tasks(instance, IncidentProcess.TASK_ACKNOWLEDGE)).hasSize(1);
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers().count())
        .isEqualTo(1);
    finish(instance);
  }

  @Test
  void aLaterReLevellingInterruptsTheProcedureRecordsTheReasonAndReRoutes() {
    ProcessInstance instance = toProcedure(DemoOrganisation.PRODUCTION_EMPLOYEE, IncidentDriver.report("LEAK"));
    Task done = stepTask(instance, "LeakDestinationInvestigated");
    incidents.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, done, incidents.done(done));
    // when the incident officer raises it to level 3: personal data turned up in the leaked files
    relevelling.relevel(instance.getBusinessKey(), DemoOrganisation.INCIDENT_OFFICER, 3, "流出したファイルに顧客の個人情報が含まれていた");
    // then the change is recorded, the president is a responder now and acknowledges
    assertThat(register.find(instance.getBusinessKey()).orElseThrow().levelChanges())
        .contains("2→3 takahashi: 流出したファイルに顧客の個人情報");
    assertThat(candidateGroups(instance, IncidentProcess.TASK_ACKNOWLEDGE))
        .containsExactly("incident-officer", "president");
    assertThat(incidents.tasks(instance, IncidentProcess.TASK_CARRY_OUT_STEP)).isEmpty();
    incidents.acknowledgeAll(instance);
    incidents.confirmLevel(instance);
    // then the level-3 procedure; the step done before stays done in the register
    assertThat(steps(instance)).contains("LeakCause", "LeakOutcomePublished");
    assertThat(register.step(instance.getBusinessKey(), "LeakDestinationInvestigated").orElseThrow().outcome())
        .isEqualTo("DONE");
    finish(instance);
  }

  @Test
  void aReLevellingByAnotherRoleOrWithoutReasonOrOutsideTheProcedureIsRefusedAndNothingChanges() {
    ProcessInstance instance = incidents.report(DemoOrganisation.PRODUCTION_EMPLOYEE, IncidentDriver.report("LEAK"));
    // before the procedure: 409
    assertThatThrownBy(() -> relevelling.relevel(instance.getBusinessKey(), DemoOrganisation.INCIDENT_OFFICER, 3, "理由"))
        .isInstanceOfSatisfying(IncidentRelevelling.RelevelRefusedException.class,
            e -> assertThat(e.refusal()).isEqualTo(IncidentRelevelling.Refusal.NOT_RESPONDING));
    incidents.acknowledgeAll(instance);
    incidents.confirmLevel(instance);
    // another role, the reporter: 403
    for (String user : List.of(DemoOrganisation.DEVELOPMENT_HEAD, DemoOrganisation.SYSTEM_ADMINISTRATOR, DemoOrganisation.PRODUCTION_EMPLOYEE)) {
      assertThatThrownBy(() -> relevelling.relevel(instance.getBusinessKey(), user, 3, "理由"))
          .isInstanceOfSatisfying(IncidentRelevelling.RelevelRefusedException.class,
              e -> assertThat(e.refusal()).isEqualTo(IncidentRelevelling.Refusal.NOT_RESPONDER));
    }
    // no reason, a leak below 2: 400 with the clause
    assertThatThrownBy(() -> relevelling.relevel(instance.getBusinessKey(), DemoOrganisation.INCIDENT_OFFICER, 3, " "))
        .isInstanceOf(RequestValidationException.class).hasMessageContaining("9.2: ");
    assertThatThrownBy(() -> relevelling.relevel(instance.getBusinessKey(), DemoOrganisation.PRESIDENT, 1, "誤報"))
        .isInstanceOf(RequestValidationException.class).hasMessageContaining("9.4.1: ");
    // nothing changed
    assertThat(register.find(instance.getBusinessKey()).orElseThrow().level()).isEqualTo(2);
    assertThat(register.find(instance.getBusinessKey()).orElseThrow().levelChanges()).isNull();
    assertThat(steps(instance)).hasSize(3);
    assertThatThrownBy(() -> relevelling.relevel("IN-1999-0001", DemoOrganisation.INCIDENT_OFFICER, 3, "理由"))
        .isInstanceOfSatisfying(IncidentRelevelling.RelevelRefusedException.class,
            e -> assertThat(e.refusal()).isEqualTo(IncidentRelevelling.Refusal.NOT_FOUND));
    finish(instance);
  }

  @Test
  void thePresidentSendsTheClosureBackAndTheIncidentCannotBeWithdrawnByItsReporter() {
    ProcessInstance instance = toProcedure(DemoOrganisation.PRODUCTION_EMPLOYEE, IncidentDriver.report("TAMPERING", "customersAffected"));
    incidents.carryOutProcedure(instance);
    incidents.reportClosure(instance, IncidentDriver.closure(true));
    incidents.decide(instance, IncidentProcess.TASK_APPROVE_BY_INCIDENT_OFFICER, "APPROVED");
    // an approval step is open, yet the reporter cannot withdraw an incident
    assertThatThrownBy(() -> withdrawal().withdraw(instance.getBusinessKey(), DemoOrganisation.PRODUCTION_EMPLOYEE, "やっぱり取り下げ"))
        .isInstanceOfSatisfying(jp.sample.isms.approval.RequestWithdrawal.WithdrawalRefusedException.class,
            e -> assertThat(e.refusal()).isEqualTo(jp.sample.isms.approval.RequestWithdrawal.Refusal.ALREADY_DECIDED));
    incidents.decide(instance, IncidentProcess.TASK_APPROVE_BY_PRESIDENT, "SENT_BACK");
    assertThat(instance).isWaitingAt(IncidentProcess.TASK_REPORT_CLOSURE);
    incidents.reportClosure(instance, IncidentDriver.closure(true));
    incidents.decide(instance, IncidentProcess.TASK_APPROVE_BY_INCIDENT_OFFICER, "APPROVED");
    incidents.decide(instance, IncidentProcess.TASK_APPROVE_BY_PRESIDENT, "APPROVED");
    assertThat(instance).isEnded();
  }

  @Autowired
  jp.sample.isms.approval.RequestWithdrawal withdrawalService;

  jp.sample.isms.approval.RequestWithdrawal withdrawal() {
    return withdrawalService;
  }

  // ---------------------------------------------------------------- helpers

  ProcessInstance toProcedure(String reporter, Map<String, Object> report) {
    ProcessInstance instance = incidents.report(reporter, report);
    incidents.acknowledgeAll(instance);
    incidents.confirmLevel(instance);
    return instance;
  }

  /** The rest of the incident, done as its responders would. */
  void finish(ProcessInstance instance) {
    incidents.acknowledgeAll(instance);
    if (!incidents.tasks(instance, IncidentProcess.TASK_CONFIRM_LEVEL).isEmpty()) {
      incidents.confirmLevel(instance);
    }
    incidents.carryOutProcedure(instance);
    Integer level = register.find(instance.getBusinessKey()).orElseThrow().level();
    incidents.reportClosure(instance, IncidentDriver.closure(level == 3));
    if (level >= 2) {
      incidents.decide(instance, IncidentProcess.TASK_APPROVE_BY_INCIDENT_OFFICER, "APPROVED");
    }
    if (level == 3) {
      incidents.decide(instance, IncidentProcess.TASK_APPROVE_BY_PRESIDENT, "APPROVED");
    }
    assertThat(instance).isEnded();
  }

  Task stepTask(ProcessInstance instance, String step) {
    return incidents.tasks(instance, IncidentProcess.TASK_CARRY_OUT_STEP).stream()
        .filter(t -> step.equals(incidents.variable(t, IncidentProcess.PROCEDURE_STEP))).findFirst()
        .orElseThrow(() -> new AssertionError("no open step " + step));
  }

  static LocalDate day(Task task) {
    return task.getDueDate().toInstant().atZone(IncidentDriver.JAPAN).toLocalDate();
  }
}
