package jp.sample.isms.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.sample.isms.IsmsSpringBootTest;

/**
 * bpmn/incidentLevel.dmn (9.2, 9.4.1), bpmn/incidentResponder.dmn (9.1, 9.2) and bpmn/incidentProcedure.dmn (9.4):
 * one row per rule, evaluated as deployed; and the 9.5.1 recovery table against the report form's checkboxes.
 */
@IsmsSpringBootTest
class IncidentDecisionTest {

  @Autowired
  DecisionService decisionService;
  @Autowired
  RepositoryService repositoryService;
  @Autowired
  IncidentDecisions decisions;
  @Autowired
  IncidentProperties properties;

  // ---------------------------------------------------------------- incidentLevel

  @ParameterizedTest(name = "{0}: {1}, personal {2}, customers {3}, business {4}, employees {5} → {6}")
  @CsvSource({
      "Rule_PersonalDataLeaked,    LEAK,           true,  false, false, false, 3",
      "Rule_CustomersAffected,     TAMPERING,      false, true,  false, false, 3",
      "Rule_CustomersAffected,     ,               false, true,  false, false, 3",
      "Rule_LeakAtLeastLevelTwo,   LEAK,           false, false, false, false, 2",
      "Rule_BusinessAffected,      SERVICE_OUTAGE, false, false, true,  true,  2",
      "Rule_EmployeesAffected,     VIRUS,          true,  false, false, true,  1",
      "Rule_PossibleIncident,      ATTACK_NOTICE,  false, false, false, false, 0",
      "Rule_PossibleIncident,      ,               false, false, false, false, 0",
  })
  void proposesTheLevelOfTheScopeOfImpact(String rule, String kind, boolean personalData, boolean customers,
      boolean business, boolean employees, int level) {
    Map<String, Object> result = decisionService.evaluateDecisionTableByKey(IncidentProcess.DECISION_LEVEL,
        Variables.createVariables().putValue("incidentKind", kind).putValue("personalData", personalData)
            .putValue("customersAffected", customers).putValue("businessAffected", business)
            .putValue("employeesAffected", employees)).getSingleResult().getEntryMap();
    assertThat(result.get("proposedLevel")).isEqualTo(level);
    assertThat(ruleIds(IncidentProcess.DECISION_LEVEL)).contains(rule);
  }

  // ---------------------------------------------------------------- incidentResponder

  @ParameterizedTest(name = "level {0} → {1}")
  @CsvSource({
      "3, PRESIDENT+INCIDENT_OFFICER, INCIDENT_OFFICER",
      "2, INCIDENT_OFFICER,           INCIDENT_OFFICER",
      "1, SYSTEM_ADMINISTRATOR,       SYSTEM_ADMINISTRATOR",
      "0, SYSTEM_ADMINISTRATOR,       SYSTEM_ADMINISTRATOR",
  })
  void namesTheRespondersOfTheLevel(int level, String roles, String lead) {
    List<IncidentDecisions.Responder> responders = decisions.responders(level);
    assertThat(responders).extracting(IncidentDecisions.Responder::role)
        .containsExactly(roles.split("\\+"));
    assertThat(responders).filteredOn(IncidentDecisions.Responder::lead).extracting(IncidentDecisions.Responder::role)
        .containsExactly(lead);
  }

  // ---------------------------------------------------------------- incidentProcedure

