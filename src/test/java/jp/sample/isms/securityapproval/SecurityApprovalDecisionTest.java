package jp.sample.isms.securityapproval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.sample.isms.IsmsSpringBootTest;

/**
 * bpmn/securityApprovalType.dmn, securityApprovalField.dmn and securityApprovalRefusal.dmn: one row per rule,
 * evaluated as deployed through the flow's rules, and the start form offering exactly what the tables know.
 */
@IsmsSpringBootTest
class SecurityApprovalDecisionTest {

  @Autowired
  SecurityApprovalRules rules;
  @Autowired
  RepositoryService repositoryService;

  // ---------------------------------------------------------------- securityApprovalType (UNIQUE)

  @ParameterizedTest(name = "{0}: {1} reviews, {2} approves, follow-up {3}, {4}, expires {5}, bulk {6} ({7})")
  @CsvSource({
      "PHOTO_RECORDING,       NONE,                 SECURITY_OFFICER,     NONE,     PERMIT,          true,  true,  6.1.2",
      "IT_INFRASTRUCTURE,     NONE,                 SECURITY_OFFICER,     NONE,     DEVICE,          false, false, 7.1",
      "NON_STANDARD_SOFTWARE, SYSTEM_ADMINISTRATOR, SECURITY_OFFICER,     NONE,     SOFTWARE,        false, false, '7.4,7.7,7.9'",
      "NEW_DEVICE,            SYSTEM_ADMINISTRATOR, SECURITY_OFFICER,     NONE,     DEVICE,          false, false, '7.6,7.8,7.21'",
      "ANTIVIRUS,             NONE,                 SECURITY_OFFICER,     NONE,     SOFTWARE,        false, false, 7.10",
      "LAN_CONNECTION,        NONE,                 SECURITY_OFFICER,     LAN_SCAN, EXTERNAL_DEVICE, true,  false, 7.13",
      "WIRELESS_DEVICE,       NONE,                 SYSTEM_ADMINISTRATOR, NONE,     WIRELESS,        false, true,  5.1.3",
      "UNBLOCK,               NONE,                 SECURITY_OFFICER,     NONE,     PERMIT,          true,  true,  7.16",
      "BROWSER_PASSWORD,      NONE,                 SYSTEM_ADMINISTRATOR, NONE,     PERMIT,          false, true,  7.16",
      "ONLINE_BANKING,        NONE,                 SECURITY_OFFICER,     NONE,     PERMIT,          false, true,  7.17",
      "EXTERNAL_MAIL,         NONE,                 SECURITY_OFFICER,     NONE,     ACCOUNT_REQUEST, false, false, 7.20",
      "DATA_CENTRE,           NONE,                 SECURITY_OFFICER,     NONE,     DATA_CENTRE,     false, false, 7.22",
      "REMOTE_ACCESS,         NONE,                 SECURITY_OFFICER,     NONE,     REMOTE_ACCESS,   true,  false, '7.25,7.26,7.27'",
  })
  void eachTypeHasItsRoute(String type, String reviewer, String approver, String followUp, String action,
      boolean expires, boolean bulk, String clause) {
    assertThat(rules.route(type)).contains(
        new SecurityApprovalRules.Route(reviewer, approver, followUp, action, expires, bulk, clause));
    Rule rule = rule(SecurityApprovalProcess.DECISION_TYPE, "Rule_" + camel(type));
    assertThat(rule.getDescription().getTextContent()).startsWith(clause.split(",")[0]);
  }

  @Test
  void everyTypeRuleIsTestedAndSnsUseHasNoRoute() {
    assertThat(ruleIds(SecurityApprovalProcess.DECISION_TYPE)).hasSize(13);
    assertThat(rules.route("SNS_USE")).isEmpty();
  }

  // ---------------------------------------------------------------- securityApprovalField (COLLECT)

  static Stream<String> fieldRules() throws IOException {
    return ruleIdsInFile("securityApprovalField").stream();
  }

  @ParameterizedTest
  @MethodSource("fieldRules")
  void eachStatementRuleAsksForItsFieldAndCitesItsClause(String ruleId) {
    // given the rule's own inputs
    Rule rule = rule(SecurityApprovalProcess.DECISION_FIELD, ruleId);
    List<String> inputs = rule.getInputEntries().stream().map(InputEntry::getText)
        .map(t -> unquoted(t.getTextContent().trim())).toList();
    List<String> outputs = rule.getOutputEntries().stream().map(OutputEntry::getText)
        .map(t -> unquoted(t.getTextContent().trim())).toList();
    // when the table is read for that type (and device kind)
    List<SecurityApprovalRules.Requirement> requirements = rules.requirements(inputs.get(0),
        inputs.get(1).isEmpty() ? null : inputs.get(1));
    // then the rule's field is asked for, with its clause, which its description cites
    assertThat(requirements).contains(new SecurityApprovalRules.Requirement(outputs.get(0), outputs.get(1),
        outputs.get(2)));
    assertThat(rule.getDescription().getTextContent()).startsWith(outputs.get(1) + ": ");
  }

  @Test
  void aClientAlsoNeedsTwoFactorAuthenticationAServerDoesNot() {
    assertThat(rules.requirements("NEW_DEVICE", "CLIENT")).extracting(SecurityApprovalRules.Requirement::field)
        .contains("attestTwoFactor");
    assertThat(rules.requirements("NEW_DEVICE", "SERVER")).extracting(SecurityApprovalRules.Requirement::field)
        .doesNotContain("attestTwoFactor");
  }

  // ---------------------------------------------------------------- securityApprovalRefusal (FIRST)

