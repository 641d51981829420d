package jp.sample.isms.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.ProcessEngine;
import jp.sample.isms.support.EngineCommands;
import jp.sample.isms.support.EngineCommands.RollBack;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.accounts.OrganisationChanges;
import jp.sample.isms.support.DemoOrganisation;

/**
 * Inside an engine command each person, name and group is read once, a missing one included; a change of the
 * organisation made in the same command by the organisation's writers is seen by what the command reads afterwards;
 * another command — nested in a new context, or the next one on the same pooled thread — reads the database. The
 * commands that change something end by throwing, so their transaction (and the change) is rolled back.
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


  private CommandExecutor commands() {
    return EngineCommands.of(engine);
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

  @Test
  void aNameMissingInACommandIsReadOnce() {
    List<String> seen = new ArrayList<>();
    assertThatThrownBy(() -> commands().execute(context -> {
      jdbc.update("update ACT_ID_USER set LAST_ = null, FIRST_ = null where ID_ = 'kato'");
      seen.add(organisation.displayName(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE));
      jdbc.update("update ACT_ID_USER set LAST_ = '加藤', FIRST_ = '一郎' where ID_ = 'kato'");
      seen.add(organisation.displayName(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE));
      seen.add(organisation.displayName("nobody"));
      throw new RollBack();
    })).isInstanceOf(RollBack.class);
    // a user without a name is named by their id, and the command keeps that answer
    assertThat(seen).containsExactly(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE,
        DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, "nobody");
    assertThat(organisation.displayName(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE))
        .isNotEqualTo(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE);
  }

  @Test
  void aCommandInANewContextDoesNotShareTheReadsOfTheCommandAroundIt() {
    CommandExecutor requiresNew = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequiresNew();
    List<Object> seen = new ArrayList<>();
    commands().execute(outer -> {
      seen.add(organisation.person(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE).orElseThrow().sectionCode());
      assertThatThrownBy(() -> requiresNew.execute(inner -> {
        jdbc.update("update org_person set section_code = null where user_id = 'kato'");
        seen.add(organisation.person(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE).orElseThrow().sectionCode());
        throw new RollBack();
      })).isInstanceOf(RollBack.class);
      // the inner command neither used nor ended what the outer one read
      seen.add(organisation.person(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE).orElseThrow().sectionCode());
      return null;
    });
    assertThat(seen.get(0)).isNotNull();
    assertThat(seen.get(1)).isNull();
    assertThat(seen.get(2)).isEqualTo(seen.get(0));
  }

  @Test
  void theNextCommandOnAPooledThreadStartsWithoutTheReadsOfTheLastOne() throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    String before = organisation.person(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE).orElseThrow().sectionCode();
    try {
      // a command that read kato and failed, then one that read kato and closed, on the same thread
      assertThatThrownBy(() -> pool.submit(() -> commands().execute(context -> {
        organisation.person(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE);
        throw new RollBack();
      })).get()).hasCauseInstanceOf(RollBack.class);
      assertThat(pool.submit(() -> sectionOrDepartment(true)).get()).isEqualTo(before);
      jdbc.update("update org_person set section_code = null where user_id = 'kato'");
      assertThat(pool.submit(() -> sectionOrDepartment(true)).get()).isNull();
    } finally {
      jdbc.update("update org_person set section_code = ? where user_id = 'kato'", before);
      pool.shutdown();
      assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
  }
}
