package jp.sample.isms.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import jp.sample.isms.IsmsApplication;
import jp.sample.isms.support.DemoOrganisation;
import jp.sample.isms.support.Requests;

/**
 * The pages show times in the product's zone, not in Japan's and not in the browser's: the application runs with
 * {@code isms.time-zone=America/New_York}, the browser in Sydney; the time a take-out was filed shows on 申請一覧 and on
 * the auditors' request search as the record's instant in New York. Tagged "browser".
 *
 * <p>The application is started here, not shared with the other tests (they run in Japan time): failsafe gives each
 * IT class a JVM of its own, and engines and the webapps' runtime are JVM-wide, so the test refuses to start beside
 * another engine. It keeps the engine's default name (the product's {@code /api} authenticates HTTP Basic against the
 * default engine), leaves the webapps off (the pages are read with HTTP Basic) and has an H2 database of its own.
 */
@Tag("browser")
class ProductTimeZoneBrowserIT {

  static final ZoneId PRODUCT_ZONE = ZoneId.of("America/New_York");
  static final String BROWSER_ZONE = "Australia/Sydney";
  static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  static ConfigurableApplicationContext application;
  static ProcessEngine engine;
  static int port;

  ChromeDriver browser;
  WebDriverWait wait;

  @BeforeAll
  static void start() {
    assertThat(ProcessEngines.getProcessEngines()).as("another engine in this JVM").isEmpty();
    application = new SpringApplicationBuilder(IsmsApplication.class).profiles("test").run(
        "--isms.time-zone=" + PRODUCT_ZONE.getId(), "--camunda.bpm.webapp.enabled=false", "--server.port=0",
        "--spring.datasource.url=jdbc:h2:mem:product-time-zone-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
        "--spring.datasource.username=sa", "--spring.datasource.password=");
    engine = application.getBean(ProcessEngine.class);
    port = ((WebServerApplicationContext) application).getWebServer().getPort();
  }

  @AfterAll
  static void stop() {
    if (application != null) {
      application.close();
    }
  }

  @BeforeEach
  void openBrowser() {
    browser = Chromium.start(Chromium.options());
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    browser.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", BROWSER_ZONE));
    browser.executeCdpCommand("Network.enable", Map.of());
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void theRequesterAndTheAuditorSeeTheFilingTimeInTheProductsZone() {
    // given yamamoto's take-out
    ProcessInstance instance = new Requests(engine).file(DemoOrganisation.DESIGN_EMPLOYEE, "takeOut",
        Requests.internalLaptopTakeOut());
    String key = instance.getBusinessKey();
    assertThat(browserZone()).isEqualTo(BROWSER_ZONE);

    // when she opens 申請一覧
    readAs(DemoOrganisation.DESIGN_EMPLOYEE);
    browser.get(base() + "/my/");
    By mine = By.cssSelector("#results tr[data-key='" + key + "']");
    wait.until(ExpectedConditions.presenceOfElementLocated(mine));

    // then the time it was filed is the record's instant in New York, neither in Japan nor in Sydney
    OffsetDateTime filed = OffsetDateTime.parse(field("/api/my/requests", "items", key, "filedAt"));
    assertShownInProductZone(browser.findElement(mine).getText(), filed);

    // when nakamura, the auditor, searches for it, the search shows the same
    readAs(DemoOrganisation.PRODUCTION_CHIEF);
    DateTimeFormatter hour = DateTimeFormatter.ofPattern("yyyy-MM-dd HH");
    String before = OffsetDateTime.now(PRODUCT_ZONE).format(hour);
    String beforeInJapan = OffsetDateTime.now(ZoneId.of("Asia/Tokyo")).format(hour);
    browser.get(base() + "/audit/index.html?businessKey=" + key);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("results"), key));
    assertShownInProductZone(browser.findElement(By.id("results")).getText(), filed);
    // and the print line's time of printing is in New York too
    String printed = browser.findElement(By.id("printed")).getAttribute("textContent");
    String after = OffsetDateTime.now(PRODUCT_ZONE).format(hour);
    assertThat(printed).containsAnyOf(before, after).doesNotContain(beforeInJapan);
  }

  private void assertShownInProductZone(String text, OffsetDateTime filed) {
    String inProductZone = filed.atZoneSameInstant(PRODUCT_ZONE).format(SHOWN);
    assertThat(text).contains(inProductZone)
        .doesNotContain(filed.atZoneSameInstant(ZoneId.of("Asia/Tokyo")).format(SHOWN))
        .doesNotContain(filed.atZoneSameInstant(ZoneId.of(BROWSER_ZONE)).format(SHOWN));
  }

  /** Every request of the browser carries HTTP Basic of the user (the application runs without the webapps). */
  private void readAs(String user) {
    String basic = Base64.getEncoder().encodeToString((user + ":" + DemoOrganisation.PASSWORD)
        .getBytes(StandardCharsets.UTF_8));
    browser.executeCdpCommand("Network.setExtraHTTPHeaders",
        Map.of("headers", Map.of("Authorization", "Basic " + basic)));
  }

  /** A field of the request {@code key} in a list the API answers, as the page read it. */
  @SuppressWarnings("unchecked")
  private String field(String path, String list, String key, String name) {
    Object answer = browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
        + "fetch(arguments[0], {headers: {Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest'}})"
        + ".then(r => r.json()).then(done, e => done(String(e)));", path);
    List<Map<String, Object>> items = (List<Map<String, Object>>) ((Map<String, Object>) answer).get(list);
    return items.stream().filter(item -> key.equals(item.get("businessKey"))).map(item -> String.valueOf(item.get(name)))
        .findFirst().orElseThrow();
  }

  private String browserZone() {
    return (String) browser.executeScript("return Intl.DateTimeFormat().resolvedOptions().timeZone;");
  }

  private String base() {
    return "http://localhost:" + port;
  }
}
