package jp.sample.isms.installation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import jp.sample.isms.IsmsApplication;
import jp.sample.isms.approval.RequestWithdrawal;
import jp.sample.isms.audit.AuditChain;
import jp.sample.isms.support.PostgresDatabase;
import jp.sample.isms.support.Requests;
import jp.sample.isms.support.DemoOrganisation;

/**
 * docs/operations.md, "Backup and restore", as a drill: requests in several states (waiting for approval, approved
 * and waiting for the return with its overdue timer, rejected, withdrawn), {@code pg_dump -Fc} of the database,
 * {@code pg_restore} into a new one, the application started on it: the decision record's chain verifies with every
 * record, nothing is lost, the pending approval is approved, and the overdue timer fires once.
 */
@Tag("postgres")
class BackupRestoreIT {

  PostgresDatabase original;
  PostgresDatabase restored;
  ConfigurableApplicationContext application;

  @AfterEach
  void dropDatabases() {
    if (application != null) {
      application.close();
    }
    if (original != null) {
      original.close();
    }
    if (restored != null) {
      restored.close();
    }
  }

  private static ConfigurableApplicationContext start(PostgresDatabase database) {
    return new SpringApplicationBuilder(IsmsApplication.class).profiles("postgres").run(
        "--ISMS_DB_URL=" + database.url(), "--ISMS_DB_USER=" + database.user(), "--ISMS_DB_PASSWORD=",
        "--server.port=0", "--ISMS_MANAGEMENT_PORT=0", "--ISMS_SECURE_COOKIES=false",
        // timers are fired by hand below; a test installation with the demo organisation
        "--camunda.bpm.job-execution.enabled=false", "--isms.demo.enabled=true",
        "--isms.demo.allow-in-production=true");
  }

  @Test
  void aRestoredDatabaseVerifiesLosesNothingAndGoesOn(@TempDir Path folder) throws Exception {
    // given requests in several states
    original = PostgresDatabase.create();
    application = start(original);
    ProcessEngine engine = application.getBean(ProcessEngine.class);
    Requests requests = new Requests(engine);
    ProcessInstance pending = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, "takeOut", Requests.internalLaptopTakeOut(DemoOrganisation.DESIGN_EMPLOYEE));
    ProcessInstance approved = requests.file(DemoOrganisation.PRODUCTION_EMPLOYEE, "takeOut", Requests.internalLaptopTakeOut(DemoOrganisation.PRODUCTION_EMPLOYEE));
    requests.complete(DemoOrganisation.MANUFACTURING_HEAD, approved, Map.of("decision", "APPROVED", "decisionComment", "承認します"));
    ProcessInstance rejected = requests.file(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE, "takeOut", Requests.internalLaptopTakeOut(DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE));
    requests.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, rejected, Map.of("decision", "REJECTED", "decisionComment", "不要です"));
    ProcessInstance withdrawn = requests.file(DemoOrganisation.DESIGN_CHIEF, "takeOut", Requests.internalLaptopTakeOut(DemoOrganisation.DESIGN_CHIEF));
    application.getBean(RequestWithdrawal.class).withdraw(withdrawn.getBusinessKey(), DemoOrganisation.DESIGN_CHIEF, "不要になりました");
    Map<String, Object> before = state(application.getBean(JdbcTemplate.class));
    Job timer = overdueTimer(engine, approved);
    application.close();
    application = null;

    // when the database is dumped and restored into a new one, as the guide says
    Path dump = folder.resolve("isms.dump");
    run("pg_dump", "-Fc", "--no-owner", "-h", host(original), "-p", port(original), "-U", original.user(),
        "-f", dump.toString(), original.name());
    restored = PostgresDatabase.create();
    run("pg_restore", "--no-owner", "--exit-on-error", "-h", host(restored), "-p", port(restored), "-U",
        restored.user(), "-d", restored.name(), dump.toString());
    application = start(restored);
    engine = application.getBean(ProcessEngine.class);
    requests = new Requests(engine);
    JdbcTemplate jdbc = application.getBean(JdbcTemplate.class);

    // then nothing is lost and the decision record verifies, every record of it
    assertThat(state(jdbc)).isEqualTo(before);
    AuditChain.Verification verification = application.getBean(AuditChain.class).verify();
    assertThat(verification.intact()).as(String.valueOf(verification.reason())).isTrue();
    assertThat(verification.recordsChecked()).isEqualTo(before.get("audit records"));

    // and the pending approval is approved after the restore
    requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, pending, Map.of("decision", "APPROVED", "decisionComment", "復元後に承認"));
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pending.getId())
        .taskDefinitionKey("UserTask_ReportReturn").count()).isEqualTo(1);

    // and the overdue timer is still there once, and fires once
    Job restoredTimer = overdueTimer(engine, approved);
    assertThat(restoredTimer.getId()).isEqualTo(timer.getId());
    engine.getManagementService().executeJob(restoredTimer.getId());
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(approved.getId())
        .activityId("BoundaryEvent_ReturnOverdue").count()).isZero();
    assertThat(jdbc.queryForObject("select count(*) from audit_record where process_instance_id = ? "
        + "and outcome = 'REMINDED'", Integer.class, approved.getId())).isEqualTo(1);
    assertThat(application.getBean(AuditChain.class).verify().intact()).isTrue();
  }

  private static Job overdueTimer(ProcessEngine engine, ProcessInstance instance) {
    List<Job> timers = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers()
        .activityId("BoundaryEvent_ReturnOverdue").list();
    assertThat(timers).hasSize(1);
    return timers.get(0);
  }

  /** What must survive a restore: counts of every kind of data, and the head of the chain. */
  private static Map<String, Object> state(JdbcTemplate jdbc) {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("audit records", jdbc.queryForObject("select count(*) from audit_record", Long.class));
    state.put("chain head", jdbc.queryForObject("select last_hash from audit_chain_head where id = 1", String.class));
    state.put("requests", jdbc.queryForObject("select count(*) from audit_request", Long.class));
    state.put("running", jdbc.queryForObject("select count(*) from ACT_RU_EXECUTION where ID_ = PROC_INST_ID_",
        Long.class));
    state.put("history", jdbc.queryForObject("select count(*) from ACT_HI_PROCINST", Long.class));
    state.put("tasks", jdbc.queryForObject("select count(*) from ACT_RU_TASK", Long.class));
    state.put("jobs", jdbc.queryForObject("select count(*) from ACT_RU_JOB", Long.class));
    state.put("take-out register", jdbc.queryForObject("select count(*) from takeout_register", Long.class));
    state.put("users", jdbc.queryForObject("select count(*) from ACT_ID_USER", Long.class));
    state.put("outbox", jdbc.queryForObject("select count(*) from mail_outbox", Long.class));
    return state;
  }

  private static String host(PostgresDatabase database) {
    return database.url().replaceFirst("^jdbc:postgresql://", "").replaceFirst("[:/].*$", "");
  }

  private static String port(PostgresDatabase database) {
    String rest = database.url().replaceFirst("^jdbc:postgresql://[^:/]+", "");
    return rest.startsWith(":") ? rest.substring(1, rest.indexOf('/')) : "5432";
  }

  private static void run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(300, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
  }
}
