package jp.sample.isms.ui;

import static jp.sample.isms.ui.BrowserSteps.field;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

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
import jp.sample.isms.accounts.OrganisationChanges;
import jp.sample.isms.organisation.OrganisationService;
import jp.sample.isms.support.DemoOrganisation;

/**
 * 10.1 in Debian's headless Chromium: the system administrator suzuki files in Tasklist that watanabe becomes a second
 * audit officer; nothing changes until the security officer tanaka approves it in Tasklist; then the 組織体制図 shows
 * watanabe among the holders and the change with its request number. Tagged "browser".
 */
@Tag("browser")
@IsmsSpringBootTest
class RoleChangeBrowserIT {

  @LocalServerPort
  int port;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  OrganisationService organisation;
  @Autowired
  OrganisationChanges changes;

  WebDriver browser;
  WebDriverWait wait;
  BrowserSteps steps;

  @BeforeEach
  void openBrowser() throws Exception {
    ChromeDriver chrome = Chromium.start(Chromium.options());
    DocumentationImages.fixWindow(chrome);
    browser = chrome;
    wait = new WebDriverWait(browser, Duration.ofSeconds(90));
    steps = new BrowserSteps(browser, wait, "http://localhost:" + port);
  }

  @AfterEach
  void closeBrowser() {
    changes.removeRoleHolder("audit-officer", DemoOrganisation.DESIGN_CHIEF, "system", "test");
    if (browser != null) {
      screenshot("role-change-browser.png");
      browser.quit();
    }
  }

  @Test
  void suzukiFilesARoleChangeTanakaApprovesItAndTheChartShowsIt() {
    // suzuki files the change through the start form
    steps.login(DemoOrganisation.SYSTEM_ADMINISTRATOR);
    steps.clickText("a", "新しい申請");
    steps.clickText(".modal a", "役割変更申請");
    steps.click(wait.until(ExpectedConditions.elementToBeClickable(field("changeKind-0"))));
    WebElement select = browser.findElement(field("role")).findElement(By.xpath(".."));
    steps.click(select.findElement(By.cssSelector(".fjs-select-display, .fjs-input-group")));
    steps.clickText(".fjs-dropdownlist-item", "監査・点検責任者");
    browser.findElement(field("person")).sendKeys(DemoOrganisation.DESIGN_CHIEF);
    browser.findElement(field("changeReason")).sendKeys("監査・点検の体制を二人にする");
    steps.click(browser.findElement(By.cssSelector("button[ng-click='startProcessInstance()']")));

    ProcessInstance instance = wait.until(driver -> runtimeService.createProcessInstanceQuery()
        .processDefinitionKey("roleChange").variableValueEquals("requester", DemoOrganisation.SYSTEM_ADMINISTRATOR)
        .variableValueEquals("person", DemoOrganisation.DESIGN_CHIEF).list().stream().findFirst().orElse(null));
    assertThat(instance.getBusinessKey()).startsWith("RC-");
    assertThat(organisation.members("audit-officer")).containsExactly(DemoOrganisation.AUDIT_OFFICER);

    // tanaka approves it in 自分のグループのタスク
    browser.manage().deleteAllCookies();
    steps.login(DemoOrganisation.PRESIDENT);
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
    steps.click(wait.until(ExpectedConditions.presenceOfElementLocated(field("decision_Approval-0"))));
    steps.click(wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[ng-click='complete()']"))));
    wait.until(driver -> runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count() == 0);
    assertThat(organisation.members("audit-officer")).containsExactly(DemoOrganisation.AUDIT_OFFICER,
        DemoOrganisation.DESIGN_CHIEF);

    // the 組織体制図 shows it, with the request
    browser.get("http://localhost:" + port + "/organisation-chart/");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(
        By.cssSelector("#role-table tr[data-role='AUDIT_OFFICER'] .holders"), "渡辺 翔 (watanabe)"));
    WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector("#history-table tr[data-business-key='" + instance.getBusinessKey() + "']")));
    assertThat(row.getText()).contains("追加", "audit-officer", "渡辺 翔 (watanabe)", "鈴木 花子", "田中 一郎");
    assertThat(browser.findElement(By.id("department-tree")).getText()).contains("開発設計部", "伊藤 直樹");
    DocumentationImages.save(browser, "organisation-chart.png");
  }

  private void screenshot(String name) {
    try {
      Files.write(Path.of("target", name),
          ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
