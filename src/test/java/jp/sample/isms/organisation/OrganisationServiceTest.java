package jp.sample.isms.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.support.DemoOrganisation;

@IsmsSpringBootTest
class OrganisationServiceTest {

  @Autowired
  OrganisationService organisation;

  static Stream<Arguments> roleHolders() {
    return Stream.of(
        Arguments.of(Role.DEPARTMENT_HEAD, DemoOrganisation.DESIGN_EMPLOYEE,
            List.of(DemoOrganisation.DEVELOPMENT_HEAD)),
        Arguments.of(Role.SECTION_CHIEF, DemoOrganisation.DESIGN_EMPLOYEE, List.of(DemoOrganisation.DESIGN_CHIEF)),
        Arguments.of(Role.DEPARTMENT_HEAD, DemoOrganisation.PRODUCTION_EMPLOYEE,
            List.of(DemoOrganisation.MANUFACTURING_HEAD)),
        Arguments.of(Role.SECTION_CHIEF, DemoOrganisation.PRODUCTION_EMPLOYEE,
            List.of(DemoOrganisation.PRODUCTION_CHIEF)),
        Arguments.of(Role.DEPARTMENT_HEAD, DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE,
            List.of(DemoOrganisation.GENERAL_AFFAIRS_HEAD)),
        // 総務課 has no 課長 in the demo organisation
        Arguments.of(Role.SECTION_CHIEF, DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, List.of()),
        Arguments.of(Role.DEPARTMENT_HEAD, DemoOrganisation.DESIGN_CHIEF, List.of(DemoOrganisation.DEVELOPMENT_HEAD)),
        Arguments.of(Role.DEPARTMENT_HEAD, DemoOrganisation.HR_HEAD, List.of(DemoOrganisation.HR_HEAD)),
        // the president sits in no department
        Arguments.of(Role.DEPARTMENT_HEAD, DemoOrganisation.PRESIDENT, List.of()),
        Arguments.of(Role.PRESIDENT, DemoOrganisation.DESIGN_EMPLOYEE, List.of(DemoOrganisation.PRESIDENT)),
        Arguments.of(Role.SECURITY_OFFICER, DemoOrganisation.DESIGN_EMPLOYEE,
            List.of(DemoOrganisation.SECURITY_OFFICER)),
        Arguments.of(Role.SYSTEM_ADMINISTRATOR, DemoOrganisation.DESIGN_EMPLOYEE,
            List.of(DemoOrganisation.SYSTEM_ADMINISTRATOR)),
        Arguments.of(Role.EDUCATION_OFFICER, DemoOrganisation.PRODUCTION_EMPLOYEE,
            List.of(DemoOrganisation.EDUCATION_OFFICER)),
        Arguments.of(Role.INCIDENT_OFFICER, DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE,
            List.of(DemoOrganisation.INCIDENT_OFFICER)),
        Arguments.of(Role.AUDIT_OFFICER, DemoOrganisation.DEVELOPMENT_HEAD, List.of(DemoOrganisation.AUDIT_OFFICER)),
        Arguments.of(Role.PROCESS_OWNER, DemoOrganisation.DESIGN_EMPLOYEE,
            List.of(DemoOrganisation.DEPARTMENT_PROCESS_OWNER, DemoOrganisation.PROCESS_OWNER)));
  }

  @ParameterizedTest(name = "{0} of {1} is {2}")
  @MethodSource("roleHolders")
  void resolvesTheHoldersOfARoleForARequester(Role role, String requester, List<String> expected) {
    // when
    RoleHolders holders = organisation.holders(role, requester);
    // then
    assertThat(holders.userIds()).containsExactlyElementsOf(expected);
  }

  @Test
  void theCandidateGroupOfAScopedRoleIsThatOfTheRequestersDepartment() {
    assertThat(organisation.holders(Role.DEPARTMENT_HEAD,
        DemoOrganisation.DESIGN_EMPLOYEE).groupId()).isEqualTo("department-head.development");
    assertThat(organisation.holders(Role.SECTION_CHIEF,
        DemoOrganisation.DESIGN_EMPLOYEE).groupId()).isEqualTo("section-chief.design");
    assertThat(organisation.holders(Role.PRESIDENT, DemoOrganisation.DESIGN_EMPLOYEE).groupId()).isEqualTo("president");
  }

  @Test
  void knowsWhereAPersonSits() {
    Person yamamoto = organisation.person(DemoOrganisation.DESIGN_EMPLOYEE).orElseThrow();
    assertThat(yamamoto.displayName()).isEqualTo("山本 さくら");
    assertThat(yamamoto.departmentName()).isEqualTo("開発設計部");
    assertThat(yamamoto.sectionName()).isEqualTo("設計課");
    assertThat(yamamoto.employee()).isTrue();
    assertThat(organisation.person("nobody")).isEmpty();
  }

  @Test
  void knowsWhoHoldsARoleAnywhere() {
    assertThat(organisation.holdsAnywhere(DemoOrganisation.DEVELOPMENT_HEAD, Role.DEPARTMENT_HEAD)).isTrue();
    assertThat(organisation.holdsAnywhere(DemoOrganisation.DESIGN_EMPLOYEE, Role.DEPARTMENT_HEAD)).isFalse();
    assertThat(organisation.holdsAnywhere(DemoOrganisation.SYSTEM_ADMINISTRATOR, Role.SYSTEM_ADMINISTRATOR)).isTrue();
    assertThat(organisation.holdsAnywhere(DemoOrganisation.DEVELOPMENT_HEAD, Role.SYSTEM_ADMINISTRATOR)).isFalse();
  }
}
