package jp.sample.isms.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import jp.sample.isms.IsmsApplication;
import jp.sample.isms.support.PostgresDatabase;

/**
 * Camunda Admin's first-administrator set-up ({@code POST /camunda/api/admin/setup/{engine}/user/create}, which on a
 * database without users creates a user with a password and puts them into {@code camunda-admin}) is refused for an
 * anonymous caller on every spelling, with and without the webapps' CSRF token, on an empty database of the
 * production profile: no user and no membership of {@code camunda-admin} appear, and the start says how the first
 * administrator is made instead ({@code isms.bootstrap.administrator}). On a database with users it is refused too.
 * The application runs in a JVM of its own (the webapps keep JVM-wide state) on a throw-away PostgreSQL database.
 */
@Tag("postgres")
class FirstAdministratorSetupIT {

  /** Every spelling of the set-up call that reaches, or could reach, Camunda Admin's set-up resource. */
  static final List<String> SETUP_SPELLINGS = List.of(
      "/camunda/api/admin/setup/default/user/create",
      "/camunda/api/admin/setup/default/user/create/",
      "/camunda/api/admin/setup/default/user/create;x",
      "/camunda/api/admin/setup;x/default/user/create",
      "/camunda/api/admin;x/setup/default/user/create",
      "/camunda;x/api;y/admin;z/setup;a/default;b/user;c/create;d",
      "/camunda/api/admin/%73etup/default/user/create",
      "/%63amunda/api/%61dmin/setup/default/user/create",
      "/camunda/api/admin/setup%2Fdefault/user/create",
      "/camunda/api/admin/setup/default%2Fuser%2Fcreate",
      "/camunda/api/admin/setup%252Fdefault/user/create",
      "/camunda/api/admin/x/../setup/default/user/create",
      "/camunda/api/admin/./setup/default/user/create",
      "/camunda//api/admin//setup/default/user/create",
      "/camunda/api/admin/SETUP/default/user/create",
      "/camunda/api/admin/Setup/default/user/CREATE",
      "/camunda/API/admin/setup/default/user/create",
      "/CAMUNDA/api/admin/setup/default/user/create");

  /** A password within the policy, one outside it (the engine checks the policy first), and no password. */
  static final List<String> BODIES = List.of(
      "{\"profile\":{\"id\":\"eve\",\"firstName\":\"Eve\",\"lastName\":\"Mallory\",\"email\":\"eve@example.com\"},"
          + "\"credentials\":{\"password\":\"Qz7#wkTp-Lm4!xv\"}}",
      "{\"profile\":{\"id\":\"eve\",\"firstName\":\"Eve\",\"lastName\":\"Mallory\",\"email\":\"eve@example.com\"},"
          + "\"credentials\":{\"password\":\"eve\"}}",
      "{\"profile\":{\"id\":\"eve\",\"firstName\":\"Eve\",\"lastName\":\"Mallory\",\"email\":\"eve@example.com\"}}");

  @Test
  void onAnEmptyDatabaseNobodyMakesThemselfAdministratorThroughCamundaAdminsSetUp() throws Exception {
    try (PostgresDatabase database = PostgresDatabase.create();
        Running application = Running.start(database, "--isms.demo.enabled=false")) {
      assertThat(count(database, "select count(*) from ACT_ID_USER")).isZero();
      // the start says how the first administrator is made
      assertThat(application.output()).contains("isms.bootstrap.administrator")
          .contains("管理者がまだいません").contains("no administrator can log in yet");

      SoftAssertions softly = attackEverySpelling(application);

      softly.assertThat(count(database, "select count(*) from ACT_ID_USER")).as("users").isZero();
      softly.assertThat(count(database, "select count(*) from ACT_ID_MEMBERSHIP where GROUP_ID_ = 'camunda-admin'"))
          .as("members of camunda-admin").isZero();
      softly.assertThat(count(database, "select count(*) from ACT_RU_AUTHORIZATION where GROUP_ID_ = 'camunda-admin' "
          + "and USER_ID_ is null and RESOURCE_ID_ = '*'")).as("no authorizations granted by the set-up")
          .isEqualTo(application.adminAuthorizationsAtStart());
      // the set-up page of Camunda Admin is not offered either
      for (String page : List.of("/camunda/app/admin/default/setup/", "/camunda/app/admin/default/setup",
          "/camunda/app/admin/default/SETUP/",
          "/camunda/app/admin/default/%73etup/", "/camunda/app/admin/default/setup;x/")) {
        HttpResponse<String> response = application.get(page, Map.of());
        softly.assertThat(response.statusCode()).as("GET " + page).isBetween(400, 499);
      }
      softly.assertAll();
    }
  }

  @Test
  void withUsersPresentCamundaAdminsSetUpIsRefusedToo() throws Exception {
    try (PostgresDatabase database = PostgresDatabase.create();
        Running application = Running.start(database, "--isms.demo.enabled=true",
            "--isms.demo.allow-in-production=true")) {
      long users = count(database, "select count(*) from ACT_ID_USER");
      long administrators = count(database, "select count(*) from ACT_ID_MEMBERSHIP where GROUP_ID_ = 'camunda-admin'");
      assertThat(users).isPositive();

      SoftAssertions softly = attackEverySpelling(application);

      softly.assertThat(count(database, "select count(*) from ACT_ID_USER")).as("users").isEqualTo(users);
      softly.assertThat(count(database, "select count(*) from ACT_ID_USER where ID_ = 'eve'")).isZero();
      softly.assertThat(count(database, "select count(*) from ACT_ID_MEMBERSHIP where GROUP_ID_ = 'camunda-admin'"))
          .as("members of camunda-admin").isEqualTo(administrators);
      softly.assertAll();
    }
  }

