package jp.sample.isms.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.support.Requests;
import jp.sample.isms.support.DemoOrganisation;

/**
 * 申請一覧 in Debian's headless Chromium at 1400×1000, reached from Tasklist's navigation bar: yamamoto sees her
 * filed, approved, rejected and sent-back requests with the right states, opens one's timeline, withdraws one and
 * reads the page in English; kobayashi sees none of them; ito sees what he decided and what he holds. Writes the
 * screenshot of the page used in the documentation (docs/images/my-requests.png). Tagged "browser".
 */
@Tag("browser")
@IsmsSpringBootTest
class MyRequestsBrowserIT {

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;

  Requests requests;
  ChromeDriver browser;
  WebDriverWait wait;

  @BeforeEach
  void openBrowser() throws Exception {
    requests = new Requests(engine);
    ChromeOptions options = Chromium.options();
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    browser = Chromium.start(options);
    wait = new WebDriverWait(browser, Duration.ofSeconds(20));
  }

  @AfterEach
  void closeBrowser(TestInfo test) {
    if (browser != null) {
      screenshot(Path.of("target", "my-requests-" + test.getTestMethod().map(m -> m.getName()).orElse("last") + ".png"));
      browser.quit();
    }
  }

  @Test
  void yamamotoSeesHerRequestsWithTheirStatesKobayashiNoneAndItoWhatHeDecided() throws Exception {
    // given yamamoto's take-outs: one waiting for ito, one approved by ito, one rejected by tanaka, one sent back
    ProcessInstance pending = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, "takeOut",
        Requests.internalLaptopTakeOut());
    ProcessInstance approved = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, "takeOut",
        Requests.internalLaptopTakeOut());
    requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, approved, Map.of("decision", "APPROVED", "decisionComment",
        "返却時に報告してください"));
    Map<String, Object> secret = Requests.internalLaptopTakeOut();
    secret.put("assetIds", "IA-0002"); // 極秘 in the 情報資産管理台帳: the president decides
    ProcessInstance rejected = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, "takeOut", secret);
    requests.complete(DemoOrganisation.PRESIDENT, rejected, Map.of("decision", "REJECTED", "decisionComment",
        "極秘は持ち出し不可"));
    ProcessInstance sentBack = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, "takeOut",
        Requests.internalLaptopTakeOut());
    requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, sentBack, Map.of("decision", "SENT_BACK", "decisionComment",
        "返却日を確認してください"));
    ProcessInstance kobayashis = requests.file(DemoOrganisation.PRODUCTION_EMPLOYEE, "takeOut",
        Requests.internalLaptopTakeOut(DemoOrganisation.PRODUCTION_EMPLOYEE));

    // when yamamoto opens 申請一覧 from Tasklist's navigation bar
    login(DemoOrganisation.DESIGN_EMPLOYEE);
    WebElement link = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("isms-my-requests")));
    assertThat(link.getText()).contains("申請一覧");
    click(link);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("reader"), "山本 さくら (yamamoto)"));
    wait.until(ExpectedConditions.presenceOfElementLocated(row(sentBack)));

    // then each request shows its state, whom it waits for, the last decision with its comment
    assertThat(text(row(pending))).contains("申請中", "持ち出しを承認する", "伊藤 直樹 (部門責任者 (開発設計部))");
    assertThat(text(row(approved))).contains("承認 (報告待ち)", "返却を報告する", "伊藤 直樹", "返却時に報告してください");
    assertThat(text(row(rejected))).contains("却下", "田中 一郎", "極秘は持ち出し不可");
    assertThat(text(row(sentBack))).contains("差し戻し中", "返却日を確認してください", "修正・再申請する", "引き戻す");
    assertThat(browser.findElement(row(sentBack)).findElement(By.linkText("修正・再申請する")).getAttribute("href"))
        .contains("/camunda/app/tasklist/default/#/?task=" + requests.task(sentBack).getId());
    assertThat(browser.findElements(row(kobayashis))).isEmpty();
    assertThat(severeConsoleErrors()).isEmpty();
    screenshot(Path.of("docs", "images", "my-requests.png"));

    // and her request's timeline shows the decision and the path on the diagram
    click(browser.findElement(row(approved)).findElement(By.linkText(approved.getBusinessKey())));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("records"), "伊藤 直樹"));
    assertThat(browser.findElement(By.id("records")).getText()).contains("承認", "返却時に報告してください", "部門責任者");
    assertThat(browser.findElement(By.id("state")).getText()).isEqualTo("承認 (報告待ち)");
    wait.until(driver -> !driver.findElements(By.cssSelector("#diagram .djs-element.audit-current")).isEmpty());
    assertThat(browser.findElements(By.cssSelector("#diagram .djs-element.audit-current")))
        .extracting(e -> e.getAttribute("data-element-id")).contains("UserTask_ReportReturn");
    assertThat(severeConsoleErrors()).isEmpty();
    screenshot(Path.of("target", "my-requests-timeline.png"));

    // and she withdraws the request still waiting for ito from the list
    browser.get(base() + "/my/");
    click(wait.until(ExpectedConditions.presenceOfElementLocated(row(pending))).findElement(By.cssSelector("button.withdraw")));
    wait.until(ExpectedConditions.alertIsPresent()).sendKeys("予定が変わりました");
    browser.switchTo().alert().accept();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"),
        "申請 " + pending.getBusinessKey() + " を引き戻しました"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(row(pending), "取り下げ"));
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pending.getId()).count())
        .isZero();

    // and reads the list in English
    click(browser.findElement(By.id("locale-switch")));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "My requests"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(row(rejected), "Rejected"));
    assertThat(text(row(sentBack))).contains("Sent back", "Correct and resubmit");
    click(browser.findElement(By.id("locale-switch")));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "申請一覧"));

    // when kobayashi opens his list, none of yamamoto's requests are there
    logout();
    login(DemoOrganisation.PRODUCTION_EMPLOYEE);
    browser.get(base() + "/my/");
    wait.until(ExpectedConditions.presenceOfElementLocated(row(kobayashis)));
    for (ProcessInstance hers : List.of(pending, approved, rejected, sentBack)) {
      assertThat(browser.findElements(row(hers))).isEmpty();
    }
    assertThat(browser.findElement(By.id("approver")).isDisplayed()).isFalse();
    // nor her timeline by its number
    browser.get(base() + "/my/request.html?key=" + approved.getBusinessKey());
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "あなたの申請はありません"));
    assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("返却時に報告してください");

    // when ito opens his, he sees what he decided and the step he holds
    logout();
    ProcessInstance waitingForIto = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, "takeOut",
        Requests.internalLaptopTakeOut());
    login(DemoOrganisation.DEVELOPMENT_HEAD);
    browser.get(base() + "/my/");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("decidedResults")));
    WebElement decided = browser.findElement(By.id("decidedResults"));
    wait.until(ExpectedConditions.textToBePresentInElement(decided, sentBack.getBusinessKey()));
    assertThat(text(decided, approved)).contains("承認", "山本 さくら", "返却時に報告してください");
    assertThat(text(decided, sentBack)).contains("差し戻し", "返却日を確認してください");
    assertThat(decided.getText()).doesNotContain(rejected.getBusinessKey());
    WebElement held = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("heldResults")));
    assertThat(text(held, waitingForIto)).contains("持ち出しを承認する", "山本 さくら", "Tasklist で開く");
    screenshot(Path.of("target", "my-requests-approver.png"));
  }

  @Test
  void withoutALoginThePagesGoToTasklistsLoginAndComeBack() {
    // when nakamura opens the audit search without a session, he logs in where the page sends him
    browser.get(base() + "/audit/index.html?flow=takeOut");
    loginForm(DemoOrganisation.PRODUCTION_CHIEF);

    // then he is back on the search, with his name and the choices filled
    wait.until(ExpectedConditions.urlContains("/audit/index.html?flow=takeOut"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("reader"), "中村 学 (監査・点検責任者)"));
    wait.until(driver -> driver.findElements(By.cssSelector("#flow option")).size() > 1);
    assertThat(browser.findElement(By.cssSelector("#flow option:checked")).getAttribute("value")).isEqualTo("takeOut");
    // and Tasklist's login page asked for no welcome message (404 /camunda-welcome), the audit pages write no errors
    // to the console (no favicon 404)
    assertThat(browser.manage().logs().get(LogType.BROWSER).getAll()).extracting(LogEntry::getMessage)
        .noneMatch(message -> message.contains("camunda-welcome"));
    browser.get(base() + "/audit/records.html");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("summary"), "件"));
    assertThat(severeConsoleErrors()).isEmpty();

    // and 申請一覧 likewise for yamamoto
    logout();
    browser.get(base() + "/my/");
    loginForm(DemoOrganisation.DESIGN_EMPLOYEE);
    wait.until(ExpectedConditions.urlContains("/my/index.html"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("reader"), "山本 さくら (yamamoto)"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("summary"), "件"));

    // and a return address that leaves the application is ignored: the user stays in Tasklist
    for (String elsewhere : List.of("//evil.example/", "/\\evil.example/", "https://evil.example/")) {
      logout();
      browser.get(base() + "/camunda/app/tasklist/default/");
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
      ((JavascriptExecutor) browser).executeScript("window.sessionStorage.setItem('isms-after-login', arguments[0]);",
          elsewhere);
      loginForm(DemoOrganisation.PRODUCTION_EMPLOYEE);
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("isms-my-requests")));
      assertThat(browser.getCurrentUrl()).as(elsewhere).startsWith(base() + "/camunda/app/tasklist/");
      assertThat(((JavascriptExecutor) browser).executeScript(
          "return window.sessionStorage.getItem('isms-after-login');")).isNull();
    }
  }

  private String base() {
    return "http://localhost:" + port;
  }

  private static By row(ProcessInstance instance) {
    return By.cssSelector("#results tr[data-key='" + instance.getBusinessKey() + "']");
  }

  private String text(By locator) {
    return browser.findElement(locator).getText();
  }

  private static String text(WebElement table, ProcessInstance instance) {
    return table.findElement(By.cssSelector("tr[data-key='" + instance.getBusinessKey() + "']")).getText();
  }

  /** Errors the page wrote to the console since the last call. */
  private List<String> severeConsoleErrors() {
    return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
  }

  private void login(String user) {
    browser.get(base() + "/camunda/app/tasklist/default/");
    loginForm(user);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "自分のタスク"));
    browser.manage().logs().get(LogType.BROWSER);
  }

  /** Fills Tasklist's login form, wherever the browser was sent to it from. */
  private void loginForm(String user) {
    WebElement username = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("input[ng-model='username']")));
    username.sendKeys(user);
    browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys(DemoOrganisation.PASSWORD);
    browser.findElement(By.cssSelector("button[type='submit']")).click();
  }

  private void logout() {
    browser.manage().deleteAllCookies();
    ((JavascriptExecutor) browser).executeScript("window.sessionStorage.clear();");
  }

  private void click(WebElement element) {
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    try {
      element.click();
    } catch (RuntimeException e) {
      ((JavascriptExecutor) browser).executeScript("arguments[0].click();", element);
    }
  }

  private void screenshot(Path file) {
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
