package jp.sample.isms.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The system's Chromium and ChromeDriver (Debian packages, or ISMS_CHROMIUM / ISMS_CHROMEDRIVER): headless, 1400 × 1000,
 * a fresh profile per browser; never a browser or driver downloaded by Selenium Manager.
 */
final class Chromium {

  private static final String CHROMIUM = System.getenv().getOrDefault("ISMS_CHROMIUM", "/usr/bin/chromium");
  private static final String CHROMEDRIVER = System.getenv().getOrDefault("ISMS_CHROMEDRIVER", "/usr/bin/chromedriver");

  private Chromium() {
  }

  /** The options every browser test starts from; a test may add capabilities before {@link #start}. */
  static ChromeOptions options() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    try {
      options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
          "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,1000",
          "--user-data-dir=" + Files.createTempDirectory("isms-chromium"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return options;
  }

  static ChromeDriver start(ChromeOptions options) {
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile()).build();
    return new ChromeDriver(service, options);
  }
}
