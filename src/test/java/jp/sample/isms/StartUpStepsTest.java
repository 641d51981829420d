package jp.sample.isms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.JdbcTemplate;

import jp.sample.isms.organisation.OrganisationImportException;
import jp.sample.isms.support.DemoOrganisation;
import jp.sample.isms.support.Requests;
import jp.sample.isms.system.StartUp;

/**
 * The start-up's steps that belong to other modules are events: each reaches the module that runs it, on the
 * publisher's thread, and a failing step stops the start (its exception reaches the publisher) with nothing written.
 */
@IsmsSpringBootTest
class StartUpStepsTest {

  private static final String HEADER = "ユーザーID,姓,名,メールアドレス,部門コード,部門名,課コード,課名,役割,従業員\r\n";

  @Autowired
  ApplicationEventPublisher events;

  @Autowired
  JdbcTemplate jdbc;

  @Autowired
  ProcessEngine engine;

  @Test
  void theOrganisationStepImportsTheFileAndABadRowStopsTheStartWithNothingWritten() {
    int users = count("ACT_ID_USER");
    int records = count("audit_record");
    byte[] csv = (HEADER
        + "start-step-ok,正常,一郎,start-step-ok@example.co.jp,quality,品質保証部,,,,\r\n"
        + "start-step-bad,役割,違い,start-step-bad@example.co.jp,quality,品質保証部,,,社長,\r\n")
        .getBytes(StandardCharsets.UTF_8);
    ByteArrayResource file = new ByteArrayResource(csv) {
      @Override
      public String getFilename() {
        return "persons.csv";
      }
    };

    assertThatThrownBy(() -> events.publishEvent(new StartUp.Organisation(file, StandardCharsets.UTF_8)))
        .isInstanceOf(OrganisationImportException.class);

    assertThat(count("ACT_ID_USER")).isEqualTo(users);
    assertThat(engine.getIdentityService().createUserQuery().userId("start-step-ok").count()).isZero();
    assertThat(count("audit_record")).isEqualTo(records);
  }

  @Test
  void theRequestsInFlightStepRestoresTheKernelRecordsOfARequest() {
    Requests requests = new Requests(engine);
    ProcessInstance instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, "takeOut", Requests.internalLaptopTakeOut());
    String id = instance.getId();
    try {
      jdbc.update("delete from request_step where process_instance_id = ?", id);
      jdbc.update("delete from request_filing where process_instance_id = ?", id);
      assertThat(jdbc.queryForObject("select count(*) from request_filing where process_instance_id = ?",
          Integer.class, id)).isZero();

      events.publishEvent(new StartUp.RequestsInFlight());

      assertThat(jdbc.queryForObject("select requester from request_filing where process_instance_id = ?",
          String.class, id)).isEqualTo(DemoOrganisation.DESIGN_EMPLOYEE);
      assertThat(jdbc.queryForObject("select count(*) from request_step where process_instance_id = ?",
          Integer.class, id)).isPositive();
    } finally {
      if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).count() > 0) {
        engine.getRuntimeService().deleteProcessInstance(id, "test cleanup");
      }
    }
  }

  private int count(String table) {
    return jdbc.queryForObject("select count(*) from " + table, Integer.class);
  }
}
