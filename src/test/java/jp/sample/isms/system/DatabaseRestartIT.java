package jp.sample.isms.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jp.sample.isms.IsmsApplication;
import jp.sample.isms.support.RestCalls;
import jp.sample.isms.support.RestCalls.Call;
import jp.sample.isms.support.DemoOrganisation;

/**
 * The PostgreSQL server goes away under load and comes back (same data directory, same port): while it is away every
 * REST call fails fast with 503 + Retry-After (never a hang, never a 500); afterwards the running application recovers
 * by itself; nothing it acknowledged is lost; the job executor and the mail outbox work again.
 */
@Tag("postgres")
class DatabaseRestartIT {

  /** requester → the head of their department, who approves an INTERNAL take-out. */
  static final Map<String, String> PAIRS = Map.of(DemoOrganisation.DESIGN_EMPLOYEE, DemoOrganisation.DEVELOPMENT_HEAD,
      DemoOrganisation.DESIGN_CHIEF, DemoOrganisation.DEVELOPMENT_HEAD, DemoOrganisation.GENERAL_AFFAIRS_EMPLOYEE,
      DemoOrganisation.SYSTEM_ADMINISTRATOR,
      DemoOrganisation.PRODUCTION_EMPLOYEE, DemoOrganisation.MANUFACTURING_HEAD, DemoOrganisation.PRODUCTION_CHIEF,
          DemoOrganisation.MANUFACTURING_HEAD);
  static final int CLIENTS = 12;
  static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(2);
  /** No call may take longer than the pool's connection timeout plus this. */
  static final long MAX_CALL_MILLIS = CONNECTION_TIMEOUT.toMillis() + 5_000;
  static final Duration LOAD_BEFORE = Duration.ofSeconds(10);
  static final Duration OUTAGE = Duration.ofSeconds(8);
  static final Duration RECOVERY_LIMIT = Duration.ofSeconds(30);

  /** One REST call as the client saw it, times in ms since the test's clients started. */
  record Sample(String kind, long start, long end, Call call) {
  }

  record Filing(String instanceId, String businessKey) {
  }

  private final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<Filing> filed = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<String> approved = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<String> pendingAtEnd = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean stop = new AtomicBoolean();
  private long t0;

