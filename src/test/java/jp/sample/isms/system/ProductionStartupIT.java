package jp.sample.isms.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import jp.sample.isms.IsmsApplication;
import jp.sample.isms.support.PostgresDatabase;

/**
 * The postgres (production) profile, started as a real process on PostgreSQL, refuses to start with the demo
 * organisation unless explicitly asked, and refuses users still on the published demo password.
 */
@Tag("postgres")
class ProductionStartupIT {

  static PostgresDatabase database;

  @BeforeAll
  static void createDatabase() {
    database = PostgresDatabase.create();
  }

  @AfterAll
  static void dropDatabase() {
    database.close();
  }

  @Test
  void refusesTheDemoOrganisationThenAcceptsItWhenAskedThenRefusesTheDemoPassword() throws Exception {
    Started refused = start("--isms.demo.enabled=true");
    assertThat(refused.ready()).isFalse();
    assertThat(refused.output()).contains("demo organisation is enabled in production");

    Started allowed = start("--isms.demo.enabled=true", "--isms.demo.allow-in-production=true");
    assertThat(allowed.ready()).as(allowed.output()).isTrue();

    // the demo users are now in the database with the published password: production must not start on them
    Started onDemoPasswords = start("--isms.demo.enabled=false");
    assertThat(onDemoPasswords.ready()).isFalse();
    assertThat(onDemoPasswords.output()).contains("still have the published demo password");
  }

  /** The test's class path without the project folder itself, which would deploy bpmn/ twice. */
  private static String applicationClassPath() {
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return java.util.Arrays.stream(classPath.split(java.io.File.pathSeparator))
        .filter(entry -> entry.endsWith(".jar") || entry.endsWith("classes") || entry.endsWith("classes/"))
        .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
  }

  record Started(boolean ready, String output) {
  }

  private static Started start(String... args) throws IOException, InterruptedException {
    return start(database, args);
  }

  /**
   * Starts the application (profile postgres) on {@code database} in a JVM of its own; stops it once it reports
   * ready, or collects why it died.
   */
  static Started start(PostgresDatabase database, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", applicationClassPath(), IsmsApplication.class.getName(),
        "--spring.profiles.active=postgres",
        "--ISMS_DB_URL=" + database.url(), "--ISMS_DB_USER=" + database.user(), "--ISMS_DB_PASSWORD=",
        "--server.port=0", "--ISMS_MANAGEMENT_PORT=0", "--camunda.bpm.job-execution.enabled=false"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    StringBuilder output = new StringBuilder();
    boolean ready = false;
    try (BufferedReader reader = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
      String line;
      while (System.nanoTime() < deadline && (line = reader.readLine()) != null) {
        output.append(line).append('\n');
        if (line.contains("Started IsmsApplication")) {
          ready = true;
          break;
        }
      }
    } finally {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
    return new Started(ready, output.toString());
  }
}
