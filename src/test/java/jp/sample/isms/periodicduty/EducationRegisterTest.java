package jp.sample.isms.periodicduty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.approval.RequestValidationException;
import jp.sample.isms.support.Requests;
import jp.sample.isms.support.DemoOrganisation;

/** 情報セキュリティ教育 (2.4): attendance of every person, absentees followed up, each person's history. */
@IsmsSpringBootTest
class EducationRegisterTest {

  static final LocalDate DUE = LocalDate.of(2027, 3, 31);

  @Autowired
  ProcessEngine engine;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  EducationRegister register;

  Requests requests;
  PeriodicDuties duties;

  @BeforeEach
  void setUp() {
    requests = new Requests(engine);
    duties = new PeriodicDuties(engine, jdbc);
    duties.cleanUp();
  }

  @AfterEach
  void cleanUp() {
    duties.cleanUp();
  }

  private static Map<String, Object> session(String absentees) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("sessionDate", "2026-04-02");
    variables.put("topic", "情報管理規程の要点と標的型メール");
    variables.put("absentees", absentees);
    variables.put("result", "全社で実施");
    return variables;
  }

  @Test
  void everyPersonsAttendanceIsRecordedAndAbsenteesAreFollowedUp() {
    // given the yearly education, for the education officer sato
    duties.scheduleOn(LocalDate.of(2026, 4, 1));
    ProcessInstance instance = duties.occurrence("EDUCATION", DUE, null);
    assertThat(instance).isWaitingAt(PeriodicDutyProcess.TASK_RECORD_EDUCATION);

    // when sato records the session with two absentees
    requests.complete(DemoOrganisation.HR_HEAD, instance, session("yamamoto, kato"));

    // then everyone of the organisation has a row; the absentees are to be followed up
    assertThat(register.history(DemoOrganisation.PRODUCTION_EMPLOYEE)).singleElement().satisfies(a -> assertThat(a.attended()).isTrue());
    assertThat(register.history(DemoOrganisation.DESIGN_EMPLOYEE)).singleElement().satisfies(a -> assertThat(a.attended()).isFalse());
    assertThat(register.untrained(LocalDate.of(2026, 4, 1), LocalDate.of(2027, 3, 31)))
        .containsExactly(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, DemoOrganisation.DESIGN_EMPLOYEE);
    assertThat(instance).isWaitingAt(PeriodicDutyProcess.TASK_FOLLOW_UP_ABSENTEES);
    Map<String, Object> followUp = new HashMap<>();
    followUp.put("followedUpOn", "2026-04-10");
    followUp.put("followUpNote", "補講を実施した");
    requests.complete(DemoOrganisation.HR_HEAD, instance, followUp);

    // then every person was trained this year
    assertThat(register.history(DemoOrganisation.DESIGN_EMPLOYEE)).singleElement()
        .satisfies(a -> assertThat(a.followedUpOn()).isEqualTo(LocalDate.of(2026, 4, 10)));
    assertThat(register.untrained(LocalDate.of(2026, 4, 1), LocalDate.of(2027, 3, 31))).isEmpty();

    // when the security officer sends it back and sato records it again with everyone present, it is accepted
    requests.complete(DemoOrganisation.SECURITY_OFFICER, instance, PeriodicDuties.decision("SENT_BACK", "出欠を確認し直してください"));
    assertThat(instance).isWaitingAt(PeriodicDutyProcess.TASK_RECORD_EDUCATION);
    requests.complete(DemoOrganisation.HR_HEAD, instance, session(""));
    assertThat(instance).isWaitingAt(PeriodicDutyProcess.TASK_ACCEPT);
    requests.complete(DemoOrganisation.SECURITY_OFFICER, instance, PeriodicDuties.decision("APPROVED", ""));
    assertThat(instance).isEnded();
    assertThat(register.history(DemoOrganisation.DESIGN_EMPLOYEE)).singleElement().satisfies(a -> assertThat(a.attended()).isTrue());
  }

  @Test
  void anAbsenteeMustBeAPersonOfTheOrganisation() {
    duties.scheduleOn(LocalDate.of(2026, 4, 1));
    ProcessInstance instance = duties.occurrence("EDUCATION", DUE, null);

    assertThatThrownBy(() -> requests.complete(DemoOrganisation.HR_HEAD, instance, session("nobody")))
        .isInstanceOf(RequestValidationException.class).hasMessageContaining("absentees");
    assertThat(register.history(DemoOrganisation.DESIGN_EMPLOYEE)).isEmpty();
    assertThat(instance).isWaitingAt(PeriodicDutyProcess.TASK_RECORD_EDUCATION);
  }
}
