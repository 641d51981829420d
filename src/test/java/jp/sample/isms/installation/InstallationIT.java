package jp.sample.isms.installation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import jp.sample.isms.IsmsApplication;
import jp.sample.isms.organisation.OrganisationFile;
import jp.sample.isms.support.PostgresDatabase;
import jp.sample.isms.support.RestCalls;
import jp.sample.isms.support.Requests;

/**
 * docs/operations.md, "Install" to "Issuing passwords", step by step on PostgreSQL: an empty database, the production
 * profile with the company's organisation as HR exports it (Shift_JIS CSV, docs/samples/organisation.csv) and the
 * first administrator named; the administrator's one-time password from the log, changed at the first login; one-time
 * passwords for the others, each changed at the first login; an employee files a take-out, the department head
 * approves, the audit officer sees it and the chain verifies; the metrics count it on the management port only. A
 * second start with the same settings changes nothing.
 */
@Tag("postgres")
@ExtendWith(OutputCaptureExtension.class)
class InstallationIT {

  private static final Pattern ONE_TIME_PASSWORD = Pattern.compile("one-time password, shown this once\\): (\\S+)");

  PostgresDatabase database;
  ConfigurableApplicationContext application;

  @AfterEach
  void stop() {
    if (application != null) {
      application.close();
    }
    if (database != null) {
      database.close();
    }
  }

  /** Starts the application as the guide's environment variables say (as arguments, same names). */
  private ConfigurableApplicationContext start(Path organisationFile) {
    return new SpringApplicationBuilder(IsmsApplication.class).profiles("postgres").run(
        "--ISMS_DB_URL=" + database.url(), "--ISMS_DB_USER=" + database.user(), "--ISMS_DB_PASSWORD=",
        "--ISMS_ORGANISATION_FILE=file:" + organisationFile, "--ISMS_BOOTSTRAP_ADMINISTRATOR=mori",
        "--ISMS_SECURE_COOKIES=false", "--ISMS_MAIL_HOST=127.0.0.1", "--ISMS_MAIL_PORT=1",
        // a random main and management port, since tests run side by side; no job executor (no timers due here)
        "--server.port=0", "--ISMS_MANAGEMENT_PORT=0", "--camunda.bpm.job-execution.enabled=false");
  }

