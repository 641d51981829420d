package jp.sample.isms.incident;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.RequestRecords;
import jp.sample.isms.approval.RequestValues;
import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.audit.Outcome;
import jp.sample.isms.organisation.Role;

/**
 * {@code ServiceTask_PlanResponse}, 9.4, 9.5.1: the checklist of the incident's kind and level from decision
 * {@code incidentProcedure}, each step for the role the clause names, the filings with the supervisory authority due
 * {@code isms.incident.preliminary-report-days} and {@code final-report-days} (60 for a malicious act) after the
 * discovery, and one recovery step per damaged target of the 9.5.1 table. After a re-levelling the steps already done
 * stay done.
 */
@Component
class PlanIncidentResponseDelegate implements JavaDelegate {

  static final String RECOVERY_PREFIX = "RECOVERY_";

  private final IncidentDecisions decisions;
  private final IncidentRegister register;
  private final IncidentProperties properties;
  private final RequestRecords records;
  private final AuditRecorder audit;

  PlanIncidentResponseDelegate(IncidentDecisions decisions, IncidentRegister register, IncidentProperties properties,
      RequestRecords records, AuditRecorder audit) {
    this.decisions = decisions;
    this.register = register;
    this.properties = properties;
    this.records = records;
    this.audit = audit;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String businessKey = records.businessKey(execution);
    int level = Incidents.level(execution);
    boolean cyberAttack = Incidents.isTrue(execution, IncidentProcess.CYBER_ATTACK);
    LocalDate discovered = RequestValues.date(execution.getVariable(IncidentProcess.DISCOVERED_AT));
    if (discovered == null) {
      discovered = audit.now().toLocalDate();
    }
    LocalDate preliminaryDue = null;
    LocalDate finalDue = null;
    List<IncidentRegister.Step> steps = new ArrayList<>();
    for (IncidentDecisions.ProcedureStep step : decisions.procedure(RecordIncidentReportDelegate.kind(execution),
        level, cyberAttack, Incidents.isTrue(execution, IncidentProcess.PERSONAL_DATA),
        execution.getProcessDefinitionId())) {
      LocalDate due = switch (step.filing()) {
        case "SUPERVISORY_PRELIMINARY" -> preliminaryDue = discovered.plusDays(properties.preliminaryReportDays());
        case "SUPERVISORY_FINAL" -> finalDue = discovered.plusDays(
            cyberAttack ? properties.maliciousFinalReportDays() : properties.finalReportDays());
        default -> null;
      };
      steps.add(new IncidentRegister.Step(businessKey, step.step(), step.number(), step.text(), step.responderRole(),
          step.filing(), step.clause(), endOf(due), null, null, null, null, null, null, null));
    }
    for (IncidentProperties.RecoveryTarget target : properties.recoveryTargets()) {
      if (Incidents.isTrue(execution, target.formField())) {
        steps.add(new IncidentRegister.Step(businessKey, RECOVERY_PREFIX + target.code(), "9.5.1",
            target.name() + ": " + String.join("、", target.actions()), Role.SYSTEM_ADMINISTRATOR.name(), "", "9.5.1",
            null, null, null, null, null, null, null, null));
      }
    }
    List<IncidentRegister.Step> toDo = register.plan(businessKey, steps);
    execution.setVariable(IncidentProcess.PROCEDURE_STEPS, toDo.stream().map(IncidentRegister.Step::step)
        .filter(s -> !s.startsWith(RECOVERY_PREFIX)).collect(Collectors.joining(",")));
    execution.setVariable(IncidentProcess.RECOVERY_TARGETS, toDo.stream().map(IncidentRegister.Step::step)
        .filter(s -> s.startsWith(RECOVERY_PREFIX)).map(s -> s.substring(RECOVERY_PREFIX.length()))
        .collect(Collectors.joining(",")));
    execution.setVariable(IncidentProcess.PRELIMINARY_REPORT_DUE, preliminaryDue == null ? null : preliminaryDue.toString());
    execution.setVariable(IncidentProcess.FINAL_REPORT_DUE, finalDue == null ? null : finalDue.toString());
    register.planned(businessKey, preliminaryDue, finalDue);
    audit.record(Incidents.systemEntry(execution, businessKey, records.requester(execution),
        records.department(execution), "対応手順を計画する", null, Outcome.PLANNED,
        "事故レベル " + level + " の対応手順: " + (toDo.isEmpty() ? "なし (報告のみ)"
            : toDo.stream().map(s -> s.number() + " " + s.text()).collect(Collectors.joining(" / "))),
        "9.4,9.5.1"));
  }

  /** The end of the day in Japan: a filing is due within its last day. */
  private OffsetDateTime endOf(LocalDate day) {
    return day == null ? null : day.atTime(LocalTime.of(23, 59, 59)).atZone(audit.zone()).toOffsetDateTime();
  }
}
