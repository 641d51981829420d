package jp.sample.isms.ui;

import static jp.sample.isms.ui.BrowserSteps.field;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.support.DemoOrganisation;

/**
 * A security approval in Debian's headless Chromium (7.4, 7.9, 7.3): yamamoto asks in Tasklist to install a
 * non-standard software on his PC (PC-DEV-001), suzuki (system administrator) reviews it, tanaka (security officer)
 * approves it, and nakamura (auditor) finds the software on the PC in the 社内IT機材管理台帳. Tagged "browser".
 */
@Tag("browser")
@IsmsSpringBootTest
class SecurityApprovalBrowserIT {

  static final String SOFTWARE = "Inkscape";
  static final String VERSION = "1.4 (ブラウザ試験)";

  @LocalServerPort
  int port;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  HistoryService historyService;
  @Autowired
  JdbcTemplate jdbc;

  ChromeDriver browser;
  WebDriverWait wait;
  BrowserSteps steps;

  @BeforeEach
  void openBrowser() throws Exception {
    browser = Chromium.start(Chromium.options());
    DocumentationImages.fixWindow(browser);
    wait = new WebDriverWait(browser, Duration.ofSeconds(90));
    steps = new BrowserSteps(browser, wait, "http://localhost:" + port);
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      screenshot("security-approval-browser.png");
      browser.quit();
    }
    jdbc.update("delete from it_device_software where software_version = ?", VERSION);
    jdbc.update("delete from approved_software where version = ?", VERSION);
  }

  @Test
  void yamamotoAsksToInstallSoftwareOnHisPcSuzukiReviewsTanakaApprovesAndItIsInTheItRegister() {
    // given yamamoto in Tasklist files a non-standard software for his PC
    steps.login(DemoOrganisation.DESIGN_EMPLOYEE);
    steps.clickText("a", "新しい申請");
    steps.clickText(".modal a", "情報セキュリティ承認申請");
    wait.until(ExpectedConditions.presenceOfElementLocated(field("requestType")));
    choose("requestType", "標準外 OS・ソフトウェアの導入");
    browser.findElement(field("purpose")).sendKeys("取扱説明書の図版を SVG で作成するため");
    wait.until(ExpectedConditions.visibilityOfElementLocated(field("subject"))).sendKeys(SOFTWARE);
    steps.click(browser.findElement(field("softwareCategory-0")));
    browser.findElement(field("softwareVersion")).sendKeys(VERSION);
    browser.findElement(field("vendor")).sendKeys("Inkscape Project");
    browser.findElement(field("targetDevices")).sendKeys("PC-DEV-001");
    steps.typeDate("vendorSupportUntil-date", LocalDate.now(ZoneId.of("Asia/Tokyo")).plusYears(2));
    browser.findElement(field("licence")).sendKeys("GPL (無償)");
    DocumentationImages.save(browser, "security-approval-start-form.png");
    steps.click(browser.findElement(By.cssSelector("button[ng-click='startProcessInstance()']")));
    ProcessInstance instance = wait.until(driver -> runtimeService.createProcessInstanceQuery()
        .processDefinitionKey("securityApproval").variableValueEquals("softwareVersion", VERSION).list().stream()
        .findFirst().orElse(null));
    assertThat(instance.getBusinessKey()).startsWith("SA-");

    // when suzuki reviews it (the requirements are met) and tanaka approves it, each in Tasklist
    decide(DemoOrganisation.SYSTEM_ADMINISTRATOR, instance, "UserTask_ReviewRequest", "requirementsConfirmed");
    decide(DemoOrganisation.PRESIDENT, instance, "UserTask_ApproveRequest", "reviewedIndividually");
    wait.until(driver -> historyService.createHistoricProcessInstanceQuery().processInstanceId(instance.getId())
        .finished().count() == 1);

    // then nakamura finds the software on yamamoto's PC in the 社内IT機材管理台帳 and on the approved list
    browser.manage().deleteAllCookies();
    String basic = Base64.getEncoder().encodeToString(("nakamura:" + DemoOrganisation.PASSWORD).getBytes(StandardCharsets.UTF_8));
    browser.executeCdpCommand("Network.enable", Map.of());
    browser.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Authorization",
        "Basic " + basic)));
    browser.get("http://localhost:" + port + "/audit/registers.html?register=it-devices&deviceId=PC-DEV-001");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("rows"), SOFTWARE + " " + VERSION));
    assertThat(browser.findElement(By.id("rows")).getText()).contains("PC-DEV-001", instance.getBusinessKey());
    DocumentationImages.save(browser, "security-approval-it-register.png");
    browser.get("http://localhost:" + port + "/audit/registers.html?register=approved-software&name=" + SOFTWARE);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("rows"), instance.getBusinessKey()));
    assertThat(browser.findElement(By.id("rows")).getText()).contains(VERSION, "田中 一郎 (tanaka)", "PC-DEV-001");
  }

  private void decide(String user, ProcessInstance instance, String step, String confirmation) {
    wait.until(driver -> taskService.createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(step).count() == 1);
    browser.manage().deleteAllCookies();
    steps.login(user);
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
    steps.click(wait.until(ExpectedConditions.presenceOfElementLocated(field(confirmation))));
    steps.click(browser.findElement(field("decision-0")));
    steps.click(wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[ng-click='complete()']"))));
    wait.until(driver -> taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(step)
        .count() == 0);
  }

  private void choose(String key, String label) {
    WebElement select = browser.findElement(field(key)).findElement(By.xpath(".."));
    steps.click(select.findElement(By.cssSelector(".fjs-select-display, .fjs-input-group")));
    steps.clickText(".fjs-dropdownlist-item", label);
  }

  private void screenshot(String name) {
    try {
      Files.write(Path.of("target", name), browser.getScreenshotAs(OutputType.BYTES));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