  @Test
  void fromAnEmptyDatabaseToTheFirstApprovedRequest(@TempDir Path folder, CapturedOutput output) throws Exception {
    // 1. an empty database; the organisation as HR exports it, in Shift_JIS
    database = PostgresDatabase.create();
    String sample = Files.readString(Path.of("docs", "samples", "organisation.csv"), StandardCharsets.UTF_8);
    Path organisation = folder.resolve("organisation.csv");
    Files.write(organisation, sample.getBytes(OrganisationFile.SHIFT_JIS));

    // 2. first start: production profile, organisation imported, first administrator named
    application = start(organisation);
    Http http = new Http("http://localhost:" + application.getEnvironment().getProperty("local.server.port"));
    Matcher shown = ONE_TIME_PASSWORD.matcher(output.getAll());
    assertThat(shown.find()).as("the first administrator's one-time password in the log").isTrue();
    String moriFirst = shown.group(1);
    assertThat(shown.find()).as("shown once").isFalse();
    // nobody else can log in yet: imported persons have no password
    assertThat(http.get("hayashi", "", "/engine-rest/task").status()).isEqualTo(401);

    // 3. the administrator logs in with it and must change it first
    assertThat(http.get("mori", moriFirst, "/engine-rest/task").text()).contains("PasswordChangeRequired");
    String mori = changePassword(http, "mori", moriFirst, "Kanrisha-2026!");

    // 4. one-time passwords for the others, handed over in person; each changes theirs at the first login
    Map<String, String> passwords = new java.util.HashMap<>();
    // (5.1.8: a password may not contain the user id or name)
    for (String person : List.of("hayashi", "okada", "ishii")) {
      Http.Answer issued = http.post("mori", mori, "/api/accounts/" + person + "/one-time-password", null);
      assertThat(issued.status()).as(issued.text()).isEqualTo(200);
      passwords.put(person, changePassword(http, person, issued.json().get("oneTimePassword").asText(),
          "Kaisha-2026!-" + passwords.size()));
    }

    // 5. the administrator loads the company's 情報資産管理台帳 (3.1), as Excel saves it: Shift_JIS, all rows or none
    byte[] assets = Files.readString(Path.of("docs", "samples", "information-assets.csv"), StandardCharsets.UTF_8)
        .getBytes(OrganisationFile.SHIFT_JIS);
    Http.Answer loaded = http.postFile("mori", mori, "/api/assets/import", "text/csv", assets);
    assertThat(loaded.status()).as(loaded.text()).isEqualTo(200);

    // 6. hayashi (製造部 第一製造課) files a take-out of 製造部's 社外秘 IA-0001; okada (製造部長, its 管理責任者) approves
    Map<String, Object> takeOut = Requests.internalLaptopTakeOut();
    takeOut.put("assetIds", "IA-0001");
    Http.Answer filed = http.post("hayashi", passwords.get("hayashi"),
        "/engine-rest/process-definition/key/takeOut/submit-form", RestCalls.variables(takeOut));
    assertThat(filed.status()).as(filed.text()).isEqualTo(200);
    String instance = filed.json().get("id").asText();
    String businessKey = filed.json().get("businessKey").asText();
    Http.Answer tasks = http.get("okada", passwords.get("okada"), "/engine-rest/task?processInstanceId=" + instance);
    assertThat(tasks.json()).hasSize(1);
    String task = tasks.json().get(0).get("id").asText();
    Http.Answer approved = http.post("okada", passwords.get("okada"), "/engine-rest/task/" + task + "/submit-form",
        Map.of("variables", Map.of("decision", Map.of("value", "APPROVED", "type", "String"))));
    assertThat(approved.status()).as(approved.text()).isIn(200, 204);

    // 7. ishii (監査・点検責任者) sees the request and its approval; the decision record verifies
    Http.Answer seen = http.get("ishii", passwords.get("ishii"), "/api/audit/requests?businessKey=" + businessKey);
    assertThat(seen.status()).as(seen.text()).isEqualTo(200);
    assertThat(seen.text()).contains(businessKey, "hayashi", "APPROVED");
    assertThat(http.get("ishii", passwords.get("ishii"), "/api/audit/verification").json().get("intact").asBoolean())
        .isTrue();
    // the import, the first administrator and the passwords issued are in the record, the passwords are not
    JdbcTemplate jdbc = application.getBean(JdbcTemplate.class);
    assertThat(jdbc.queryForList("select step from audit_record where flow_key = 'organisation' order by id",
        String.class)).containsExactly("OrganisationImported", "FirstAdministrator", "OneTimePasswordIssued",
        "OneTimePasswordIssued", "OneTimePasswordIssued");
    for (String password : List.of(moriFirst, mori)) {
      assertThat(jdbc.queryForObject("select count(*) from audit_record where comment like ?", Integer.class,
          "%" + password + "%")).isZero();
    }

    // 8. monitoring: the product's gauges on the management port; not on the port the proxy publishes
    String management = application.getEnvironment().getProperty("local.management.port");
    assertThat(management).isNotEqualTo(application.getEnvironment().getProperty("local.server.port"));
    Http.Answer metrics = new Http("http://127.0.0.1:" + management).scrape("/actuator/prometheus");
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.text()).contains("isms_requests_open{flow=\"takeOut\"} 1.0", "isms_mail_outbox_backlog",
        "isms_audit_chain_intact");
    assertThat(http.scrape("/actuator/prometheus").status()).isEqualTo(404);
    assertThat(http.get(null, null, "/readyz").status()).isEqualTo(200);
    assertThat(application.getEnvironment().getProperty("management.server.address")).isEqualTo("127.0.0.1");

    // 9. a later start with the same settings changes nothing: no new administrator, no new password
    application.close();
    int logged = output.getAll().length();
    application = start(organisation);
    http = new Http("http://localhost:" + application.getEnvironment().getProperty("local.server.port"));
    String later = output.getAll().substring(logged);
    assertThat(later).contains("IGNORED: an administrator exists already").doesNotContain("shown this once");
    assertThat(later).contains("0 persons added, 8 already there");
    assertThat(http.get("mori", mori, "/engine-rest/task").status()).isEqualTo(200);
  }

  /** The first login: the one-time password works only for changing it (5.1.8). */
  private static String changePassword(Http http, String user, String oneTime, String chosen) {
    assertThat(http.get(user, oneTime, "/engine-rest/task").status()).isEqualTo(403);
    Http.Answer changed = http.put(user, oneTime, "/engine-rest/user/" + user + "/credentials",
        Map.of("password", chosen, "authenticatedUserPassword", oneTime));
    assertThat(changed.status()).as(changed.text()).isEqualTo(204);
    assertThat(http.get(user, chosen, "/engine-rest/task").status()).isEqualTo(200);
    return chosen;
  }

}
