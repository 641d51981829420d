package jp.sample.isms.ui;

import static jp.sample.isms.ui.BrowserSteps.field;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.takeout.TakeOutProcess;
import jp.sample.isms.support.DemoOrganisation;

/**
 * The Camunda 7.24 Tasklist in Debian's headless Chromium, as the demo users use it: Japanese labels, yamamoto files
 * an INTERNAL take-out through the Camunda Form, and ito finds it in 自分のグループのタスク, claims and approves it.
 * Needs /usr/bin/chromium and /usr/bin/chromedriver (.ci/run installs them); tagged "browser".
 */
@Tag("browser")
@IsmsSpringBootTest
class TasklistBrowserIT {

  @LocalServerPort
  int port;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  HistoryService historyService;

  WebDriver browser;
  WebDriverWait wait;
  BrowserSteps steps;

  @BeforeEach
  void openBrowser() throws Exception {
    ChromeOptions options = Chromium.options();
    ChromeDriver chrome = Chromium.start(options);
    DocumentationImages.fixWindow(chrome);
    browser = chrome;
    wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    steps = new BrowserSteps(browser, wait, "http://localhost:" + port);
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      // the last screen, for whoever reads a failure
      screenshot("tasklist-browser.png");
      browser.quit();
    }
  }

  @Test
  void yamamotoFilesATakeOutInTasklistAndItoApprovesIt() {
    // given yamamoto in Tasklist: Japanese labels and the ready-made filters
    steps.login(DemoOrganisation.DESIGN_EMPLOYEE);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "自分のグループのタスク"));
    assertThat(body()).contains("自分のタスク", "自分の申請", "期限切れ", "新しい申請").doesNotContain("プロセス");

    // when she files an INTERNAL take-out of her laptop through the start form
    steps.clickText("a", "新しい申請");
    steps.clickText(".modal a", "情報資産の社外持ち出し申請");
    WebElement description = wait.until(ExpectedConditions.elementToBeClickable(field("assetDescription")));
    description.sendKeys("設計図面 (ノートPC内)");
    // she finds the asset in the register by a word of its name and picks it: its classification is the register's
    WebElement search = browser.findElement(By.cssSelector(".isms-asset-search"));
    search.sendKeys("標準機");
    steps.click(wait.until(ExpectedConditions.elementToBeClickable(
        By.cssSelector(".isms-asset-option[data-asset-id='IA-0001']"))));
    assertThat(browser.findElement(field("assetIds")).getAttribute("value")).isEqualTo("IA-0001");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".isms-asset-chosen"),
        "機密性: 社外秘 (機密性1) / 管理責任者: 開発設計部"));
    chooseMedium("ノートパソコン");
    browser.findElement(field("destination")).sendKeys("協力会社 本社");
    browser.findElement(field("purpose")).sendKeys("図面レビュー");
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
    steps.typeDate("startDate-date", today);
    steps.typeDate("plannedReturnDate-date", today.plusDays(1));
    for (String attestation : List.of("attestDiskEncrypted", "attestEncryptedChannel", "attestKeptInSight")) {
      steps.click(browser.findElement(field(attestation)));
    }
    DocumentationImages.save(browser, "tasklist-start-form.png");
    steps.click(browser.findElement(By.cssSelector("button[ng-click='startProcessInstance()']")));

    // then the request waits for ito, and the notice says so with its number
    ProcessInstance instance = waitForInstanceOf(DemoOrganisation.DESIGN_EMPLOYEE);
    assertThat(instance.getBusinessKey()).startsWith("TO-");
    WebElement notice = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".isms-filed")));
    assertThat(notice.getText()).isEqualTo(instance.getBusinessKey()
        + " を申請しました。部門責任者 (開発設計部) 伊藤 直樹 さんの承認待ちです");
    assertThat(body()).doesNotContain("プロセス");
    Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(task.getTaskDefinitionKey()).isEqualTo(TakeOutProcess.TASK_APPROVE);

    // when ito opens 自分のグループのタスク, claims the task and approves it
    browser.manage().deleteAllCookies();
    steps.login(DemoOrganisation.DEVELOPMENT_HEAD);
    steps.clickText("a", "自分のグループのタスク");
    // the row shows the request number (filter variable businessKey and the task description)
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
    screenshot("tasklist-task.png");
    assertThat(body()).contains(instance.getBusinessKey(), "山本 さくら", "情報資産の社外持ち出し申請");
    steps.clickText("button, a", "担当する");
    WebElement approve = wait.until(ExpectedConditions.presenceOfElementLocated(field("decision-0")));
    steps.click(approve);
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'end'});",
        browser.findElement(By.cssSelector("button[ng-click='complete()']")));
    DocumentationImages.save(browser, "tasklist-approval.png");
    steps.click(wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[ng-click='complete()']"))));

    // then yamamoto is asked to report the return
    wait.until(driver -> taskService.createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(TakeOutProcess.TASK_REPORT_RETURN).count() == 1);
    assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(TakeOutProcess.TASK_APPROVE).singleResult().getAssignee()).isEqualTo(DemoOrganisation.DEVELOPMENT_HEAD);
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

  private String body() {
    return browser.findElement(By.tagName("body")).getText();
  }

  private ProcessInstance waitForInstanceOf(String requester) {
    return wait.until(driver -> runtimeService.createProcessInstanceQuery().processDefinitionKey(TakeOutProcess.KEY)
        .variableValueEquals("requester", requester).variableValueEquals("destination", "協力会社 本社").list()
        .stream().findFirst().orElse(null));
  }
}
