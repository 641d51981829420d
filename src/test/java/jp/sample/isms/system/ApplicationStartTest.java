package jp.sample.isms.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.repository.Resource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.support.DemoOrganisation;

/** The product starts on H2, deploys everything under bpmn/ and forms/, and loads the demo organisation. */
@IsmsSpringBootTest
class ApplicationStartTest {

  /** Every person of the demo organisation file. */
  static final List<String> DEMO_USERS = DemoOrganisation.ids();

  @Autowired
  RepositoryService repositoryService;
  @Autowired
  IdentityService identityService;

  @Test
  void deploysEveryFileUnderBpmnAndForms() throws IOException {
    List<String> files = Stream.concat(list("bpmn"), list("forms")).toList();
    List<String> deployed = repositoryService.createDeploymentQuery().list().stream()
        .flatMap(d -> repositoryService.getDeploymentResources(d.getId()).stream())
        .map(Resource::getName)
        .map(name -> name.substring(name.lastIndexOf('/') + 1))
        .toList();

    assertThat(files).as("files under bpmn/ and forms/").isNotEmpty()
        .anyMatch(f -> f.endsWith(".bpmn")).anyMatch(f -> f.endsWith(".form"));
    assertThat(deployed).containsAll(files);
  }

  @Test
  void everyDemoUserExistsWithTheDemoPassword() {
    assertThat(identityService.createUserQuery().list()).extracting(User::getId)
        .containsExactlyInAnyOrderElementsOf(DEMO_USERS);
    for (String user : DEMO_USERS) {
      assertThat(identityService.checkPassword(user, DemoOrganisation.PASSWORD)).as(user).isTrue();
    }
    assertThat(identityService.createUserQuery().userId(DemoOrganisation.DESIGN_EMPLOYEE).singleResult().getLastName()).isEqualTo("山本");
  }

  @Test
  void demoUsersHoldTheirRolesAsGroupMemberships() {
    assertThat(groupsOf(DemoOrganisation.PRESIDENT)).contains("president", "security-officer", "process-owner",
        "employees");
    assertThat(groupsOf(DemoOrganisation.GENERAL_AFFAIRS_HEAD)).contains("department-head.general-affairs",
        "system-administrator",
        "process-owner", "camunda-admin");
    assertThat(groupsOf(DemoOrganisation.EDUCATION_OFFICER)).contains("department-head.hr", "education-officer");
    assertThat(groupsOf(DemoOrganisation.INCIDENT_OFFICER)).contains("department-head.manufacturing",
        "incident-officer");
    assertThat(groupsOf(DemoOrganisation.AUDIT_OFFICER)).contains("section-chief.production", "audit-officer");
    assertThat(groupsOf(DemoOrganisation.DEVELOPMENT_HEAD)).contains("department-head.development");
    assertThat(groupsOf(DemoOrganisation.DESIGN_CHIEF)).contains("section-chief.design");
    assertThat(groupsOf(DemoOrganisation.DESIGN_EMPLOYEE)).containsExactly("employees");
    assertThat(groupsOf(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE)).containsExactly("employees");
    assertThat(groupsOf(DemoOrganisation.PRODUCTION_EMPLOYEE)).containsExactly("employees");
    assertThat(identityService.createUserQuery().memberOfGroup("camunda-admin").list())
        .extracting(User::getId).containsExactly(DemoOrganisation.SYSTEM_ADMINISTRATOR);
  }

  private List<String> groupsOf(String user) {
    return identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
  }

  private static Stream<String> list(String folder) throws IOException {
    try (Stream<Path> paths = Files.walk(Path.of(folder))) {
      return paths.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".bpmn") || n.endsWith(".dmn") || n.endsWith(".form")).toList().stream();
    }
  }
}
