package jp.sample.isms.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.support.DemoOrganisation;

/**
 * 年間計画 (/plan/) in Debian's headless Chromium at 1400×1000: the security officer sees the year's duties with their
 * statuses and filters them by clause and role; an employee is refused. Writes docs/images/annual-plan.png. Tagged
 * "browser".
 */
@Tag("browser")
@IsmsSpringBootTest
class AnnualPlanBrowserIT {

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  JdbcTemplate jdbc;

  ChromeDriver browser;
  WebDriverWait wait;

  @BeforeEach
  void setUp() {
    // the scheduler has filed the occurrences of 1 April 2026
    ClockUtil.setCurrentTime(
        Date.from(LocalDate.of(2026, 4, 1).atTime(10, 0).atZone(ZoneId.of("Asia/Tokyo")).toInstant()));
    Job nightly = engine.getManagementService().createJobQuery().processDefinitionKey("periodicDutySchedule")
        .timers().singleResult();
    engine.getManagementService().executeJob(nightly.getId());
    ClockUtil.reset();
    browser = Chromium.start(Chromium.options());
    wait = new WebDriverWait(browser, Duration.ofSeconds(90));
  }

  @AfterEach
  void tearDown() {
    if (browser != null) {
      screenshot(Path.of("target", "annual-plan-last.png"));
      browser.quit();
    }
    engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("periodicDuty").list()
        .forEach(i -> engine.getRuntimeService().deleteProcessInstance(i.getId(), "test over"));
    jdbc.update("delete from periodic_duty_occurrence");
  }

  @Test
  void theSecurityOfficerReadsAndFiltersTheYearsPlanAndAnEmployeeIsRefused() {
    // when tanaka opens 年間計画 for business year 2026
    login(DemoOrganisation.PRESIDENT);
    browser.get(base() + "/plan/?year=2026");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("summary"), "2026年度"));

    // then every duty of the year is there with its status
    String table = browser.findElement(By.id("results")).getText();
    assertThat(table).contains("ログの確認 (サーバー・UTM 通知)", "期限切れ", "実施中", "予定", "アクセス権限の見直し",
        "開発設計部", "情報セキュリティ教育", "事業継続計画の検証");
    assertThat(browser.findElement(By.id("reader")).getText()).isEqualTo("田中 一郎");
    assertThat(browser.findElement(By.id("csv")).getAttribute("href")).contains("/api/periodic-duties/plan.csv");
    screenshot(Path.of("docs", "images", "annual-plan.png"));

    // when he filters by clause 2.4, only the education remains
    new Select(browser.findElement(By.id("clause"))).selectByValue("2.4");
    click(browser.findElement(By.cssSelector("#search button[type='submit']")));
    wait.until(driver -> driver.findElements(By.cssSelector("#results tbody tr")).size() == 1);
    assertThat(browser.findElement(By.id("results")).getText()).contains("情報セキュリティ教育", "教育責任者")
        .doesNotContain("ログの確認");
    assertThat(browser.getCurrentUrl()).contains("clause=2.4");

    // and by role: the department heads' duties
    new Select(browser.findElement(By.id("clause"))).selectByValue("");
    new Select(browser.findElement(By.id("role"))).selectByValue("DEPARTMENT_HEAD");
    click(browser.findElement(By.cssSelector("#search button[type='submit']")));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("results"), "製造部"));
    assertThat(browser.findElement(By.id("results")).getText()).doesNotContain("ログの確認");

    // when yamamoto opens it, she is refused and sees nothing of the plan
    browser.manage().deleteAllCookies();
    login(DemoOrganisation.DESIGN_EMPLOYEE);
    browser.get(base() + "/plan/?year=2026");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "年間計画は情報セキュリティ責任者"));
    assertThat(browser.findElement(By.id("results")).isDisplayed()).isFalse();
  }

  private String base() {
    return "http://localhost:" + port;
  }

  /**
   * Logs in to the webapps' session as the Tasklist login form does, by its endpoint (with the CSRF token the webapps
   * set), without waiting for the whole Tasklist application to load.
   */
  private void login(String user) {
    browser.get(base() + "/camunda/api/engine/engine");
    wait.until(driver -> String.valueOf(((JavascriptExecutor) driver).executeScript("return document.cookie;"))
        .contains("XSRF-TOKEN"));
    Object status = ((JavascriptExecutor) browser).executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        const token = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN=')).split('=')[1];
        fetch('/camunda/api/admin/auth/user/default/login/tasklist', {method: 'POST', credentials: 'same-origin',
          headers: {'Content-Type': 'application/x-www-form-urlencoded', 'X-XSRF-TOKEN': token},
          body: 'username=' + encodeURIComponent(arguments[0]) + '&password=' + encodeURIComponent(arguments[1])})
          .then(r => done(r.status), e => done(String(e)));
        """, user, DemoOrganisation.PASSWORD);
    assertThat(String.valueOf(status)).as("login of " + user).isEqualTo("200");
  }

  private void click(WebElement element) {
    ((JavascriptExecutor) browser).executeScript("arguments[0].click();", element);
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
