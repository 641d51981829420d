package jp.sample.isms.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.support.DemoOrganisation;

/**
 * Nothing stranded, for every flow there is and every one added later: each user task of each deployed process has a
 * successor rule ({@link StepHandOver#successor}) derived from what its model declares, its step kind and whether
 * it takes a role's candidate groups or the requester as assignee; no list of task ids to keep up to date.
 */
@IsmsSpringBootTest
class SuccessorRuleTest {

  @Autowired
  ProcessEngine engine;

  @Test
  void everyUserTaskOfEveryDeployedProcessHasASuccessorRule() {
    List<String> without = new ArrayList<>();
    List<String> checked = new ArrayList<>();
    for (ProcessDefinition definition : engine.getRepositoryService().createProcessDefinitionQuery().latestVersion()
        .list()) {
      BpmnModelInstance model = engine.getRepositoryService().getBpmnModelInstance(definition.getId());
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        String kind = task.getExtensionElements() == null ? null : task.getExtensionElements().getElementsQuery()
            .filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties.class).list().stream()
            .flatMap(p -> p.getCamundaProperties().stream()).filter(p -> "isms.stepKind".equals(p.getCamundaName()))
            .map(CamundaProperty::getCamundaValue).findFirst().orElse(null);
        StepKind stepKind = kind == null ? null : StepKind.valueOf(kind);
        String name = definition.getKey() + "/" + task.getId() + " (" + kind + ")";
        StepHandOver.successor(stepKind, task.getCamundaCandidateGroups(), task.getCamundaAssignee())
            .ifPresentOrElse(successor -> checked.add(name + " → " + successor), () -> without.add(name));
      }
    }
    assertThat(without).as("user tasks without a successor rule").isEmpty();
    assertThat(checked).anyMatch(s -> s.contains("(APPROVAL) → ROLE_THEN_SUPERIOR"))
        .anyMatch(s -> s.contains("(CORRECTION) → REQUESTERS_DEPARTMENT_HEAD"))
        .anyMatch(s -> s.contains("(FOLLOW_UP) → REQUESTERS_DEPARTMENT_HEAD"))
        .anyMatch(s -> s.contains("(WORK) → ROLE_THEN_SUPERIOR"));
  }

  @Test
  void aTaskWithoutARoleOrTheRequesterHasNoRule() {
    assertThat(StepHandOver.successor(StepKind.APPROVAL, null, DemoOrganisation.PRESIDENT)).isEmpty();
    assertThat(StepHandOver.successor(StepKind.FOLLOW_UP, null, DemoOrganisation.PRESIDENT)).isEmpty();
    assertThat(StepHandOver.successor(null, "x", null)).isEmpty();
    assertThat(StepHandOver.successor(StepKind.FOLLOW_UP, null, "${ requester }"))
        .contains(StepHandOver.Successor.REQUESTERS_DEPARTMENT_HEAD);
  }
}
