package jp.sample.isms.audit;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestTemplate;

import jp.sample.isms.IsmsApplication;
import jp.sample.isms.auditor.RegisterQueries;
import jp.sample.isms.support.PostgresDatabase;

/**
 * Benchmark, not a timed test (it asserts nothing about time): the production profile on the machine's PostgreSQL
 * with 100,000 completed requests (about 420,000 records) and a 100,000-row 持ち出し台帳. Measures the first page of
 * filtered searches and their counts over HTTP (authentication and query log included), a timeline, and the CSV
 * export of 100,000 rows with the heap it takes. Writes target/benchmarks/audit.md.
 *
 * <p>Run it on purpose: {@code ./mvnw test -Dtest=AuditBenchmark -Disms.benchmark=true}. Its name matches neither
 * the surefire nor the failsafe pattern, and without the property it is skipped.
 */
@Tag("benchmark")
public class AuditBenchmark {

  static final int REQUESTS = 100_000;
  /** Measured calls per figure (after two warm-up calls): enough for a p95 that is not simply the maximum. */
  static final int RUNS = Integer.getInteger("isms.benchmark.audit.runs", 20);

  static PostgresDatabase database;
  static ConfigurableApplicationContext context;
  static JdbcTemplate jdbc;
  static String base;
  static final RestTemplate HTTP = new RestTemplate();
  static final String AUTH = "Basic " + Base64.getEncoder()
      .encodeToString("nakamura:Demo-2026!".getBytes(StandardCharsets.UTF_8));
  static final StringBuilder REPORT = new StringBuilder();

