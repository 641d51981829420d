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

  /** Dates shown to users (Tasklist, mails, registers) are Japan time, whatever the host says. */
  public static final String TIME_ZONE = "Asia/Tokyo";

  public static void main(String[] args) {
    TimeZone.setDefault(TimeZone.getTimeZone(TIME_ZONE));
    SpringApplication.run(IsmsApplication.class, args);
  }
}
