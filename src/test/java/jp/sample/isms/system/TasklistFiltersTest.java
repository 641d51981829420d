package jp.sample.isms.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.support.DemoOrganisation;

@IsmsSpringBootTest
class TasklistFiltersTest {

  @Autowired
  FilterService filterService;
  @Autowired
  IdentityService identityService;
  @Autowired
  TasklistFilters filters;

  @AfterEach
  void logout() {
    identityService.clearAuthentication();
  }

  @Test
  void everyUserSeesTheFourReadyMadeFilters() {
    for (String user : List.of(DemoOrganisation.DESIGN_EMPLOYEE, DemoOrganisation.DEVELOPMENT_HEAD,
        DemoOrganisation.PRESIDENT, DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE)) {
      // when
      identityService.setAuthentication(user, identityService.createGroupQuery().groupMember(user).list()
          .stream().map(g -> g.getId()).toList());
      List<String> names = filterService.createTaskFilterQuery().list().stream().map(Filter::getName).toList();
      identityService.clearAuthentication();
      // then
      assertThat(names).as(user).containsExactlyInAnyOrder(
          TasklistFilters.MY_TASKS, TasklistFilters.MY_GROUP_TASKS, TasklistFilters.OVERDUE,
          TasklistFilters.MY_REQUESTS);
    }
  }

  @Test
  void creatingTheFiltersAgainChangesNothing() {
    long before = filterService.createFilterQuery().count();
    filters.ensure();
    filters.ensure();
    assertThat(filterService.createFilterQuery().count()).isEqualTo(before);
  }

  @Test
  void myRequestsBelongsToItsUser() {
    Filter yamamotos = filterService.createTaskFilterQuery().filterName(TasklistFilters.MY_REQUESTS)
        .filterOwner(DemoOrganisation.DESIGN_EMPLOYEE).singleResult();
    assertThat(yamamotos).isNotNull();
    identityService.setAuthentication(DemoOrganisation.DEVELOPMENT_HEAD, List.of("employees",
        "department-head.development"));
    try {
      assertThat(filterService.createTaskFilterQuery().filterOwner(DemoOrganisation.DESIGN_EMPLOYEE).count()).isZero();
    } finally {
      identityService.clearAuthentication();
    }
  }
}
