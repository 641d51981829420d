package jp.sample.isms.securityapproval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import jp.sample.isms.approval.RequestValidationException;
import jp.sample.isms.auditor.AuditRegister;
import jp.sample.isms.support.PostgresApplication;
import jp.sample.isms.support.Requests;
import jp.sample.isms.support.DemoOrganisation;

/**
 * The IT register and a security approval on a real PostgreSQL: the demo register, a software approved onto a PC and
 * a remote access that lapses, the import all or nothing, and every column of the auditors' four registers.
 */
@Tag("postgres")
class SecurityApprovalPostgresIT {

  static PostgresApplication application;
  static ConfigurableApplicationContext context;

  @BeforeAll
  static void start() {
    application = PostgresApplication.start();
    context = application.context();
  }

  @AfterAll
  static void stop() {
    if (application != null) {
      application.close();
    }
  }

  @Test
  void theFlowAndItsRegistersWorkOnPostgres() {
    ItRegister register = context.getBean(ItRegister.class);
    JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
    Requests requests = new Requests(context.getBean(ProcessEngine.class));
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
    // the demo register
    assertThat(register.devices()).hasSize(14);
    assertThat(register.installedOn("PC-DEV-001")).contains("AutoCAD 2025");

    // a software reviewed, approved and installed on yamamoto's PC
    Map<String, Object> software = new HashMap<>(Map.of("requestType", "NON_STANDARD_SOFTWARE", "purpose", "図版の作成",
        "subject", "Inkscape", "softwareVersion", "1.4", "softwareCategory", "APPLICATION", "targetDevices",
        "PC-DEV-001", "vendorSupportUntil", today.plusYears(2).toString(), "licence", "GPL"));
    ProcessInstance instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, SecurityApprovalProcess.KEY, software);
    requests.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, instance, Map.of("decision", "APPROVED", "requirementsConfirmed", true));
    requests.complete(DemoOrganisation.SECURITY_OFFICER, instance, Map.of("decision", "APPROVED", "reviewedIndividually", true));
    assertThat(register.installedOn("PC-DEV-001")).contains("Inkscape 1.4");

    // a remote access, lapsed by its timers
    ProcessInstance remote = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, SecurityApprovalProcess.KEY, Map.of("requestType",
        "REMOTE_ACCESS", "purpose", "在宅勤務", "deviceId", "PC-DEV-001", "connectionMethod", "IPSEC_CARRIER",
        "validUntil", today.plusDays(7).toString(), "attestWorkingHours", true));
    requests.complete(DemoOrganisation.SECURITY_OFFICER, remote, Map.of("decision", "APPROVED", "reviewedIndividually", true));
    assertThat(register.device("PC-DEV-001").orElseThrow().remoteAccess()).isTrue();
    requests.fireTimer(remote, SecurityApprovalProcess.TIMER_BEFORE_EXPIRY);
    requests.fireTimer(remote, SecurityApprovalProcess.TIMER_PERMIT_ENDS);
    assertThat(register.device("PC-DEV-001").orElseThrow().remoteAccess()).isFalse();

    // an import with a bad row writes nothing
    ItRegisterImport importer = context.getBean(ItRegisterImport.class);
    int history = jdbc.queryForObject("select count(*) from it_register_history", Integer.class);
    assertThatThrownBy(() -> importer.loadDevices(("deviceId,kind,product\nPG-01,CLIENT,PC\nPG-02,PHONE,電話\n")
        .getBytes(StandardCharsets.UTF_8), DemoOrganisation.SYSTEM_ADMINISTRATOR)).isInstanceOf(RequestValidationException.class)
        .hasMessageContaining("3行目 kind");
    assertThat(jdbc.queryForObject("select count(*) from it_register_history", Integer.class)).isEqualTo(history);

    // every column of the auditors' registers is valid SQL on PostgreSQL
    for (String id : List.of("it-devices", "approved-software", "it-register-history", "security-permits")) {
      AuditRegister definition = context.getBeansOfType(AuditRegister.class).values().stream()
          .filter(r -> r.id().equals(id)).findFirst().orElseThrow();
      String select = definition.columns().stream().map(AuditRegister.Column::expression)
          .collect(Collectors.joining(", "));
      assertThat(jdbc.queryForList("select " + select + " from " + definition.from() + " order by "
          + definition.orderBy())).as(id).isNotEmpty();
    }
  }
}
