package bench.startup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationHook;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.metrics.StartupStep;

import jp.sample.isms.IsmsApplication;

/**
 * The product's {@code main} with Spring's start-up steps recorded (docs/performance.md, W4 "where the start-up
 * goes"): every step of the context's refresh (configuration classes parsed, each bean instantiated and initialised,
 * the web server created) with its duration, written when the application is ready to the file named by
 * {@code -Disms.startup.steps} as tab-separated lines: step, detail, duration ms, self ms (the duration minus that
 * of the step's direct children). Started by {@code Benchmarks} in a JVM of its own with only this class added to the
 * product's runtime class path; it changes nothing else of the start.
 */
public final class StartupSteps {

  private StartupSteps() {
  }

  public static void main(String[] args) throws Exception {
    Path out = Path.of(System.getProperty("isms.startup.steps"));
    BufferingApplicationStartup steps = new BufferingApplicationStartup(200_000);
    SpringApplicationHook hook = application -> {
      application.setApplicationStartup(steps);
      return new SpringApplicationRunListener() {
        @Override
        public void ready(ConfigurableApplicationContext context, Duration timeTaken) {
          write(steps.getBufferedTimeline(), out);
        }
      };
    };
    SpringApplication.withHook(hook, () -> IsmsApplication.main(args));
  }

  private static void write(StartupTimeline timeline, Path out) {
    List<StartupTimeline.TimelineEvent> events = timeline.getEvents();
    Map<Long, Long> children = new HashMap<>();
    for (StartupTimeline.TimelineEvent event : events) {
      Long parent = event.getStartupStep().getParentId();
      if (parent != null) {
        children.merge(parent, event.getDuration().toNanos(), Long::sum);
      }
    }
    String lines = events.stream().map(event -> {
      StartupStep step = event.getStartupStep();
      long total = event.getDuration().toNanos();
      long self = total - children.getOrDefault(step.getId(), 0L);
      String detail = StreamSupport.stream(step.getTags().spliterator(), false)
          .filter(tag -> !tag.getKey().equals("beanType"))
          .map(tag -> tag.getKey() + "=" + tag.getValue().replaceAll("\\s+", " "))
          .collect(Collectors.joining(" "));
      return step.getName() + "\t" + detail + "\t" + total / 1e6 + "\t" + self / 1e6;
    }).collect(Collectors.joining("\n"));
    try {
      Files.writeString(out, lines, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
