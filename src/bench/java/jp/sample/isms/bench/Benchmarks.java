package jp.sample.isms.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.sample.isms.IsmsApplication;
import jp.sample.isms.support.PostgresDatabase;

/**
 * The benchmark harness (docs/performance.md): the product against the bare engine in one run, on PostgreSQL and H2 (W1, W2),
 * and start-up and memory of the product against the stock Camunda starter (W4, W5). Not a test (it asserts nothing
 * about time); its name matches neither the surefire nor the failsafe pattern and without
 * {@code -Disms.benchmark=true} it is skipped. Prints a table and writes target/benchmarks/benchmarks.md. Run with
 * the other benchmarks by {@code ./mvnw -Pbenchmarks test}, or alone:
 *
 * <pre>
 * ./mvnw -q test -Dtest=Benchmarks -Disms.benchmark=true -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * Knobs: isms.benchmark.seconds (measured seconds per W1 cell, default 6), isms.benchmark.rounds (W1 rounds,
 * default 3), isms.benchmark.tasks (W2 levels, default 1000,10000,50000), isms.benchmark.starts (W4/W5 starts per
 * setting, default 3), isms.benchmark.only (postgres, h2, process; with profile: the statement profile; with w1: W1
 * without W2; with locks: the lock and wait profile of W1 at 8 clients, see {@link LockProfile}; with cpu: the CPU
 * profile of the product's W1 and baseline d's, see {@link CpuProfile}).
 */