  @BeforeAll
  static void start() {
    Assumptions.assumeTrue(Boolean.getBoolean("isms.benchmark"), "benchmark: run with -Disms.benchmark=true");
    database = PostgresDatabase.create();
    context = new SpringApplicationBuilder(IsmsApplication.class).profiles("postgres").run(
        "--ISMS_DB_URL=" + database.url(), "--ISMS_DB_USER=" + database.user(), "--ISMS_DB_PASSWORD=",
        "--server.port=0", "--camunda.bpm.job-execution.enabled=false", "--isms.demo.enabled=true",
        "--isms.demo.allow-in-production=true", "--logging.level.root=warn");
    jdbc = context.getBean(JdbcTemplate.class);
    base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    long started = System.nanoTime();
    seed();
    line("# Auditor search and export benchmark (PostgreSQL)");
    line("");
    line("- data: " + count("audit_request") + " requests, " + count("audit_record") + " audit records, "
        + count("takeout_register") + " rows in takeout_register; seeded and analysed in "
        + (System.nanoTime() - started) / 1_000_000 + " ms");
    line("- server: " + jdbc.queryForObject("select version()", String.class));
    line("- JVM: " + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors() + " CPUs, max heap "
        + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB; client and server in one JVM over HTTP");
    line("- each figure: p50 / p95 (max) of " + RUNS + " runs after 2 warm-up runs, in ms, as user nakamura "
        + "(HTTP Basic, access check and query-log record included)");
    line("");
  }

  @AfterAll
  static void stop() throws Exception {
    if (context != null) {
      Path file = Path.of("target", "benchmarks", "audit.md");
      Files.createDirectories(file.getParent());
      Files.writeString(file, REPORT.toString());
      System.out.println(REPORT);
      context.close();
    }
    if (database != null && !Boolean.getBoolean("isms.benchmark.keep")) {
      database.close();
    } else if (database != null) {
      System.out.println("kept database " + database.name());
    }
  }

  @Test
  void searchFirstPageAndCount() {
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
    Map<String, String> searches = new LinkedHashMap<>();
    searches.put("no filter", "");
    searches.put("flow", "flow=mediaDisposal");
    searches.put("business key", "businessKey=BM-054321");
    searches.put("requester", "requester=kato");
    searches.put("approver", "approver=tanaka");
    searches.put("department + classification", "department=general-affairs&classification=SECRET");
    searches.put("outcome (any record)", "outcome=REJECTED");
    searches.put("clause (with sub-clauses)", "clause=5.1");
    searches.put("date range (one month, a year ago)", "from=" + today.minusYears(1) + "&to="
        + today.minusYears(1).plusMonths(1));
    searches.put("flow + approver + outcome + a year", "flow=takeOut&approver=ito&outcome=SENT_BACK&from="
        + today.minusYears(1) + "&to=" + today);
    searches.put("rare: requester + clause + outcome", "requester=sato&clause=3.3.1&outcome=REJECTED");
    line("## Search: first page (50 rows) and count");
    line("");
    line("| filter | first page | count | matches |");
    line("| --- | ---: | ---: | ---: |");
    searches.forEach((name, query) -> {
      String page = time(() -> get("/api/audit/requests?size=50&" + query));
      String count = time(() -> get("/api/audit/requests/count?" + query));
      String matches = get("/api/audit/requests/count?" + query).replaceAll("\\D", "");
      line("| " + name + " (`" + query + "`) | " + page + " | " + count + " | " + matches + " |");
    });
    line("");
    line("| other | time |");
    line("| --- | ---: |");
    line("| timeline of one request (`/api/audit/requests/BM-054321`, records only: seeded without engine history) | "
        + time(() -> get("/api/audit/requests/BM-054321")) + " |");
    line("| records search, query log (`/api/audit/records?stepKind=AUDIT_QUERY`) | "
        + time(() -> get("/api/audit/records?stepKind=AUDIT_QUERY&size=50")) + " |");
    line("| register page (`/api/audit/registers/takeout?status=返却遅延`, 50 rows + total) | "
        + time(() -> get("/api/audit/registers/takeout?status=返却遅延&size=50")) + " |");
    line("");
  }

  @Test
  void csvExportStreamsInConstantMemory() {
    line("## CSV export of 持ち出し台帳");
    line("");
    line("| rows | time ms | MB | live heap during the export, above the baseline (MB) |");
    line("| ---: | ---: | ---: | ---: |");
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
    export("/api/audit/registers/takeout.csv?from=" + today.minusDays(30), false);
    for (String query : List.of("?from=" + today.minusDays(104), "?from=" + today.minusDays(521), "")) {
      String path = "/api/audit/registers/takeout.csv" + query;
      long[] timed = export(path, false);
      long[] measured = export(path, true);
      line("| " + timed[0] + " | " + timed[1] + " | " + timed[2] / (1024 * 1024) + " | " + measured[3] + " |");
    }
    line("");
    line("Time: one export without measuring. Live heap: a second export during which a thread forces a full GC "
        + "every 50 ms and reads the heap in use; the largest reading minus the reading before the export. A file "
        + "built in memory would keep at least its size (twice as Java text) alive; the reading does not grow with "
        + "the rows, because the CSV is written while the database cursor moves (fetch size "
        + RegisterQueries.FETCH_SIZE + ", read-only transaction).");
  }

  /** rows, ms, bytes, live heap peak above baseline in MB (when measured). */
  private static long[] export(String path, boolean measureMemory) {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    System.gc();
    long baseline = memory.getHeapMemoryUsage().getUsed();
    AtomicLong peak = new AtomicLong(baseline);
    AtomicBoolean running = new AtomicBoolean(measureMemory);
    Thread sampler = new Thread(() -> {
      while (running.get()) {
        System.gc();
        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    sampler.start();
    long started = System.nanoTime();
    long[] counts = HTTP.execute(base + path, HttpMethod.GET, request -> request.getHeaders().set("Authorization",
        AUTH), response -> {
          long bytes = 0;
          long lines = 0;
          byte[] buffer = new byte[64 * 1024];
          try (InputStream in = response.getBody()) {
            for (int n; (n = in.read(buffer)) > 0; ) {
              bytes += n;
              for (int i = 0; i < n; i++) {
                if (buffer[i] == '\n') {
                  lines++;
                }
              }
            }
          }
          return new long[] {lines - 1, bytes};
        });
    long elapsed = (System.nanoTime() - started) / 1_000_000;
    running.set(false);
    return new long[] {counts[0], elapsed, counts[1], Math.max(0, peak.get() - baseline) / (1024 * 1024)};
  }

  private static String get(String path) {
    return HTTP.execute(base + path, HttpMethod.GET, request -> request.getHeaders().set("Authorization", AUTH),
        response -> new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8));
  }

  /**
   * p50 / p95 (max) of {@link #RUNS} calls after two warm-up calls, in ms (also used by AuditSeedValidation); p95 is
   * the nearest-rank percentile.
   */
  static String time(Runnable call) {
    call.run();
    call.run();
    List<Long> times = new ArrayList<>();
    for (int i = 0; i < RUNS; i++) {
      long started = System.nanoTime();
      call.run();
      times.add((System.nanoTime() - started) / 100_000);
    }
    times.sort(Long::compare);
    int p95 = Math.max(0, (int) Math.ceil(0.95 * RUNS) - 1);
    return format(times.get((RUNS - 1) / 2)) + " / " + format(times.get(p95)) + " (" + format(times.get(RUNS - 1))
        + ")";
  }

  private static String format(long tenthsOfMs) {
    return tenthsOfMs / 10 + "." + tenthsOfMs % 10;
  }

  private static long count(String table) {
    return jdbc.queryForObject("select count(*) from " + table, Long.class);
  }

  private static void line(String text) {
    REPORT.append(text).append('\n');
  }

  /**
   * 100,000 completed requests over the last ~2.9 years (one every 15 minutes): 40% takeOut, 30% mediaDisposal,
   * 30% accountRequest, ten requesters, 10% rejected, 10% sent back and resubmitted; each has its filing, one or two
   * decisions and its follow-up in audit_record. Plus 100,000 take-outs in takeout_register.
   */
  private static void seed() {
    seed(jdbc, REQUESTS);
  }

  /** The seed for {@code requests} requests into the database of {@code jdbc} (also used by AuditSeedValidation). */
  public static void seed(JdbcTemplate jdbc, int requests) {
    jdbc.execute("""
        insert into audit_request (business_key, process_instance_id, flow_key, flow_version, requester,
          requester_name, department_code, classification, filed_at, last_step_name, last_outcome, last_at,
          record_count, outcomes, clauses)
        select 'BM-' || lpad(g::text, 6, '0'), md5('pi' || g::text),
               (array['takeOut','takeOut','takeOut','takeOut','mediaDisposal','mediaDisposal','mediaDisposal',
                      'accountRequest','accountRequest','accountRequest'])[(g / 10) % 10 + 1],
               1,
               (array['yamamoto','kato','kobayashi','watanabe','nakamura','ito','sato','takahashi','suzuki',
                      'tanaka'])[g % 10 + 1],
               (array['山本 さくら','加藤 大輔','小林 優','渡辺 翔','中村 学','伊藤 直樹','佐藤 健','高橋 誠',
                      '鈴木 花子','田中 一郎'])[g % 10 + 1],
               (array['development','general-affairs','manufacturing','development','manufacturing','development',
                      'hr','manufacturing','general-affairs',null])[g % 10 + 1],
               case when (g / 10) % 10 >= 7 then null
                    else (array['PUBLIC','INTERNAL','INTERNAL','SECRET'])[(g / 100) % 4 + 1] end,
               now() - g * interval '15 minutes',
               'done', case when (g / 7) % 10 = 0 then 'REJECTED' else 'DONE' end,
               now() - g * interval '15 minutes' + interval '2 days', 4,
               case (g / 7) % 10 when 0 then ',FILED,REJECTED,' when 1 then ',FILED,SENT_BACK,RESUBMITTED,APPROVED,DONE,'
                    else ',FILED,APPROVED,DONE,' end,
               case (g / 10) % 10 when 0 then ',3.2,' when 1 then ',3.2,' when 2 then ',3.2,' when 3 then ',3.2,'
                    when 4 then ',3.3.1,3.3.2,4.1.2,' when 5 then ',3.3.1,3.3.2,4.1.2,' when 6 then ',3.3.1,3.3.2,4.1.2,'
                    else ',5.1.1,5.1.4,5.1.5,5.1.7,5.1.8,5.1.9,5.1.10,' end
          from generate_series(1, {REQUESTS}) g
        """.replace("{REQUESTS}", String.valueOf(requests)));
    jdbc.execute("""
        insert into audit_record (business_key, process_instance_id, flow_key, flow_version, step, step_name, step_kind,
          actor, actor_name, acting_role, requester, department_code, occurred_at, outcome, comment, clauses,
          regulation_revision, submitted_values, previous_hash, record_hash)
        select q.business_key, q.process_instance_id, q.flow_key, 1, r.step, r.step_name, r.step_kind,
               case r.who when 'R' then q.requester
                          else (array['ito','tanaka','suzuki','takahashi'])[(substr(q.business_key, 4)::int / 3) % 4 + 1]
               end,
               case r.who when 'R' then q.requester_name
                          else (array['伊藤 直樹','田中 一郎','鈴木 花子','高橋 誠'])[(substr(q.business_key, 4)::int / 3) % 4 + 1]
               end,
               case r.who when 'R' then 'REQUESTER' else 'DEPARTMENT_HEAD' end, q.requester,
               q.department_code, q.filed_at + r.after, r.outcome, r.comment,
               case q.flow_key when 'takeOut' then '3.2' when 'mediaDisposal' then '3.3.1,3.3.2,4.1.2'
                    else '5.1.1,5.1.4,5.1.5,5.1.7,5.1.8,5.1.9,5.1.10' end,
               '2026-04',
               -- shaped like what the engine-made records carry (AuditSeedValidation): the submitted form values,
               -- and the chain's two SHA-256 hashes (not a valid chain: the seed is for speed, not for verification)
               case r.step_kind when 'APPROVAL' then '{"decision":"' || r.outcome || '","decisionComment":"確認しました"}'
                    when 'FILING' then '{"assetDescription":"設計資料 (ノートPC内) ' || q.business_key
                      || '","attestDiskEncrypted":true,"attestEncryptedChannel":true,"attestKeptInSight":true,'
                      || '"classification":"INTERNAL","destination":"取引先","medium":"LAPTOP","plannedReturnDate":'
                      || '"2026-11-28","purpose":"打ち合わせ","startDate":"2026-11-26"}'
                    else '{"returnedOn":"2026-11-27","returnNote":"異常なし"}' end,
               md5(q.business_key || r.step || 'p') || md5(r.step || q.business_key || 'p'),
               md5(q.business_key || r.step || 'h') || md5(r.step || q.business_key || 'h')
          from audit_request q
          cross join lateral (values
            ('StartEvent_RequestFiled', '申請', 'FILING', 'R', 'FILED', null, interval '0'),
            ('UserTask_Approve', '承認する', 'APPROVAL', 'A',
               case (substr(q.business_key, 4)::int / 7) % 10 when 0 then 'REJECTED' when 1 then 'SENT_BACK'
                    else 'APPROVED' end, '確認しました', interval '1 hour'),
            ('UserTask_CorrectRequest', '修正する', 'CORRECTION', 'R',
               case (substr(q.business_key, 4)::int / 7) % 10 when 1 then 'RESUBMITTED' end, null, interval '2 hours'),
            ('UserTask_Approve', '承認する', 'APPROVAL', 'A',
               case (substr(q.business_key, 4)::int / 7) % 10 when 1 then 'APPROVED' end, null, interval '3 hours'),
            ('UserTask_Report', '報告する', 'FOLLOW_UP', 'R',
               case (substr(q.business_key, 4)::int / 7) % 10 when 0 then null else 'DONE' end, null, interval '2 days')
          ) as r(step, step_name, step_kind, who, outcome, comment, after)
         where q.business_key like 'BM-%' and r.outcome is not null
         order by q.filed_at, r.after
        """);
    jdbc.execute("""
        update audit_request q set last_record_id = r.last_id
          from (select business_key, max(id) as last_id from audit_record where business_key like 'BM-%'
                 group by business_key) r
         where q.business_key = r.business_key
        """);
    jdbc.execute("""
        insert into takeout_register (business_key, process_instance_id, requester, department_code,
          asset_description, classification, medium, destination, start_date, planned_return_date, status, approver,
          approver_role, filed_at, decided_at, returned_on)
        select 'BT-' || lpad(g::text, 6, '0'), 'pi-' || g,
               (array['yamamoto','kato','kobayashi','watanabe'])[g % 4 + 1],
               (array['development','general-affairs','manufacturing','development'])[g % 4 + 1],
               '設計資料 "第' || g || '版", 図面一式', (array['INTERNAL','SECRET'])[g % 2 + 1],
               (array['LAPTOP','USB_MEMORY','PAPER'])[g % 3 + 1], '取引先 本社',
               (now() - g * interval '15 minutes')::date, (now() - g * interval '15 minutes')::date + 3,
               case when g % 50 = 0 then 'APPROVED' else 'RETURNED' end, 'ito', 'DEPARTMENT_HEAD',
               now() - g * interval '15 minutes', now() - g * interval '15 minutes' + interval '1 hour',
               case when g % 50 = 0 then null else (now() - g * interval '15 minutes')::date + 2 end
          from generate_series(1, {REQUESTS}) g
        """.replace("{REQUESTS}", String.valueOf(requests)));
    jdbc.execute("analyze");
  }
}
