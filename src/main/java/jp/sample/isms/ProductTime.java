package jp.sample.isms;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The time zone the product counts days in and shows times in (mails, deadlines, request numbers, substitutions):
 * {@code isms.time-zone}, Japan time unless configured. One {@link ZoneId} and one {@link Clock} for every class that
 * needs them; a test that needs a fixed day replaces the clock.
 */
@Configuration(proxyBeanMethods = false)
public class ProductTime {

  @Bean
  ZoneId productZone(@Value("${isms.time-zone}") String zone) {
    return ZoneId.of(zone);
  }

  @Bean
  Clock productClock(ZoneId productZone) {
    return Clock.system(productZone);
  }
}
