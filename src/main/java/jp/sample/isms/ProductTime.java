package jp.sample.isms;

import java.time.Clock;
import java.time.ZoneId;
import java.util.TimeZone;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The time zone the product counts days in and shows times in (mails, deadlines, request numbers, substitutions):
 * {@code isms.time-zone}, Japan time unless configured. One {@link ZoneId} and one {@link Clock} for every class that
 * needs them; a test that needs a fixed day replaces the clock. The default, Asia/Tokyo, is defined once, in
 * {@code application.yaml}; {@code @Scheduled} jobs name their zone {@code ${isms.time-zone}}.
 */
@Configuration(proxyBeanMethods = false)
public class ProductTime {

  /** The property that names the zone. */
  public static final String PROPERTY = "isms.time-zone";

  /**
   * Sets the JVM's default zone to the product's as soon as the configuration is read, before anything starts: the
   * engine and the database driver convert with the JVM's default.
   */
  static ApplicationListener<ApplicationEnvironmentPreparedEvent> jvmDefault() {
    return event -> TimeZone.setDefault(TimeZone.getTimeZone(
        ZoneId.of(event.getEnvironment().getRequiredProperty(PROPERTY))));
  }

  @Bean
  ZoneId productZone(@Value("${isms.time-zone}") String zone) {
    return ZoneId.of(zone);
  }

  @Bean
  Clock productClock(ZoneId productZone) {
    return Clock.system(productZone);
  }
}
