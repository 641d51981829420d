package jp.sample.isms.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jp.sample.isms.IsmsApplication;
import jp.sample.isms.support.PostgresDatabase;
import jp.sample.isms.support.RestCalls;
import jp.sample.isms.support.RestCalls.Call;

/**
 * Two application nodes on one PostgreSQL database, as a production installation behind a load balancer: node A in
 * this JVM, node B in a JVM of its own (its own process engine, job executor, mail dispatcher and deadline check —
 * nothing shared but the database and the SMTP server). Requests filed on one node are approved on the other; the
 * return-reminder timers of all of them fall due at once and both job executors race for them; each runs once. Each
 * outbox row becomes exactly one mail although both dispatchers drain the outbox every second.
 */
@Tag("postgres")
class TwoNodesIT {

  static final Map<String, String> PAIRS = DatabaseRestartIT.PAIRS;
  static final int REQUESTS = 30;

  @Test
  void twoNodesShareTheWorkAndDoEachThingOnce() throws Exception {
    GreenMail smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", "smtp"));
    smtp.start();
    PostgresDatabase database = PostgresDatabase.create();
    ConfigurableApplicationContext nodeA = null;
    Process nodeB = null;
    try {
      nodeA = new SpringApplicationBuilder(IsmsApplication.class).profiles("postgres")
          .run(nodeArguments(database, smtp, "node-a", 0).toArray(String[]::new));
      int portB = freePort();
      nodeB = startNodeB(nodeArguments(database, smtp, "node-b", portB));
      RestCalls a = new RestCalls("http://localhost:" + nodeA.getEnvironment().getProperty("local.server.port"),
          Duration.ofSeconds(60));
      RestCalls b = new RestCalls("http://localhost:" + portB, Duration.ofSeconds(60));
      JdbcTemplate jdbc = nodeA.getBean(JdbcTemplate.class);
      ManagementService management = nodeA.getBean(ManagementService.class);

      // (c) filed on one node, approved on the other: even ones A → B, odd ones B → A
      List<String> requesters = new ArrayList<>(PAIRS.keySet());
      ExecutorService clients = Executors.newFixedThreadPool(6);
      List<Future<String>> filings = new ArrayList<>();
      for (int i = 0; i < REQUESTS; i++) {
        String requester = requesters.get(i % requesters.size());
        RestCalls filingNode = i % 2 == 0 ? a : b;
        RestCalls approvingNode = i % 2 == 0 ? b : a;
        filings.add(clients.submit(() -> fileAndApprove(filingNode, approvingNode, requester, PAIRS.get(requester))));
      }
      List<String> instances = new ArrayList<>();
      for (Future<String> filing : filings) {
        instances.add(filing.get(120, TimeUnit.SECONDS));
      }
      clients.shutdown();
      int crossNodeApprovals = 0;
      for (String instance : instances) {
        crossNodeApprovals += jdbc.queryForObject("select count(*) from ACT_HI_TASKINST where PROC_INST_ID_ = ? "
            + "and TASK_DEF_KEY_ = 'UserTask_ApproveTakeOut' and DELETE_REASON_ = 'completed'", Integer.class, instance)
            * jdbc.queryForObject("select count(*) from audit_record where process_instance_id = ? "
                + "and step = 'UserTask_ApproveTakeOut' and outcome = 'APPROVED'", Integer.class, instance);
      }

      // (a) the return-reminder timers of all requests fall due at the same moment: both job executors race
      List<String> reminderJobs = makeDue(management, instances, "BoundaryEvent_ReturnOverdue");
      awaitTrue(Duration.ofSeconds(90), "return reminders executed", () -> reminderJobs.stream()
          .allMatch(id -> management.createJobQuery().jobId(id).count() == 0));
      // … and the approver notices three days later
      List<String> noticeJobs = makeDue(management, instances, "IntermediateCatchEvent_ThreeDaysLater");
      awaitTrue(Duration.ofSeconds(90), "approver notices executed", () -> noticeJobs.stream()
          .allMatch(id -> management.createJobQuery().jobId(id).count() == 0));
      List<String> timerJobs = new ArrayList<>(reminderJobs);
      timerJobs.addAll(noticeJobs);

      Map<String, Integer> remindedPerInstance = perInstance(jdbc, instances,
          "select count(*) from audit_record where process_instance_id = ? and outcome = 'REMINDED'");
      Map<String, Integer> notifiedPerInstance = perInstance(jdbc, instances,
          "select count(*) from audit_record where process_instance_id = ? and outcome = 'ESCALATED' "
              + "and step = 'ServiceTask_NotifyApprover'");
      Map<String, Integer> remindActivities = perInstance(jdbc, instances, "select count(*) from ACT_HI_ACTINST "
          + "where PROC_INST_ID_ = ? and ACT_ID_ = 'ServiceTask_RemindRequester' and END_TIME_ is not null");
      Map<String, Integer> notifyActivities = perInstance(jdbc, instances, "select count(*) from ACT_HI_ACTINST "
          + "where PROC_INST_ID_ = ? and ACT_ID_ = 'ServiceTask_NotifyApprover' and END_TIME_ is not null");
      // the job log: one success per timer job, and by which node (the engine's hostname)
      Map<String, Integer> successesPerJob = new HashMap<>();
      Map<String, Integer> jobsPerNode = new TreeMap<>();
      int failedAttempts = 0;
      for (String job : timerJobs) {
        for (Map<String, Object> row : jdbc.queryForList(
            "select HOSTNAME_ as host, JOB_STATE_ as state from ACT_HI_JOB_LOG where JOB_ID_ = ?", job)) {
          int state = ((Number) row.get("state")).intValue();
          if (state == 2) { // successful
            successesPerJob.merge(job, 1, Integer::sum);
            jobsPerNode.merge(String.valueOf(row.get("host")), 1, Integer::sum);
          } else if (state == 1) { // failed
            failedAttempts++;
          }
        }
      }

      // (b) mail: every outbox row sent, each exactly once, whichever node's dispatcher took it
      awaitTrue(Duration.ofSeconds(60), "outbox drained", () -> jdbc.queryForObject(
          "select count(*) from mail_outbox where status <> 'SENT'", Integer.class) == 0);
      List<Map<String, Object>> outbox = jdbc.queryForList("select dedup_key, address, subject from mail_outbox");
      smtp.waitForIncomingEmail(10_000, outbox.size());
      Thread.sleep(3_000); // a second delivery of a row would arrive now
      MimeMessage[] received = smtp.getReceivedMessages();
      Map<String, Integer> expected = new TreeMap<>();
      for (Map<String, Object> row : outbox) {
        expected.merge(row.get("address") + " | " + row.get("subject"), 1, Integer::sum);
      }
      Map<String, Integer> delivered = new TreeMap<>();
      Map<String, Integer> mailsPerNode = new TreeMap<>();
      for (MimeMessage message : received) {
        delivered.merge(message.getRecipients(Message.RecipientType.TO)[0] + " | " + message.getSubject(), 1,
            Integer::sum);
        mailsPerNode.merge(message.getFrom()[0].toString().replaceAll("@.*", ""), 1, Integer::sum);
      }
      Map<String, Long> outboxByKind = outbox.stream().collect(Collectors.groupingBy(
          row -> row.get("dedup_key").toString().replaceAll(":.*", ""), TreeMap::new, Collectors.counting()));

      String report = String.format("""
          ## Two nodes on one PostgreSQL (TwoNodesIT): %d take-outs
          | | value |
          | --- | ---: |
          | filed on one node, approved on the other (acknowledged / recorded) | %d / %d |
          | timer jobs made due at once (return reminders + approver notices) | %d |
          | timer jobs with exactly one successful execution | %d |
          | successful timer executions per node (ACT_HI_JOB_LOG.HOSTNAME_) | %s |
          | failed job attempts (e.g. lost races) | %d |
          | requests with exactly one reminder / one approver notice (audit record, activity history) | %d / %d |
          | mail outbox rows by kind | %s |
          | outbox rows / mails received by SMTP / rows without exactly one mail | %d / %d / %d |
          | mails sent per node (From) | %s |
          """, REQUESTS, instances.size(), crossNodeApprovals, timerJobs.size(),
          successesPerJob.values().stream().filter(n -> n == 1).count(), jobsPerNode, failedAttempts,
          instances.stream().filter(i -> remindedPerInstance.get(i) == 1 && remindActivities.get(i) == 1).count(),
          instances.stream().filter(i -> notifiedPerInstance.get(i) == 1 && notifyActivities.get(i) == 1).count(),
          outboxByKind, outbox.size(), received.length, mismatches(expected, delivered).size(), mailsPerNode);
      System.out.println(report);
      Files.createDirectories(Path.of("target", "reliability"));
      Files.writeString(Path.of("target", "reliability", "two-nodes.md"), report);

      assertThat(instances).hasSize(REQUESTS).doesNotHaveDuplicates();
      assertThat(crossNodeApprovals).as("approvals recorded of requests filed on the other node").isEqualTo(REQUESTS);
      assertThat(timerJobs).hasSize(2 * REQUESTS);
      assertThat(successesPerJob).as("successful executions per timer job").hasSize(timerJobs.size())
          .allSatisfy((job, count) -> assertThat(count).as(job).isEqualTo(1));
      assertThat(remindedPerInstance).allSatisfy((i, n) -> assertThat(n).as("reminders of %s", i).isEqualTo(1));
      assertThat(remindActivities).allSatisfy((i, n) -> assertThat(n).as("reminder runs of %s", i).isEqualTo(1));
      assertThat(notifiedPerInstance).allSatisfy((i, n) -> assertThat(n).as("notices of %s", i).isEqualTo(1));
      assertThat(notifyActivities).allSatisfy((i, n) -> assertThat(n).as("notice runs of %s", i).isEqualTo(1));
      assertThat(jobsPerNode).as("both job executors executed timers").containsOnlyKeys("node-a", "node-b");
      assertThat(outboxByKind).as("mail kinds queued").containsKeys("task-assigned", "decision", "notice", "reminder");
      assertThat(outboxByKind.get("notice")).as("one notice per timer run").isEqualTo(2L * REQUESTS);
      assertThat(mismatches(expected, delivered)).as("outbox rows (address | subject) without exactly one mail")
          .isEmpty();
      assertThat(received).hasSize(outbox.size());
      assertThat(mailsPerNode).as("both dispatchers sent mail").containsOnlyKeys("node-a", "node-b");
      // no scheduled work (mail dispatcher, deadline check) failed on node B, e.g. on a step the other node completed
      assertThat(Files.readAllLines(Path.of("target", "reliability", "node-b.log")))
          .noneMatch(line -> line.contains("Unexpected error occurred in scheduled task"));
    } finally {
      if (nodeB != null) {
        nodeB.destroy();
        if (!nodeB.waitFor(30, TimeUnit.SECONDS)) {
          nodeB.destroyForcibly();
        }
      }
      if (nodeA != null) {
        nodeA.close();
      }
      smtp.stop();
      database.close();
    }
  }

