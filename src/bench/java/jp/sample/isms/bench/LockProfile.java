package jp.sample.isms.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * What serialises W1's requests ({@code -Disms.benchmark.only=postgres,locks}): each variant runs W1 at 8 clients
 * for {@code isms.benchmark.locks.seconds} (default 15) while
 * <ul>
 * <li>a sampler on a connection of its own reads {@code pg_stat_activity} every 10 ms: what each of the application's
 * sessions is doing (active, idle in transaction, idle) and what it waits for, and for a session that waits for a
 * lock, the lock ({@code pg_locks} not granted: relation or transaction id) and its statement;</li>
 * <li>a JFR recording of the application's request threads (Tomcat's {@code http-nio-*-exec-*}) records every
 * {@code jdk.JavaMonitorEnter} and {@code jdk.ThreadPark} of 1 ms or more with its stack: time spent waiting for a
 * {@code synchronized} block, a Java lock or a pooled connection.</li>
 * </ul>
 * The report gives the share of samples per session state and wait, the lock waits by statement, and the Java waits
 * by the first frame of the application, the engine, the pool or Spring.
 */
final class LockProfile {

  interface Measure {
    long[] run(Benchmarks.Loop loop, int clients, int seconds) throws Exception;
  }

  static final int SECONDS = Integer.getInteger("isms.benchmark.locks.seconds", 15);
  static final int CLIENTS = Integer.getInteger("isms.benchmark.locks.clients", 8);
  /** Warm-up per variant at the same client count (the first logins pay bcrypt, the JIT compiles). */
  static final int WARMUP = Integer.getInteger("isms.benchmark.locks.warmup", 10);

  private LockProfile() {
  }

  static void run(Map<String, Benchmarks.Loop> variants, String url, String user, Measure measure,
      Consumer<String> out) throws Exception {
    out.accept("### Lock and wait profile, W1 at " + CLIENTS + " clients, " + SECONDS + " s per variant");
    out.accept("");
    for (Map.Entry<String, Benchmarks.Loop> variant : variants.entrySet()) {
      if (!variant.getKey().startsWith(Benchmarks.PRODUCT) && !variant.getKey().startsWith(Benchmarks.BASELINE_D)) {
        continue;
      }
      measure.run(variant.getValue(), CLIENTS, WARMUP);
      Map<String, Long> states = new TreeMap<>();
      Map<String, Long> lockWaits = new TreeMap<>();
      AtomicLong samples = new AtomicLong();
      AtomicLong sessionSamples = new AtomicLong();
      AtomicBoolean running = new AtomicBoolean(true);
      Thread sampler = new Thread(() -> sample(url, user, running, samples, sessionSamples, states, lockWaits),
          "lock-sampler");
      Path jfr = Path.of("target", "benchmarks", "locks-" + (variant.getKey().startsWith(Benchmarks.PRODUCT)
          ? "product" : "baseline-d") + ".jfr");
      Files.createDirectories(jfr.getParent());
      long[] result;
      try (Recording recording = new Recording()) {
        recording.enable("jdk.JavaMonitorEnter").withThreshold(Duration.ofMillis(1)).withStackTrace();
        recording.enable("jdk.ThreadPark").withThreshold(Duration.ofMillis(1)).withStackTrace();
        recording.start();
        sampler.start();
        result = measure.run(variant.getValue(), CLIENTS, SECONDS);
        running.set(false);
        sampler.join();
        recording.stop();
        recording.dump(jfr);
      }
      long requests = Math.max(1, result[0]);
      out.accept("#### " + variant.getKey() + ": " + result[0] + " requests in " + result[1] + " ms ("
          + String.format("%.1f", result[0] * 1000.0 / result[1]) + " req/s), " + result[2] + " errors");
      out.accept("");
      out.accept("PostgreSQL sessions of the application (" + samples.get() + " samples of `pg_stat_activity`, "
          + String.format("%.1f", sessionSamples.get() / (double) Math.max(1, samples.get()))
          + " sessions per sample on average):");
      out.accept("");
      out.accept("| state / wait | share of session samples | sessions on average |");
      out.accept("| --- | ---: | ---: |");
      states.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
          .forEach(e -> out.accept("| " + e.getKey() + " | " + String.format("%.1f %%", 100.0 * e.getValue()
              / Math.max(1, sessionSamples.get())) + " | " + String.format("%.2f", e.getValue()
              / (double) Math.max(1, samples.get())) + " |"));
      out.accept("");
      if (!lockWaits.isEmpty()) {
        out.accept("Sessions waiting for a lock, by lock and statement (samples; 1 sample ≈ 10 ms of one session):");
        out.accept("");
        out.accept("| samples | lock / statement |");
        out.accept("| ---: | --- |");
        lockWaits.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(12)
            .forEach(e -> out.accept("| " + e.getValue() + " | `" + e.getKey().replace("|", "\\|") + "` |"));
        out.accept("");
      }
      javaWaits(jfr, requests, out);
    }
  }

