package jp.sample.isms.takeout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.springframework.beans.factory.annotation.Autowired;

import jp.sample.isms.IsmsSpringBootTest;

/**
 * bpmn/takeOutApprover.dmn (3.2, 3.1): one row per rule, evaluated on the deployed decision. The classification is
 * the register's; an unregistered asset goes to the requester's department head first, whatever was declared.
 */
@IsmsSpringBootTest
class TakeOutApproverDecisionTest {

  @Autowired
  DecisionService decisionService;
  @Autowired
  RepositoryService repositoryService;

  @ParameterizedTest(name = "{0}: registered={1}, {2} -> {3}")
  // the same rows are the workbench's dry-run samples of this table
  @CsvFileSource(resources = "/design/samples/takeOutApprover.csv", delimiter = '|', numLinesToSkip = 1,
      nullValues = "null")
  void routesByTheRegistersClassification(String rule, boolean registered, String classification,
      String approverRole) {
    // given the rule's description cites its clause
    DmnModelInstance model = repositoryService.getDmnModelInstance(repositoryService
        .createDecisionDefinitionQuery().decisionDefinitionKey(TakeOutProcess.DECISION_APPROVER).latestVersion()
        .singleResult().getId());
    Rule declared = model.getModelElementById(rule);
    assertThat(declared.getDescription().getTextContent()).matches("3\\.\\d.*");
    // when the table is evaluated
    Map<String, Object> variables = new HashMap<>();
    variables.put(TakeOutProcess.ASSETS_REGISTERED, registered);
    variables.put(TakeOutProcess.CLASSIFICATION, classification);
    DmnDecisionTableResult result = decisionService.evaluateDecisionTableByKey(TakeOutProcess.DECISION_APPROVER,
        variables);
    // then exactly this rule answers
    assertThat(result.getSingleResult().getEntryMap()).containsEntry("approverRole", approverRole);
  }
}
