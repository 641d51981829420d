package jp.sample.isms.system;

import java.nio.charset.Charset;

import org.springframework.core.io.Resource;

/**
 * The steps of the start-up ({@code SystemInitializer}) that belong to other modules, published as events in the
 * start-up's order and handled synchronously, on the start-up's thread: a listener's exception stops the start as
 * before. The modules listen; the start-up does not know them.
 */
public final class StartUp {

  private StartUp() {
  }

  /**
   * After the demo organisation: the company's organisation file, if one is configured ({@code file} null if not),
   * then the first administrator of an empty installation (administration).
   */
  public record Organisation(Resource file, Charset encoding) {
  }

  /**
   * After the age of passwords is dated: the kernel records of requests filed before an upgrade (approval), once the
   * organisation is read.
   */
  public record RequestsInFlight() {
  }
}