  private static void sample(String url, String user, AtomicBoolean running, AtomicLong samples,
      AtomicLong sessionSamples, Map<String, Long> states, Map<String, Long> lockWaits) {
    try (Connection connection = DriverManager.getConnection(url, user, "");
        Statement statement = connection.createStatement()) {
      while (running.get()) {
        try (ResultSet rs = statement.executeQuery("""
            select a.state, a.wait_event_type, a.wait_event,
                   left(regexp_replace(a.query, '\\s+', ' ', 'g'), 110) as query,
                   (select string_agg(distinct l.locktype || coalesce(' ' || l.relation::regclass::text, '')
                           || coalesce(' ' || l.mode, ''), ', ')
                      from pg_locks l where l.pid = a.pid and not l.granted) as waiting_for
              from pg_stat_activity a
             where a.datname = current_database() and a.pid <> pg_backend_pid()
               and a.backend_type = 'client backend'
            """)) {
          samples.incrementAndGet();
          while (rs.next()) {
            sessionSamples.incrementAndGet();
            String state = rs.getString("state");
            String waitType = rs.getString("wait_event_type");
            String key = state + (waitType == null ? "" : " — " + waitType + ":" + rs.getString("wait_event"));
            states.merge(key, 1L, Long::sum);
            String waitingFor = rs.getString("waiting_for");
            if ("Lock".equals(waitType) || waitingFor != null) {
              lockWaits.merge(waitingFor + " ← " + rs.getString("query"), 1L, Long::sum);
            }
          }
        }
        Thread.sleep(10);
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Java waits of the request threads, by the first frame outside the JDK and by event type. */
  private static void javaWaits(Path jfr, long requests, Consumer<String> out) throws Exception {
    Map<String, long[]> byFrame = new LinkedHashMap<>();
    long[] idle = {0, 0};
    for (RecordedEvent event : RecordingFile.readAllEvents(jfr)) {
      if (event.getThread() == null || event.getThread().getJavaName() == null
          || !event.getThread().getJavaName().contains("-exec-") || event.getStackTrace() == null) {
        continue;
      }
      String stack = event.getStackTrace().getFrames().stream().limit(30)
          .map(f -> f.getMethod().getType().getName() + "." + f.getMethod().getName()).reduce("", (a, b) -> a + " " + b);
      long nanos = event.getDuration().toNanos();
      if (stack.contains("TaskQueue.take") || stack.contains("TaskQueue.poll")) {
        idle[0]++;
        idle[1] += nanos;
        continue;
      }
      String frame = event.getStackTrace().getFrames().stream().map(RecordedFrame::getMethod)
          .filter(m -> !m.getType().getName().matches("(java|jdk|sun)\\..*"))
          .map(m -> m.getType().getName() + "." + m.getName()).findFirst().orElse("(JDK)");
      String type = event.getEventType().getName().replace("jdk.", "");
      if (type.equals("JavaMonitorEnter") && event.getValue("monitorClass") != null) {
        type += " on " + ((jdk.jfr.consumer.RecordedClass) event.getValue("monitorClass")).getName();
      }
      long[] sum = byFrame.computeIfAbsent(type + " | " + frame, k -> new long[2]);
      sum[0]++;
      sum[1] += nanos;
    }
    out.accept("Java waits of ≥ 1 ms on the request threads (JFR; idle workers waiting for a request left out: "
        + idle[0] + " waits):");
    out.accept("");
    if (byFrame.isEmpty()) {
      out.accept("none");
      out.accept("");
      return;
    }
    out.accept("| event | first frame outside the JDK | waits | total ms | ms per request |");
    out.accept("| --- | --- | ---: | ---: | ---: |");
    byFrame.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1])).limit(12)
        .forEach(e -> out.accept("| " + e.getKey().replace(" | ", " | `") + "` | " + e.getValue()[0] + " | "
            + e.getValue()[1] / 1_000_000 + " | " + String.format("%.2f", e.getValue()[1] / 1e6 / requests) + " |"));
    out.accept("");
  }
}
