package jp.sample.isms.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where W1's CPU goes ({@code -Disms.benchmark.only=postgres,cpu}): the product and baseline d each run W1 at
 * {@code isms.benchmark.cpu.clients} (default 4) clients for {@code isms.benchmark.cpu.seconds} (default 30) after a
 * warm-up of {@code isms.benchmark.cpu.warmup} seconds (default 15), under a JFR recording of
 * {@code jdk.ExecutionSample} every 10 ms ({@code target/benchmarks/cpu-product.jfr}, {@code cpu-baseline-d.jfr}).
 * Only the samples of the application's request threads (Tomcat's {@code http-nio-*-exec-*}) count: the benchmark's
 * clients run in the same JVM. The report gives, per variant, the share of samples per group of code (by the first
 * frame from the top of the stack that is not the JDK's, and inclusive: the samples whose stack holds the group at all),
 * the top methods by self samples (the top frame) and by inclusive samples (the method anywhere on the stack, once per
 * sample), and the product's own methods by inclusive samples.
 *
 * <p>Proportions are what a profile on a shared machine measures; the JVM needs
 * {@code -XX:FlightRecorderOptions:stackdepth=1024} for the inclusive counts of the outer frames (the default stack
 * depth of 64 cuts Spring's and Tomcat's deep stacks, which the report says as "truncated stacks").
 */
final class CpuProfile {

  static final int SECONDS = Integer.getInteger("isms.benchmark.cpu.seconds", 30);
  static final int CLIENTS = Integer.getInteger("isms.benchmark.cpu.clients", 4);
  static final int WARMUP = Integer.getInteger("isms.benchmark.cpu.warmup", 15);
  static final int TOP = Integer.getInteger("isms.benchmark.cpu.top", 15);

  /**
   * Groups of code by class and method ({@code type.method}), first match wins; the order puts the specific before the
   * general. The product's request filters and command interceptors only pass the request on: they count as product
   * code for the samples in their own code, but not as "on the stack" of a group (every request passes them).
   */
  static final List<Map.Entry<String, String>> GROUPS = List.of(
      Map.entry("form validation", "jp\\.sample\\.isms\\.approval\\.(FormSchema|FormSchemas|RequestValues|RequestInput|"
          + "ValidationErrors)[.$].*|jp\\.sample\\.isms\\..*\\.(validateRequest|validateStep)"),
      Map.entry("bcrypt/login", "(org\\.springframework\\.security\\.crypto\\.bcrypt|org\\.mindrot|org\\.camunda\\.bpm"
          + "\\.engine\\.impl\\.digest|org\\.camunda\\.bpm\\.engine\\.impl\\.cmd\\.CheckPassword|org\\.camunda\\.bpm\\.engine"
          + "\\.rest\\.security\\.auth\\.impl|jp\\.sample\\.isms\\.system\\.(BcryptPasswordEncryptor|LoginCache|IsmsIdentityProvider"
          + "|CachingAuthenticationFilter)[.$]).*"),
      Map.entry("product code (jp.sample.isms)", "jp\\.sample\\.isms\\.(?!bench\\.).*"),
      Map.entry("hashing", "(java\\.security\\.MessageDigest|sun\\.security\\.provider\\.(SHA|DigestBase|ByteArrayAccess)"
          + "|javax\\.crypto\\.Mac|com\\.sun\\.crypto\\.provider\\.HmacCore).*"),
      Map.entry("JSON/FEEL/DMN", "(com\\.fasterxml\\.jackson|org\\.camunda\\.feel|camundajar\\.impl\\.scala|scala\\."
          + "|org\\.camunda\\.bpm\\.dmn|org\\.camunda\\.spin|org\\.camunda\\.bpm\\.engine\\.impl\\.dmn|org\\.camunda"
          + "\\.bpm\\.model\\.dmn|org\\.camunda\\.bpm\\.engine\\.rest\\.dto|org\\.camunda\\.bpm\\.engine\\.rest\\.mapper).*"),
      Map.entry("MyBatis", "org\\.apache\\.ibatis\\..*"),
      Map.entry("JDBC", "(org\\.postgresql|com\\.zaxxer\\.hikari|jp\\.sample\\.isms\\.bench\\.SqlCounter|java\\.sql|"
          + "org\\.springframework\\.jdbc).*"),
      Map.entry("Spring Security filters", "org\\.springframework\\.security\\..*"),
      Map.entry("Tomcat", "(org\\.apache\\.catalina|org\\.apache\\.coyote|org\\.apache\\.tomcat).*"),
      Map.entry("Jersey (JAX-RS of the engine REST API)", "(org\\.glassfish|org\\.jvnet\\.hk2|jakarta\\.ws\\.rs).*"),
      Map.entry("Camunda engine (other)", "org\\.camunda\\..*"),
      Map.entry("Spring (other)", "org\\.springframework\\..*"));

  /** The product's filters and command interceptors that pass every request on (see {@link #GROUPS}). */
  static final String PASS_THROUGH = "jp\\.sample\\.isms\\.(system\\.(LoginThrottle\\$Throttle|DatabaseUnavailable\\$Answer503"
      + "|PasswordChangeRequired\\$Guard|EngineApiGuard\\$Guard)\\.doFilterInternal|(audit\\.HistoryProtection|approval\\."
      + "KernelCommands|approval\\.SubmittedVariables|system\\.GrantOnlyAuthorizations|system\\.TaskQueryPlanning)\\.execute"
      + "|approval\\.SubmittedVariables\\.executeOutermost)";

  private CpuProfile() {
  }

  static void run(Map<String, Benchmarks.Loop> variants, LockProfile.Measure measure, Consumer<String> out)
      throws Exception {
    out.accept("### CPU profile, W1 at " + CLIENTS + " clients, " + SECONDS + " s per variant (JFR "
        + "jdk.ExecutionSample every 10 ms, request threads only)");
    out.accept("");
    Map<String, Profile> profiles = new LinkedHashMap<>();
    for (Map.Entry<String, Benchmarks.Loop> variant : variants.entrySet()) {
      boolean product = variant.getKey().startsWith(Benchmarks.PRODUCT);
      if (!product && !variant.getKey().startsWith(Benchmarks.BASELINE_D)) {
        continue;
      }
      measure.run(variant.getValue(), CLIENTS, WARMUP);
      Path jfr = Path.of("target", "benchmarks", "cpu-" + (product ? "product" : "baseline-d") + ".jfr");
      Files.createDirectories(jfr.getParent());
      long[] result;
      try (Recording recording = new Recording()) {
        recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10)).withStackTrace();
        recording.start();
        result = measure.run(variant.getValue(), CLIENTS, SECONDS);
        recording.stop();
        recording.dump(jfr);
      }
      Profile profile = read(jfr);
      profile.requests = result[0];
      profile.errors = result[2];
      profiles.put(variant.getKey(), profile);
      report(variant.getKey(), profile, out);
    }
    if (profiles.size() == 2) {
      Profile[] both = profiles.values().toArray(Profile[]::new);
      out.accept("Request-thread samples per request: product " + String.format("%.2f", both[0].perRequest())
          + ", baseline d " + String.format("%.2f", both[1].perRequest()) + " (ratio " + String.format("%.2f",
              both[0].perRequest() / Math.max(1e-9, both[1].perRequest())) + "; JFR samples a thread that is in Java "
          + "code even while the operating system has preempted it, so with more runnable threads than cores this is "
          + "wall time in Java rather than CPU time: compare shares, not these counts).");
      out.accept("");
      out.accept("| group | product: samples per request (first frame not the JDK's) | baseline d | difference |");
      out.accept("| --- | ---: | ---: | ---: |");
      for (String group : groupNames()) {
        double p = both[0].selfByGroup.getOrDefault(group, 0L) / (double) Math.max(1, both[0].requests);
        double d = both[1].selfByGroup.getOrDefault(group, 0L) / (double) Math.max(1, both[1].requests);
        out.accept("| " + group + " | " + String.format("%.3f", p) + " | " + String.format("%.3f", d) + " | "
            + String.format("%+.3f", p - d) + " |");
      }
      out.accept("");
    }
  }

  static final class Profile {
    long samples;
    long truncated;
    long requests;
    long errors;
    final Map<String, Long> self = new HashMap<>();
    final Map<String, Long> inclusive = new HashMap<>();
    final Map<String, Long> selfByGroup = new HashMap<>();
    final Map<String, Long> inclusiveByGroup = new HashMap<>();
    /** Self samples by the first product frame from the top, for samples that have one. */
    final Map<String, Long> productSelf = new HashMap<>();

    double perRequest() {
      return samples / (double) Math.max(1, requests);
    }
  }

  static Profile read(Path jfr) throws Exception {
    Profile profile = new Profile();
    try (RecordingFile file = new RecordingFile(jfr)) {
      while (file.hasMoreEvents()) {
        RecordedEvent event = file.readEvent();
        if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
          continue;
        }
        var thread = event.getThread("sampledThread");
        if (thread == null || thread.getJavaName() == null || !thread.getJavaName().contains("-exec-")
            || event.getStackTrace() == null) {
          continue;
        }
        List<RecordedFrame> frames = event.getStackTrace().getFrames();
        if (frames.isEmpty()) {
          continue;
        }
        profile.samples++;
        if (event.getStackTrace().isTruncated()) {
          profile.truncated++;
        }
        profile.self.merge(name(frames.get(0).getMethod()), 1L, Long::sum);
        Set<String> seen = new HashSet<>();
        Set<String> groups = new HashSet<>();
        String selfGroup = null;
        String productFrame = null;
        for (RecordedFrame frame : frames) {
          String method = name(frame.getMethod());
          if (seen.add(method)) {
            profile.inclusive.merge(method, 1L, Long::sum);
          }
          String group = group(method);
          if (group != null) {
            if (!passThrough(method)) {
              groups.add(group);
            }
            if (selfGroup == null) {
              selfGroup = group;
            }
          }
          if (productFrame == null && method.startsWith("jp.sample.isms.") && !method.startsWith("jp.sample.isms.bench.")
              && !passThrough(method)) {
            productFrame = method;
          }
        }
        profile.selfByGroup.merge(selfGroup == null ? "other (JDK only)" : selfGroup, 1L, Long::sum);
        for (String group : groups) {
          profile.inclusiveByGroup.merge(group, 1L, Long::sum);
        }
        if (productFrame != null) {
          profile.productSelf.merge(productFrame, 1L, Long::sum);
        }
      }
    }
    return profile;
  }

  private static final List<Map.Entry<String, java.util.regex.Pattern>> PATTERNS = GROUPS.stream()
      .map(g -> Map.entry(g.getKey(), java.util.regex.Pattern.compile(g.getValue()))).toList();
  private static final java.util.regex.Pattern PASS_THROUGH_PATTERN = java.util.regex.Pattern.compile(PASS_THROUGH);
  private static final java.util.regex.Pattern JDK = java.util.regex.Pattern.compile("(java|javax|jdk|sun|com\\.sun)\\..*");
  private static final Map<String, String> GROUP_OF = new java.util.concurrent.ConcurrentHashMap<>();
  private static final String NONE = "";

  /** The group of a method ({@code type.method}); null for the JDK's. */
  static String group(String method) {
    String group = GROUP_OF.computeIfAbsent(method, m -> {
      for (Map.Entry<String, java.util.regex.Pattern> candidate : PATTERNS) {
        if (candidate.getValue().matcher(m).matches()) {
          return candidate.getKey();
        }
      }
      return JDK.matcher(m).matches() ? NONE : "other";
    });
    return group.isEmpty() ? null : group;
  }

  static boolean passThrough(String method) {
    return PASS_THROUGH_PATTERN.matcher(method).matches();
  }

  static List<String> groupNames() {
    List<String> names = new java.util.ArrayList<>(GROUPS.stream().map(Map.Entry::getKey).toList());
    names.add("other");
    names.add("other (JDK only)");
    return names;
  }

  private static String name(RecordedMethod method) {
    return method.getType().getName() + "." + method.getName();
  }

  private static void report(String variant, Profile profile, Consumer<String> out) {
    long n = Math.max(1, profile.samples);
    out.accept("#### " + variant + ": " + profile.samples + " request-thread samples, " + profile.requests
        + " requests, " + profile.errors + " errors, " + profile.truncated + " truncated stacks");
    out.accept("");
    out.accept("| group | self share (first frame not the JDK's) | inclusive share (anywhere on the stack) |");
    out.accept("| --- | ---: | ---: |");
    for (String group : groupNames()) {
      long self = profile.selfByGroup.getOrDefault(group, 0L);
      long inclusive = profile.inclusiveByGroup.getOrDefault(group, 0L);
      if (self + inclusive > 0) {
        out.accept("| " + group + " | " + percent(self, n) + " | " + percent(inclusive, n) + " |");
      }
    }
    out.accept("");
    table("Top methods by self samples", profile.self, n, out);
    table("Top methods by inclusive samples", profile.inclusive, n, out);
    table("Top methods by inclusive samples below the HTTP dispatch (frames of Tomcat, Jersey, Spring, the JDK and the "
        + "product's pass-through filters and interceptors left out)", belowDispatch(profile.inclusive), n, out);
    table("Product methods (jp.sample.isms) by inclusive samples, without the filters and interceptors every request "
        + "passes", filter(profile.inclusive), n, out);
    table("Product methods by the samples of the first product frame from the top, the filters and interceptors every "
        + "request passes left out (its own code and the library and engine code it calls, without other product "
        + "frames in between)", profile.productSelf, n, out);
  }

  private static Map<String, Long> belowDispatch(Map<String, Long> inclusive) {
    Set<String> dispatch = Set.of("Tomcat", "Jersey (JAX-RS of the engine REST API)", "Spring (other)",
        "Spring Security filters");
    Map<String, Long> below = new HashMap<>();
    inclusive.forEach((method, samples) -> {
      String group = group(method);
      if (group != null && !dispatch.contains(group) && !passThrough(method) && !method.contains("$$Lambda")
          && !method.contains("$$SpringCGLIB$$") && !method.startsWith("jp.sample.isms.bench.")) {
        below.put(method, samples);
      }
    });
    return below;
  }

  private static Map<String, Long> filter(Map<String, Long> inclusive) {
    Map<String, Long> product = new HashMap<>();
    inclusive.forEach((method, samples) -> {
      if (method.startsWith("jp.sample.isms.") && !method.startsWith("jp.sample.isms.bench.")
          && !passThrough(method) && !method.contains("$$Lambda") && !method.contains("$$SpringCGLIB$$")
          && !method.contains(".lambda$")) {
        product.put(method, samples);
      }
    });
    return product;
  }

  private static void table(String title, Map<String, Long> counts, long samples, Consumer<String> out) {
    out.accept(title + ":");
    out.accept("");
    out.accept("| method | group | samples | share |");
    out.accept("| --- | --- | ---: | ---: |");
    counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(TOP)
        .forEach(e -> {
          String group = group(e.getKey());
          out.accept("| `" + e.getKey() + "` | " + (group == null ? "JDK" : group) + " | " + e.getValue() + " | "
              + percent(e.getValue(), samples) + " |");
        });
    out.accept("");
  }

  private static String percent(long part, long whole) {
    return String.format("%.1f %%", 100.0 * part / whole);
  }

  /** Reads recordings already written: {@code java ... CpuProfile target/benchmarks/cpu-product.jfr ...}. */
  public static void main(String[] args) throws Exception {
    for (String arg : args) {
      report(arg, read(Path.of(arg)), System.out::println);
    }
  }
}
