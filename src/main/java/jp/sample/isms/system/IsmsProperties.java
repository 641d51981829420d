package jp.sample.isms.system;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The product's own settings ({@code isms.*} in application.yaml). */
@ConfigurationProperties(prefix = "isms")
public record IsmsProperties(String environment, Demo demo, Organisation organisation, Mail mail, Tasklist tasklist) {

  public static final String PRODUCTION = "production";

  public boolean isProduction() {
    return PRODUCTION.equalsIgnoreCase(environment);
  }

  /** The demo organisation (its file) and its shared password. */
  public record Demo(boolean enabled, String password, boolean allowInProduction, String organisationFile) {
  }

  /** The company's own organisation file loaded at start (empty: none); new users get no password. */
  public record Organisation(String file) {
  }

  /** Where mail goes: {@code log} or {@code smtp}. */
  public record Mail(String transport, String from) {
  }

  /** Base address of Tasklist for links in mails. */
  public record Tasklist(String baseUrl) {
  }
}