  /** Files on one node, approves on the other; returns the process instance. */
  private static String fileAndApprove(RestCalls filingNode, RestCalls approvingNode, String requester,
      String approver) {
    Call filing = filingNode.fileTakeOut(requester);
    assertThat(filing.status()).as("filing: %s", filing.text()).isEqualTo(200);
    String instance = filing.body().get("id").asText();
    Call[] query = new Call[1];
    String task = approvingNode.openTask(approver, instance, query);
    assertThat(task).as("the approval task on the other node: %s", query[0].text()).isNotNull();
    Call decision = approvingNode.approve(approver, task);
    assertThat(decision.status()).as("approval on the other node: %s", decision.text()).isEqualTo(204);
    return instance;
  }

  /** Sets the timer of each instance waiting at {@code activityId} due in two seconds, all at the same moment. */
  private static List<String> makeDue(ManagementService management, List<String> instances, String activityId) {
    Date due = new Date(System.currentTimeMillis() + 2_000);
    List<String> jobs = new ArrayList<>();
    for (String instance : instances) {
      Job timer = management.createJobQuery().processInstanceId(instance).timers().activityId(activityId)
          .singleResult();
      assertThat(timer).as("timer at %s of %s", activityId, instance).isNotNull();
      management.setJobDuedate(timer.getId(), due);
      jobs.add(timer.getId());
    }
    return jobs;
  }

