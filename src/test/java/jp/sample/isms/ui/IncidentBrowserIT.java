package jp.sample.isms.ui;

import static jp.sample.isms.ui.BrowserSteps.field;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.incident.IncidentProcess;
import jp.sample.isms.support.DemoOrganisation;

/**
 * An incident in the Camunda 7.24 Tasklist in Debian's headless Chromium: kobayashi reports a lost USB stick with
 * customer data through the short start form, and takahashi (incident officer) finds it in 自分のグループのタスク
 * within the same minute. Tagged "browser".
 */
@Tag("browser")
@IsmsSpringBootTest
class IncidentBrowserIT {

  @LocalServerPort
  int port;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;

  WebDriver browser;
  WebDriverWait wait;
  BrowserSteps steps;

  @BeforeEach
  void openBrowser() throws Exception {
    ChromeDriver chrome = Chromium.start(Chromium.options());
    DocumentationImages.fixWindow(chrome);
    browser = chrome;
    // the first page load compiles the webapp: slow on a busy machine
    wait = new WebDriverWait(browser, Duration.ofSeconds(90));
    steps = new BrowserSteps(browser, wait, "http://localhost:" + port);
  }

  @AfterEach
  void closeBrowser() throws Exception {
    if (browser != null) {
      Files.write(Path.of("target", "incident-browser.png"),
          ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
      browser.quit();
    }
  }

  @Test
  void kobayashiReportsALostUsbStickAndTakahashiSeesItInHisTasksWithinTheMinute() {
    // given kobayashi in Tasklist
    steps.login(DemoOrganisation.PRODUCTION_EMPLOYEE);
    steps.clickText("a", "新しい申請");
    steps.clickText(".modal a", "情報セキュリティインシデント報告");

    // when she reports the lost USB stick with the customer list: what, when, the kind and two answers
    WebElement summary = wait.until(ExpectedConditions.elementToBeClickable(field("summary")));
    summary.sendKeys("顧客名簿を保存した USB メモリを電車内で紛失した");
    steps.typeDate("discoveredAt-date", LocalDate.now(ZoneId.of("Asia/Tokyo")));
    steps.click(browser.findElement(By.cssSelector("input[id*='Field_incidentKind'][value='LEAK'], "
        + "input[id*='Field_incidentKind'][id$='-0']")));
    steps.click(browser.findElement(field("personalData")));
    steps.click(browser.findElement(field("customersAffected")));
    DocumentationImages.save(browser, "tasklist-incident-report.png");
    steps.click(browser.findElement(By.cssSelector("button[ng-click='startProcessInstance()']")));
    Instant reported = Instant.now();

    // then it is a level-3 incident waiting for the president and the incident officer
    ProcessInstance instance = wait.until(driver -> runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(IncidentProcess.KEY).variableValueEquals("requester",
            DemoOrganisation.PRODUCTION_EMPLOYEE)
        .variableValueEquals("summary", "顧客名簿を保存した USB メモリを電車内で紛失した").list().stream().findFirst()
        .orElse(null));
    assertThat(instance.getBusinessKey()).startsWith("IN-");
    assertThat(taskService.createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(IncidentProcess.TASK_ACKNOWLEDGE).count()).isEqualTo(2);

    // when takahashi opens 自分のグループのタスク, then the acknowledgement is there
    browser.manage().deleteAllCookies();
    steps.login(DemoOrganisation.MANUFACTURING_HEAD);
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
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "インシデントの報告を受領する"));
    assertThat(Duration.between(reported, Instant.now())).isLessThan(Duration.ofMinutes(1));
    assertThat(body()).contains(instance.getBusinessKey(), "小林 優");
    DocumentationImages.save(browser, "tasklist-incident-acknowledgement.png");
  }

  private String body() {
    return browser.findElement(By.tagName("body")).getText();
  }
}
