package jp.sample.isms.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.accounts.OrganisationChanges;
import jp.sample.isms.support.DemoOrganisation;

/**
 * Inside an engine command each person and group is read once; a change of the organisation made in the same command
 * by the organisation's writers is seen by what the command reads afterwards; the next command reads the database.
 * Every command here ends by throwing, so its transaction (and the change) is rolled back.
 */
@IsmsSpringBootTest
class OrganisationCommandCacheTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  OrganisationService organisation;
  @Autowired
  OrganisationChanges changes;
  @Autowired
  JdbcTemplate jdbc;

  private static final class RollBack extends RuntimeException {
    RollBack() {
      super("roll back");
    }
  }

  private CommandExecutor commands() {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired();
  }

  /** kato's section (or department) as a new command reads it. */
  private String sectionOrDepartment(boolean section) {
    Person kato = commands().execute(context -> organisation.person(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE).orElseThrow());
    return section ? kato.sectionCode() : kato.departmentCode();
  }

  @Test
  void aCommandReadsEachPersonOnceAndSeesAMoveMadeInTheSameCommand() {
    List<Object> seen = new ArrayList<>();
    assertThatThrownBy(() -> commands().execute(context -> {
      seen.add(organisation.person(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE).orElseThrow().departmentCode());
      seen.add(organisation.holders(Role.DEPARTMENT_HEAD, DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE).userIds());
      // a write behind the organisation's back is not seen: the command already read kato
      jdbc.update("update org_person set section_code = null where user_id = 'kato'");
      seen.add(organisation.person(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE).orElseThrow().sectionCode());
      // a move through the organisation's writer is seen by the rest of the command
      changes.move(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, "hr", null, DemoOrganisation.SYSTEM_ADMINISTRATOR);
      seen.add(organisation.person(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE).orElseThrow().departmentCode());
      seen.add(organisation.holders(Role.DEPARTMENT_HEAD, DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE).groupId());
      throw new RollBack();
    })).isInstanceOf(RollBack.class);

    assertThat(seen.get(0)).isEqualTo("general-affairs");
    assertThat(seen.get(1)).isEqualTo(List.of(DemoOrganisation.SYSTEM_ADMINISTRATOR));
    assertThat(seen.get(2)).isNotNull();
    assertThat(seen.get(3)).isEqualTo("hr");
    assertThat(seen.get(4)).isEqualTo("department-head.hr");
    // rolled back, and the next command reads the database
    assertThat(jdbc.queryForObject("select department_code from org_person where user_id = 'kato'", String.class))
        .isEqualTo("general-affairs");
    assertThat(sectionOrDepartment(false))
        .isEqualTo("general-affairs");
  }

  @Test
  void theNextCommandReadsWhatTheLastOneLeft() {
    String before = organisation.person(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE).orElseThrow().sectionCode();
    assertThat(before).isNotNull();
    assertThat(sectionOrDepartment(true))
        .isEqualTo(before);
    try {
      jdbc.update("update org_person set section_code = null where user_id = 'kato'");
      // outside a command every call reads the database, and so does a new command
      assertThat(organisation.person(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE).orElseThrow().sectionCode()).isNull();
      assertThat(sectionOrDepartment(true)).isNull();
    } finally {
      jdbc.update("update org_person set section_code = ? where user_id = 'kato'", before);
    }
  }

  @Test
  void membersReadInACommandCannotBeChangedByTheCaller() {
    assertThatThrownBy(() -> commands().execute(context -> {
      organisation.members("department-head.development").add(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE);
      return null;
    })).isInstanceOf(UnsupportedOperationException.class);
    assertThat(organisation.members("department-head.development")).doesNotContain(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE);
  }
}
