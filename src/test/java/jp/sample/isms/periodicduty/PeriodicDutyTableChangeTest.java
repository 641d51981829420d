package jp.sample.isms.periodicduty;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import jp.sample.isms.IsmsSpringBootTest;

/** A change of table periodicDuties applies from the next occurrence; an occurrence in progress keeps its version. */
@IsmsSpringBootTest
class PeriodicDutyTableChangeTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  Occurrences occurrences;
  @Autowired
  PeriodicDutyTable table;

  PeriodicDuties duties;
  Deployment changed;

  @BeforeEach
  void setUp() {
    duties = new PeriodicDuties(engine, jdbc);
    duties.cleanUp();
  }

  @AfterEach
  void cleanUp() {
    duties.cleanUp();
    if (changed != null) {
      engine.getRepositoryService().deleteDeployment(changed.getId(), true);
    }
  }

  @Test
  void aChangedTableAppliesFromTheNextOccurrence() throws IOException {
    // given the log review due 3 April is in progress
    duties.scheduleOn(LocalDate.of(2026, 4, 1));
    ProcessInstance inProgress = duties.occurrence("LOG_REVIEW", LocalDate.of(2026, 4, 3), null);
    int before = table.latest().version();

    // when the process owner deploys a table whose log review also checks the firewall rules
    String dmn = Files.readString(Path.of("bpmn", "periodicDuties.dmn"))
        .replace("不審な事象はインシデントとして報告した", "不審な事象はインシデントとして報告した／ファイアウォールの設定変更を確認した");
    changed = engine.getRepositoryService().createDeployment().name("periodicDuties (changed)")
        .addString("periodicDuties.dmn", dmn).deploy();
    duties.scheduleOn(LocalDate.of(2026, 4, 4));

    // then the occurrence in progress keeps its version, and the next one is created from the new table
    assertThat(occurrences.byProcessInstance(inProgress.getId()).orElseThrow().tableVersion()).isEqualTo(before);
    assertThat((String) engine.getRuntimeService().getVariable(inProgress.getId(), PeriodicDutyProcess.CHECKLIST))
        .doesNotContain("ファイアウォール");
    ProcessInstance next = duties.occurrence("LOG_REVIEW", LocalDate.of(2026, 4, 10), null);
    assertThat(occurrences.byProcessInstance(next.getId()).orElseThrow().tableVersion()).isEqualTo(before + 1);
    assertThat((String) engine.getRuntimeService().getVariable(next.getId(), PeriodicDutyProcess.CHECKLIST))
        .contains("ファイアウォール");
  }
}
