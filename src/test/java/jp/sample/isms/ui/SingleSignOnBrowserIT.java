package jp.sample.isms.ui;

import static jp.sample.isms.ui.BrowserSteps.field;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.logging.Level;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import jp.sample.isms.IsmsApplication;
import jp.sample.isms.support.KeycloakServer;
import jp.sample.isms.takeout.TakeOutProcess;
import jp.sample.isms.support.DemoOrganisation;

/**
 * Single sign-on in Chromium against a real Keycloak with the demo realm: yamamoto signs in on the IdP's login page,
 * files a take-out in Tasklist, ito signs in the same way and approves it. Nobody types a product password.
 */
@Tag("browser")
@Tag("sso")
class SingleSignOnBrowserIT {

  private static final int APP_PORT = KeycloakServer.freeApplicationPort();

  static KeycloakServer idp;
  static ConfigurableApplicationContext app;

  WebDriver browser;
  WebDriverWait wait;
  BrowserSteps steps;

  @BeforeAll
  static void start() {
    idp = KeycloakServer.start(APP_PORT);
    try {
      app = new SpringApplicationBuilder(IsmsApplication.class).profiles("test", "sso").run(
          "--server.port=" + APP_PORT, "--isms.sso.issuer-uri=" + idp.issuer(),
          "--isms.sso.client-secret=" + KeycloakServer.CLIENT_SECRET);
    } catch (RuntimeException e) {
      idp.close();
      throw e;
    }
  }

  @AfterAll
  static void stop() {
    try {
      if (app != null) {
        app.close();
      }
    } finally {
      if (idp != null) {
        idp.close();
      }
    }
  }

  @BeforeEach
  void openBrowser() {
    ChromeOptions options = Chromium.options();
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    browser = Chromium.start(options);
    wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    steps = new BrowserSteps(browser, wait, "http://localhost:" + APP_PORT);
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      screenshot("sso-browser.png");
      browser.quit();
    }
  }

  @Test
  void yamamotoSignsInAtTheIdpFilesATakeOutAndItoSignsInAndApprovesIt() {
    signIn(DemoOrganisation.DESIGN_EMPLOYEE);
    steps.clickText("a", "新しい申請");
    steps.clickText(".modal a", "情報資産の社外持ち出し申請");
    WebElement description = wait.until(ExpectedConditions.elementToBeClickable(field("assetDescription")));
    description.sendKeys("設計図面 (ノートPC内)");
    browser.findElement(By.cssSelector(".isms-asset-search")).sendKeys("標準機");
    steps.click(wait.until(ExpectedConditions.elementToBeClickable(
        By.cssSelector(".isms-asset-option[data-asset-id='IA-0001']"))));
    chooseMedium("ノートパソコン");
    browser.findElement(field("destination")).sendKeys("協力会社 本社 (SSO)");
    browser.findElement(field("purpose")).sendKeys("図面レビュー");
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
    steps.typeDate("startDate-date", today);
    steps.typeDate("plannedReturnDate-date", today.plusDays(1));
    for (String attestation : List.of("attestDiskEncrypted", "attestEncryptedChannel", "attestKeptInSight")) {
      steps.click(browser.findElement(field(attestation)));
    }
    steps.click(browser.findElement(By.cssSelector("button[ng-click='startProcessInstance()']")));

    RuntimeService runtime = app.getBean(RuntimeService.class);
    ProcessInstance instance = wait.until(driver -> runtime.createProcessInstanceQuery()
        .processDefinitionKey(TakeOutProcess.KEY).variableValueEquals("requester", DemoOrganisation.DESIGN_EMPLOYEE)
        .variableValueEquals("destination", "協力会社 本社 (SSO)").list().stream().findFirst().orElse(null));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".isms-filed")));

    // ito signs in at the IdP in a browser of his own (no cookie or stored state of yamamoto's)
    browser.quit();
    openBrowser();
    signIn(DemoOrganisation.DEVELOPMENT_HEAD);
    steps.clickText("a", "自分のグループのタスク");
    wait.ignoring(StaleElementReferenceException.class).until(driver -> {
      for (WebElement row : driver.findElements(By.cssSelector("li"))) {
        if (row.isDisplayed() && row.getText().contains(instance.getBusinessKey())) {
          steps.click(row.findElement(By.cssSelector("a")));
          return true;
        }
      }
      return null;
    });
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "担当する"));
    steps.clickText("button, a", "担当する");
    steps.click(wait.until(ExpectedConditions.presenceOfElementLocated(field("decision-0"))));
    steps.click(wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[ng-click='complete()']"))));

    TaskService tasks = app.getBean(TaskService.class);
    wait.until(driver -> tasks.createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(TakeOutProcess.TASK_REPORT_RETURN).count() == 1);
    assertThat(app.getBean(HistoryService.class).createHistoricTaskInstanceQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(TakeOutProcess.TASK_APPROVE).singleResult().getAssignee()).isEqualTo(DemoOrganisation.DEVELOPMENT_HEAD);
  }

  /** Tasklist sends the browser to the IdP's login page; back in Tasklist, signed in. */
  private void signIn(String user) {
    browser.get("http://localhost:" + APP_PORT + "/camunda/app/tasklist/default/");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(user);
    assertThat(browser.getCurrentUrl()).startsWith(idp.issuer());
    browser.findElement(By.id("password")).sendKeys(KeycloakServer.PASSWORD);
    browser.findElement(By.id("kc-login")).click();
    try {
      new WebDriverWait(browser, Duration.ofSeconds(120)).until(
          ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "自分のタスク"));
    } catch (TimeoutException e) {
      throw new AssertionError(user + " did not arrive in Tasklist after signing in at the IdP\n" + whereTheBrowserIs(), e);
    }
    assertThat(browser.getCurrentUrl()).startsWith("http://localhost:" + APP_PORT + "/camunda/app/tasklist/");
  }

  /** The page, its address and the browser's console, for a sign-in that does not finish. */
  private String whereTheBrowserIs() {
    StringBuilder report = new StringBuilder("url: ").append(browser.getCurrentUrl()).append('\n');
    for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
      report.append("console: ").append(entry).append('\n');
    }
    String source = browser.getPageSource();
    return report.append("page: ").append(source, 0, Math.min(4000, source.length())).toString();
  }

  private void screenshot(String name) {
    try {
      Files.write(Path.of("target", name),
          ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private void chooseMedium(String label) {
    WebElement select = browser.findElement(field("medium")).findElement(By.xpath(".."));
    steps.click(select.findElement(By.cssSelector(".fjs-select-display, .fjs-input-group")));
    steps.clickText(".fjs-dropdownlist-item", label);
  }

}
