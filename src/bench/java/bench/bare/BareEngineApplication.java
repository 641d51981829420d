package bench.bare;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * The baseline of W4 and W5 (docs/performance.md): Camunda's Spring Boot starter as it ships (engine, REST API, webapps) with no
 * product code, only the HTTP Basic filter on /engine-rest that the product also has, so that "the first
 * authenticated REST call" means the same. Started by {@code Benchmarks} in a JVM of its own on the same PostgreSQL,
 * with {@code --spring.config.name=bare} (none of the product's configuration), the starter's admin user (ito) and
 * the bare process of W1 as its only deployment. Its package lies outside {@code jp.sample.isms}: its component scan
 * finds none of the product's beans, and the product's scan (in tests, with the test classes on the class path)
 * does not find this application.
 *
 * <p>The product's libraries are on the same class path; Spring Security's auto-configuration (there for single
 * sign-on) would otherwise put a generated login of its own in front of every path, which the stock starter does not
 * ship with, so it is left out here.
 */
@SpringBootApplication(excludeName = {
    "org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration",
    "org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration",
    "org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration",
    "org.springframework.boot.autoconfigure.security.oauth2.client.servlet.OAuth2ClientWebSecurityAutoConfiguration",
    "org.springframework.boot.autoconfigure.security.oauth2.client.OAuth2ClientAutoConfiguration",
    "org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration"})
public class BareEngineApplication {

  public static void main(String[] args) {
    SpringApplication.run(BareEngineApplication.class, args);
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> bareRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.addUrlPatterns("/engine-rest/*");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    return registration;
  }
}
