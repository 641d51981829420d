package jp.sample.isms.clouduse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import jp.sample.isms.IsmsSpringBootTest;

/** bpmn/cloudUseRequirement.dmn (7.18, 4.1.3): one row per rule, evaluated as deployed. */
@IsmsSpringBootTest
class CloudUseRequirementTest {

  static final List<String> RULES = List.of("Rule_InternalStorageApprovedExplicitly",
      "Rule_SecretStorageApprovedExplicitly", "Rule_BackupTermsConform", "Rule_BackupFacilityOutsideDisasterArea");

  @Autowired
  DecisionService decisionService;
  @Autowired
  RepositoryService repositoryService;
  @Autowired
  CloudUseFlow flow;

  @ParameterizedTest(name = "{0}: {1}, backup {2} → {3} by {4} ({5})")
  @CsvSource({
      "Rule_InternalStorageApprovedExplicitly, INTERNAL, false, storageApproved,             SECURITY_OFFICER,     7.18",
      "Rule_SecretStorageApprovedExplicitly,   SECRET,   false, storageApproved,             SECURITY_OFFICER,     7.18",
      "Rule_BackupTermsConform,                PUBLIC,   true,  termsConform,                SYSTEM_ADMINISTRATOR, 4.1.3",
      "Rule_BackupFacilityOutsideDisasterArea, PUBLIC,   true,  facilityOutsideDisasterArea, SYSTEM_ADMINISTRATOR, 4.1.3",
  })
  void namesWhatMustBeConfirmedAndByWhom(String rule, String classification, boolean backupUse, String requirement,
      String confirmedBy, String clause) {
    // given the rule says so, citing its clause
    assertThat(outputsOf(rule)).containsExactly("\"" + requirement + "\"", "\"" + confirmedBy + "\"",
        "\"" + clause + "\"", outputsOf(rule).get(3));
    assertThat(model().<Rule>getModelElementById(rule).getDescription().getTextContent()).startsWith(clause + ": ");
    // when
    List<Map<String, Object>> rows = decisionService.evaluateDecisionTableByKey(
        CloudUseProcess.DECISION_REQUIREMENT, Variables.createVariables()
            .putValue(CloudUseProcess.CLASSIFICATION, classification).putValue(CloudUseProcess.BACKUP_USE, backupUse))
        .getResultList();
    // then the rule is among the rows, and the flow's rules read the same
    assertThat(rows).anySatisfy(row -> {
      assertThat(row.get("requirement")).isEqualTo(requirement);
      assertThat(row.get("confirmedBy")).isEqualTo(confirmedBy);
      assertThat(row.get("clause")).isEqualTo(clause);
      assertThat((String) row.get("text")).isNotBlank();
    });
    assertThat(flow.requirements(classification, backupUse))
        .contains(new CloudUseFlow.Requirement(requirement, confirmedBy, clause, unquoted(outputsOf(rule).get(3))));
  }

  @Test
  void publicDataOutsideBackupNeedsNoConfirmationAndSecretBackupNeedsAllThree() {
    assertThat(flow.requirements("PUBLIC", false)).isEmpty();
    assertThat(flow.requirements("SECRET", true)).extracting(CloudUseFlow.Requirement::requirement)
        .containsExactlyInAnyOrder("storageApproved", "termsConform", "facilityOutsideDisasterArea");
  }

  @Test
  void everyRuleIsTestedAndCitesItsClause() {
    assertThat(model().getModelElementsByType(Rule.class)).extracting(Rule::getId)
        .containsExactlyInAnyOrderElementsOf(RULES);
    assertThat(model().getModelElementsByType(Rule.class))
        .allSatisfy(rule -> assertThat(rule.getDescription().getTextContent()).matches("(7\\.18|4\\.1\\.3): .*"));
  }

  private List<String> outputsOf(String ruleId) {
    Rule rule = model().getModelElementById(ruleId);
    return rule.getOutputEntries().stream().map(OutputEntry::getText).map(t -> t.getTextContent().trim()).toList();
  }

  private static String unquoted(String literal) {
    return literal.substring(1, literal.length() - 1);
  }

  private DmnModelInstance model() {
    DecisionDefinition definition = repositoryService.createDecisionDefinitionQuery()
        .decisionDefinitionKey(CloudUseProcess.DECISION_REQUIREMENT).latestVersion().singleResult();
    return repositoryService.getDmnModelInstance(definition.getId());
  }
}