  /** Every rule of the procedure table, with a case it applies to and the role the clause names. */
  @ParameterizedTest(name = "{0}: {1} level {2} → {3} {4}")
  @CsvSource({
      "LeakCause,                        LEAK, 3, false, false, ②, INCIDENT_OFFICER",
      "LeakVictims,                      LEAK, 3, false, false, ③, INCIDENT_OFFICER",
      "LeakInquiries,                    LEAK, 3, false, false, ④, INCIDENT_OFFICER",
      "LeakPublicationRequest,           LEAK, 3, false, false, ⑤, INCIDENT_OFFICER",
      "LeakPoliceFiling,                 LEAK, 3, true,  false, ⑥, INCIDENT_OFFICER",
      "LeakSupervisoryPreliminaryReport, LEAK, 3, false, true,  ⑦, INCIDENT_OFFICER",
      "LeakSupervisoryFinalReport,       LEAK, 3, false, true,  ⑦, INCIDENT_OFFICER",
      "LeakOutcomePublished,             LEAK, 3, false, false, ⑧, PRESIDENT",
      "LeakDestinationInvestigated,      LEAK, 2, false, false, ②, SYSTEM_ADMINISTRATOR",
      "LeakCausePrevented,               LEAK, 2, false, false, ③, SYSTEM_ADMINISTRATOR",
      "LeakStaffInformed,                LEAK, 2, false, false, ④, INCIDENT_OFFICER",
      "DamageThreeFirstAid,              TAMPERING, 3, false, false, ②, SYSTEM_ADMINISTRATOR",
      "DamageThreeStaffInformed,         SERVICE_OUTAGE, 3, false, false, ③, INCIDENT_OFFICER",
      "DamageThreeDataRestored,          TAMPERING, 3, false, false, ④, SYSTEM_ADMINISTRATOR",
      "DamageThreeEquipmentRepaired,     TAMPERING, 3, false, false, ⑤, SYSTEM_ADMINISTRATOR",
      "DamageThreeOriginalsRepaired,     TAMPERING, 3, false, false, ⑥, DEPARTMENT_HEAD",
      "DamageThreeCauseRemoved,          TAMPERING, 3, false, false, ⑦, SYSTEM_ADMINISTRATOR",
      "DamageThreeOutcomePublished,      TAMPERING, 3, false, false, ⑧, PRESIDENT",
      "DamageTwoFirstAid,                TAMPERING, 2, false, false, ②, SYSTEM_ADMINISTRATOR",
      "DamageTwoStaffInformed,           SERVICE_OUTAGE, 2, false, false, ③, INCIDENT_OFFICER",
      "DamageTwoDataRestored,            TAMPERING, 2, false, false, ④, SYSTEM_ADMINISTRATOR",
      "DamageTwoEquipmentRepaired,       TAMPERING, 2, false, false, ⑤, SYSTEM_ADMINISTRATOR",
      "DamageTwoOriginalsRepaired,       TAMPERING, 2, false, false, ⑥, DEPARTMENT_HEAD",
      "DamageTwoCauseRemoved,            TAMPERING, 2, false, false, ⑦, SYSTEM_ADMINISTRATOR",
      "DamageOneFirstAid,                TAMPERING, 1, false, false, ②, SYSTEM_ADMINISTRATOR",
      "DamageOneDataRestored,            SERVICE_OUTAGE, 1, false, false, ③, SYSTEM_ADMINISTRATOR",
      "DamageOneEquipmentRepaired,       TAMPERING, 1, false, false, ④, SYSTEM_ADMINISTRATOR",
      "DamageOneOriginalsRepaired,       TAMPERING, 1, false, false, ⑤, DEPARTMENT_HEAD",
      "DamageOneCauseRemoved,            TAMPERING, 1, false, false, ⑥, SYSTEM_ADMINISTRATOR",
      "VirusLeakChecked,                 VIRUS, 0, false, false, —, SYSTEM_ADMINISTRATOR",
      "VirusSpreadContained,             VIRUS, 3, false, false, —, SYSTEM_ADMINISTRATOR",
      "AttackNoticeReviewed,             ATTACK_NOTICE, 0, false, false, —, SYSTEM_ADMINISTRATOR",
  })
  void namesEachStepOfTheClauseWithItsRole(String step, String kind, int level, boolean cyberAttack,
      boolean personalData, String number, String role) {
    assertThat(decisions.procedure(kind, level, cyberAttack, personalData)).filteredOn(s -> s.step().equals(step))
        .singleElement().satisfies(s -> {
          assertThat(s.number()).isEqualTo(number);
          assertThat(s.responderRole()).isEqualTo(role);
          assertThat(s.text()).isNotBlank();
          assertThat(s.clause()).startsWith("9.4.");
        });
    assertThat(ruleIds(IncidentProcess.DECISION_PROCEDURE)).contains("Rule_" + step);
  }

