package jp.sample.isms.outsourcing;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.support.Outsourcings;
import jp.sample.isms.support.DemoOrganisation;

/**
 * What other flows learn of an outsourcing contract: the names {@link RunningOutsourcings} reads by are those of the
 * deployed model (renaming the running contract's wait in the model fails here, not in a re-subcontracting filed
 * later), and each state is told apart on real instances.
 */
@IsmsSpringBootTest
class RunningOutsourcingsTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  RunningOutsourcings outsourcings;

  Outsourcings requests;

  @BeforeEach
  void setUp() {
    requests = new Outsourcings(engine, jdbc);
  }

  @AfterEach
  void cleanUp() {
    requests.cleanUp();
  }

  @Test
  void theRunningStateIsTheDeployedModelsWaitForTheContractsEnd() {
    ProcessDefinition definition = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(OutsourcingProcess.KEY).latestVersion().singleResult();
    assertThat(definition).as("process " + OutsourcingProcess.KEY + " is deployed").isNotNull();
    BpmnModelInstance model = engine.getRepositoryService().getBpmnModelInstance(definition.getId());

    ModelElementInstance running = model.getModelElementById(RunningOutsourcings.RUNNING_STATE);
    assertThat(running).as(RunningOutsourcings.RUNNING_STATE).isInstanceOf(IntermediateCatchEvent.class);
    assertThat(((IntermediateCatchEvent) running).getEventDefinitions())
        .singleElement().isInstanceOf(TimerEventDefinition.class);
    ModelElementInstance scope = model.getModelElementById(RunningOutsourcings.RUNNING_SCOPE);
    assertThat(scope).as(RunningOutsourcings.RUNNING_SCOPE).isInstanceOf(SubProcess.class);
    assertThat(running.getParentElement()).isSameAs(scope);
  }

  @Test
  void aRunningContractIsFoundWithItsRequesterAndContractor() {
    ProcessInstance instance = requests.running(DemoOrganisation.DESIGN_EMPLOYEE);

    RunningOutsourcings.Outsourcing found = outsourcings.find(instance.getBusinessKey());

    assertThat(found.state()).isEqualTo(RunningOutsourcings.State.RUNNING);
    assertThat(found.running()).isTrue();
    assertThat(found.processInstanceId()).isEqualTo(instance.getId());
    assertThat(found.requester()).isEqualTo(DemoOrganisation.DESIGN_EMPLOYEE);
    assertThat(found.contractor()).isEqualTo(Outsourcings.request().get(OutsourcingProcess.CONTRACTOR));
  }

  @Test
  void aContractNotYetRunningAnEndedOneAndAnUnknownOneAreToldApart() {
    ProcessInstance filed = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, Outsourcings.request());
    assertThat(outsourcings.find(filed.getBusinessKey()).state()).isEqualTo(RunningOutsourcings.State.NOT_RUNNING);
    assertThat(outsourcings.find(filed.getBusinessKey()).requester()).isNull();

    engine.getRuntimeService().deleteProcessInstance(filed.getId(), "ended for the test");
    assertThat(outsourcings.find(filed.getBusinessKey()).state()).isEqualTo(RunningOutsourcings.State.ENDED);

    assertThat(outsourcings.find("OUT-0000-99999").state()).isEqualTo(RunningOutsourcings.State.NOT_FOUND);
  }
}
