package jp.sample.isms;

import java.util.TimeZone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The 情報管理規程 approval system: Camunda 7 engine, webapps and REST in one Spring Boot application. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class IsmsApplication {

  /**
   * The JVM's default zone, set before anything starts: the engine and the database driver convert with it. The
   * product's own zone is {@code isms.time-zone} ({@link ProductTime}); the two are the same unless configured apart.
   */
  public static final String TIME_ZONE = "Asia/Tokyo";

  public static void main(String[] args) {
    TimeZone.setDefault(TimeZone.getTimeZone(TIME_ZONE));
    SpringApplication.run(IsmsApplication.class, args);
  }
}