  @Test
  void aPostgresRestartUnderLoadFailsFastRecoversAndLosesNothing() throws Exception {
    Path dataDirectory = Files.createTempDirectory("isms-restart-pg");
    int port = freePort();
    EmbeddedPostgres postgres = startPostgres(dataDirectory, port);
    ConfigurableApplicationContext context = null;
    try {
      context = new SpringApplicationBuilder(IsmsApplication.class).profiles("postgres").run(
          "--ISMS_DB_URL=jdbc:postgresql://localhost:" + port + "/postgres", "--ISMS_DB_USER=postgres",
          "--ISMS_DB_PASSWORD=", "--ISMS_DB_CONNECTION_TIMEOUT_MS=" + CONNECTION_TIMEOUT.toMillis(),
          "--server.port=0", "--isms.demo.enabled=true", "--isms.demo.allow-in-production=true",
          "--isms.mail.transport=log", "--isms.mail.dispatch-interval=PT1S",
          "--camunda.bpm.job-execution.wait-time-in-millis=1000",
          "--camunda.bpm.job-execution.max-wait=5000",
          "--logging.level.root=warn", "--logging.level.jp.sample.isms.notification=warn",
          "--logging.level.org.camunda.bpm.engine.jobexecutor=error",
          "--logging.level.org.camunda.bpm.engine.context=off",
          "--logging.level.com.zaxxer.hikari=error");
      String base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
      RestCalls rest = new RestCalls(base, Duration.ofSeconds(60));

      // warm-up (first logins, first filings of the year): one request per requester, filed and approved
      t0 = System.currentTimeMillis();
      for (Map.Entry<String, String> pair : PAIRS.entrySet()) {
        Call filing = rest.fileTakeOut(pair.getKey());
        assertThat(filing.status()).as("warm-up filing %s", filing.text()).isEqualTo(200);
        Call[] query = new Call[1];
        String task = rest.openTask(pair.getValue(), filing.body().get("id").asText(), query);
        assertThat(task).as("warm-up task %s", query[0].text()).isNotNull();
        assertThat(rest.approve(pair.getValue(), task).status()).as("warm-up approval").isEqualTo(204);
      }
      System.out.printf("warm-up: %d ms%n", System.currentTimeMillis() - t0);

      // the clients: file, then approve; an approval that failed is tried again on the next round
      t0 = System.currentTimeMillis();
      ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
      List<String> requesters = new ArrayList<>(PAIRS.keySet());
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        String requester = requesters.get(c % requesters.size());
        running.add(clients.submit(() -> client(rest, requester, PAIRS.get(requester))));
      }

      Thread.sleep(LOAD_BEFORE.toMillis());
      long stopBegin = now();
      postgres.close(); // pg_ctl stop -m fast: the server is gone, the application's connections with it
      long outageBegin = now();
      Thread.sleep(OUTAGE.toMillis());
      long restartBegin = now();
      postgres = startPostgres(dataDirectory, port);
      long restarted = now();

      // recovery: a filing and an approval both started after the server was back and acknowledged
      long recoveredAt = -1;
      while (now() < restarted + RECOVERY_LIMIT.toMillis() + 10_000) {
        long file = firstOk("file", restarted);
        long approve = firstOk("approve", restarted);
        if (file >= 0 && approve >= 0) {
          recoveredAt = Math.max(file, approve);
          break;
        }
        Thread.sleep(200);
      }
      Thread.sleep(5_000); // some load after the recovery
      stop.set(true);
      clients.shutdown();
      assertThat(clients.awaitTermination(120, TimeUnit.SECONDS)).as("clients finished").isTrue();
      for (Future<?> client : running) {
        client.get(); // a client's own failure fails the test
      }
      long loadEnd = now();
      int approvedLater = approvePending(rest);

      JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
      Figures figures = reconcile(jdbc, stopBegin, outageBegin, restartBegin, restarted, recoveredAt, loadEnd,
          approvedLater);

      // the engine's job executor works again: take-out return reminders made due now are executed once each
      ManagementService management = context.getBean(ManagementService.class);
      List<String> reminded = approved.stream().limit(5).toList();
      List<String> timers = new ArrayList<>();
      for (String instance : reminded) {
        Job timer = management.createJobQuery().processInstanceId(instance).timers()
            .activityId("BoundaryEvent_ReturnOverdue").singleResult();
        assertThat(timer).as("return timer of %s", instance).isNotNull();
        management.setJobDuedate(timer.getId(), new java.util.Date());
        timers.add(timer.getId());
      }
      long jobsDueAt = System.currentTimeMillis();
      long jobsDone = -1;
      while (System.currentTimeMillis() < jobsDueAt + 60_000) {
        if (timers.stream().allMatch(id -> management.createJobQuery().jobId(id).count() == 0)) {
          jobsDone = System.currentTimeMillis();
          break;
        }
        Thread.sleep(250);
      }
      assertThat(jobsDone).as("the job executor executed the timers made due after the restart").isPositive();
      for (String instance : reminded) {
        assertThat(jdbc.queryForObject("select count(*) from audit_record where process_instance_id = ? "
            + "and outcome = 'REMINDED'", Integer.class, instance)).as("reminder of %s", instance).isEqualTo(1);
      }

      // the mail outbox drains after the restart: every row sent, some of them queued and sent after it
      long outboxDeadline = System.currentTimeMillis() + 60_000;
      int unsent = Integer.MAX_VALUE;
      while (System.currentTimeMillis() < outboxDeadline) {
        unsent = jdbc.queryForObject("select count(*) from mail_outbox where status <> 'SENT'", Integer.class);
        if (unsent == 0) {
          break;
        }
        Thread.sleep(500);
      }
      int outboxRows = jdbc.queryForObject("select count(*) from mail_outbox", Integer.class);
      int sentAfterRestart = jdbc.queryForObject("select count(*) from mail_outbox where sent_at > ?", Integer.class,
          new java.sql.Timestamp(t0 + restarted));

      String report = figures.report() + String.format("""
          | return-reminder timers made due after the restart / executed once each | %d / %d (in %.1f s) |
          | mail outbox rows / unsent at the end / sent after the restart | %d / %d / %d |
          """, timers.size(), reminded.size(), (jobsDone - jobsDueAt) / 1000.0, outboxRows, unsent, sentAfterRestart);
      System.out.println(report);
      Files.createDirectories(Path.of("target", "reliability"));
      Files.writeString(Path.of("target", "reliability", "database-restart.md"), report);
      figures.assertAll();
      assertThat(unsent).as("mail outbox rows not sent at the end").isZero();
      assertThat(sentAfterRestart).as("outbox rows sent after the restart").isPositive();
    } finally {
      stop.set(true);
      if (context != null) {
        context.close();
      }
      postgres.close();
      try (Stream<Path> files = Files.walk(dataDirectory)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** One client: files as the requester, approves as the approver, until told to stop. */
  private Void client(RestCalls rest, String requester, String approver) throws InterruptedException {
    Deque<String> pending = new ArrayDeque<>();
    while (!stop.get()) {
      String earlier = pending.poll();
      if (earlier != null && !approve(rest, approver, earlier, pending)) {
        Thread.sleep(200);
        continue;
      }
      long start = now();
      Call filing = rest.fileTakeOut(requester);
      samples.add(new Sample("file", start, now(), filing));
      if (!filing.ok()) {
        Thread.sleep(200); // a client does not hammer a failing server
        continue;
      }
      String instance = filing.body().get("id").asText();
      filed.add(new Filing(instance, filing.body().path("businessKey").asText(null)));
      if (!approve(rest, approver, instance, pending)) {
        Thread.sleep(200);
      }
    }
    pendingAtEnd.addAll(pending);
    return null;
  }

  /** Finds the approval task and approves it; on failure the instance goes back to {@code pending}. */
  private boolean approve(RestCalls rest, String approver, String instance, Deque<String> pending) {
    Call[] query = new Call[1];
    long start = now();
    String task = rest.openTask(approver, instance, query);
    samples.add(new Sample("task", start, now(), query[0]));
    if (task == null) {
      if (!query[0].ok()) {
        pending.add(instance);
      }
      return query[0].ok();
    }
    start = now();
    Call decision = rest.approve(approver, task);
    samples.add(new Sample("approve", start, now(), decision));
    if (decision.ok()) {
      approved.add(instance);
      return true;
    }
    pending.add(instance);
    return false;
  }

  /** After the load: the approvals the clients still owed, one by one. */
  private int approvePending(RestCalls rest) {
    int done = 0;
    for (String instance : pendingAtEnd) {
      String approver = null;
      // the requester is not known here: every approver tries; only the right one sees the task
      for (String candidate : new java.util.LinkedHashSet<>(PAIRS.values())) {
        Call[] query = new Call[1];
        String task = rest.openTask(candidate, instance, query);
        if (task != null) {
          approver = candidate;
          Call decision = rest.approve(approver, task);
          if (decision.ok()) {
            approved.add(instance);
            done++;
          }
          break;
        }
      }
    }
    return done;
  }

  private long firstOk(String kind, long after) {
    return samples.stream().filter(s -> s.kind().equals(kind) && s.start() >= after && s.call().ok())
        .mapToLong(Sample::end).min().orElse(-1);
  }

  private long now() {
    return System.currentTimeMillis() - t0;
  }

  record Figures(int calls, int ok, int unavailable, int serverErrors, int noAnswer, int other, int outageCalls,
      int outage503WithRetryAfter, List<String> outageOther, long slowestOutageCall, long slowestCall, int filings,
      int approvals, int approvedLater, int lostFilings, int lostApprovals, double recoverySeconds,
      double outageSeconds, List<String> examples) {

    String report() {
      return String.format("""
          ## PostgreSQL restart under load (DatabaseRestartIT): %d clients, server away %.1f s
          | | value |
          | --- | ---: |
          | REST calls | %d |
          | 2xx / 503 / 500 / no answer / other | %d / %d / %d / %d / %d |
          | calls during the outage / of them 503 with Retry-After | %d / %d |
          | slowest call during the outage / overall (ms) | %d / %d |
          | recovery: server back → first filing and approval acknowledged (s) | %.1f |
          | filings acknowledged / lost | %d / %d |
          | approvals acknowledged (of them after the load) / lost | %d (%d) / %d |
          """, CLIENTS, outageSeconds, calls, ok, unavailable, serverErrors, noAnswer, other, outageCalls,
          outage503WithRetryAfter, slowestOutageCall, slowestCall, recoverySeconds, filings, lostFilings, approvals,
          approvedLater, lostApprovals) + (examples.isEmpty() ? "" : "other answers: " + examples + "\n");
    }

    void assertAll() {
      assertThat(outageCalls).as("calls made while the server was away").isPositive();
      assertThat(outage503WithRetryAfter).as("503 + Retry-After while the server was away").isPositive();
      assertThat(outageOther).as("answers other than 503 + Retry-After while the server was away").isEmpty();
      assertThat(serverErrors).as("500 answers").isZero();
      assertThat(noAnswer).as("calls without an answer (hung or dropped)").isZero();
      assertThat(slowestOutageCall).as("slowest call around the outage (ms)").isLessThanOrEqualTo(MAX_CALL_MILLIS);
      assertThat(recoverySeconds).as("recovery (s)").isBetween(0.0, (double) RECOVERY_LIMIT.toSeconds());
      assertThat(filings).as("filings acknowledged").isPositive();
      assertThat(approvals).as("approvals acknowledged").isPositive();
      assertThat(lostFilings).as("acknowledged filings missing afterwards").isZero();
      assertThat(lostApprovals).as("acknowledged approvals missing afterwards").isZero();
    }
  }

  private Figures reconcile(JdbcTemplate jdbc, long stopBegin, long outageBegin, long restartBegin, long restarted,
      long recoveredAt, long loadEnd, int approvedLater) {
    List<Sample> all = new ArrayList<>(samples);
    int ok = 0, unavailable = 0, serverErrors = 0, noAnswer = 0, other = 0;
    List<String> examples = new ArrayList<>();
    for (Sample s : all) {
      int status = s.call().status();
      if (s.call().ok()) {
        ok++;
      } else if (status == 503) {
        unavailable++;
      } else if (status == 500) {
        serverErrors++;
      } else if (status == 0) {
        noAnswer++;
      } else {
        other++;
      }
      if (!s.call().ok() && status != 503 && examples.size() < 5) {
        examples.add(s.kind() + " " + status + " " + abbreviate(s.call().text() != null ? s.call().text()
            : s.call().error()));
      }
    }
    // around the outage: every call that was under way at some moment between the stop and the server being back
    List<Sample> outage = all.stream().filter(s -> s.end() >= stopBegin && s.start() <= restarted).toList();
    // while it was away: calls started after the stop completed and answered before the restart began
    List<Sample> away = outage.stream().filter(s -> s.start() >= outageBegin && s.end() <= restartBegin).toList();
    int outage503 = (int) away.stream().filter(s -> s.call().status() == 503 && s.call().retryAfter() != null).count();
    List<String> outageOther = away.stream().filter(s -> !(s.call().status() == 503 && s.call().retryAfter() != null))
        .map(s -> s.kind() + " " + s.call().status() + " " + abbreviate(s.call().text())).limit(5).toList();
    long slowestOutage = outage.stream().mapToLong(s -> s.call().millis()).max().orElse(0);
    outage.stream().filter(s -> s.call().millis() > MAX_CALL_MILLIS).limit(5).forEach(s -> examples.add(
        "slow " + s.kind() + " from " + (s.start() - stopBegin) + " ms after the stop, " + s.call().millis() + " ms, "
            + s.call().status()));
    long slowest = all.stream().mapToLong(s -> s.call().millis()).max().orElse(0);

    int lostFilings = 0;
    for (Filing filing : filed) {
      Integer instances = jdbc.queryForObject("select count(*) from ACT_HI_PROCINST where ID_ = ? and BUSINESS_KEY_ = ?",
          Integer.class, filing.instanceId(), filing.businessKey());
      Integer records = jdbc.queryForObject("select count(*) from audit_record where process_instance_id = ? "
          + "and business_key = ? and outcome = 'FILED'", Integer.class, filing.instanceId(), filing.businessKey());
      lostFilings += filing.businessKey() != null && instances == 1 && records == 1 ? 0 : 1;
    }
    int lostApprovals = 0;
    for (String instance : approved) {
      Integer completed = jdbc.queryForObject("select count(*) from ACT_HI_TASKINST where PROC_INST_ID_ = ? "
          + "and TASK_DEF_KEY_ = 'UserTask_ApproveTakeOut' and END_TIME_ is not null and DELETE_REASON_ = 'completed'",
          Integer.class, instance);
      Integer decisions = jdbc.queryForObject("select count(*) from audit_record where process_instance_id = ? "
          + "and step = 'UserTask_ApproveTakeOut' and outcome = 'APPROVED'", Integer.class, instance);
      Integer returnTasks = jdbc.queryForObject("select count(*) from ACT_RU_TASK where PROC_INST_ID_ = ? "
          + "and TASK_DEF_KEY_ = 'UserTask_ReportReturn'", Integer.class, instance);
      lostApprovals += completed == 1 && decisions == 1 && returnTasks == 1 ? 0 : 1;
    }
    return new Figures(all.size(), ok, unavailable, serverErrors, noAnswer, other, away.size(), outage503,
        outageOther, slowestOutage, slowest, filed.size(), approved.size(), approvedLater, lostFilings, lostApprovals,
        recoveredAt < 0 ? -1 : (recoveredAt - restarted) / 1000.0, (restarted - stopBegin) / 1000.0, examples);
  }

  private static String abbreviate(String text) {
    if (text == null) {
      return "";
    }
    String flat = text.replaceAll("\\s+", " ");
    return flat.length() <= 200 ? flat : flat.substring(0, 200) + "…";
  }

  private static EmbeddedPostgres startPostgres(Path dataDirectory, int port) throws IOException {
    return EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false).setPort(port)
        .setPGStartupWait(Duration.ofSeconds(60)).start();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
