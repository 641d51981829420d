package jp.sample.isms;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The 情報管理規程 approval system: Camunda 7 engine, webapps and REST in one Spring Boot application. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class IsmsApplication {

  public static void main(String[] args) {
    SpringApplication application = new SpringApplication(IsmsApplication.class);
    application.addListeners(ProductTime.jvmDefault());
    application.run(args);
  }
}
