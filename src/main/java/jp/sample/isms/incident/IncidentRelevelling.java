package jp.sample.isms.incident;

import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jp.sample.isms.approval.RequestRecords;
import jp.sample.isms.approval.ValidationErrors;
import jp.sample.isms.engine.EngineInternals;
import jp.sample.isms.organisation.OrganisationService;
import jp.sample.isms.organisation.Role;

/**
 * A later re-levelling (9.2): the incident officer or the president changes the level of an incident whose procedure
 * is under way, with a reason; the procedure is interrupted, the change recorded and the incident routed again for
 * the new level (steps already done stay done). Nobody else may, nor the reporter; an incident not in its procedure
 * cannot be re-levelled.
 */
@Service
public class IncidentRelevelling {

  /** The roles that may re-level: 対応責任者 and 最高責任者 (9.1). */
  static final Set<Role> MAY_RELEVEL = Set.of(Role.INCIDENT_OFFICER, Role.PRESIDENT);

  /** Why a re-levelling was refused, mapped to an HTTP status by the controller. */
  public enum Refusal { NOT_FOUND, NOT_RESPONDER, NOT_RESPONDING }

  /** A refused re-levelling. */
  public static class RelevelRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final Refusal refusal;

    RelevelRefusedException(Refusal refusal, String message) {
      super(message);
      this.refusal = refusal;
    }

    public Refusal refusal() {
      return refusal;
    }
  }

  private final RuntimeService runtime;
  private final ProcessEngineConfiguration configuration;
  private final OrganisationService organisation;
  private final RequestRecords records;

  IncidentRelevelling(RuntimeService runtime, ProcessEngineConfiguration configuration,
      OrganisationService organisation, RequestRecords records) {
    this.runtime = runtime;
    this.configuration = configuration;
    this.organisation = organisation;
    this.records = records;
  }

  @Transactional
  public void relevel(String businessKey, String userId, Object level, String reason) {
    // checked as the system: a responder may not read every variable of the incident, but may re-level it
    EngineInternals.inCommandWithoutAuthorizationChecks(configuration,
        () -> doRelevel(businessKey, userId, level, reason));
  }

  private void doRelevel(String businessKey, String userId, Object level, String reason) {
    ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey)
        .processDefinitionKey(IncidentProcess.KEY).singleResult();
    if (instance == null) {
      throw new RelevelRefusedException(Refusal.NOT_FOUND, "インシデント " + businessKey + " は存在しないか、既に終結しています");
    }
    String reporter = records.filing(instance.getId()).map(RequestRecords.Filing::requester).orElse(null);
    boolean responder = MAY_RELEVEL.stream()
        .anyMatch(role -> organisation.holders(role, reporter).userIds().contains(userId));
    if (!responder || userId.equals(reporter)) {
      throw new RelevelRefusedException(Refusal.NOT_RESPONDER, "9.2: 事故レベルを変更できるのはインシデント対応責任者と"
          + "代表取締役 (報告者本人を除く) です");
    }
    if (runtime.createEventSubscriptionQuery().processInstanceId(instance.getId())
        .eventName(IncidentProcess.MESSAGE_RELEVELLED).count() == 0) {
      throw new RelevelRefusedException(Refusal.NOT_RESPONDING, "インシデント " + businessKey
          + " は対応手順の実施中ではないため事故レベルを変更できません (受領確認・事故レベルの確認中は確認のタスクで、終結手続き中は差し戻してから変更してください)");
    }
    Map<String, Object> variables = runtime.getVariables(instance.getId());
    Integer current = IncidentLevels.parse(variables.get(IncidentProcess.ROUTED_LEVEL));
    ValidationErrors errors = new ValidationErrors();
    IncidentLevels.checkChange((String) variables.get(IncidentProcess.KIND), current, level, reason, errors);
    Integer requested = IncidentLevels.parse(level);
    if (errors.isEmpty() && requested.equals(current)) {
      errors.field(IncidentProcess.LEVEL, "現在と同じ事故レベルです (" + current + ")");
    }
    errors.throwIfAny();
    runtime.createMessageCorrelation(IncidentProcess.MESSAGE_RELEVELLED).processInstanceId(instance.getId())
        .setVariables(Variables.createVariables().putValue(IncidentProcess.LEVEL, String.valueOf(requested))
            .putValue(IncidentProcess.LEVEL_REASON, reason.strip())
            .putValue(IncidentProcess.LEVEL_CHANGED_BY, userId))
        .correlate();
  }
}