  private static Map<String, Integer> perInstance(JdbcTemplate jdbc, List<String> instances, String countSql) {
    Map<String, Integer> counts = new TreeMap<>();
    for (String instance : instances) {
      counts.put(instance, jdbc.queryForObject(countSql, Integer.class, instance));
    }
    return counts;
  }

  private static List<String> mismatches(Map<String, Integer> expected, Map<String, Integer> delivered) {
    List<String> wrong = new ArrayList<>();
    expected.forEach((key, n) -> {
      if (!n.equals(delivered.getOrDefault(key, 0))) {
        wrong.add(key + ": " + n + " queued, " + delivered.getOrDefault(key, 0) + " delivered");
      }
    });
    delivered.keySet().stream().filter(key -> !expected.containsKey(key))
        .forEach(key -> wrong.add(key + ": delivered, never queued"));
    return wrong;
  }

  static void awaitTrue(Duration limit, String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.currentTimeMillis() + limit.toMillis();
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("not within " + limit + ": " + what);
      }
      Thread.sleep(250);
    }
  }

  static List<String> nodeArguments(PostgresDatabase database, GreenMail smtp, String node, int port) {
    return List.of("--ISMS_DB_URL=" + database.url(), "--ISMS_DB_USER=" + database.user(), "--ISMS_DB_PASSWORD=",
        "--ISMS_DB_POOL_SIZE=10", "--server.port=" + port, "--isms.demo.enabled=true",
        "--isms.demo.allow-in-production=true",
        // one SMTP server for both; the sender tells which node's dispatcher sent a mail
        "--ISMS_MAIL_HOST=127.0.0.1", "--ISMS_MAIL_PORT=" + smtp.getSmtp().getPort(),
        "--ISMS_MAIL_FROM=" + node + "@sample-printing.example", "--isms.mail.dispatch-interval=PT1S",
        // the engine's name for this node in the job log
        "--camunda.bpm.generic-properties.properties.hostname=" + node,
        // TaskDeadlines on both nodes every 2 s: every open step is within the reminder lead, each reminded once
        "--isms.mail.reminder-lead=P4D", "--isms.mail.deadline-check-interval=PT2S",
        // one job per acquisition and at most two at a time per node, polling every 200–500 ms: neither node can
        // take all due jobs before the other one polls, so that they race for them
        "--camunda.bpm.job-execution.max-jobs-per-acquisition=1", "--camunda.bpm.job-execution.core-pool-size=2",
        "--camunda.bpm.job-execution.max-pool-size=2", "--camunda.bpm.job-execution.queue-capacity=1",
        "--camunda.bpm.job-execution.wait-time-in-millis=200", "--camunda.bpm.job-execution.max-wait=500",
        "--logging.level.root=warn", "--logging.level.jp.sample.isms.IsmsApplication=info");
  }

  /** Node B: the application in a JVM of its own, on the test's class path; returns once it has started. */
  static Process startNodeB(List<String> arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
        "-Duser.timezone=Asia/Tokyo", "-Dfile.encoding=UTF-8", "-cp", applicationClassPath(),
        IsmsApplication.class.getName(), "--spring.profiles.active=postgres"));
    command.addAll(arguments);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    CountDownLatch started = new CountDownLatch(1);
    Files.createDirectories(Path.of("target", "reliability"));
    Path log = Path.of("target", "reliability", "node-b.log");
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
          PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
        String line;
        while ((line = in.readLine()) != null) {
          out.println(line);
          if (line.contains("Started IsmsApplication")) {
            started.countDown();
          }
        }
      } catch (IOException e) {
        // the process ended
      }
    }, "node-b-output");
    reader.setDaemon(true);
    reader.start();
    if (!started.await(180, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("node B did not start, see " + log.toAbsolutePath());
    }
    return process;
  }

  /** The test's class path without the project folder itself, which would deploy bpmn/ twice. */
  static String applicationClassPath() {
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return java.util.Arrays.stream(classPath.split(java.io.File.pathSeparator))
        .filter(entry -> entry.endsWith(".jar") || entry.endsWith("classes") || entry.endsWith("classes/"))
        .collect(Collectors.joining(java.io.File.pathSeparator));
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
