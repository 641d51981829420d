package jp.sample.isms.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The pictures of the user documentation ({@code docs/images/}, referenced from README.md), taken by the browser tests
 * at the moments they show, so that they always show the product as it is. The window is 1400 × 1000.
 */
final class DocumentationImages {

  private static final Path FOLDER = Path.of("docs", "images");

  private DocumentationImages() {
  }

  /** Gives the page 1400 × 1000 pixels, whatever the headless window keeps for itself. */
  static void fixWindow(ChromeDriver browser) {
    browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
        Map.of("width", 1400, "height", 1000, "deviceScaleFactor", 1, "mobile", false));
  }

  /** Saves what the browser shows now as {@code docs/images/<name>}. */
  static void save(WebDriver browser, String name) {
    try {
      Files.createDirectories(FOLDER);
      Files.write(FOLDER.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