  @Test
  void theFilingsOfALeakApplyOnlyAtLevelThreeAndOnlyWhenTheirConditionHolds() {
    assertThat(steps("LEAK", 3, false, false)).doesNotContain("LeakPoliceFiling", "LeakSupervisoryPreliminaryReport",
        "LeakSupervisoryFinalReport");
    assertThat(steps("LEAK", 3, true, true)).contains("LeakPoliceFiling", "LeakSupervisoryPreliminaryReport",
        "LeakSupervisoryFinalReport");
    assertThat(decisions.procedure("LEAK", 3, true, true)).filteredOn(s -> !s.filing().isEmpty())
        .extracting(IncidentDecisions.ProcedureStep::filing)
        .containsExactlyInAnyOrder("POLICE", "SUPERVISORY_PRELIMINARY", "SUPERVISORY_FINAL");
    assertThat(steps("LEAK", 2, true, true)).containsExactlyInAnyOrder("LeakDestinationInvestigated",
        "LeakCausePrevented", "LeakStaffInformed");
    // level 0 of 9.4.2 is the report alone (①)
    assertThat(steps("TAMPERING", 0, false, false)).isEmpty();
    assertThat(steps("UNKNOWN", 3, false, false)).isEmpty();
  }

  @Test
  void everyRuleIsTestedAndCitesItsClause() {
    assertThat(ruleIds(IncidentProcess.DECISION_PROCEDURE)).hasSize(32);
    assertThat(ruleIds(IncidentProcess.DECISION_LEVEL)).containsExactlyInAnyOrder("Rule_PersonalDataLeaked",
        "Rule_CustomersAffected", "Rule_LeakAtLeastLevelTwo", "Rule_BusinessAffected", "Rule_EmployeesAffected",
        "Rule_PossibleIncident");
    assertThat(ruleIds(IncidentProcess.DECISION_RESPONDER)).containsExactlyInAnyOrder("Rule_LevelThreePresident",
        "Rule_LevelThreeIncidentOfficer", "Rule_LevelTwoIncidentOfficer", "Rule_LevelOneOrZeroSystemAdministrator");
    for (String key : List.of(IncidentProcess.DECISION_LEVEL, IncidentProcess.DECISION_RESPONDER,
        IncidentProcess.DECISION_PROCEDURE)) {
      assertThat(model(key).getModelElementsByType(Rule.class))
          .allSatisfy(rule -> assertThat(rule.getDescription().getTextContent()).matches("9\\.[1-4](\\.\\d)?: .*"));
    }
  }

  @Test
  void theRecoveryTableOfTheConfigurationIsTheOneTheReportOffers() throws IOException {
    JsonNode form = new ObjectMapper().readTree(Files.readString(Path.of("forms", "incidentStart.form")));
    List<String> checkboxes = new ArrayList<>();
    form.path("components").forEach(c -> {
      if (c.path("key").asText().startsWith(IncidentProcess.DAMAGED_PREFIX)) {
        checkboxes.add(c.path("key").asText() + "=" + c.path("label").asText());
      }
    });
    assertThat(properties.recoveryTargets()).extracting(t -> t.formField() + "=" + t.name())
        .containsExactlyElementsOf(checkboxes);
    assertThat(properties.recoveryTargets()).hasSize(8).allSatisfy(t -> {
      assertThat(t.actions()).isNotEmpty();
      assertThat(t.owner()).isNotBlank();
      assertThat(t.contact()).isNotBlank();
    });
    assertThat(properties.recoveryTarget("systemA").orElseThrow().actions())
        .containsExactly("障害状況の把握", "データのリカバリ作業", "バックアップ機への切替");
    assertThat(properties.acknowledgementEscalation()).hasMinutes(30);
  }

  private List<String> steps(String kind, int level, boolean cyberAttack, boolean personalData) {
    return decisions.procedure(kind, level, cyberAttack, personalData).stream()
        .map(IncidentDecisions.ProcedureStep::step).toList();
  }

  private List<String> ruleIds(String key) {
    return model(key).getModelElementsByType(Rule.class).stream().map(Rule::getId).toList();
  }

  private DmnModelInstance model(String key) {
    DecisionDefinition definition = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key)
        .latestVersion().singleResult();
    return repositoryService.getDmnModelInstance(definition.getId());
  }
}