  @ParameterizedTest(name = "{0}: {1} → {8} ({9})")
  @CsvSource({
      "Rule_SnsUse,                                 SNS_USE,               , false, ,        ,              ,     false, requestType,      7.19",
      "Rule_RemoteAccessOverPublicWifi,             REMOTE_ACCESS,         , false, ,        PUBLIC_WIFI,   ,     false, connectionMethod, 7.26",
      "Rule_PrivateDeviceAsClient,                  NEW_DEVICE,            , false, PRIVATE, ,              ,     true,  deviceOwnership,  7.8",
      "Rule_NonStandardOsWithoutJustification,      NON_STANDARD_SOFTWARE, OS, false, ,      ,              ,     false, osJustification,  7.4",
      "Rule_DataCentreWithoutTier,                  DATA_CENTRE,           , false, ,        ,              ,     true,  dataCentreTier,   7.22",
      "Rule_DataCentreWithoutNda,                   DATA_CENTRE,           , false, ,        ,              TIER_3, false, ndaConcluded,   7.22",
      "Rule_InfrastructureNotBySystemAdministrator, IT_INFRASTRUCTURE,     , false, ,        ,              ,     true,  requestType,      7.1",
  })
  void eachRefusalCitesItsClause(String ruleId, String type, String category, boolean justified, String ownership,
      String connection, String tier, boolean nda, String field, String clause) {
    boolean systemAdministrator = !"IT_INFRASTRUCTURE".equals(type);
    var refusal = rules.refusal(new SecurityApprovalRules.Facts(type, category, justified, ownership, connection,
        tier, nda, systemAdministrator));
    assertThat(refusal).isPresent();
    assertThat(refusal.get().field()).isEqualTo(field);
    assertThat(refusal.get().clause()).isEqualTo(clause);
    assertThat(refusal.get().text()).isNotBlank();
    assertThat(rule(SecurityApprovalProcess.DECISION_REFUSAL, ruleId).getDescription().getTextContent())
        .startsWith(clause + ": ");
  }

  @Test
  void whatNoRefusalMatchesIsAcceptedByTheLastRule() {
    assertThat(rules.refusal(new SecurityApprovalRules.Facts("REMOTE_ACCESS", null, false, null, "IPSEC_CARRIER",
        null, false, false))).isEmpty();
    assertThat(rules.refusal(new SecurityApprovalRules.Facts("NON_STANDARD_SOFTWARE", "OS", true, null, null, null,
        false, false))).isEmpty();
    assertThat(rules.refusal(new SecurityApprovalRules.Facts("DATA_CENTRE", null, false, null, null, "TIER_1", true,
        false))).isEmpty();
    assertThat(rules.refusal(new SecurityApprovalRules.Facts("IT_INFRASTRUCTURE", null, false, null, null, null,
        false, true))).isEmpty();
    assertThat(ruleIds(SecurityApprovalProcess.DECISION_REFUSAL)).hasSize(8).last().isEqualTo("Rule_Accepted");
  }

  // ---------------------------------------------------------------- the start form and the tables agree

  @Test
  void theStartFormOffersEveryTypeOfTheTableAndEveryFieldTheTablesAskFor() throws IOException {
    JsonNode form = new ObjectMapper().readTree(Path.of("forms", "securityApprovalStart.form").toFile());
    Set<String> keys = new HashSet<>();
    Set<String> types = new HashSet<>();
    form.path("components").forEach(c -> {
      keys.add(c.path("key").asText());
      if ("requestType".equals(c.path("key").asText())) {
        c.path("values").forEach(v -> types.add(v.path("value").asText()));
      }
    });
    Set<String> routed = new HashSet<>();
    for (String id : ruleIds(SecurityApprovalProcess.DECISION_TYPE)) {
      routed.add(unquoted(rule(SecurityApprovalProcess.DECISION_TYPE, id).getInputEntries().iterator().next()
          .getText().getTextContent()));
    }
    routed.add("SNS_USE");
    assertThat(types).isEqualTo(routed);
    for (String id : ruleIds(SecurityApprovalProcess.DECISION_FIELD)) {
      String field = unquoted(rule(SecurityApprovalProcess.DECISION_FIELD, id).getOutputEntries().iterator().next()
          .getText().getTextContent());
      assertThat(keys).as("field of %s", id).contains(field);
    }
    for (String id : ruleIds(SecurityApprovalProcess.DECISION_REFUSAL)) {
      String field = unquoted(rule(SecurityApprovalProcess.DECISION_REFUSAL, id).getOutputEntries().stream()
          .skip(1).findFirst().orElseThrow().getText().getTextContent());
      assertThat(field.isEmpty() || keys.contains(field)).as("field of %s", id).isTrue();
    }
  }

  // ---------------------------------------------------------------- helpers

  private static String camel(String code) {
    StringBuilder out = new StringBuilder();
    for (String part : code.toLowerCase().split("_")) {
      out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return out.toString();
  }

  private static String unquoted(String literal) {
    String text = literal.trim();
    return text.startsWith("\"") ? text.substring(1, text.length() - 1) : text;
  }

  private static List<String> ruleIdsInFile(String decision) {
    DmnModelInstance model = org.camunda.bpm.model.dmn.Dmn.readModelFromFile(
        Path.of("bpmn", decision + ".dmn").toFile());
    return model.getModelElementsByType(Rule.class).stream().map(Rule::getId).toList();
  }

  private List<String> ruleIds(String decision) {
    return model(decision).getModelElementsByType(Rule.class).stream().map(Rule::getId).toList();
  }

  private Rule rule(String decision, String ruleId) {
    Rule rule = model(decision).getModelElementById(ruleId);
    assertThat(rule).as(ruleId).isNotNull();
    return rule;
  }

  private DmnModelInstance model(String decision) {
    DecisionDefinition definition = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(decision)
        .latestVersion().singleResult();
    return repositoryService.getDmnModelInstance(definition.getId());
  }
}
