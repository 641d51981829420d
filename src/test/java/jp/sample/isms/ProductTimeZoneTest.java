package jp.sample.isms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.scheduling.support.SimpleTriggerContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import jp.sample.isms.audit.AuditChain;
import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.organisation.PasswordExpiry;

/**
 * {@code isms.time-zone} is the product's zone: with UTC configured, the password expiry counts months and shows dates
 * in UTC, the decision record's clock is UTC, and the nightly verification of the record runs at 02:30 UTC (in Japan
 * time each of these would differ). The beans as the application wires them, in a context of their own (a second
 * engine in the test JVM would take the shared one's name). No class names a zone of its own, and neither does the
 * JavaScript of the pages: they format times in the zone the server names ({@code Isms-Time-Zone}).
 */
@SpringJUnitConfig(ProductTimeZoneTest.Beans.class)
@TestPropertySource(properties = {"isms.time-zone=UTC", "isms.password.max-age=P1M", "isms.password.expiry-warning=P7D"})
class ProductTimeZoneTest {

  @Configuration(proxyBeanMethods = false)
  @EnableScheduling
  @Import({ProductTime.class, PasswordExpiry.class, AuditChain.class})
  static class Beans {
    @Bean
    JdbcTemplate jdbcTemplate() {
      return new JdbcTemplate(new DriverManagerDataSource("jdbc:h2:mem:product-time-zone"));
    }
  }

  @Autowired
  ZoneId zone;
  @Autowired
  Clock clock;
  @Autowired
  PasswordExpiry expiry;
  @Autowired
  AuditChain chain;
  @Autowired
  List<ScheduledTaskHolder> scheduled;

  @Test
  void theProductsZoneIsTheConfiguredOne() {
    assertThat(zone).isEqualTo(ZoneId.of("UTC"));
    assertThat(clock.getZone()).isEqualTo(ZoneId.of("UTC"));
  }

  @Test
  void passwordExpiryCountsMonthsAndShowsDatesInTheConfiguredZone() {
    // 2026-02-28 20:00 UTC is already 1 March in Japan: a month later is 28 March here, 1 April in Japan
    Instant set = Instant.parse("2026-02-28T20:00:00Z");
    assertThat(expiry.expiresAt(set)).isEqualTo(Instant.parse("2026-03-28T20:00:00Z"));
    assertThat(expiry.format(expiry.expiresAt(set))).isEqualTo("2026/03/28 20:00");
    assertThat(expiry.warnAt(set)).isEqualTo(Instant.parse("2026-03-21T20:00:00Z"));
  }

  @Test
  void theRecordCountsInTheConfiguredZone() {
    AuditRecorder audit = new AuditRecorder(null, null, "2026-04", null, chain, clock);
    assertThat(audit.zone()).isEqualTo(ZoneId.of("UTC"));
    assertThat(audit.now().getOffset()).isEqualTo(ZoneOffset.UTC);
  }

  @Test
  void theNightlyVerificationRunsAtHalfPastTwoInTheConfiguredZone() {
    CronTask verification = scheduled.stream().flatMap(holder -> holder.getScheduledTasks().stream())
        .map(ScheduledTask::getTask).filter(CronTask.class::isInstance).map(CronTask.class::cast)
        .filter(task -> task.toString().contains("AuditChain.verifyNightly")).findFirst().orElseThrow();
    Clock noon = Clock.fixed(Instant.parse("2026-04-01T12:00:00Z"), ZoneOffset.UTC);
    Instant next = verification.getTrigger().nextExecution(new SimpleTriggerContext(noon));
    // 02:30 UTC the next day; Japan's 02:30 would be 17:30 UTC the same day
    assertThat(ZonedDateTime.ofInstant(next, ZoneOffset.UTC)).isEqualTo("2026-04-02T02:30:00Z");
  }

  /** A zone or fixed offset written into a class would be a second definition that ignores the configured one. */
  @Test
  void noClassNamesAZoneOfItsOwn() throws IOException {
    Pattern zoneLiteral = Pattern.compile(
        "ZoneId\\.of\\(\"|ZoneOffset\\.of(Hours|HoursMinutes|HoursMinutesSeconds|TotalSeconds)?\\(|"
            + "TimeZone\\.getTimeZone\\(\"|\"(Asia|Europe|America|Etc)/|\"JST\"");
    try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
      List<String> offending = sources.filter(path -> path.toString().endsWith(".java")).flatMap(path -> {
        try {
          return Files.readAllLines(path).stream().filter(line -> zoneLiteral.matcher(line).find())
              .map(line -> path + ": " + line.trim());
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).toList();
      assertThat(offending).isEmpty();
    }
  }

  /** A zone, an offset or the browser's own zone in a page's script. */
  private static final Pattern PAGE_ZONE = Pattern.compile(
      "timeZone\\s*:\\s*['\"`]|['\"`](Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific|Etc)/"
          + "|['\"`](JST|UTC|GMT)['\"`]|[+-]\\d{2}:\\d{2}['\"`]|\\b\\d+\\s*\\*\\s*3600\\s*\\*\\s*1000\\b"
          + "|getTimezoneOffset|\\.get(Hours|Minutes|Seconds|Date|Day|Month|FullYear|Year)\\(|\\.set(Hours|Date)\\("
          + "|toLocale(Date|Time)?String\\(");

  /**
   * The pages' JavaScript and HTML (static/, and the Tasklist extensions under META-INF/resources) name no zone and no
   * offset, and never read a time in the browser's own zone (Date's local getters, toLocale…String, a fixed
   * +9 hours): each would show another zone than the configured one. Bundled third-party files (vendor/) are not the
   * product's.
   */
  @Test
  void noPageNamesAZoneOfItsOwn() throws IOException {
    List<String> offending = new java.util.ArrayList<>();
    for (Path root : List.of(Path.of("src/main/resources/static"), Path.of("src/main/resources/META-INF/resources"))) {
      try (Stream<Path> files = Files.walk(root)) {
        files.filter(path -> path.toString().endsWith(".js") || path.toString().endsWith(".html"))
            .filter(path -> !path.toString().contains("/vendor/")).forEach(path -> {
              try {
                Files.readAllLines(path).stream().filter(line -> PAGE_ZONE.matcher(line).find())
                    .forEach(line -> offending.add(path + ": " + line.trim()));
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
      }
    }
    assertThat(offending).isEmpty();
  }

  /** The check above finds what it is meant to find, and lets the product's own way pass. */
  @Test
  void aZoneInAPageWouldBeFound() {
    assertThat(List.of("timeZone: 'Asia/Tokyo', year: 'numeric',", "new Date(Date.now() + 9 * 3600 * 1000)",
        "date.toLocaleString('ja-JP')", "const offset = '+09:00';", "date.getHours()", "zone = \"Europe/Berlin\";",
        "timeZone: \"UTC\""))
        .allSatisfy(line -> assertThat(PAGE_ZONE.matcher(line).find()).as(line).isTrue());
    assertThat(List.of("timeZone: zone, year: 'numeric',", "new Intl.DateTimeFormat('ja-JP', {timeZone: productZone})",
        "Date.now() - new Date(request.filedAt).getTime() > 60 * 1000", "'2026-04-01 09:30:00'"))
        .allSatisfy(line -> assertThat(PAGE_ZONE.matcher(line).find()).as(line).isFalse());
  }
}
