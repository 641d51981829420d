package jp.sample.isms.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.support.DemoOrganisation;

/**
 * 組織の管理 in Debian's headless Chromium, as suzuki (システム管理者) uses it: adds a department and a section,
 * renames the section, closes it, and is told in Japanese why a department with persons does not close; the page
 * lists the change. HTTP Basic is sent by the browser (a header set through the DevTools protocol). Tagged "browser".
 */
@Tag("browser")
@IsmsSpringBootTest
class AdministrationPageBrowserIT {

  @LocalServerPort
  int port;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  IdentityService identityService;

  ChromeDriver browser;
  WebDriverWait wait;

  @BeforeEach
  void openBrowser() throws Exception {
    ChromeOptions options = Chromium.options();
    browser = Chromium.start(options);
    wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    String basic = Base64.getEncoder().encodeToString(("suzuki:" + DemoOrganisation.PASSWORD).getBytes(StandardCharsets.UTF_8));
    browser.executeCdpCommand("Network.enable", Map.of());
    browser.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Authorization", "Basic " + basic)));
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      screenshot("administration-last.png");
      browser.quit();
    }
    jdbc.update("delete from org_section where code = 'qa-lab'");
    jdbc.update("delete from org_department where code = 'qa'");
    for (String group : List.of("section-chief.qa-lab", "department-head.qa")) {
      identityService.deleteGroup(group);
    }
  }

  @Test
  void suzukiAddsRenamesAndClosesUnitsAndIsToldWhyADepartmentWithPersonsStaysOpen() {
    // given the page of the organisation
    browser.get("http://localhost:" + port + "/administration/");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("units"), "開発設計部"));

    // when suzuki adds 品質保証部 and its 試験課
    WebElement add = browser.findElement(By.id("add-department"));
    add.findElement(By.name("code")).sendKeys("qa");
    add.findElement(By.name("name")).sendKeys("品質保証部");
    add.findElement(By.cssSelector("button[type=submit]")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "部門「品質保証部」を追加しました"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-code='qa'] button[data-action='add-section']")));
    WebElement department = browser.findElement(By.cssSelector("tr[data-code='qa']"));
    department.findElement(By.cssSelector("input[placeholder='課コード']")).sendKeys("qa-lab");
    department.findElement(By.cssSelector("input[placeholder='課名']")).sendKeys("試験課");
    department.findElement(By.cssSelector("button[data-action='add-section']")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("units"), "qa-lab"));

    // and renames the section, then closes it
    WebElement section = browser.findElement(By.cssSelector("tr[data-code='qa-lab']"));
    WebElement name = section.findElement(By.tagName("input"));
    name.clear();
    name.sendKeys("検査課");
    section.findElement(By.cssSelector("button[data-action='rename']")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "「検査課」に変更しました"));
    browser.findElement(By.cssSelector("tr[data-code='qa-lab'] button[data-action='close']")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "qa-lab を閉鎖しました"));
    assertThat(browser.findElement(By.cssSelector("tr[data-code='qa-lab']")).getText()).contains("検査課", "閉鎖");
    screenshot("administration-units.png");

    // then a department with persons does not close, and the page says why
    browser.findElement(By.cssSelector("tr[data-code='development'] button[data-action='close']")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "閉鎖できません"));
    assertThat(browser.findElement(By.id("message")).getText()).contains("所属する従業員が", "人事異動");
    assertThat(browser.findElement(By.cssSelector("tr[data-code='development']")).getText()).contains("運用中");
    screenshot("administration-refused.png");

    // and every change is in the decision record
    assertThat(jdbc.queryForList("select step from audit_record where actor = 'suzuki' and comment like '%qa%' "
        + "order by id", String.class)).containsSubsequence("DepartmentAdded", "SectionAdded", "SectionRenamed",
        "SectionClosed");
  }

  private void screenshot(String name) {
    try {
      Files.write(Path.of("target", name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