  /** Each spelling, each body, without and with the CSRF token an anonymous visitor gets: 4xx, never 5xx or 2xx. */
  private static SoftAssertions attackEverySpelling(Running application) throws Exception {
    Map<String, String> anonymous = application.anonymousSession();
    assertThat(anonymous).containsKeys("Cookie", "X-XSRF-TOKEN");
    SoftAssertions answers = new SoftAssertions();
    for (String path : SETUP_SPELLINGS) {
      for (String body : BODIES) {
        for (Map<String, String> headers : List.of(Map.<String, String>of(), anonymous)) {
          HttpResponse<String> response = application.post(path, body, headers);
          answers.assertThat(response.statusCode())
              .as("POST %s %s (CSRF token: %s): %s", path, body, !headers.isEmpty(), response.body())
              .isBetween(400, 499);
        }
      }
    }
    return answers;
  }

  private static long count(PostgresDatabase database, String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(database.url(), database.user(), "");
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    }
  }

  /** The application (profile postgres) running in a JVM of its own on a free port. */
  static final class Running implements AutoCloseable {

    private final Process process;
    private final StringBuffer output;
    private final int port;
    private final long adminAuthorizationsAtStart;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NEVER).build();

    private Running(Process process, StringBuffer output, int port, long adminAuthorizationsAtStart) {
      this.process = process;
      this.output = output;
      this.port = port;
      this.adminAuthorizationsAtStart = adminAuthorizationsAtStart;
    }

    static Running start(PostgresDatabase database, String... args) throws Exception {
      int port;
      try (ServerSocket socket = new ServerSocket(0)) {
        port = socket.getLocalPort();
      }
      List<String> command = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m",
          "-Duser.timezone=Asia/Tokyo", "-Dfile.encoding=UTF-8",
          "-cp", applicationClassPath(), IsmsApplication.class.getName(),
          "--spring.profiles.active=postgres",
          "--ISMS_DB_URL=" + database.url(), "--ISMS_DB_USER=" + database.user(), "--ISMS_DB_PASSWORD=",
          "--server.port=" + port, "--ISMS_MANAGEMENT_PORT=0", "--camunda.bpm.job-execution.enabled=false"));
      command.addAll(List.of(args));
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      StringBuffer output = new StringBuffer();
      CountDownLatch ready = new CountDownLatch(1);
      Thread reader = new Thread(() -> {
        try (BufferedReader lines = new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
          String line;
          while ((line = lines.readLine()) != null) {
            output.append(line).append('\n');
            if (line.contains("Started IsmsApplication")) {
              ready.countDown();
            }
          }
        } catch (IOException e) {
          // the process ended
        }
      }, "application-output");
      reader.setDaemon(true);
      reader.start();
      boolean started = ready.await(300, TimeUnit.SECONDS);
      Running running = new Running(process, output, port, started ? count(database,
          "select count(*) from ACT_RU_AUTHORIZATION where GROUP_ID_ = 'camunda-admin' and USER_ID_ is null "
              + "and RESOURCE_ID_ = '*'") : 0);
      if (!started) {
        running.close();
        throw new AssertionError("the application did not start:\n" + output);
      }
      return running;
    }

    String output() {
      return output.toString();
    }

    long adminAuthorizationsAtStart() {
      return adminAuthorizationsAtStart;
    }

    /**
     * What an anonymous visitor gets from a first GET of the webapps: the session and CSRF cookies and the CSRF
     * token, as the headers to send with a modifying call.
     */
    Map<String, String> anonymousSession() throws Exception {
      HttpResponse<String> response = get("/camunda/app/admin/default/", Map.of());
      Map<String, String> cookies = new LinkedHashMap<>();
      for (String header : response.headers().allValues("Set-Cookie")) {
        String pair = header.split(";", 2)[0];
        int equals = pair.indexOf('=');
        if (equals > 0) {
          cookies.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
        }
      }
      String token = response.headers().firstValue("X-XSRF-TOKEN").orElse(cookies.get("XSRF-TOKEN"));
      Map<String, String> headers = new LinkedHashMap<>();
      if (!cookies.isEmpty()) {
        headers.put("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining("; ")));
      }
      if (token != null) {
        headers.put("X-XSRF-TOKEN", token);
      }
      return headers;
    }

    HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
          .timeout(Duration.ofSeconds(60)).GET();
      headers.forEach(request::header);
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String body, Map<String, String> headers) throws Exception {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
          .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body));
      headers.forEach(request::header);
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws InterruptedException {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
      }
    }
  }

  /** The test's class path without the project folder itself, which would deploy bpmn/ twice. */
  private static String applicationClassPath() {
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return java.util.Arrays.stream(classPath.split(java.io.File.pathSeparator))
        .filter(entry -> entry.endsWith(".jar") || entry.endsWith("classes") || entry.endsWith("classes/"))
        .collect(Collectors.joining(java.io.File.pathSeparator));
  }
}
