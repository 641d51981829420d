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

@IsmsSpringBootTest
class OrganisationServiceTest {

  @Autowired
  OrganisationService organisation;

  static Stream<Arguments> roleHolders() {
    return Stream.of(
        Arguments.of(Role.DEPARTMENT_HEAD, "yamamoto", List.of("ito")),
        Arguments.of(Role.SECTION_CHIEF, "yamamoto", List.of("watanabe")),
        Arguments.of(Role.DEPARTMENT_HEAD, "kobayashi", List.of("takahashi")),
        Arguments.of(Role.SECTION_CHIEF, "kobayashi", List.of("nakamura")),
        Arguments.of(Role.DEPARTMENT_HEAD, "kato", List.of("suzuki")),
        // 総務課 has no 課長 in the demo organisation
        Arguments.of(Role.SECTION_CHIEF, "kato", List.of()),
        Arguments.of(Role.DEPARTMENT_HEAD, "watanabe", List.of("ito")),
        Arguments.of(Role.DEPARTMENT_HEAD, "sato", List.of("sato")),
        // the president sits in no department
        Arguments.of(Role.DEPARTMENT_HEAD, "tanaka", List.of()),
        Arguments.of(Role.PRESIDENT, "yamamoto", List.of("tanaka")),
        Arguments.of(Role.SECURITY_OFFICER, "yamamoto", List.of("tanaka")),
        Arguments.of(Role.SYSTEM_ADMINISTRATOR, "yamamoto", List.of("suzuki")),
        Arguments.of(Role.EDUCATION_OFFICER, "kobayashi", List.of("sato")),
        Arguments.of(Role.INCIDENT_OFFICER, "kato", List.of("takahashi")),
        Arguments.of(Role.AUDIT_OFFICER, "ito", List.of("nakamura")),
        Arguments.of(Role.PROCESS_OWNER, "yamamoto", List.of("suzuki", "tanaka")));
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
    assertThat(organisation.holders(Role.DEPARTMENT_HEAD, "yamamoto").groupId()).isEqualTo("department-head.development");
    assertThat(organisation.holders(Role.SECTION_CHIEF, "yamamoto").groupId()).isEqualTo("section-chief.design");
    assertThat(organisation.holders(Role.PRESIDENT, "yamamoto").groupId()).isEqualTo("president");
  }

  @Test
  void knowsWhereAPersonSits() {
    Person yamamoto = organisation.person("yamamoto").orElseThrow();
    assertThat(yamamoto.displayName()).isEqualTo("山本 さくら");
    assertThat(yamamoto.departmentName()).isEqualTo("開発設計部");
    assertThat(yamamoto.sectionName()).isEqualTo("設計課");
    assertThat(yamamoto.employee()).isTrue();
    assertThat(organisation.person("nobody")).isEmpty();
  }

  @Test
  void knowsWhoHoldsARoleAnywhere() {
    assertThat(organisation.holdsAnywhere("ito", Role.DEPARTMENT_HEAD)).isTrue();
    assertThat(organisation.holdsAnywhere("yamamoto", Role.DEPARTMENT_HEAD)).isFalse();
    assertThat(organisation.holdsAnywhere("suzuki", Role.SYSTEM_ADMINISTRATOR)).isTrue();
    assertThat(organisation.holdsAnywhere("ito", Role.SYSTEM_ADMINISTRATOR)).isFalse();
  }
}
