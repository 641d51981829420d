package jp.sample.isms.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import jp.sample.isms.IsmsApplication;
import jp.sample.isms.support.PostgresDatabase;
import jp.sample.isms.support.Requests;

/**
 * The load test (docs/performance.md): {@code isms.load.users} (50) concurrent users filing INTERNAL take-outs and approving them
 * through the REST API on PostgreSQL for {@code isms.load.seconds} (120), then a reconciliation: every acknowledged
 * filing and approval is in the database. Not part of the test command:
 * {@code ./mvnw -q test -Dtest=LoadTest -Disms.load=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class LoadTest {

  /** requester → the head of their department, who approves. */
  static final Map<String, String> PAIRS = Map.of("yamamoto", "ito", "watanabe", "ito", "kato", "suzuki",
      "kobayashi", "takahashi", "nakamura", "takahashi");

  @Test
  void fiftyUsersFileAndApproveOnPostgres() throws Exception {
    Assumptions.assumeTrue(Boolean.getBoolean("isms.load"), "load test: run with -Disms.load=true");
    int users = Integer.getInteger("isms.load.users", 50);
    int seconds = Integer.getInteger("isms.load.seconds", 120);
    try (PostgresDatabase database = PostgresDatabase.create()) {
      ConfigurableApplicationContext context = new SpringApplicationBuilder(IsmsApplication.class)
          .profiles("postgres").run("--ISMS_DB_URL=" + database.url(), "--ISMS_DB_USER=" + database.user(),
              "--ISMS_DB_PASSWORD=", "--server.port=0", "--isms.demo.enabled=true",
              "--isms.demo.allow-in-production=true", "--isms.mail.dispatcher.enabled=false",
              "--logging.level.root=warn", "--spring.datasource.hikari.maximum-pool-size=30");
      try {
        run(context, users, seconds);
      } finally {
        context.close();
      }
    }
  }

  private void run(ConfigurableApplicationContext context, int users, int seconds) throws Exception {
    TestRestTemplate rest = new TestRestTemplate();
    String base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    List<String> requesters = new ArrayList<>(PAIRS.keySet());
    ConcurrentLinkedQueue<String> filed = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<String> approved = new ConcurrentLinkedQueue<>();
    List<Long> fileMillis = Collections.synchronizedList(new ArrayList<>());
    List<Long> approveMillis = Collections.synchronizedList(new ArrayList<>());
    ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
    AtomicInteger calls = new AtomicInteger();
    long end = System.currentTimeMillis() + seconds * 1000L;
    ExecutorService pool = Executors.newFixedThreadPool(users);
    for (int u = 0; u < users; u++) {
      String requester = requesters.get(u % requesters.size());
      String approver = PAIRS.get(requester);
      pool.submit(() -> {
        while (System.currentTimeMillis() < end) {
          try {
            long t0 = System.nanoTime();
            ResponseEntity<JsonNode> filing = post(rest, base, requester,
                "/engine-rest/process-definition/key/takeOut/submit-form",
                variables(Requests.internalLaptopTakeOut(requester)));
            calls.incrementAndGet();
            fileMillis.add((System.nanoTime() - t0) / 1_000_000);
            if (!filing.getStatusCode().is2xxSuccessful()) {
              errors.add("file " + filing.getStatusCode() + " " + filing.getBody());
              continue;
            }
            String instance = filing.getBody().get("id").asText();
            filed.add(instance);
            long t1 = System.nanoTime();
            ResponseEntity<JsonNode> tasks = rest.withBasicAuth(approver, "Demo-2026!").getForEntity(
                base + "/engine-rest/task?processInstanceId=" + instance, JsonNode.class);
            String task = tasks.getBody().get(0).get("id").asText();
            ResponseEntity<JsonNode> decision = post(rest, base, approver, "/engine-rest/task/" + task + "/submit-form",
                Map.of("variables", Map.of("decision", Map.of("value", "APPROVED", "type", "String"))));
            calls.addAndGet(2);
            approveMillis.add((System.nanoTime() - t1) / 1_000_000);
            if (decision.getStatusCode().is2xxSuccessful()) {
              approved.add(instance);
            } else {
              errors.add("approve " + decision.getStatusCode() + " " + decision.getBody());
            }
          } catch (RuntimeException e) {
            errors.add(e.toString());
          }
        }
        return null;
      });
    }
    pool.shutdown();
    pool.awaitTermination(seconds + 300L, TimeUnit.SECONDS);

    // reconciliation: everything acknowledged is there
    JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
    int lostFilings = 0;
    for (String instance : filed) {
      Integer count = jdbc.queryForObject("select count(*) from audit_record where process_instance_id = ? "
          + "and outcome = 'FILED'", Integer.class, instance);
      lostFilings += count == 1 ? 0 : 1;
    }
    int lostApprovals = 0;
    for (String instance : approved) {
      Integer count = jdbc.queryForObject("select count(*) from ACT_RU_TASK where PROC_INST_ID_ = ? "
          + "and TASK_DEF_KEY_ = 'UserTask_ReportReturn'", Integer.class, instance);
      lostApprovals += count == 1 ? 0 : 1;
    }
    String report = String.format("""
        ## Load test: %d users, %d s, PostgreSQL
        | | value |
        | --- | ---: |
        | filings acknowledged | %d |
        | approvals acknowledged | %d |
        | requests per second (file + approve pairs) | %.1f |
        | REST calls per second | %.1f |
        | filing p50 / p95 / p99 (ms) | %d / %d / %d |
        | approval (task query + submit) p50 / p95 / p99 (ms) | %d / %d / %d |
        | errors | %d |
        | lost filings / approvals after reconciliation | %d / %d |
        """, users, seconds, filed.size(), approved.size(), approved.size() / (double) seconds,
        calls.get() / (double) seconds, pct(fileMillis, 50), pct(fileMillis, 95), pct(fileMillis, 99),
        pct(approveMillis, 50), pct(approveMillis, 95), pct(approveMillis, 99), errors.size(), lostFilings,
        lostApprovals);
    System.out.println(report);
    errors.stream().limit(5).forEach(System.out::println);
    Files.createDirectories(Path.of("target", "benchmarks"));
    Files.writeString(Path.of("target", "benchmarks", "load.md"), report);
    assertThat(errors).isEmpty();
    assertThat(lostFilings + lostApprovals).isZero();
  }

  private static ResponseEntity<JsonNode> post(TestRestTemplate rest, String base, String user, String path,
      Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, "Demo-2026!").exchange(base + path, HttpMethod.POST, new HttpEntity<>(body, headers),
        JsonNode.class);
  }

  private static Map<String, Object> variables(Map<String, Object> values) {
    Map<String, Object> variables = new java.util.LinkedHashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value,
        "type", value instanceof Boolean ? "Boolean" : "String")));
    return Map.of("variables", variables);
  }

  private static long pct(List<Long> values, int percentile) {
    List<Long> sorted;
    synchronized (values) {
      sorted = new ArrayList<>(values);
    }
    if (sorted.isEmpty()) {
      return 0;
    }
    Collections.sort(sorted);
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
  }
}
