package jp.sample.isms.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.Yaml;

import jp.sample.isms.organisation.Role;

/** Every constant of {@link DemoOrganisation} is what the demo organisation file and application.yaml say. */
class DemoOrganisationTest {

  @Test
  void theCompanyWideRolesAreHeldByThePersonsTheConstantsName() {
    assertThat(DemoOrganisation.holder(Role.PRESIDENT)).isEqualTo(DemoOrganisation.PRESIDENT);
    assertThat(DemoOrganisation.holder(Role.SECURITY_OFFICER)).isEqualTo(DemoOrganisation.SECURITY_OFFICER);
    assertThat(DemoOrganisation.holder(Role.SYSTEM_ADMINISTRATOR)).isEqualTo(DemoOrganisation.SYSTEM_ADMINISTRATOR);
    assertThat(DemoOrganisation.holder(Role.EDUCATION_OFFICER)).isEqualTo(DemoOrganisation.EDUCATION_OFFICER);
    assertThat(DemoOrganisation.holder(Role.INCIDENT_OFFICER)).isEqualTo(DemoOrganisation.INCIDENT_OFFICER);
    assertThat(DemoOrganisation.holder(Role.AUDIT_OFFICER)).isEqualTo(DemoOrganisation.AUDIT_OFFICER);
    assertThat(DemoOrganisation.holders(Role.PROCESS_OWNER))
        .containsExactly(DemoOrganisation.PROCESS_OWNER, DemoOrganisation.DEPARTMENT_PROCESS_OWNER);
    assertThat(DemoOrganisation.PROCESS_OWNER).isEqualTo(DemoOrganisation.PRESIDENT);
    assertThat(DemoOrganisation.person(DemoOrganisation.DEPARTMENT_PROCESS_OWNER).roles())
        .contains(Role.DEPARTMENT_HEAD.name()).doesNotContain(Role.PRESIDENT.name());
  }

  @Test
  void theHeadsAndChiefsAreThoseOfTheirDepartmentsAndSections() {
    assertThat(DemoOrganisation.headOf(DemoOrganisation.GENERAL_AFFAIRS)).isEqualTo(DemoOrganisation.GENERAL_AFFAIRS_HEAD);
    assertThat(DemoOrganisation.headOf(DemoOrganisation.HR)).isEqualTo(DemoOrganisation.HR_HEAD);
    assertThat(DemoOrganisation.headOf(DemoOrganisation.MANUFACTURING)).isEqualTo(DemoOrganisation.MANUFACTURING_HEAD);
    assertThat(DemoOrganisation.headOf(DemoOrganisation.DEVELOPMENT)).isEqualTo(DemoOrganisation.DEVELOPMENT_HEAD);
    assertThat(DemoOrganisation.chiefOf("production")).isEqualTo(DemoOrganisation.PRODUCTION_CHIEF);
    assertThat(DemoOrganisation.chiefOf("design")).isEqualTo(DemoOrganisation.DESIGN_CHIEF);
    assertThat(DemoOrganisation.departmentOf(DemoOrganisation.PRODUCTION_CHIEF)).isEqualTo(DemoOrganisation.MANUFACTURING);
    assertThat(DemoOrganisation.departmentOf(DemoOrganisation.DESIGN_CHIEF)).isEqualTo(DemoOrganisation.DEVELOPMENT);
    assertThat(DemoOrganisation.departmentOf(DemoOrganisation.PRESIDENT)).isNull();
  }

  @Test
  void theEmployeesWithoutARoleSitWhereTheirConstantsSay() {
    assertThat(DemoOrganisation.employeesWithoutRole(DemoOrganisation.GENERAL_AFFAIRS))
        .containsExactly(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE);
    assertThat(DemoOrganisation.employeesWithoutRole(DemoOrganisation.MANUFACTURING))
        .containsExactly(DemoOrganisation.PRODUCTION_EMPLOYEE);
    assertThat(DemoOrganisation.employeesWithoutRole(DemoOrganisation.DEVELOPMENT))
        .containsExactly(DemoOrganisation.DESIGN_EMPLOYEE);
    assertThat(DemoOrganisation.person(DemoOrganisation.PRODUCTION_EMPLOYEE).section()).isEqualTo("production");
    assertThat(DemoOrganisation.person(DemoOrganisation.DESIGN_EMPLOYEE).section()).isEqualTo("design");
    assertThat(DemoOrganisation.person(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE).section())
        .isEqualTo("general-affairs-section");
  }

  @Test
  void everyPersonOfTheFileHasAConstant() {
    assertThat(DemoOrganisation.ids()).containsExactlyInAnyOrder(DemoOrganisation.PRESIDENT,
        DemoOrganisation.GENERAL_AFFAIRS_HEAD, DemoOrganisation.HR_HEAD, DemoOrganisation.MANUFACTURING_HEAD,
        DemoOrganisation.PRODUCTION_CHIEF, DemoOrganisation.PRODUCTION_EMPLOYEE, DemoOrganisation.DEVELOPMENT_HEAD,
        DemoOrganisation.DESIGN_CHIEF, DemoOrganisation.DESIGN_EMPLOYEE, DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE);
  }

  @Test
  void thePasswordAndTheFileAreThoseTheDemoConfigurationLoads() throws IOException {
    try (InputStream in = new ClassPathResource("application.yaml").getInputStream()) {
      Map<String, Object> isms = section(new Yaml().load(in), "isms");
      Map<String, Object> demo = section(isms, "demo");
      assertThat(demo.get("enabled")).isEqualTo(true);
      assertThat(String.valueOf(demo.get("password"))).isEqualTo(DemoOrganisation.PASSWORD);
      assertThat(demo.get("organisation-file")).isEqualTo("classpath:" + DemoOrganisation.FILE);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> section(Map<String, Object> parent, String key) {
    assertThat(parent).containsKey(key);
    return (Map<String, Object>) parent.get(key);
  }
}