@Tag("benchmark")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Benchmarks {

  static final String PASSWORD = "Demo-2026!";
  static final int SECONDS = Integer.getInteger("isms.benchmark.seconds", 6);
  static final int WARMUP_SECONDS = Integer.getInteger("isms.benchmark.warmup", 4);
  static final int ROUNDS = Integer.getInteger("isms.benchmark.rounds", 3);
  static final int[] CLIENTS = {1, 4, 8};
  /** W4/W5: starts of the application per heap setting and database. */
  static final int STARTS = Integer.getInteger("isms.benchmark.starts", 3);
  static final String ONLY = System.getProperty("isms.benchmark.only", "");
  static final List<Integer> TASK_LEVELS = java.util.Arrays.stream(
      System.getProperty("isms.benchmark.tasks", "1000,10000,50000").split(",")).map(String::trim).map(Integer::valueOf)
      .toList();
  /** W2 levels on H2, the first-run database (50,000 would take long to seed and is not its purpose). */
  static final List<Integer> H2_TASK_LEVELS = java.util.Arrays.stream(
      System.getProperty("isms.benchmark.tasks.h2", "1000,10000").split(",")).map(String::trim).map(Integer::valueOf)
      .toList();
  /**
   * -Disms.benchmark.auto-explain=15: PostgreSQL logs the plan (EXPLAIN ANALYZE) of every statement slower than 15 ms
   * to its server log, through auto_explain loaded in the application's sessions.
   */
  static final String AUTO_EXPLAIN = System.getProperty("isms.benchmark.auto-explain", "").isBlank() ? ""
      : "?options=" + java.net.URLEncoder.encode("-c session_preload_libraries=auto_explain "
          + "-c auto_explain.log_min_duration=" + System.getProperty("isms.benchmark.auto-explain")
          + " -c auto_explain.log_analyze=on -c auto_explain.log_buffers=on", StandardCharsets.UTF_8)
          .replace("+", "%20");
  static final StringBuilder REPORT = new StringBuilder();
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  static final String BARE_BPMN = """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="bench">
        <process id="benchBare" isExecutable="true" camunda:historyTimeToLive="30">
          <startEvent id="start"/>
          <sequenceFlow id="f1" sourceRef="start" targetRef="task"/>
          <userTask id="task" name="bare task" camunda:candidateUsers="ito"/>
          <sequenceFlow id="f2" sourceRef="task" targetRef="end"/>
          <endEvent id="end"/>
        </process>
        <process id="benchOpen" isExecutable="true" camunda:historyTimeToLive="30">
          <startEvent id="openStart"/>
          <sequenceFlow id="o1" sourceRef="openStart" targetRef="openTask"/>
          <userTask id="openTask" name="open task" camunda:candidateGroups="${group}"/>
          <sequenceFlow id="o2" sourceRef="openTask" targetRef="openEnd"/>
          <endEvent id="openEnd"/>
        </process>
      </definitions>
      """;

  @BeforeAll
  static void check() {
    Assumptions.assumeTrue(Boolean.getBoolean("isms.benchmark"), "benchmark: run with -Disms.benchmark=true");
    line("# Benchmark run " + ZonedDateTime.now(ZoneId.of("UTC")).withNano(0));
    line("");
    line("- machine: " + machine());
    line("- JVM: " + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors() + " CPUs; W1-W2: client "
        + "and server in one JVM (max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB) over HTTP "
        + "on localhost");
    line("- W1: " + ROUNDS + " rounds; per round and client count each variant runs " + SECONDS + " s (after one "
        + WARMUP_SECONDS + " s warm-up per variant and database); requests/s = median of the rounds; latencies "
        + "pooled over the rounds");
    line("");
  }

  @AfterAll
  static void write() throws IOException {
    if (!Boolean.getBoolean("isms.benchmark")) {
      return;
    }
    line("");
    line("Finished " + ZonedDateTime.now(ZoneId.of("UTC")).withNano(0) + "; load average then: " + loadAverage());
    Path file = Path.of("target", "benchmarks", "benchmarks.md");
    Files.createDirectories(file.getParent());
    Files.writeString(file, REPORT.toString());
    System.out.println(REPORT);
  }

  @Test
  @Order(1)
  void postgres() throws Exception {
    Assumptions.assumeTrue(ONLY.isEmpty() || ONLY.contains("postgres"));
    try (PostgresDatabase database = PostgresDatabase.create()) {
      postgresUrl = database.url();
      postgresUser = database.user();
      SqlCounter counter = new SqlCounter();
      ConfigurableApplicationContext context = new SpringApplicationBuilder(IsmsApplication.class)
          .initializers(c -> c.getBeanFactory().addBeanPostProcessor(counter)).profiles("postgres")
          .run(common("--ISMS_DB_URL=" + database.url() + AUTO_EXPLAIN, "--ISMS_DB_USER=" + database.user(),
              "--ISMS_DB_PASSWORD=", "--isms.demo.allow-in-production=true"));
      try {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        workloads("PostgreSQL " + jdbc.queryForObject("show server_version", String.class), context, counter);
        if (Boolean.getBoolean("isms.benchmark.pause")) {
          // to look at the seeded database with psql (EXPLAIN) while the application still runs
          System.out.println("benchmark paused: database " + database.name() + "; touch target/benchmarks/resume");
          Path resume = Path.of("target", "benchmarks", "resume");
          while (!Files.exists(resume)) {
            Thread.sleep(1000);
          }
          Files.delete(resume);
        }
      } finally {
        context.close();
      }
    }
  }

  @Test
  @Order(2)
  void h2() throws Exception {
    Assumptions.assumeTrue(ONLY.isEmpty() || ONLY.contains("h2"));
    SqlCounter counter = new SqlCounter();
    ConfigurableApplicationContext context = new SpringApplicationBuilder(IsmsApplication.class)
        .initializers(c -> c.getBeanFactory().addBeanPostProcessor(counter))
        .run(common("--spring.datasource.url=jdbc:h2:mem:bench" + UUID.randomUUID().toString().substring(0, 8)
            + ";DB_CLOSE_DELAY=-1"));
    try {
      JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
      workloads("H2 " + jdbc.queryForObject("select h2version()", String.class) + " (in memory)", context,
          counter);
    } finally {
      context.close();
    }
  }

  @Test
  @Order(3)
  void startupAndMemory() throws Exception {
    Assumptions.assumeTrue(ONLY.isEmpty() || ONLY.contains("process"));
    line("## W4 start-up and W5 resident memory (application in its own JVM, PostgreSQL, empty database)");
    line("");
    line("Start-up = from spawning `java -cp ... IsmsApplication --spring.profiles.active=postgres` to the first "
        + "200 of `GET /engine-rest/task/count` as ito (HTTP Basic), polled every 50 ms. RSS = VmRSS of "
        + "/proc/<pid>/status; idle = 10 s after the first call; after W1 = after " + SECONDS * 3
        + " s of W1 (product path, 4 clients, over HTTP from the benchmark JVM).");
    line("");
    line("*" + BARE + "…*: the baseline, Camunda's Spring Boot starter as it ships (engine, REST API, webapps) "
        + "without the product, with only the same HTTP Basic filter on /engine-rest, its admin user ito and the bare "
        + "process (`BareEngineApplication`, none of the product's configuration); its W1 load is baseline b's three "
        + "stock REST calls on the bare process, 4 clients.");
    line("");
    line("*+ CDS*: started as the Dockerfile starts it, with the class data sharing archive of a training run (`-XX:"
        + "ArchiveClassesAtExit` while the application starts once on an in-memory H2 and exits after the context "
        + "refresh, `-Dspring.context.exit=onRefresh`; then `-XX:SharedArchiveFile`). The JVM maps the classes of "
        + "Spring, Camunda, Tomcat and the product from the archive instead of loading and verifying them one by one. "
        + "Class path of jars only (the project's classes as one jar), as CDS requires.");
    line("");
    line("| heap | start-up to first authenticated call (s) | RSS idle (MB) | W1 requests/s | RSS after W1 (MB) "
        + "| of which file-backed (MB) | peak RSS VmHWM (MB) | start-up / baseline | RSS after W1 / baseline |");
    line("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    PostgresDatabase used = null;
    // the baseline's medians per heap setting: the product's settings (with or without CDS) are divided by them
    Map<String, double[]> baselines = new HashMap<>();
    try {
      // the baseline first: the last database of this loop must be the product's, it is seeded below
      List<String> settings = new ArrayList<>(BARE_HEAPS);
      settings.addAll(HEAPS);
      for (String heap : settings) {
        List<double[]> starts = new ArrayList<>();
        for (int start = 0; start < STARTS; start++) {
          if (used != null) {
            used.close();
          }
          used = PostgresDatabase.create();
          starts.add(spawn(used, heap, true));
        }
        double[] median = medianRow(heap, starts, baselines);
        if (median != null && heap.startsWith(BARE)) {
          baselines.put(heap.substring(BARE.length()), median);
        }
      }
      line("");
      // W4 again on a database with data, as at a production restart: schema, migrations, deployments and users in
      // place, plus the 100,000 completed requests of W3 (AuditBenchmark's SQL seed, validated by
      // AuditSeedValidation) and the requests of the W1 load just run
      int requests = Integer.getInteger("isms.benchmark.w4.requests", 100_000);
      long seeded;
      try (var connection = java.sql.DriverManager.getConnection(used.url(), used.user(), "")) {
        JdbcTemplate jdbc = new JdbcTemplate(new org.springframework.jdbc.datasource.SingleConnectionDataSource(
            connection, true));
        jp.sample.isms.audit.AuditBenchmark.seed(jdbc, requests);
        seeded = jdbc.queryForObject("select count(*) from audit_request", Long.class);
        line("Again on that database after seeding " + requests + " completed requests (" + seeded + " in "
            + "audit_request, " + jdbc.queryForObject("select count(*) from audit_record", Long.class) + " audit "
            + "records; schema, migrations, deployments and users already in place, as at a production restart):");
      }
      line("");
      line("| heap | start-up to first authenticated call (s) | RSS idle (MB) | W1 requests/s | RSS after W1 (MB) "
          + "| of which file-backed (MB) | peak RSS VmHWM (MB) |");
      line("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
      for (String heap : HEAPS) {
        List<double[]> starts = new ArrayList<>();
        for (int start = 0; start < STARTS; start++) {
          starts.add(spawn(used, heap, false));
        }
        medianRow(heap, starts, null);
      }
      line("");
    } finally {
      if (used != null) {
        used.close();
      }
    }
  }

  /**
   * Where the start-up goes: the product started {@link #STARTS} times on an empty database as in W4 (default heap,
   * no CDS), through {@code bench.startup.StartupSteps}, which records Spring's start-up steps; then as often without
   * the start-up deployment of the models ({@code camunda.bpm.auto-deployment-enabled=false}), which tells what the
   * deployment (the engine's parsing of every model and the model checks, 1.4) costs of the whole. Medians per step.
   */
  @Test
  @Order(4)
  void startupSteps() throws Exception {
    Assumptions.assumeTrue(ONLY.isEmpty() || ONLY.contains("process") || ONLY.contains("steps"));
    Path probe = Files.createTempDirectory("isms-steps");
    Path classes = Path.of(testClassesDirectory());
    try (var files = Files.walk(classes.resolve("bench/startup"))) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path target = probe.resolve(classes.relativize(file));
        Files.createDirectories(target.getParent());
        Files.copy(file, target);
      }
    }
    line("## W4 where the start-up goes (Spring's start-up steps, PostgreSQL, empty database, default heap)");
    line("");
    line("Each start as in W4 (to the first authenticated call), through `bench.startup.StartupSteps`: the product's "
        + "main with Spring's `BufferingApplicationStartup`, nothing else changed. Self = a step's time minus that of "
        + "its direct children. Medians of " + STARTS + " starts each, with and without the start-up deployment of "
        + "`bpmn/` and `forms/` (`camunda.bpm.auto-deployment-enabled=false`).");
    line("");
    Map<String, List<Map<String, double[]>>> runs = new LinkedHashMap<>();
    Map<String, List<double[]>> totals = new LinkedHashMap<>();
    for (String variant : List.of("with the start-up deployment", "without it")) {
      for (int start = 0; start < STARTS; start++) {
        try (PostgresDatabase database = PostgresDatabase.create()) {
          Path steps = Files.createTempFile("isms-steps", ".tsv");
          List<String> extra = variant.startsWith("without")
              ? List.of("--camunda.bpm.auto-deployment-enabled=false") : List.of();
          StepsStart started = startForSteps(database, probe, steps, extra);
          if (started == null) {
            line("- " + variant + ": a start did not come up");
            continue;
          }
          runs.computeIfAbsent(variant, v -> new ArrayList<>()).add(started.steps());
          totals.computeIfAbsent(variant, v -> new ArrayList<>()).add(started.times());
        }
      }
    }
    line("| | start-up to first authenticated call (s) | JVM start to context refresh (s) | context refresh (s) "
        + "| ready to first authenticated call (s) |");
    line("| --- | ---: | ---: | ---: | ---: |");
    totals.forEach((variant, list) -> line("| " + variant + " | " + String.format("%.1f",
        medianDouble(list.stream().map(t -> t[0]).toList())) + " | " + String.format("%.1f",
        medianDouble(list.stream().map(t -> t[1]).toList())) + " | " + String.format("%.1f",
        medianDouble(list.stream().map(t -> t[2]).toList())) + " | " + String.format("%.1f",
        medianDouble(list.stream().map(t -> t[3]).toList())) + " |"));
    line("");
    for (Map.Entry<String, List<Map<String, double[]>>> variant : runs.entrySet()) {
      Map<String, List<double[]>> byStep = new LinkedHashMap<>();
      for (Map<String, double[]> run : variant.getValue()) {
        run.forEach((step, values) -> byStep.computeIfAbsent(step, k -> new ArrayList<>()).add(values));
      }
      line("Largest steps by self time, " + variant.getKey() + " (ms, median; inclusive in brackets):");
      line("");
      line("| step | self | (inclusive) |");
      line("| --- | ---: | ---: |");
      byStep.entrySet().stream()
          .map(e -> Map.entry(e.getKey(), new double[] {medianDouble(e.getValue().stream().map(v -> v[1]).toList()),
              medianDouble(e.getValue().stream().map(v -> v[0]).toList())}))
          .sorted((a, b) -> Double.compare(b.getValue()[0], a.getValue()[0])).limit(15)
          .forEach(e -> line("| " + e.getKey() + " | " + Math.round(e.getValue()[0]) + " | (" + Math.round(
              e.getValue()[1]) + ") |"));
      line("");
    }
  }

  /**
   * One start's times in seconds (to the first authenticated call, JVM start to refresh, the refresh, ready to that
   * call) and its steps.
   */
  private record StepsStart(double[] times, Map<String, double[]> steps) {
  }

  /** One start through {@code StartupSteps}; null if it did not come up. */
  private static StepsStart startForSteps(PostgresDatabase database, Path probe, Path steps, List<String> extra)
      throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Disms.startup.steps=" + steps, "-cp", probe + java.io.File.pathSeparator + applicationClassPath(),
        "bench.startup.StartupSteps", "--spring.profiles.active=postgres", "--ISMS_DB_URL=" + database.url(),
        "--ISMS_DB_USER=" + database.user(), "--ISMS_DB_PASSWORD=", "--server.port=" + port,
        "--isms.demo.enabled=true", "--isms.demo.allow-in-production=true", "--isms.mail.dispatcher.enabled=false"));
    command.addAll(extra);
    Path log = Files.createTempFile("isms-steps", ".log");
    long started = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      long deadline = started + TimeUnit.SECONDS.toNanos(180);
      while (System.nanoTime() < deadline && process.isAlive()) {
        try {
          if (raw("http://localhost:" + port, "GET", "/engine-rest/task/count", "ito", null).statusCode() == 200) {
            double total = (System.nanoTime() - started) / 1e9;
            long called = System.currentTimeMillis();
            // the web server answers from the end of the refresh; the steps are written when the application is ready
            while (Files.size(steps) == 0 && System.nanoTime() < deadline && process.isAlive()) {
              Thread.sleep(50);
            }
            long ready = Files.getLastModifiedTime(steps).toMillis();
            Map<String, double[]> read = readSteps(steps);
            double refresh = read.getOrDefault("spring.context.refresh", new double[] {0, 0})[0] / 1e3;
            double readyToCall = Math.max(0, (called - ready) / 1e3);
            return new StepsStart(new double[] {total, total - readyToCall - refresh, refresh, readyToCall}, read);
          }
        } catch (IOException e) {
          // not listening yet
        }
        Thread.sleep(50);
      }
      line("- did not start (see " + log + ")");
      return null;
    } finally {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  /** Step (name and detail) to {inclusive ms, self ms}, summed over steps of the same name and detail. */
  private static Map<String, double[]> readSteps(Path steps) throws IOException {
    Map<String, double[]> read = new LinkedHashMap<>();
    for (String row : Files.readAllLines(steps)) {
      String[] cells = row.split("\t", -1);
      if (cells.length < 4) {
        continue;
      }
      String key = cells[1].isBlank() ? cells[0] : cells[0] + " " + cells[1];
      key = key.length() > 120 ? key.substring(0, 120) + "…" : key;
      double[] values = read.computeIfAbsent(key.replace("|", "\\|"), k -> new double[2]);
      values[0] += Double.parseDouble(cells[2]);
      values[1] += Double.parseDouble(cells[3]);
    }
    return read;
  }

  /**
   * The median of each column over the starts that came up, as a bold row; null if none came up. With
   * {@code baselines} (the empty database's table) also start-up and RSS after W1 against the baseline's medians with
   * the same heap setting (the product's CDS settings against the baseline without CDS); empty for the baseline.
   */
  private static double[] medianRow(String heap, List<double[]> starts, Map<String, double[]> baselines) {
    List<double[]> started = starts.stream().filter(java.util.Objects::nonNull).toList();
    if (started.isEmpty()) {
      return null;
    }
    double[] median = new double[6];
    for (int column = 0; column < 6; column++) {
      int c = column;
      median[column] = medianDouble(started.stream().map(values -> values[c]).toList());
    }
    String ratios = "";
    if (baselines != null) {
      double[] baseline = heap.startsWith(BARE) ? null : baselines.get(heap.replace(" + CDS", ""));
      ratios = baseline == null ? " | | |" : " | " + String.format("%.2f", median[0] / baseline[0]) + " | "
          + String.format("%.2f", median[3] / baseline[3]) + " |";
    }
    line("| **" + heap + ", median of " + started.size() + "** | **" + String.format("%.1f", median[0]) + "** | **"
        + Math.round(median[1]) + "** | **" + String.format("%.1f", median[2]) + "** | **" + Math.round(median[3])
        + "** | **" + Math.round(median[5]) + "** | **" + Math.round(median[4]) + "**" + (baselines == null ? " |"
            : ratios));
    return median;
  }

  private static String[] common(String... extra) {
    List<String> args = new ArrayList<>(List.of("--server.port=0", "--camunda.bpm.job-execution.enabled=false",
        "--isms.demo.enabled=true", "--isms.mail.dispatcher.enabled=false", "--logging.level.root=warn"));
    args.addAll(List.of(extra));
    return args.toArray(String[]::new);
  }

  // ---------------------------------------------------------------------------------------------------------------

  private static void workloads(String databaseName, ConfigurableApplicationContext context, SqlCounter counter)
      throws Exception {
    ProcessEngine engine = context.getBean(ProcessEngine.class);
    String base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    engine.getRepositoryService().createDeployment().name("benchmark")
        .addString("bench.bpmn", BARE_BPMN).deploy();
    var authorizations = engine.getAuthorizationService();
    Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setUserId("yamamoto");
    grant.setResource(Resources.PROCESS_DEFINITION);
    grant.setResourceId("benchBare");
    grant.addPermission(Permissions.READ);
    grant.addPermission(Permissions.CREATE_INSTANCE);
    authorizations.saveAuthorization(grant);
    // ito's group may read the seeded W2 instances (and so their variables), as approvers read their requests
    Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    read.setGroupId("department-head.development");
    read.setResource(Resources.PROCESS_DEFINITION);
    read.setResourceId("benchOpen");
    read.addPermission(Permissions.READ);
    read.addPermission(Permissions.READ_INSTANCE);
    authorizations.saveAuthorization(read);

    deployBaselineD(engine);
    defaultEngine = defaultEngine(context.getBean(javax.sql.DataSource.class), databaseName);

    line("## " + databaseName);
    line("");

    // the price of HTTP Basic with bcrypt: every REST call checks the password
    List<Long> hash = new ArrayList<>();
    List<Long> call = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      long started = System.nanoTime();
      engine.getIdentityService().checkPassword("ito", PASSWORD);
      hash.add(System.nanoTime() - started);
      started = System.nanoTime();
      expect(send(base, "GET", "/engine-rest/task/count?processInstanceId=none", "ito", null), 200);
      call.add(System.nanoTime() - started);
    }
    line("Authentication: `IdentityService.checkPassword` (bcrypt cost 10, what every HTTP Basic call pays) median "
        + ms(median(hash.subList(5, 25))) + " ms; a trivial authenticated REST call (`GET /engine-rest/task/count`) "
        + "median " + ms(median(call.subList(5, 25))) + " ms.");
    line("");

    try {
      if (ONLY.contains("profile")) {
        profile(engine, base, counter);
        return;
      }
      if (ONLY.contains("cpu")) {
        CpuProfile.run(variants(engine, base), Benchmarks::measureQuietly, Benchmarks::line);
      } else if (ONLY.contains("locks")) {
        LockProfile.run(variants(engine, base), postgresUrl, postgresUser, Benchmarks::measureQuietly, Benchmarks::line);
      } else {
        if (!ONLY.contains("w1")) {
          w2(engine, base, counter, databaseName.startsWith("H2") ? H2_TASK_LEVELS : TASK_LEVELS);
        }
        w1(engine, base, counter);
      }
      // the decision record written by the concurrent requests still verifies
      jp.sample.isms.audit.AuditChain.Verification chain = context.getBean(jp.sample.isms.audit.AuditChain.class)
          .verify();
      line("Audit chain after the run: " + (chain.intact() ? "intact" : "BROKEN at " + chain.brokenAtId() + ": "
          + chain.reason()) + ", " + chain.recordsChecked() + " records.");
      line("");
    } finally {
      defaultEngine.close();
      defaultEngine = null;
    }
  }

  /**
   * The engine as Camunda ships it, on the product's (counted) data source: StandaloneProcessEngineConfiguration with
   * its defaults except history level full (the product's level; the database says which level its tables hold) and no
   * job executor. Its own transactions (JDBC), its own deployment cache, no product plugin.
   */
  private static ProcessEngine defaultEngine(javax.sql.DataSource dataSource, String databaseName) {
    org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration configuration =
        new org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration();
    configuration.setProcessEngineName("bare-" + Math.abs(databaseName.hashCode()));
    configuration.setDataSource(dataSource);
    configuration.setDatabaseSchemaUpdate(org.camunda.bpm.engine.ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE);
    configuration.setHistory(org.camunda.bpm.engine.ProcessEngineConfiguration.HISTORY_FULL);
    configuration.setJobExecutorActivate(false);
    return configuration.buildProcessEngine();
  }

  /** Where W1's statements come from: each statement's SQL with its count per request, for the three variants. */
  private static void profile(ProcessEngine engine, String base, SqlCounter counter) throws Exception {
    if (ONLY.contains("w2")) {
      profileW2(engine, base, counter);
      return;
    }
    int requests = Integer.getInteger("isms.benchmark.profile.requests", 20);
    Map<String, Loop> variants = variants(engine, base);
    for (Map.Entry<String, Loop> variant : variants.entrySet()) {
      for (int i = 0; i < 5; i++) {
        variant.getValue().run(new ArrayList<>());
      }
      counter.profile = true;
      counter.drainProfile();
      long before = counter.statements.get();
      SqlCounter.ServerStatements server = counter.startServerCount();
      for (int i = 0; i < requests; i++) {
        variant.getValue().run(new ArrayList<>());
      }
      counter.stopServerCount();
      counter.profile = false;
      line("### Statements per request: " + variant.getKey() + " (" + String.format("%.1f",
          (counter.statements.get() - before) / (double) requests) + " JDBC statements; executed by the server "
          + "(PostgreSQL only): " + String.format("%.1f", server.statements.get() / (double) requests) + ")");
      line("");
      line("| per request | SQL |");
      line("| ---: | --- |");
      for (Map.Entry<String, Long> entry : counter.drainProfile()) {
        String sql = entry.getKey();
        line("| " + String.format("%.2f", entry.getValue() / (double) requests) + " | `"
            + (sql.length() > 160 ? sql.substring(0, 160) + "…" : sql).replace("|", "\\|") + "` |");
      }
      line("");
      if (server.statements.get() > 0) {
        line("Executed by the server, where that differs from the statements above (a multi-row insert counts once):");
        line("");
        line("| per request | SQL |");
        line("| ---: | --- |");
        server.bySql.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue().sum()))
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
            .filter(e -> e.getKey().matches("(?is)insert .*\\)\\s*,\\s*\\(.*"))
            .forEach(e -> line("| " + String.format("%.2f", e.getValue() / (double) requests) + " | `"
                + e.getKey().substring(0, 60).replace("|", "\\|") + "…` (" + e.getKey().split("\\)\\s*,\\s*\\(").length
                + " rows) |"));
        line("");
      }
    }
  }

  // --- W1 --------------------------------------------------------------------------------------------------------

  record Cell(String variant, int clients, List<Double> throughputs, List<Long> calls, List<Long> requests,
      long requestCount, long errors, long statements, long roundTrips, long commits) {
  }

  interface Loop {
    /** One request: file and approve. Adds the duration of each call to {@code calls}. */
    void run(List<Long> calls) throws Exception;
  }

  /**
   * The product's request and the baselines. Baseline a runs the bare process on the product's engine (its
   * configuration: authorizations on, no ACT_HI_DETAIL, the product's plugins, which leave a process that is not a
   * request flow alone); baseline c on a second engine built in its default configuration (StandaloneProcessEngine
   * Configuration, history full, authorizations off, no plugin) on the same database: "the bare engine" of the targets.
   */
  private static Map<String, Loop> variants(ProcessEngine engine, String base) {
    Map<String, Loop> variants = new LinkedHashMap<>();
    variants.put(PRODUCT, calls -> productRequest(base, calls));
    variants.put(BARE_JAVA, calls -> bareJava(engine, calls));
    variants.put(BARE_REST, calls -> bareRest(base, calls));
    variants.put(BARE_DEFAULT, calls -> bareJava(defaultEngine, calls));
    variants.put(BASELINE_D, calls -> baselineD(base, calls));
    return variants;
  }

  static final String PRODUCT = "product: takeOut over REST";
  static final String BARE_JAVA = "baseline a: bare process, Java API (product's engine)";
  static final String BARE_REST = "baseline b: bare process, stock REST";
  static final String BARE_DEFAULT = "baseline c: bare process, Java API, engine in its default configuration";
  static final String BASELINE_D = "baseline d: take-out model, stock REST, no kernel";
  /** The engine of baseline c, on the database of the current run. */
  static ProcessEngine defaultEngine;
  /** The throw-away PostgreSQL database of the current run (for the lock profile's own connection). */
  static String postgresUrl;
  static String postgresUser;

  private static void w1(ProcessEngine engine, String base, SqlCounter counter) throws Exception {
    Map<String, Loop> variants = variants(engine, base);
    for (Loop loop : variants.values()) {
      measure(loop, 4, WARMUP_SECONDS, counter, new ArrayList<>(), new ArrayList<>());
    }
    Map<String, Cell> cells = new LinkedHashMap<>();
    for (int round = 0; round < ROUNDS; round++) {
      for (int clients : CLIENTS) {
        for (Map.Entry<String, Loop> variant : variants.entrySet()) {
          String key = variant.getKey() + "|" + clients;
          Cell previous = cells.get(key);
          List<Long> calls = previous == null ? new ArrayList<>() : new ArrayList<>(previous.calls());
          List<Long> requests = previous == null ? new ArrayList<>() : new ArrayList<>(previous.requests());
          long[] result = measure(variant.getValue(), clients, SECONDS, counter, calls, requests);
          List<Double> throughputs = previous == null ? new ArrayList<>() : new ArrayList<>(previous.throughputs());
          throughputs.add(result[0] * 1000.0 / result[1]);
          cells.put(key, previous == null
              ? new Cell(variant.getKey(), clients, throughputs, calls, requests, result[0], result[2], result[3],
                  result[4], result[5])
              : new Cell(variant.getKey(), clients, throughputs, calls, requests, previous.requestCount() + result[0],
                  previous.errors() + result[2], previous.statements() + result[3],
                  previous.roundTrips() + result[4], previous.commits() + result[5]));
        }
      }
    }
    line("### W1 file + approve (closed loop; product: yamamoto files an INTERNAL take-out via "
        + "`POST /engine-rest/process-definition/key/takeOut/submit-form`, ito finds it via `GET /engine-rest/task"
        + "?processInstanceId=` and approves via `POST /engine-rest/task/{id}/submit-form`; baseline a: "
        + "`startProcessInstanceByKey`, task query, `complete` through the Java API without authentication; "
        + "baseline b: the same three calls through the stock REST API as yamamoto and ito; baseline c: as a, on a "
        + "second engine in its default configuration (history full, authorizations off, DbIdGenerator, no plugins) "
        + "on the same database; baseline d: the take-out model and its approver DMN under another key, its service "
        + "tasks' delegates replaced by a no-op expression, the routing expressions by ito's group, no forms, so the "
        + "product's kernel leaves it alone: yamamoto starts it via `POST /engine-rest/process-definition/key/"
        + "benchTakeOut/start` with the form's ten values and the three the asset look-up would set, ito finds the "
        + "task and completes it via `POST /engine-rest/task/{id}/complete` with the decision's five values)");
    line("");
    // the statements per request come from the statement pass below (one variant at a time, counted by the server
    // too), not from these rounds
    line("| variant | clients | requests/s (median of rounds) | rounds | per call p50 / p95 / p99 ms | per request "
        + "p50 / p95 / p99 ms | errors |");
    line("| --- | ---: | ---: | --- | --- | --- | ---: |");
    for (Cell cell : cells.values()) {
      line("| " + cell.variant() + " | " + cell.clients() + " | " + String.format("%.1f", medianDouble(
          cell.throughputs())) + " | " + String.join(", ", cell.throughputs().stream().map(t -> String.format("%.1f",
              t)).toList()) + " | " + percentiles(cell.calls()) + " | " + percentiles(cell.requests()) + " | "
          + cell.errors() + " |");
    }
    line("");
    statementPass(variants, counter);
    line("| clients | product / baseline a (Java API, product's engine) | product / baseline b (stock REST) "
        + "| product / baseline c (Java API, default engine) | product / baseline d (take-out model, stock REST) "
        + "| product / d per round |");
    line("| ---: | ---: | ---: | ---: | ---: | --- |");
    for (int clients : CLIENTS) {
      List<Double> products = cells.get(PRODUCT + "|" + clients).throughputs();
      double product = medianDouble(products);
      double java = medianDouble(cells.get(BARE_JAVA + "|" + clients).throughputs());
      double rest = medianDouble(cells.get(BARE_REST + "|" + clients).throughputs());
      double plain = medianDouble(cells.get(BARE_DEFAULT + "|" + clients).throughputs());
      List<Double> ds = cells.get(BASELINE_D + "|" + clients).throughputs();
      List<String> perRound = new ArrayList<>();
      for (int i = 0; i < Math.min(products.size(), ds.size()); i++) {
        perRound.add(String.format("%.2f", products.get(i) / ds.get(i)));
      }
      line("| " + clients + " | " + String.format("%.2f", product / java) + " | " + String.format("%.2f",
          product / rest) + " | " + String.format("%.2f", product / plain) + " | " + String.format("%.2f",
          product / medianDouble(ds)) + " | " + String.join(", ", perRound) + " |");
    }
    line("");
  }

  /**
   * What one request costs the database, per variant: 20 requests one after another, counted by the JDBC proxy
   * (statements = every execute and every addBatch; round trips = every execute and executeBatch; commits) and, on
   * PostgreSQL, by the server (statements the server executed, from the driver's protocol log: a rewritten batch of
   * inserts is one statement per multi-row insert). Separate from the throughput rounds because the driver's log is
   * expensive.
   */
  private static void statementPass(Map<String, Loop> variants, SqlCounter counter) throws Exception {
    int requests = 20;
    line("Statements per request (20 requests one after another per variant, after the rounds; *server* = "
        + "statements PostgreSQL executed, read off the driver's protocol log, without BEGIN/COMMIT):");
    line("");
    line("| variant | JDBC statements | round trips | server statements | transaction control (server) | commits "
        + "| server statements − baseline d |");
    line("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
    Map<String, Double> serverCounts = new LinkedHashMap<>();
    List<String[]> rows = new ArrayList<>();
    for (Map.Entry<String, Loop> variant : variants.entrySet()) {
      long[] before = counter.snapshot();
      SqlCounter.ServerStatements server = counter.startServerCount();
      try {
        for (int i = 0; i < requests; i++) {
          variant.getValue().run(new ArrayList<>());
        }
      } finally {
        counter.stopServerCount();
      }
      long[] after = counter.snapshot();
      boolean measured = server.statements.get() > 0;
      if (measured) {
        serverCounts.put(variant.getKey(), server.statements.get() / (double) requests);
      }
      rows.add(new String[] {variant.getKey(), perRequest(after[0] - before[0], requests),
          perRequest(after[1] - before[1], requests),
          measured ? perRequest(server.statements.get(), requests) : "–",
          measured ? perRequest(server.transactionControl.get(), requests) : "–",
          perRequest(after[2] - before[2], requests)});
    }
    // the target "server statements ≤ baseline d + 25" read off directly
    Double baselineD = serverCounts.get(BASELINE_D);
    for (String[] row : rows) {
      Double count = serverCounts.get(row[0]);
      String overD = baselineD == null || count == null ? "–" : String.format("%+.1f", count - baselineD);
      line("| " + String.join(" | ", row) + " | " + overD + " |");
    }
    line("");
  }

  /** requests, elapsed ms, errors, statements, round trips, commits. */
  private static long[] measure(Loop loop, int clients, int seconds, SqlCounter counter, List<Long> calls,
      List<Long> requests) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    AtomicLong done = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    List<Long> allCalls = Collections.synchronizedList(new ArrayList<>());
    List<Long> allRequests = Collections.synchronizedList(new ArrayList<>());
    long[] before = counter.snapshot();
    long started = System.nanoTime();
    long end = started + TimeUnit.SECONDS.toNanos(seconds);
    List<Future<?>> futures = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      futures.add(pool.submit(() -> {
        List<Long> mine = new ArrayList<>();
        while (System.nanoTime() < end) {
          long requestStarted = System.nanoTime();
          List<Long> thisRequest = new ArrayList<>();
          try {
            loop.run(thisRequest);
            allRequests.add(System.nanoTime() - requestStarted);
            mine.addAll(thisRequest);
            done.incrementAndGet();
          } catch (Exception e) {
            if (errors.incrementAndGet() <= 3) {
              System.out.println("benchmark error: " + e);
            }
          }
        }
        allCalls.addAll(mine);
        return null;
      }));
    }
    for (Future<?> future : futures) {
      future.get();
    }
    long elapsed = (System.nanoTime() - started) / 1_000_000;
    pool.shutdown();
    long[] after = counter.snapshot();
    calls.addAll(allCalls);
    requests.addAll(allRequests);
    return new long[] {done.get(), elapsed, errors.get(), after[0] - before[0], after[1] - before[1],
        after[2] - before[2]};
  }

  static void productRequest(String base, List<Long> calls) throws Exception {
    long t = System.nanoTime();
    String instance = JSON.readTree(expect(send(base, "POST", "/engine-rest/process-definition/key/takeOut/submit-form",
        "yamamoto", takeOut()), 200)).get("id").asText();
    calls.add(System.nanoTime() - t);
    t = System.nanoTime();
    String task = JSON.readTree(expect(send(base, "GET", "/engine-rest/task?processInstanceId=" + instance, "ito",
        null), 200)).get(0).get("id").asText();
    calls.add(System.nanoTime() - t);
    t = System.nanoTime();
    expect(send(base, "POST", "/engine-rest/task/" + task + "/submit-form", "ito",
        "{\"variables\":{\"decision\":{\"value\":\"APPROVED\",\"type\":\"String\"},"
            + "\"decisionComment\":{\"value\":\"\",\"type\":\"String\"}}}"), 204);
    calls.add(System.nanoTime() - t);
  }

  private static void bareRest(String base, List<Long> calls) throws Exception {
    bareRestAs(base, "yamamoto", calls);
  }

  /** Baseline b's three calls; {@code starter} starts the bare process, ito completes its task. */
  private static void bareRestAs(String base, String starter, List<Long> calls) throws Exception {
    long t = System.nanoTime();
    String instance = JSON.readTree(expect(send(base, "POST", "/engine-rest/process-definition/key/benchBare/start",
        starter, "{}"), 200)).get("id").asText();
    calls.add(System.nanoTime() - t);
    t = System.nanoTime();
    String task = JSON.readTree(expect(send(base, "GET", "/engine-rest/task?processInstanceId=" + instance, "ito",
        null), 200)).get(0).get("id").asText();
    calls.add(System.nanoTime() - t);
    t = System.nanoTime();
    expect(send(base, "POST", "/engine-rest/task/" + task + "/complete", "ito", "{}"), 204);
    calls.add(System.nanoTime() - t);
  }

  private static void bareJava(ProcessEngine engine, List<Long> calls) {
    long t = System.nanoTime();
    String instance = engine.getRuntimeService().startProcessInstanceByKey("benchBare").getId();
    calls.add(System.nanoTime() - t);
    t = System.nanoTime();
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
    calls.add(System.nanoTime() - t);
    t = System.nanoTime();
    engine.getTaskService().complete(task.getId());
    calls.add(System.nanoTime() - t);
  }

  /**
   * Baseline d: the product's take-out model on the stock engine REST API, with the product replaced by nothing. The
   * model is deployed under the key {@code benchTakeOut} (not a request flow, so the kernel's parse listener leaves it
   * alone: no filing or step records, no validation, no request number, no display variables, no mail), its approver
   * DMN under {@code benchTakeOutApprover}; every service task's delegate (asset look-up, registers, records, mail) is
   * replaced by the no-op expression {@code ${true}}, the two routing expressions by ito's group, and the form
   * references are dropped (the stock REST start and complete do not read them). The gateways, the DMN, the user
   * tasks with due dates, the timer on the return task and the withdrawal event sub-process stay as they are.
   */
  static void deployBaselineD(ProcessEngine engine) throws IOException {
    String bpmn = Files.readString(Path.of("bpmn", "takeOut.bpmn"))
        .replace("\"takeOut\"", "\"benchTakeOut\"")
        .replace("\"takeOutApprover\"", "\"benchTakeOutApprover\"")
        .replaceAll("camunda:delegateExpression=\"\\$\\{[A-Za-z]+\\}\"", "camunda:expression=\"\\${true}\"")
        .replaceAll("camunda:candidateGroups=\"\\$\\{[^\"]*\\}\"", "camunda:candidateGroups=\""
            + "department-head.development\"")
        .replaceAll(" camunda:formRef=\"[^\"]*\"", "").replace(" camunda:formRefBinding=\"deployment\"", "");
    String dmn = Files.readString(Path.of("bpmn", "takeOutApprover.dmn"))
        .replace("\"takeOutApprover\"", "\"benchTakeOutApprover\"");
    if (bpmn.contains("Delegate}") || bpmn.contains("Routing")) {
      throw new IllegalStateException("baseline d still calls the product: " + bpmn);
    }
    engine.getRepositoryService().createDeployment().name("benchmark baseline d")
        .addString("benchTakeOut.bpmn", bpmn).addString("benchTakeOutApprover.dmn", dmn).deploy();
    Authorization grant = engine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setUserId("yamamoto");
    grant.setResource(Resources.PROCESS_DEFINITION);
    grant.setResourceId("benchTakeOut");
    grant.addPermission(Permissions.READ);
    grant.addPermission(Permissions.CREATE_INSTANCE);
    engine.getAuthorizationService().saveAuthorization(grant);
  }

  static void baselineD(String base, List<Long> calls) throws Exception {
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
    Map<String, Object> start = new LinkedHashMap<>(JSON.readValue(takeOut(), Map.class));
    @SuppressWarnings("unchecked")
    Map<String, Object> variables = new LinkedHashMap<>((Map<String, Object>) start.get("variables"));
    // what the asset look-up sets in the product, here sent by the client
    variables.put("classification", Map.of("value", "INTERNAL", "type", "String"));
    variables.put("assetsRegistered", Map.of("value", true, "type", "Boolean"));
    variables.put("assetSummary", Map.of("value", "IA-0001 顧客向け提案資料", "type", "String"));
    long t = System.nanoTime();
    String instance = JSON.readTree(expect(send(base, "POST", "/engine-rest/process-definition/key/benchTakeOut/start",
        "yamamoto", JSON.writeValueAsString(Map.of("variables", variables))), 200)).get("id").asText();
    calls.add(System.nanoTime() - t);
    t = System.nanoTime();
    String task = JSON.readTree(expect(send(base, "GET", "/engine-rest/task?processInstanceId=" + instance, "ito",
        null), 200)).get(0).get("id").asText();
    calls.add(System.nanoTime() - t);
    t = System.nanoTime();
    String due = today.plusDays(2) + "T23:59:00.000+0900";
    String reminder = today.plusDays(3) + "T09:00:00.000+0900";
    expect(send(base, "POST", "/engine-rest/task/" + task + "/complete", "ito",
        "{\"variables\":{\"decision\":{\"value\":\"APPROVED\",\"type\":\"String\"},"
            + "\"decisionComment\":{\"value\":\"\",\"type\":\"String\"},"
            + "\"approvedBy\":{\"value\":\"ito\",\"type\":\"String\"},"
            + "\"returnDueAt\":{\"value\":\"" + due + "\",\"type\":\"Date\"},"
            + "\"returnReminderAt\":{\"value\":\"" + reminder + "\",\"type\":\"Date\"}}}"), 204);
    calls.add(System.nanoTime() - t);
  }

  /** One measurement without SQL counting, for the lock profile. */
  static long[] measureQuietly(Loop loop, int clients, int seconds) throws Exception {
    return measure(loop, clients, seconds, new SqlCounter(), new ArrayList<>(), new ArrayList<>());
  }

  static String takeOut() {
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("assetDescription", "顧客向け提案資料 (ノートPC内)");
    values.put("assetIds", "IA-0001");
    values.put("medium", "LAPTOP");
    values.put("destination", "株式会社取引先 本社");
    values.put("purpose", "製品デザインの打ち合わせ");
    values.put("startDate", today.toString());
    values.put("plannedReturnDate", today.plusDays(2).toString());
    values.put("attestDiskEncrypted", true);
    values.put("attestEncryptedChannel", true);
    values.put("attestKeptInSight", true);
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value,
        "type", value instanceof Boolean ? "Boolean" : "String")));
    try {
      return JSON.writeValueAsString(Map.of("variables", variables));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  // --- W2 --------------------------------------------------------------------------------------------------------

  private static void w2(ProcessEngine engine, String base, SqlCounter counter, List<Integer> levels)
      throws Exception {
    String filterId = engine.getFilterService().createFilterQuery().filterName("自分のグループのタスク").list()
        .get(0).getId();
    List<String> itosGroups = engine.getIdentityService().createGroupQuery().groupMember("ito").list().stream()
        .map(Group::getId).toList();
    String body = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
        + "\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}";
    line("### W2 my tasks (ito's filter 自分のグループのタスク, first page of 50 with the filter's display variables "
        + "businessKey, requesterName, flowName)");
    line("");
    line("Product: `POST /engine-rest/filter/{id}/list?firstResult=0&maxResults=50` with `Accept: "
        + "application/hal+json` (the call Tasklist makes; the HAL answer embeds the filter's variables), as ito over "
        + "HTTP Basic. Baseline: `FilterService.listPage(id, 0, 50)` authenticated as ito through the Java API (no "
        + "variables, no HTTP, no password check). Seeded through the Java API: open tasks of a one-task process, 5 % "
        + "for ito's group department-head.development, the rest for 19 other groups, each with 13 process variables. "
        + "30 measured calls after 5 warm-up calls. Tasklist session: the same call as the Tasklist web app sends it "
        + "(`POST /camunda/api/engine/engine/default/filter/{id}/list`, session cookie and CSRF token after one "
        + "login, so no password check per call).");
    line("");
    line("| open tasks | ito's group tasks | /engine-rest page p50 / p95 / max ms (HTTP Basic) | SQL statements per "
        + "page | Java API page p50 / p95 ms | Tasklist session page p50 / p95 / max ms | SQL statements per page "
        + "| rows / embedded variables | p95 ratio Tasklist session / Java API |");
    line("| ---: | ---: | --- | ---: | --- | --- | ---: | --- | ---: |");
    WebappSession session = new WebappSession(base);
    session.login("ito");
    WebappSession loggedIn = session;
    for (int level : levels) {
      session = loggedIn;
      seed(engine, level);
      long open = engine.getTaskService().createTaskQuery().count();
      long mine = engine.getTaskService().createTaskQuery().taskCandidateGroup("department-head.development")
          .taskUnassigned().count();
      List<Long> rest = new ArrayList<>();
      List<Long> java = new ArrayList<>();
      String last = null;
      long statements = 0;
      for (int i = 0; i < 35; i++) {
        long[] before = counter.snapshot();
        long t = System.nanoTime();
        last = expect(send(base, "POST", "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=50",
            "ito", body), 200);
        long elapsed = System.nanoTime() - t;
        long[] after = counter.snapshot();
        engine.getIdentityService().setAuthentication("ito", itosGroups);
        t = System.nanoTime();
        try {
          engine.getFilterService().listPage(filterId, 0, 50);
        } finally {
          engine.getIdentityService().clearAuthentication();
        }
        long javaElapsed = System.nanoTime() - t;
        if (i >= 5) {
          rest.add(elapsed);
          java.add(javaElapsed);
          statements += after[0] - before[0];
        }
      }
      JsonNode page = JSON.readTree(last);
      int rows = page.path("_embedded").path("task").size();
      int variables = 0;
      for (JsonNode task : page.path("_embedded").path("task")) {
        variables += task.path("_embedded").path("variable").size();
      }
      List<Long> webapp = new ArrayList<>();
      long webappStatements = 0;
      for (int i = 0; i < 35 && session != null; i++) {
        long[] before = counter.snapshot();
        long t = System.nanoTime();
        HttpResponse<String> answer = session.post("/camunda/api/engine/engine/default/filter/" + filterId
            + "/list?firstResult=0&maxResults=50", body);
        long elapsed = System.nanoTime() - t;
        if (answer.statusCode() != 200) {
          System.out.println("Tasklist session call refused: " + answer.statusCode() + " " + answer.headers().map()
              + " " + answer.body());
          session = null;
          break;
        }
        long[] after = counter.snapshot();
        if (i >= 5) {
          webapp.add(elapsed);
          webappStatements += after[0] - before[0];
        }
      }
      line("| " + open + " | " + mine + " | " + ms(percentile(rest, 50)) + " / " + ms(percentile(rest, 95)) + " / "
          + ms(percentile(rest, 100)) + " | " + perRequest(statements, 30) + " | " + ms(percentile(java, 50)) + " / "
          + ms(percentile(java, 95)) + " | " + ms(percentile(webapp, 50)) + " / " + ms(percentile(webapp, 95))
          + " / " + ms(percentile(webapp, 100)) + " | " + perRequest(webappStatements, 30) + " | " + rows + " / "
          + variables + " | " + (webapp.isEmpty() || percentile(java, 95) == 0 ? "–" : String.format("%.2f",
              percentile(webapp, 95) / (double) percentile(java, 95))) + " |");
    }
    line("");
  }

  /** W2's statements with their time, on the Tasklist session path and over HTTP Basic, at each task level. */
  private static void profileW2(ProcessEngine engine, String base, SqlCounter counter) throws Exception {
    String filterId = engine.getFilterService().createFilterQuery().filterName("自分のグループのタスク").list()
        .get(0).getId();
    String body = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
        + "\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}";
    WebappSession session = new WebappSession(base);
    session.login("ito");
    Map<String, Loop> paths = new LinkedHashMap<>();
    paths.put("Tasklist session", ignored -> session.post("/camunda/api/engine/engine/default/filter/" + filterId
        + "/list?firstResult=0&maxResults=50", body));
    paths.put("/engine-rest, HTTP Basic", ignored -> expect(send(base, "POST", "/engine-rest/filter/" + filterId
        + "/list?firstResult=0&maxResults=50", "ito", body), 200));
    for (int level : TASK_LEVELS) {
      seed(engine, level);
      for (Map.Entry<String, Loop> path : paths.entrySet()) {
        for (int i = 0; i < 5; i++) {
          path.getValue().run(new ArrayList<>());
        }
        counter.profile = true;
        counter.drainProfile();
        counter.drainTimes();
        int calls = 20;
        List<Long> times = new ArrayList<>();
        long[] before = counter.snapshot();
        for (int i = 0; i < calls; i++) {
          long t = System.nanoTime();
          path.getValue().run(new ArrayList<>());
          times.add(System.nanoTime() - t);
        }
        long[] after = counter.snapshot();
        counter.profile = false;
        Map<String, Double> spent = counter.drainTimes();
        line("### W2 statements per page at " + level + " open tasks (" + path.getKey() + "; page p50 "
            + ms(percentile(times, 50)) + " ms, p95 " + ms(percentile(times, 95)) + " ms; per page "
            + perRequest(after[0] - before[0], calls) + " statements, " + perRequest(after[2] - before[2], calls)
            + " commits)");
        line("");
        line("| per page | ms per page | SQL |");
        line("| ---: | ---: | --- |");
        for (Map.Entry<String, Long> entry : counter.drainProfile()) {
          String sql = entry.getKey();
          line("| " + String.format("%.2f", entry.getValue() / (double) calls) + " | " + String.format("%.2f",
              spent.getOrDefault(sql, 0.0) / calls) + " | `" + (sql.length() > 300 && !Boolean.getBoolean(
              "isms.benchmark.profile.full-sql") ? sql.substring(0, 300) + "…" : sql).replace("|", "\\|") + "` |");
        }
        line("");
      }
    }
  }

  private static void seed(ProcessEngine engine, int target) throws Exception {
    long missing = target - engine.getTaskService().createTaskQuery().count();
    if (missing <= 0) {
      return;
    }
    AtomicLong next = new AtomicLong(engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("benchOpen").count());
    long end = next.get() + missing;
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < 2; t++) {
      futures.add(pool.submit(() -> {
        for (long i; (i = next.getAndIncrement()) < end; ) {
          Map<String, Object> variables = new HashMap<>();
          variables.put("group", i % 20 == 0 ? "department-head.development" : "department-head.bench-" + i % 19);
          variables.put("businessKey", "BN-" + i);
          variables.put("requesterName", "利用者 " + i % 97);
          variables.put("flowName", "情報資産の社外持ち出し申請");
          variables.put("requester", "user" + i % 97);
          for (int v = 0; v < 8; v++) {
            variables.put("field" + v, "値 " + v + " / " + i);
          }
          engine.getRuntimeService().startProcessInstanceByKey("benchOpen", "BN-" + i, variables);
        }
        return null;
      }));
    }
    for (Future<?> future : futures) {
      future.get();
    }
    pool.shutdown();
    // autovacuum analyses a table after enough changes; a benchmark right after a bulk seed must not measure the
    // planner's guesses on statistics that a running system would long have refreshed
    try (var connection = engine.getProcessEngineConfiguration().getDataSource().getConnection();
        var statement = connection.createStatement()) {
      if (connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")) {
        statement.execute("analyze");
      }
    }
  }

  // --- W4 / W5 ---------------------------------------------------------------------------------------------------

  /** Start-up s, RSS idle, W1 requests/s, RSS after W1, peak RSS; null when it did not start. */
  private static double[] spawn(PostgresDatabase database, String heap, boolean ratioColumns) throws Exception {
    String empty = ratioColumns ? " | |" : "";
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    String setting = heap.startsWith(BARE) ? heap.substring(BARE.length()) : heap;
    if (setting.startsWith("-X")) {
      command.add(setting.split(" ")[0]);
    }
    String classPath = applicationClassPath();
    boolean bare = heap.startsWith(BARE);
    if (bare) {
      // the baseline application lives in the test classes (with its BPMN), next to the same libraries
      classPath = classPath + java.io.File.pathSeparator + testClassesDirectory();
    }
    if (heap.endsWith("+ CDS")) {
      Cds cds = cds();
      if (cds == null) {
        line("| " + heap + " | no CDS archive (training run failed) | | | | | |" + empty);
        return null;
      }
      command.addAll(List.of("-XX:SharedArchiveFile=" + cds.archive(), "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
      classPath = cds.classPath();
    }
    if (bare) {
      command.addAll(List.of("-cp", classPath, bench.bare.BareEngineApplication.class.getName(),
          "--spring.config.name=bare", "--spring.datasource.url=" + database.url(),
          "--spring.datasource.username=" + database.user(), "--spring.datasource.password=",
          "--spring.flyway.enabled=false", "--server.port=" + port, "--camunda.bpm.admin-user.id=ito",
          "--camunda.bpm.admin-user.password=" + PASSWORD, "--camunda.bpm.history-level=full",
          "--camunda.bpm.deployment-resource-pattern=classpath*:bench/*.bpmn"));
    } else {
      command.addAll(List.of("-cp", classPath, IsmsApplication.class.getName(),
          "--spring.profiles.active=postgres", "--ISMS_DB_URL=" + database.url(), "--ISMS_DB_USER=" + database.user(),
          "--ISMS_DB_PASSWORD=", "--server.port=" + port, "--isms.demo.enabled=true",
          "--isms.demo.allow-in-production=true", "--isms.mail.dispatcher.enabled=false"));
    }
    Path log = Files.createTempFile("isms-bench", ".log");
    long started = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    String base = "http://localhost:" + port;
    try {
      double startup = -1;
      long deadline = started + TimeUnit.SECONDS.toNanos(180);
      while (System.nanoTime() < deadline && process.isAlive()) {
        try {
          HttpResponse<String> response = raw(base, "GET", "/engine-rest/task/count", "ito", null);
          if (response.statusCode() == 200) {
            startup = (System.nanoTime() - started) / 1e9;
            break;
          }
        } catch (IOException e) {
          // not listening yet
        }
        Thread.sleep(50);
      }
      if (startup < 0) {
        line("| " + heap + " | did not start (see " + log + ") | | | | | |" + empty);
        return null;
      }
      Thread.sleep(10_000);
      long idle = rss(process.pid(), "VmRSS");
      AtomicLong requests = new AtomicLong();
      ExecutorService pool = Executors.newFixedThreadPool(4);
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS * 3L);
      long loadStarted = System.nanoTime();
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        futures.add(pool.submit(() -> {
          while (System.nanoTime() < end) {
            try {
              if (bare) {
                bareRestAs(base, "ito", new ArrayList<>());
              } else {
                productRequest(base, new ArrayList<>());
              }
              requests.incrementAndGet();
            } catch (Exception e) {
              System.out.println("benchmark error: " + e);
            }
          }
          return null;
        }));
      }
      for (Future<?> future : futures) {
        future.get();
      }
      pool.shutdown();
      double throughput = requests.get() * 1e9 / (System.nanoTime() - loadStarted);
      long after = rss(process.pid(), "VmRSS");
      long fileBacked = rss(process.pid(), "RssFile");
      long peak = rss(process.pid(), "VmHWM");
      line("| " + heap + " | " + String.format("%.1f", startup) + " | " + idle + " | " + String.format("%.1f",
          throughput) + " | " + after + " | " + fileBacked + " | " + peak + " |" + empty);
      return new double[] {startup, idle, throughput, after, peak, fileBacked};
    } finally {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  /**
   * The JVM as it sizes itself in a container limited to 1 GB: it takes its memory from the limit instead of the
   * machine's 24 GB, so its own ergonomics choose a heap of a quarter of it (256 MB) and, below 1,792 MB, the serial
   * collector instead of G1.
   */
  static final String CONTAINER = "-XX:MaxRAM=1g (as in a container limited to 1 GB)";
  /** W4/W5 start-ups: two heap settings, each without and with the class data sharing archive; the JVM as in a container. */
  static final List<String> HEAPS = List.of("default", "-Xmx256m", "default + CDS", "-Xmx256m + CDS", CONTAINER);
  /**
   * The baseline of W4/W5: the stock Camunda starter without the product ({@code BareEngineApplication}), its W1
   * load baseline b's three REST calls on the bare process.
   */
  static final String BARE = "bare engine (stock starter), ";
  static final List<String> BARE_HEAPS = List.of(BARE + "default", BARE + "-Xmx256m", BARE + CONTAINER);

  private static String testClassesDirectory() {
    return testClassPath().filter(entry -> entry.contains("test-classes")).findFirst().orElseThrow();
  }

  record Cds(String classPath, Path archive) {
  }

  private static Cds cds;
  private static boolean cdsTried;

  /**
   * The class data sharing archive, made once per run as the Dockerfile makes it: the project's classes as a jar
   * (CDS archives classes from jars only), then a training run that starts the application on an in-memory H2 and
   * exits after the context refresh, writing the classes it loaded to the archive. Null if that failed.
   */
  private static synchronized Cds cds() throws Exception {
    if (cdsTried) {
      return cds;
    }
    cdsTried = true;
    Path folder = Path.of("target", "benchmarks", "cds").toAbsolutePath();
    Files.createDirectories(folder);
    Path classes = applicationClassPathEntries().stream().filter(entry -> !entry.endsWith(".jar")).map(Path::of)
        .findFirst().orElseThrow();
    Path jar = folder.resolve("isms-classes.jar");
    try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar));
        var paths = Files.walk(classes)) {
      for (Path path : paths.sorted().toList()) {
        String name = classes.relativize(path).toString().replace(java.io.File.separatorChar, '/');
        if (name.isEmpty()) {
          continue;
        }
        // directory entries too: Spring's component scan and the deployment's classpath*: patterns list them
        out.putNextEntry(new java.util.jar.JarEntry(Files.isDirectory(path) ? name + "/" : name));
        if (!Files.isDirectory(path)) {
          Files.copy(path, out);
        }
        out.closeEntry();
      }
    }
    String classPath = applicationClassPathEntries().stream().map(entry -> entry.endsWith(".jar") ? entry
        : jar.toString()).collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    Path archive = folder.resolve("isms.jsa");
    Files.deleteIfExists(archive);
    Path log = folder.resolve("training.log");
    Process training = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh", "-cp", classPath,
        IsmsApplication.class.getName(), "--spring.datasource.url=jdbc:h2:mem:cds", "--isms.demo.enabled=false",
        "--server.port=0", "--logging.level.root=warn").redirectErrorStream(true).redirectOutput(log.toFile())
        .start();
    if (!training.waitFor(300, TimeUnit.SECONDS)) {
      training.destroyForcibly();
    }
    if (training.exitValue() != 0 || !Files.exists(archive)) {
      System.out.println("benchmark: CDS training run failed, see " + log);
      return null;
    }
    cds = new Cds(classPath, archive);
    return cds;
  }

  private static long rss(long pid, String field) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
      if (line.startsWith(field + ":")) {
        return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
      }
    }
    return -1;
  }

  /** The test's class path without the project folder itself, which would deploy bpmn/ twice. */
  private static String applicationClassPath() {
    return String.join(java.io.File.pathSeparator, applicationClassPathEntries());
  }

  /**
   * The product's classes and its runtime libraries, as the jar ships them: the list Maven writes for the benchmark
   * profile (runtime scope, no test libraries such as the OpenID provider or the browser driver, whose
   * auto-configurations and classes would otherwise be loaded too); without that file, the test JVM's jars.
   */
  private static List<String> applicationClassPathEntries() {
    List<String> classes = testClassPath()
        .filter(entry -> entry.endsWith("classes") || entry.endsWith("classes/"))
        .filter(entry -> !entry.contains("test-classes"))
        .toList();
    String file = System.getProperty("isms.benchmark.runtime-classpath", "");
    List<String> libraries;
    try {
      libraries = !file.isBlank() && Files.exists(Path.of(file))
          ? java.util.Arrays.stream(Files.readString(Path.of(file)).strip().split(java.io.File.pathSeparator))
              .filter(entry -> !entry.isBlank()).toList()
          : testClassPath().filter(entry -> entry.endsWith(".jar")).toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    List<String> entries = new ArrayList<>(classes);
    entries.addAll(libraries);
    return entries;
  }

  /** The class path of the test JVM, as surefire assembled it. */
  private static java.util.stream.Stream<String> testClassPath() {
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return java.util.Arrays.stream(classPath.split(java.io.File.pathSeparator));
  }

  /** The Tasklist web app's session: cookie and CSRF token after one form login. */
  static final class WebappSession {
    private final String base;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String csrf;

    WebappSession(String base) throws Exception {
      this.base = base;
      remember(HTTP.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/welcome/default/")).GET().build(),
          HttpResponse.BodyHandlers.ofString()));
    }

    void login(String user) throws Exception {
      String form = "username=" + user + "&password=" + java.net.URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
      HttpResponse<String> response = HTTP.send(request("/camunda/api/admin/auth/user/default/login/tasklist")
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
      remember(response);
      expect(response, 200);
      // the login starts a new session: fetch the token bound to it, as the web app does on its next GET
      remember(HTTP.send(request("/camunda/api/admin/auth/user/default").setHeader("X-XSRF-TOKEN", "Fetch").GET()
          .build(), HttpResponse.BodyHandlers.ofString()));
    }

    HttpResponse<String> post(String path, String body) throws Exception {
      HttpResponse<String> response = HTTP.send(request(path).header("Content-Type", "application/json")
          .header("Accept", "application/hal+json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      remember(response);
      return response;
    }

    private HttpRequest.Builder request(String path) {
      HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
      if (!cookies.isEmpty()) {
        builder.header("Cookie", String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "="
            + e.getValue()).toList()));
      }
      if (csrf != null) {
        builder.setHeader("X-XSRF-TOKEN", csrf);
      }
      return builder;
    }

    private void remember(HttpResponse<?> response) {
      for (String setCookie : response.headers().allValues("Set-Cookie")) {
        String[] pair = setCookie.split(";", 2)[0].split("=", 2);
        cookies.put(pair[0], pair.length > 1 ? pair[1] : "");
        if (pair[0].equals("XSRF-TOKEN")) {
          csrf = pair[1];
        }
      }
      response.headers().firstValue("X-XSRF-TOKEN").filter(v -> !v.isBlank()).ifPresent(v -> csrf = v);
    }
  }

  // --- helpers ---------------------------------------------------------------------------------------------------

  /** CPU model and count, memory, load average: what the numbers were measured on. */
  static String machine() {
    String cpu = "?";
    String memory = "?";
    try {
      cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("?");
      memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
          .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024 + " MB").findFirst().orElse("?");
    } catch (IOException e) {
      // not Linux: leave the question marks
    }
    return Runtime.getRuntime().availableProcessors() + " × " + cpu + ", " + memory + " memory, load average at "
        + "the start " + loadAverage();
  }

  static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return fields[0] + " / " + fields[1] + " / " + fields[2] + " (1 / 5 / 15 min)";
    } catch (IOException e) {
      return "?";
    }
  }

  private static HttpResponse<String> raw(String base, String method, String path, String user, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD)
            .getBytes(StandardCharsets.UTF_8)));
    if (path.contains("/filter/")) {
      request.header("Accept", "application/hal+json");
    } else {
      request.header("Accept", "application/json");
    }
    if (body == null) {
      request.GET();
    } else {
      request.header("Content-Type", "application/json").method(method,
          HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static HttpResponse<String> send(String base, String method, String path, String user, String body)
      throws IOException, InterruptedException {
    return raw(base, method, path, user, body);
  }

  private static String expect(HttpResponse<String> response, int status) {
    if (response.statusCode() != status && !(status == 204 && response.statusCode() == 200)) {
      throw new IllegalStateException(response.statusCode() + " " + response.uri() + ": " + response.body());
    }
    return response.body();
  }

  private static String percentiles(List<Long> nanos) {
    return ms(percentile(nanos, 50)) + " / " + ms(percentile(nanos, 95)) + " / " + ms(percentile(nanos, 99));
  }

  private static long percentile(List<Long> values, int p) {
    if (values.isEmpty()) {
      return 0;
    }
    List<Long> sorted = new ArrayList<>(values);
    sorted.sort(Long::compare);
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }

  private static long median(List<Long> values) {
    return percentile(values, 50);
  }

  private static double medianDouble(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(Double::compare);
    return sorted.get(sorted.size() / 2);
  }

  private static String ms(long nanos) {
    return String.format("%.1f", nanos / 1e6);
  }

  private static String perRequest(long count, long requests) {
    return requests == 0 ? "-" : String.format("%.1f", (double) count / requests);
  }

  private static void line(String text) {
    REPORT.append(text).append('\n');
  }
}
