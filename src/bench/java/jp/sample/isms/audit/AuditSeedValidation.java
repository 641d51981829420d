package jp.sample.isms.audit;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

import jp.sample.isms.IsmsApplication;
import jp.sample.isms.support.PostgresDatabase;
import jp.sample.isms.support.Requests;
import jp.sample.isms.support.DemoOrganisation;

/**
 * W3: is the SQL seed of {@link AuditBenchmark} shaped like real requests? One database gets N requests made
 * through the engine (the product's whole path: yamamoto files an INTERNAL take-out, ito approves or — every seventh
 * — rejects it, yamamoto reports the return), another gets N requests from the SQL seed. For both: how the audit
 * tables' columns are filled (null fraction per column), records per request, and the auditor searches' times.
 * Prints a table; asserts nothing about time. Skipped without -Disms.benchmark=true.
 *
 * <pre>
 * ./mvnw -q test -Dtest=AuditSeedValidation -Disms.benchmark=true -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@Tag("benchmark")
class AuditSeedValidation {

  static final int REQUESTS = Integer.getInteger("isms.benchmark.validation.requests", 10_000);

  record Population(String name, Map<String, String> shape, Map<String, String> times, Map<String, String> baseline,
      double recordsPerRequest, long requests, long records, long seconds) {
  }

  @Test
  void engineMadeAndSeededRequestsHaveTheSameShape() throws Exception {
    Assumptions.assumeTrue(Boolean.getBoolean("isms.benchmark"), "benchmark: run with -Disms.benchmark=true");
    Population engine = population("made through the engine", this::throughTheEngine);
    Population seeded = population("SQL seed (AuditBenchmark)", jdbc -> {
      AuditBenchmark.seed(jdbc, REQUESTS);
      return String.format("BM-%06d", REQUESTS / 2);
    });
    StringBuilder report = new StringBuilder();
    report.append("# W3 seed validation: ").append(REQUESTS).append(" requests each (PostgreSQL)\n\n");
    report.append("| | made through the engine | SQL seed |\n| --- | ---: | ---: |\n");
    report.append("| requests / audit records | ").append(engine.requests()).append(" / ").append(engine.records())
        .append(" | ").append(seeded.requests()).append(" / ").append(seeded.records()).append(" |\n");
    report.append("| records per request | ").append(String.format("%.2f", engine.recordsPerRequest())).append(" | ")
        .append(String.format("%.2f", seeded.recordsPerRequest())).append(" |\n");
    report.append("| time to make them | ").append(engine.seconds()).append(" s | ").append(seeded.seconds())
        .append(" s |\n\n");
    report.append("Null fraction per column (1.00 = always empty):\n\n| column | engine | seed | |\n"
        + "| --- | ---: | ---: | --- |\n");
    engine.shape().forEach((column, value) -> {
      String other = seeded.shape().getOrDefault(column, "—");
      boolean differs = (value.equals("1.00")) != (other.equals("1.00")) || (value.equals("0.00")) != (other.equals(
          "0.00"));
      report.append("| ").append(column).append(" | ").append(value).append(" | ").append(other).append(" | ")
          .append(differs ? "**differs**" : "").append(" |\n");
    });
    report.append("\nAuditor calls, p50 / p95 (max) of ").append(AuditBenchmark.RUNS).append(" runs, ms, over HTTP "
        + "as nakamura; baseline: the nearest call of the stock engine REST history API on the engine-made "
        + "requests, as suzuki (camunda-admin), same database, same minute:\n\n"
        + "| call | engine-made | SQL seed | baseline: stock REST history (engine-made) "
        + "| p95 ratio engine-made / baseline | baseline call |\n"
        + "| --- | ---: | ---: | ---: | ---: | --- |\n");
    engine.times().forEach((call, value) -> report.append("| ").append(call).append(" | ").append(value)
        .append(" | ").append(seeded.times().get(call)).append(" | ")
        .append(engine.baseline().getOrDefault(call, "—")).append(" | ")
        .append(p95Ratio(value, engine.baseline().get(call))).append(" | ")
        .append(BASELINE_CALLS.getOrDefault(call, "no equivalent")).append(" |\n"));
    java.nio.file.Path file = java.nio.file.Path.of("target", "benchmarks", "audit-seed-validation.md");
    java.nio.file.Files.createDirectories(file.getParent());
    java.nio.file.Files.writeString(file, report.toString());
    System.out.println(report);
  }

  /** The ratio of the p95 of two "p50 / p95 (max)" figures; a dash without a baseline. */
  static String p95Ratio(String product, String baseline) {
    if (product == null || baseline == null) {
      return "—";
    }
    double denominator = p95(baseline);
    return denominator == 0 ? "—" : String.format("%.2f", p95(product) / denominator);
  }

  private static double p95(String figure) {
    return Double.parseDouble(figure.split(" / ")[1].split(" ")[0]);
  }

  /** Starts the application on a database of its own, fills it, measures it, drops it. */
  private Population population(String name, Function<JdbcTemplate, String> fill) throws Exception {
    try (PostgresDatabase database = PostgresDatabase.create()) {
      ConfigurableApplicationContext context = new SpringApplicationBuilder(IsmsApplication.class).profiles("postgres")
          .run("--ISMS_DB_URL=" + database.url(), "--ISMS_DB_USER=" + database.user(), "--ISMS_DB_PASSWORD=",
              "--server.port=0", "--camunda.bpm.job-execution.enabled=false", "--isms.demo.enabled=true",
              "--isms.demo.allow-in-production=true", "--isms.mail.dispatcher.enabled=false",
              "--logging.level.root=warn");
      try {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        String base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
        long started = System.nanoTime();
        String oneKey = fill.apply(jdbc);
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        jdbc.execute("analyze");
        // the population: the requests with business keys (the seed's and the engine's), not the audit queries
        long requests = jdbc.queryForObject("select count(*) from audit_request", Long.class);
        long records = jdbc.queryForObject("select count(*) from audit_record where business_key is not null",
            Long.class);
        Map<String, String> shape = new LinkedHashMap<>();
        for (String table : List.of("audit_request", "audit_record")) {
          List<String> columns = jdbc.queryForList("select column_name from information_schema.columns where "
              + "table_name = ? order by ordinal_position", String.class, table);
          for (String column : columns) {
            Double nulls = jdbc.queryForObject("select avg(case when " + column + " is null then 1.0 else 0.0 end) "
                + "from " + table + (table.equals("audit_record") ? " where business_key is not null" : ""),
                Double.class);
            shape.put(table + "." + column, String.format("%.2f", nulls == null ? 1.0 : nulls));
          }
        }
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        Map<String, String> calls = new LinkedHashMap<>();
        calls.put("search, no filter (first page)", "/api/audit/requests?size=50");
        calls.put("count, no filter", "/api/audit/requests/count");
        calls.put("search flow=takeOut", "/api/audit/requests?size=50&flow=takeOut");
        calls.put("search outcome=REJECTED", "/api/audit/requests?size=50&outcome=REJECTED");
        calls.put("count outcome=REJECTED", "/api/audit/requests/count?outcome=REJECTED");
        calls.put("search clause=3.2", "/api/audit/requests?size=50&clause=3.2");
        calls.put("search the last 30 days", "/api/audit/requests?size=50&from=" + today.minusDays(30) + "&to="
            + today);
        calls.put("search by business key", "/api/audit/requests?size=50&businessKey=" + oneKey);
        calls.put("timeline of one request", "/api/audit/requests/" + oneKey);
        calls.put("records search (first page)", "/api/audit/records?size=50");
        Map<String, String> times = new LinkedHashMap<>();
        calls.forEach((call, path) -> times.put(call, time(base + path)));
        // the baseline: what the engine's own history API answers for the same questions (engine-made data only:
        // the seed writes the audit tables, not the engine's history)
        Map<String, String> baseline = new LinkedHashMap<>();
        String instanceId = jdbc.queryForList("select PROC_INST_ID_ from ACT_HI_PROCINST where BUSINESS_KEY_ = ?",
            String.class, oneKey).stream().findFirst().orElse(null);
        if (instanceId != null) {
          BASELINE_CALLS.forEach((call, path) -> baseline.put(call, time(base + path
              .replace("{from}", today.minusDays(30) + "T00:00:00.000%2B0900")
              .replace("{to}", today.plusDays(1) + "T00:00:00.000%2B0900")
              .replace("{key}", oneKey).replace("{instance}", instanceId), ADMIN)));
        }
        return new Population(name, shape, times, baseline, (double) records / Math.max(1, requests), requests,
            records, seconds);
      } finally {
        context.close();
      }
    }
  }

  /** N requests through the engine, two at a time: filed, approved or rejected, the return reported. */
  private String throughTheEngine(JdbcTemplate jdbc) {
    // the context is the one just started: its engine is the only one registered
    ProcessEngine engine = org.camunda.bpm.engine.ProcessEngines.getDefaultProcessEngine();
    Requests requests = new Requests(engine);
    String today = LocalDate.now(ZoneId.of("Asia/Tokyo")).toString();
    AtomicInteger next = new AtomicInteger();
    List<String> keys = java.util.Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < 2; t++) {
      futures.add(pool.submit(() -> {
        for (int i; (i = next.getAndIncrement()) < REQUESTS; ) {
          ProcessInstance instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, "takeOut", Requests.internalLaptopTakeOut());
          keys.add(instance.getBusinessKey());
          if (i % 7 == 0) {
            requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, Map.of("decision", "REJECTED", "decisionComment", "今回は不要です"));
          } else {
            requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, Map.of("decision", "APPROVED", "decisionComment", ""));
            requests.complete(DemoOrganisation.DESIGN_EMPLOYEE, instance, Map.of("returnedOn", today, "returnNote", "異常なし"));
          }
        }
        return null;
      }));
    }
    try {
      for (Future<?> future : futures) {
        future.get();
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      pool.shutdown();
    }
    return keys.get(keys.size() / 2);
  }

  /** The stock engine REST history calls nearest to each auditor call (no equivalent for clauses). */
  static final Map<String, String> BASELINE_CALLS = new LinkedHashMap<>();

  static {
    String page = "sortBy=startTime&sortOrder=desc&firstResult=0&maxResults=50";
    BASELINE_CALLS.put("search, no filter (first page)", "/engine-rest/history/process-instance?" + page);
    BASELINE_CALLS.put("count, no filter", "/engine-rest/history/process-instance/count");
    BASELINE_CALLS.put("search flow=takeOut", "/engine-rest/history/process-instance?processDefinitionKey=takeOut&"
        + page);
    BASELINE_CALLS.put("search outcome=REJECTED", "/engine-rest/history/process-instance?"
        + "variables=decision_eq_REJECTED&" + page);
    BASELINE_CALLS.put("count outcome=REJECTED", "/engine-rest/history/process-instance/count?"
        + "variables=decision_eq_REJECTED");
    BASELINE_CALLS.put("search the last 30 days", "/engine-rest/history/process-instance?startedAfter={from}"
        + "&startedBefore={to}&" + page);
    BASELINE_CALLS.put("search by business key", "/engine-rest/history/process-instance?"
        + "processInstanceBusinessKey={key}&" + page);
    BASELINE_CALLS.put("timeline of one request", "/engine-rest/history/activity-instance?processInstanceId="
        + "{instance}&sortBy=startTime&sortOrder=asc");
    BASELINE_CALLS.put("records search (first page)", "/engine-rest/history/user-operation?sortBy=timestamp"
        + "&sortOrder=desc&firstResult=0&maxResults=50");
  }

  static final String ADMIN = "Basic " + java.util.Base64.getEncoder().encodeToString(
      (DemoOrganisation.SYSTEM_ADMINISTRATOR + ":" + DemoOrganisation.PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));

  private static String time(String url) {
    return time(url, AuditBenchmark.AUTH);
  }

  private static String time(String url, String authorization) {
    return AuditBenchmark.time(() -> AuditBenchmark.HTTP.execute(java.net.URI.create(url), HttpMethod.GET,
        request -> request.getHeaders().set("Authorization", authorization),
        response -> response.getBody().readAllBytes()));
  }

}
