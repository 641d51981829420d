package jp.sample.isms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.scheduling.support.SimpleTriggerContext;
import org.springframework.test.context.ActiveProfiles;

import jp.sample.isms.audit.AuditChain;
import jp.sample.isms.audit.AuditEntry;
import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.audit.AuditStepKind;
import jp.sample.isms.audit.Outcome;
import jp.sample.isms.organisation.PasswordExpiry;

/**
 * {@code isms.time-zone} is the product's zone: with UTC configured, the password expiry counts months and shows dates
 * in UTC, the decision record is written and read in UTC, and the nightly verification of the record runs at 02:30
 * UTC. (In Japan time each of these would differ.)
 */
@SpringBootTest(classes = IsmsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"isms.time-zone=UTC", "isms.password.max-age=P1M", "isms.password.expiry-warning=P7D"})
@ActiveProfiles("test")
class ProductTimeZoneTest {

  @Autowired
  ZoneId zone;
  @Autowired
  PasswordExpiry expiry;
  @Autowired
  AuditRecorder audit;
  @Autowired
  AuditChain chain;
  @Autowired
  List<ScheduledTaskHolder> scheduled;

  @Test
  void theProductsZoneIsTheConfiguredOne() {
    assertThat(zone).isEqualTo(ZoneId.of("UTC"));
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
  void theRecordIsWrittenAndReadInTheConfiguredZone() {
    assertThat(audit.zone()).isEqualTo(ZoneId.of("UTC"));
    assertThat(audit.now().getOffset()).isEqualTo(ZoneOffset.UTC);
    String key = "TZ-" + System.nanoTime();
    audit.record(AuditEntry.systemStep(key, null, "timeZoneTest", "ServiceTask_TimeZone", "時間帯の確認")
        .outcome(Outcome.RECORDED).build());
    List<AuditEntry> read = audit.forBusinessKey(key);
    assertThat(read).hasSize(1);
    assertThat(read.get(0).occurredAt().getOffset()).isEqualTo(ZoneOffset.UTC);
    assertThat(read.get(0).stepKind()).isEqualTo(AuditStepKind.SYSTEM.code());
    assertThat(chain.verify().checkedAt().getOffset()).isEqualTo(ZoneOffset.UTC);
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
}
